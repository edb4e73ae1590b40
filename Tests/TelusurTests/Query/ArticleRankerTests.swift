import Foundation
import Testing
@testable import Telusur

/// Articles about the query first: the properties ``ArticleRanker`` adds, each on a
/// small real index where the old ranking (best paragraph alone, b 0.9, Xapian's
/// `min_normlen` 0.5, ties by date) puts the passing mention first.
@Suite struct ArticleRankerTests {
    /// The ranking before issue 20, to show what each test relies on.
    static let bestParagraphOnly = Searcher.Ranking(k1: 1.2, b: 0.9, titleWeight: 1.0, minNormLength: 0.5,
                                                    articleEvidence: false)

    @Test func anArticleThatReturnsToTheTopicBeatsAOneLineMention() throws {
        let directory = TemporaryDirectory()
        let searcher = try Fixtures.index([
            Fixtures.article("tentang", title: "Gizi anak di Kepulauan Aru", date: "2019-09-01",
                             "Pemerintah kabupaten menargetkan angka stunting turun tahun depan melalui pemeriksaan rutin ibu hamil dan balita di setiap posyandu desa.",
                             "Petugas gizi mendata balita stunting di tiga kecamatan terjauh dan membagikan makanan tambahan setiap bulan kepada keluarga mereka.",
                             "Menurut dinas kesehatan, pencegahan stunting juga membutuhkan air bersih dan jamban sehat di rumah warga."),
            Fixtures.article("sekilas", title: "Pasar murah di alun-alun", date: "2019-09-05",
                             "Pemerintah kota menggelar pasar murah selama tiga hari di alun-alun dengan puluhan pedagang beras, minyak goreng dan telur.",
                             "Stunting juga dibahas.",
                             "Pengunjung memadati lokasi sejak pagi hari."),
        ], in: directory)
        let options = SearchOptions(group: false)
        #expect(try searcher.search("stunting", options: options).hits.map(\.article.id) == ["tentang", "sekilas"])
        searcher.ranking = Self.bestParagraphOnly
        #expect(try searcher.search("stunting", options: options).hits.map(\.article.id) == ["sekilas", "tentang"])
    }

    @Test func wordsNextToEachOtherBeatTheSameWordsApart() throws {
        // Both paragraphs have 15 words, each word once: the old ranking ties them and
        // the newer article wins; the phrase part of the query lifts the adjacent words.
        let directory = TemporaryDirectory()
        let searcher = try Fixtures.index([
            Fixtures.article("frasa", title: "Proyek transportasi", date: "2019-09-01",
                             "Proyek kereta cepat Jakarta Bandung ditargetkan selesai tahun depan kata direktur perusahaan itu kepada wartawan."),
            Fixtures.article("terpisah", title: "Cuaca buruk", date: "2019-09-02",
                             "Kereta barang tiba terlambat karena hujan sehingga petugas bekerja cepat memindahkan muatan ke gudang stasiun."),
        ], in: directory)
        let options = SearchOptions(group: false)
        #expect(try searcher.search("kereta cepat", options: options).hits.map(\.article.id) == ["frasa", "terpisah"])
        searcher.ranking = Self.bestParagraphOnly
        #expect(try searcher.search("kereta cepat", options: options).hits.map(\.article.id) == ["terpisah", "frasa"])
    }

    @Test func theQueryInTheTitleBeatsAShortParagraphThatMentionsIt() throws {
        let directory = TemporaryDirectory()
        let searcher = try Fixtures.index([
            Fixtures.article("judul", title: "Dana desa dipakai membangun jalan dan jembatan antardusun", date: "2019-09-01",
                             "Pemerintah desa memakai dana desa tahun ini untuk membangun jalan dan jembatan yang menghubungkan dusun dengan pasar kecamatan, sehingga warga lebih mudah menjual hasil kebun mereka ke kota.",
                             "Kepala desa mengatakan laporan penggunaan anggaran itu dibuka untuk warga setiap tiga bulan di balai desa bersama pendamping dari kabupaten."),
            Fixtures.article("singgung", title: "Festival kuliner di alun-alun", date: "2019-09-05",
                             "Festival kuliner digelar tiga hari di alun-alun kota dengan puluhan pedagang dari berbagai daerah.",
                             "Dana desa ikut mendukung.",
                             "Pengunjung memadati lokasi sejak sore hari."),
        ], in: directory)
        let results = try searcher.search("\"dana desa\"", options: SearchOptions(paragraphsPerArticle: 2, group: false))
        #expect(results.hits.map(\.article.id) == ["judul", "singgung"])
        // The matching paragraphs shown are the title and the lead.
        #expect(Set(try #require(results.hits.first).paragraphs.map(\.number)) == [0, 1])
    }

    @Test func pagesFollowTheRankedOrder() throws {
        let directory = TemporaryDirectory()
        let articles = (1...12).map { n in
            Fixtures.article("a\(n)", title: "Berita \(n)", date: String(format: "2019-09-%02d", n),
                             String(repeating: "Banjir melanda kampung pada musim hujan. ", count: n % 4 + 1))
        }
        let searcher = try Fixtures.index(articles, in: directory)
        let all = try searcher.search("banjir", options: SearchOptions(limit: 12, group: false)).hits.map(\.article.id)
        let first = try searcher.search("banjir", options: SearchOptions(limit: 5, group: false)).hits.map(\.article.id)
        let second = try searcher.search("banjir", options: SearchOptions(limit: 5, offset: 5, group: false)).hits.map(\.article.id)
        #expect(all.count == 12)
        #expect(first + second == Array(all.prefix(10)))
        #expect(try searcher.search("banjir", options: SearchOptions(limit: 5, offset: 5, group: false)).hits.first?.rank == 6)
    }
}
