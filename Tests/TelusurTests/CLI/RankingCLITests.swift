import Foundation
import Testing

/// `telusur search` and `telusur bench` order articles by their evidence (ArticleRanker), end to end.
@Suite struct RankingCLITests {
    static let corpus = """
    {"id": "sekilas", "title": "Pasar murah di alun-alun", "date": "2019-09-05", "source": "contoh.id", "url": null, "body": "Pemerintah kota menggelar pasar murah selama tiga hari di alun-alun dengan puluhan pedagang beras, minyak goreng dan telur.\\nKereta cepat disebut.\\nPengunjung memadati lokasi sejak pagi hari."}
    {"id": "tentang", "title": "Kereta cepat Jakarta-Bandung diuji coba", "date": "2019-09-01", "source": "contoh.id", "url": null, "body": "Kereta cepat Jakarta-Bandung menjalani uji coba pertama dengan penumpang undangan dari stasiun Halim menuju Tegalluar.\\nOperator kereta cepat itu menyebut perjalanan ditempuh dalam empat puluh lima menit.\\nTarif kereta cepat akan diumumkan bulan depan."}
    {"id": "terpisah", "title": "Cuaca buruk", "date": "2019-09-06", "source": "contoh.id", "url": null, "body": "Kereta barang tiba terlambat karena hujan sehingga petugas bekerja cepat memindahkan muatan ke gudang stasiun."}

    """

    @Test func theArticleAboutTheQueryComesFirstAndThePassingMentionsAfter() throws {
        let directory = TemporaryDirectory()
        let index = directory.path + "/Index"
        let file = try directory.write("berita.jsonl", Self.corpus)
        let indexed = try CommandRunner.run(["index", "--index", index, file])
        #expect(indexed.status == 0, "\(indexed.stderr)")
        // Bare words: the article about them, then the one-line mention with the words
        // adjacent, then the words far apart (the newest, which ties used to favour).
        let bare = try CommandRunner.run(["search", "--index", index, "--ids", "kereta", "cepat"])
        #expect(bare.status == 0, "\(bare.stderr)")
        #expect(bare.stdout.split(separator: "\n") == ["tentang", "sekilas", "terpisah"])
        let json = try CommandRunner.run(["search", "--index", index, "--json", "kereta", "cepat"])
        let document = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let scores = try #require(document["results"] as? [[String: Any]]).compactMap { $0["score"] as? Double }
        #expect(scores.count == 3 && scores == scores.sorted(by: >))
        // Date order is not affected.
        let newest = try CommandRunner.run(["search", "--index", index, "--ids", "--sort", "-date", "kereta", "cepat"])
        #expect(newest.stdout.split(separator: "\n") == ["terpisah", "sekilas", "tentang"])
        // The benchmark command times the same ranking.
        let queries = try directory.write("q.txt", "kereta cepat\n")
        let bench = try CommandRunner.run(["bench", "--index", index, "--queries", queries, "--repeat", "1"])
        #expect(bench.status == 0, "\(bench.stderr)")
        #expect(bench.stdout.contains("\"top\":[\"tentang\",\"sekilas\",\"terpisah\"]"))
    }
}
