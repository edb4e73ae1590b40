import Foundation
import Testing
@testable import Telusur

/// The real pages of `shared/ingest-real`, when the checkout sits beside `shared/`.
enum IngestReal {
    static let directory: String? = {
        for candidate in ["../shared/ingest-real", "../../shared/ingest-real"] {
            let path = (IngestFixture.projectRoot as NSString).appendingPathComponent(candidate)
            if FileManager.default.fileExists(atPath: path + "/SOURCES.md") {
                return (path as NSString).standardizingPath
            }
        }
        return nil
    }()

    static var isPresent: Bool { directory != nil }

    /// Token F1 of two texts: lowercased runs of letters and digits, as multisets.
    static func tokenF1(_ got: String, _ want: String) -> Double {
        func tokens(_ text: String) -> [String: Int] {
            var counts: [String: Int] = [:]
            for token in text.lowercased().split(whereSeparator: { !($0.isLetter || $0.isNumber) }) {
                counts[String(token), default: 0] += 1
            }
            return counts
        }
        let a = tokens(got), b = tokens(want)
        let common = a.reduce(0) { $0 + min($1.value, b[$1.key] ?? 0) }
        guard common > 0 else { return 0 }
        let precision = Double(common) / Double(a.values.reduce(0, +))
        let recall = Double(common) / Double(b.values.reduce(0, +))
        return 2 * precision * recall / (precision + recall)
    }
}

@Suite("HTMLArticleReader")
struct HTMLArticleReaderTests {
    static func read(_ html: String, name: String = "halaman.html") throws -> (articles: [Article], problems: [IngestError]) {
        let directory = try IngestFixture.Directory()
        let path = try directory.write(name, html)
        let result = IngestFixture.read([path])
        return (result.articles, result.problems)
    }

    static let page = """
        <!DOCTYPE html>
        <html lang="en"><head>
        <meta charset="utf-8">
        <title>Gubernur Resmikan Jembatan Musi - Kabar Sumsel</title>
        <meta property="og:title" content="Gubernur Resmikan Jembatan Musi | Kabar Sumsel">
        <meta property="og:site_name" content="Kabar Sumsel">
        <meta property="article:published_time" content="2024-02-07T21:30:00+07:00">
        <link rel="canonical" href="https://kabarsumsel.example/berita/jembatan-musi">
        <script>var iklan = "jangan diindeks";</script>
        <style>.x { color: red }</style>
        </head><body>
        <nav><a href="/">Beranda</a> <a href="/politik">Politik</a></nav>
        <div class="share-buttons"><a href="#">Bagikan ke Facebook</a></div>
        <article>
          <h1>Gubernur Resmikan Jembatan Musi</h1>
          <div class="byline">Oleh Reporter Kami</div>
          <figure><img src="a.jpg"><figcaption>Foto: jembatan baru di Palembang.</figcaption></figure>
          <p><strong>Palembang</strong> - Gubernur Sumatera Selatan meresmikan jembatan baru di atas Sungai Musi, Rabu (7/2/2024), disaksikan ribuan warga.</p>
          <p>Baca juga: <a href="/lain">Banjir di Muara Enim</a></p>
          <p>Jembatan sepanjang 1.200 meter itu menghubungkan Seberang Ulu dan Seberang Ilir, dan dibangun selama dua tahun dengan dana daerah.</p>
          <div class="related-articles"><ul><li><a href="/1">Berita terkait satu</a></li><li><a href="/2">Berita terkait dua</a></li></ul></div>
          <p>"Jembatan ini untuk semua warga," kata gubernur dalam sambutannya, sambil berharap lalu lintas di pusat kota menjadi lebih lancar.</p>
          <div class="ads"><p>Iklan: beli rumah murah sekarang juga di pameran properti terbesar.</p></div>
        </article>
        <footer>Hak cipta Kabar Sumsel</footer>
        </body></html>
        """

