import Foundation
import Testing
@testable import Telusur

@Suite("FeedArticleReader")
struct FeedArticleReaderTests {
    static let rss = """

        <?xml version="1.0" encoding="UTF-8"?>
        <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
        <channel>
          <title><![CDATA[ Kabar Sumsel ]]></title>
          <link>https://kabarsumsel.example/</link>
          <item>
            <title><![CDATA[
              Gubernur Resmikan Jembatan
            ]]></title>
            <link>https://kabarsumsel.example/a?utm_source=rss&amp;id=7</link>
            <guid isPermaLink="false">1</guid>
            <pubDate>Wed, 07 Feb 2024 21:30:00 +0700</pubDate>
            <description>&lt;img src="x.jpg"&gt; Ringkasan pendek.</description>
            <content:encoded><![CDATA[<p>Gubernur meresmikan jembatan baru.</p><p>Baca juga: <a href="/b">Lain</a></p><p>Warga menyambut gembira.</p><script>x()</script>]]></content:encoded>
          </item>
          <item>
            <title>Rapat KPU</title>
            <link>https://kabarsumsel.example/b</link>
            <guid>1</guid>
            <pubDate>Thu, 08 Feb 2024 08:00:00 +0700</pubDate>
            <description>KPU menggelar rapat pleno.</description>
          </item>
          <item><title>Tanpa isi</title><link>https://kabarsumsel.example/c</link></item>
        </channel></rss>
        """

    @Test("one article per item: title, link, date, body through the HTML reader; numeric or repeated guids are not ids")
    func rss2() throws {
        let directory = try IngestFixture.Directory()
        let path = try directory.write("kabar.xml", Self.rss)
        let result = IngestFixture.read([path])
        #expect(result.articles.map(\.id) == ["https://kabarsumsel.example/a?id=7", "https://kabarsumsel.example/b"])
        #expect(result.articles.map(\.title) == ["Gubernur Resmikan Jembatan", "Rapat KPU"])
        #expect(result.articles.map(\.date) == ["2024-02-07", "2024-02-08"])
        #expect(result.articles.map(\.source) == ["Kabar Sumsel", "Kabar Sumsel"])
        #expect(result.articles[0].url == "https://kabarsumsel.example/a?utm_source=rss&id=7")
        #expect(result.articles[0].paragraphs.map(\.text) == ["Gubernur meresmikan jembatan baru.", "Warga menyambut gembira."])
        #expect(result.articles[1].paragraphs.map(\.text) == ["KPU menggelar rapat pleno."])
        // The item with no text is a problem at its line; the others are read.
        #expect(result.problems == [.noArticleText(IngestSourceLocation(path: path, line: 24), format: "feed item 3")])
    }

    @Test("Atom entries")
    func atom() throws {
        let atom = """
            <?xml version="1.0" encoding="utf-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom">
              <title>Humas Pemprov</title>
              <entry>
                <title type="html">Banjir &amp;amp; Longsor</title>
                <link rel="alternate" href="https://humas.example/banjir"/>
                <id>tag:humas.example,2024:1</id>
                <published>2024-03-01T07:00:00+07:00</published>
                <content type="html">&lt;p&gt;Banjir melanda tiga kecamatan.&lt;/p&gt;</content>
              </entry>
            </feed>
            """
        let directory = try IngestFixture.Directory()
        let path = try directory.write("humas.atom", atom)
        let result = IngestFixture.read([path])
        #expect(result.problems.isEmpty)
        #expect(result.articles == [Article(
            id: "https://humas.example/banjir", title: "Banjir & Longsor", date: "2024-03-01", source: "Humas Pemprov",
            url: "https://humas.example/banjir", paragraphs: [Paragraph(number: 1, text: "Banjir melanda tiga kecamatan.")]
        )])
    }

    @Test("a feed that is not well-formed XML, or XML that is not a feed, is a problem naming the file",
          arguments: [
            ("<rss><channel><item><title>Putus", "not well-formed XML"),
            ("<?xml version=\"1.0\"?><catatan>isi</catatan>", "its root element is <catatan>"),
          ])
    func malformed(text: String, reason: String) throws {
        let directory = try IngestFixture.Directory()
        let path = try directory.write("rusak.xml", text)
        let result = IngestFixture.read([path])
        #expect(result.articles.isEmpty)
        let problem = try #require(result.problems.first)
        #expect(problem.description.hasPrefix(path + ": cannot be read as an RSS or Atom feed ("), "\(problem)")
        #expect(problem.description.contains(reason), "\(problem)")
    }

    @Test("every real feed indexes: one article per item, sensible titles, dates and bodies",
          .enabled(if: IngestReal.isPresent))
    func realFeeds() throws {
        let folder = try #require(IngestReal.directory) + "/feeds"
        let items: [String: Int] = [
            "antara-terkini-2015-11-05-saved-as-html.xml": 20, "antara-terkini-2016-08-23.xml": 20,
            "detik-hot-2019-09-23.xml": 9, "detik-news-2016-08-23.xml": 10, "liputan6-2019-09-18.xml": 50,
            "pks-id-2016-08.xml": 10, "republika-2016-08-23.xml": 15, "tempo-2016.xml": 10,
            "tempo-ekonomi-2026-06-07-reserialized.xml": 9, "viva-politik-2016-08-23.xml": 200,
        ]
        for (file, count) in items {
            let result = IngestFixture.read([folder + "/" + file])
            #expect(result.problems.isEmpty, "\(file): \(result.problems)")
            #expect(result.articles.count == count, "\(file)")
            for article in result.articles {
                #expect(!article.title.isEmpty && !article.title.contains("<") && !article.title.hasPrefix(" "), "\(file): \(article.title)")
                #expect(article.date.map { $0.hasPrefix("20") } == true, "\(file): \(article.id)")
                #expect(article.url?.hasPrefix("http") == true, "\(file): \(article.id)")
                #expect(!article.body.contains("<img") && !article.body.contains("<p>") && !article.body.contains("]]>"), "\(file)")
                #expect(!article.paragraphs.isEmpty)
            }
        }
        // The feed that numbers its items 1…9 every day: ids are the links.
        let tempo = IngestFixture.read([folder + "/tempo-ekonomi-2026-06-07-reserialized.xml"]).articles
        #expect(tempo.allSatisfy { $0.id.hasPrefix("http") })
        // The saved ANTARA feed (a newline before <?xml): its first three links, as its scraper's test expects.
        let antara = IngestFixture.read([folder + "/antara-terkini-2015-11-05-saved-as-html.xml"]).articles
        #expect(antara.prefix(3).map(\.url) == [
            "http://www.antaranews.com/berita/527615/29-penerbangan-bandara-internasional-lombok-dibatalkan",
            "http://www.antaranews.com/berita/527614/mengatasi-kebuntuan-riset-pangan-indonesia",
            "http://www.antaranews.com/berita/527613/indonesia-akan-terima-kunjungan-presiden-italia",
        ])
    }
}