    @Test("title, date, source, url and paragraphs of a page; scripts, ads, share, related, captions and bylines left out")
    func page() throws {
        let result = try Self.read(Self.page)
        #expect(result.problems.isEmpty)
        let article = try #require(result.articles.first)
        #expect(article.id == "halaman.html")
        #expect(article.title == "Gubernur Resmikan Jembatan Musi")
        #expect(article.date == "2024-02-07")
        #expect(article.source == "Kabar Sumsel")
        #expect(article.url == "https://kabarsumsel.example/berita/jembatan-musi")
        #expect(article.paragraphs.map(\.text) == [
            "Palembang - Gubernur Sumatera Selatan meresmikan jembatan baru di atas Sungai Musi, Rabu (7/2/2024), disaksikan ribuan warga.",
            "Jembatan sepanjang 1.200 meter itu menghubungkan Seberang Ulu dan Seberang Ilir, dan dibangun selama dua tahun dengan dana daerah.",
            "\"Jembatan ini untuk semua warga,\" kata gubernur dalam sambutannya, sambil berharap lalu lintas di pusat kota menjadi lebih lancar.",
        ])
        for leftOut in ["jangan diindeks", "Beranda", "Bagikan", "Oleh Reporter", "Foto:", "Baca juga", "terkait", "Iklan", "Hak cipta"] {
            #expect(!article.body.contains(leftOut), "\(leftOut)")
        }
    }

    @Test("JSON-LD headline and datePublished come first; articleBody is used when the markup has less text")
    func jsonLD() throws {
        let html = """
            <html><head><meta charset="utf-8">
            <meta property="og:title" content="Judul OG yang lain">
            <meta property="article:published_time" content="2020-01-01">
            <script type="application/ld+json">
            {"@context": "https://schema.org", "@graph": [{"@type": "NewsArticle",
             "headline": "Judul dari JSON-LD", "datePublished": "2023-09-21T10:00:00+07:00",
             "publisher": {"@type": "Organization", "name": "Humas Sumsel"},
             "articleBody": "Rapat koordinasi pemilu digelar di Palembang dengan seluruh KPU kabupaten dan kota.\\nKetua KPU Sumatera Selatan meminta semua jajaran bekerja netral, profesional, dan transparan selama tahapan pemilu berlangsung hingga akhir."}]}
            </script></head>
            <body><div><p>Ringkasan singkat.</p></div></body></html>
            """
        let article = try #require(try Self.read(html).articles.first)
        #expect(article.title == "Judul dari JSON-LD")
        #expect(article.date == "2023-09-21")
        #expect(article.paragraphs.count == 2)
        #expect(article.paragraphs[0].text.hasPrefix("Rapat koordinasi pemilu"))
    }

    @Test("a page declaring ISO-8859-1 whose bytes are UTF-8 is read as UTF-8; a real Latin-1 page as Latin-1")
    func charsets() throws {
        let body = "<p>Warga Bogor menerima bantuan sosial dari pemerintah daerah pada hari Senin, kata pejabat di kantor café.</p>"
            + "<p>Bantuan itu dibagikan kepada seribu keluarga di dua belas kecamatan, menurut dinas sosial setempat.</p>"
        let declared = "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=iso-8859-1\"><title>Bantuan Café</title></head><body>\(body)</body></html>"
        let utf8 = try #require(try Self.read(declared).articles.first)
        #expect(utf8.title == "Bantuan Café")
        #expect(utf8.body.contains("café"))
        let directory = try IngestFixture.Directory()
        let latin1 = try directory.write("latin1.html", bytes: Array(declared.data(using: .isoLatin1)!))
        let result = IngestFixture.read([latin1])
        #expect(result.articles.first?.title == "Bantuan Café")
    }

    @Test("HTML is told by content: a page saved as .txt, or with no extension, is read as HTML")
    func contentFirst() throws {
        for name in ["halaman.txt", "halaman"] {
            let result = try Self.read(Self.page, name: name)
            #expect(result.articles.first?.title == "Gubernur Resmikan Jembatan Musi", "\(name)")
            #expect(result.articles.first?.body.contains("<") == false)
        }
    }

    @Test("a page with no article text is a problem naming the file")
    func noText() throws {
        let html = "<html><head><title>Indeks</title></head><body><ul><li><a href='/a'>Satu</a></li><li><a href='/b'>Dua</a></li></ul></body></html>"
        let directory = try IngestFixture.Directory()
        let path = try directory.write("indeks.html", html)
        let result = IngestFixture.read([path])
        #expect(result.articles.isEmpty)
        #expect(result.problems == [.noArticleText(IngestSourceLocation(path: path), format: "HTML page")])
        #expect(result.problems.first?.description.hasPrefix(path + ": HTML page with no article text") == true)
    }

    @Test("a Markdown file whose body is CMS HTML is read without its markup")
    func markdownWithHTML() throws {
        let text = """
            ---
            title: Rapat Koordinasi
            date: 2024-06-20
            ---
            <p class="MsoNormal"><span style="font-size: 10pt;">Pontianak - Rapat koordinasi digelar.<o:p></o:p></span></p>
            <p class="MsoNormal"><span style="color: black;">Rapat dipimpin kepala bidang.</span></p>
            """
        let directory = try IngestFixture.Directory()
        let path = try directory.write("rapat.md", text)
        let article = try #require(IngestFixture.read([path]).articles.first)
        #expect(article.paragraphs.map(\.text) == ["Pontianak - Rapat koordinasi digelar.", "Rapat dipimpin kepala bidang."])
    }

    // MARK: Real pages

    struct Expected: Decodable {
        var title: String
        var date_wib: String
        var content: String
    }

    @Test("the six news pages with expected extractions: title and date equal, body token F1 at least 0.90",
          .enabled(if: IngestReal.isPresent))
    func fixturesWithExpected() throws {
        let folder = try #require(IngestReal.directory) + "/fixtures-with-expected/anpandu"
        let pages = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".html") }.sorted()
        #expect(pages.count == 6)
        var scores: [Double] = []
        for page in pages {
            let expectedData = try Data(contentsOf: URL(fileURLWithPath: folder + "/" + page.dropLast(5) + ".expected.json"))
            let expected = try JSONDecoder().decode(Expected.self, from: expectedData)
            let result = IngestFixture.read([folder + "/" + page])
            let article = try #require(result.articles.first, "\(page)")
            #expect(article.title == expected.title, "\(page)")
            #expect(article.date == String(expected.date_wib.prefix(10)), "\(page)")
            let score = IngestReal.tokenF1(article.body, expected.content)
            #expect(score >= 0.90, "\(page): F1 \(score)")
            scores.append(score)
        }
        #expect(scores.reduce(0, +) / Double(scores.count) >= 0.95)
    }

    @Test("the other real pages: sensible titles, dates and bodies; the listing page has no article text",
          .enabled(if: IngestReal.isPresent))
    func otherPages() throws {
        let folder = try #require(IngestReal.directory) + "/html"
        let expectations: [(file: String, title: String, date: String, opening: String)] = [
            ("detik-inet-2022-12-10-bos-kripto.html", "Bos Kripto yang Bangkrut Ngeles Soal Hobi Beli Rumah Mewah",
             "2022-12-10", "Jakarta - Salah satu fakta"),
            ("detik-sport-2022-12-10-maroko-vs-portugal.html", "Susunan Pemain Maroko Vs Portugal: Ronaldo Cadangan Lagi",
             "2022-12-10", "Doha - Maroko vs Portugal"),
            ("detik-travel-2022-12-10-kadispar-badung.html", "Kadispar Badung Jamin Wisman Tak Disweeping Imbas Pasal Zina KUHP",
             "2022-12-10", "Badung - Kepala Dinas Pariwisata Badung"),
            ("balitbang-kalbar-2024-06-20-rakor-ripj-pid.md", "Rapat Koordinasi Tim Penyusun RIPJ PID Provinsi Kalbar",
             "2024-06-20", "Pontianak-, Badan Penelitian"),
        ]
        for expected in expectations {
            let result = IngestFixture.read([folder + "/" + expected.file])
            #expect(result.problems.isEmpty, "\(expected.file): \(result.problems)")
            let article = try #require(result.articles.first, "\(expected.file)")
            #expect(article.title == expected.title)
            #expect(article.date == expected.date)
            #expect(article.paragraphs.first?.text.hasPrefix(expected.opening) == true, "\(article.paragraphs.first?.text ?? "")")
            #expect(article.paragraphs.count >= 4)
            for leftOut in ["<", "Baca juga", "ADVERTISEMENT", "SCROLL TO", "function(", "googletag"] {
                #expect(!article.body.contains(leftOut), "\(expected.file): \(leftOut)")
            }
        }
        let listing = folder + "/kompas-2016-02-23-mainpage-listing.html"
        #expect(IngestFixture.read([listing]).problems == [.noArticleText(IngestSourceLocation(path: listing), format: "HTML page")])
    }
}
