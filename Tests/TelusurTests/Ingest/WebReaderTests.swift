import Foundation
import Testing
@testable import Telusur

@Suite("WebReader")
struct WebReaderTests {
    static func page(_ title: String, _ text: String) -> String {
        """
        <html><head><meta charset="utf-8"><title>\(title) - Kabar</title>
        <meta property="article:published_time" content="2024-02-07T10:00:00+07:00"></head>
        <body><article><h1>\(title)</h1><p>\(text)</p>
        <p>Paragraf kedua halaman ini cukup panjang, dengan beberapa kata lagi agar halaman dianggap berisi artikel yang utuh, lengkap dengan kutipan pejabat dan keterangan waktu serta tempat kegiatan itu berlangsung.</p></article></body></html>
        """
    }

    static func feed(_ server: LocalHTTPServer) -> String {
        """
        <?xml version="1.0"?><rss version="2.0"><channel><title>Kabar</title>
        <item><title>Jembatan</title><link>\(server.url("/berita/1"))</link><guid>1</guid><pubDate>Wed, 07 Feb 2024 10:00:00 +0700</pubDate><description>Lead jembatan.</description></item>
        <item><title>Rapat</title><link>\(server.url("/berita/2"))</link><guid>2</guid><pubDate>Thu, 08 Feb 2024 10:00:00 +0700</pubDate><description>Lead rapat.</description></item>
        <item><title>Hilang</title><link>\(server.url("/berita/hilang"))</link><guid>3</guid><pubDate>Fri, 09 Feb 2024 10:00:00 +0700</pubDate><description>Lead yang tetap diindeks.</description></item>
        </channel></rss>
        """
    }

    static func read(_ reader: WebReader) -> (articles: [Article], problems: [IngestError], summary: WebReader.Summary) {
        var articles: [Article] = []
        var problems: [IngestError] = []
        let summary = reader.read(article: { articles.append($0) }, problem: { problems.append($0) })
        return (articles, problems, summary)
    }

    static var fast: WebFetcher.Options {
        var options = WebFetcher.Options()
        options.delayPerHost = 0.05
        options.timeout = 2
        return options
    }

    @Test("a feed with --follow: each item's page gives the full text under the item's id; a 404 page leaves the lead and a problem; a re-run asks only if changed")
    func feedFollow() throws {
        let server = try LocalHTTPServer(routes: [:])
        server.set("/rss", .init(contentType: "application/rss+xml", body: Self.feed(server), etag: "\"f1\""))
        server.set("/berita/1", .init(body: Self.page("Jembatan Musi Diresmikan", "Gubernur meresmikan jembatan di Palembang."), etag: "\"p1\""))
        server.set("/berita/2", .init(body: Self.page("Rapat KPU Digelar", "KPU menggelar rapat pleno."), etag: "\"p2\""))
        let directory = try IngestFixture.Directory()
        let reader = WebReader(addresses: [server.url("/rss")], follow: true, cachePath: directory.path + "/cache.json", options: Self.fast)
        let first = Self.read(reader)
        #expect(first.articles.map(\.id) == [server.url("/berita/1"), server.url("/berita/2"), server.url("/berita/hilang")])
        #expect(first.articles.map(\.title) == ["Jembatan Musi Diresmikan", "Rapat KPU Digelar", "Hilang"])
        #expect(first.articles[0].paragraphs.first?.text == "Gubernur meresmikan jembatan di Palembang.")
        #expect(first.articles[2].paragraphs.map(\.text) == ["Lead yang tetap diindeks."])
        #expect(first.problems.map(\.description) == [
            server.url("/berita/hilang") + ": the server answered HTTP 404 (Not Found); check the address; the other inputs were read",
        ])
        #expect(server.requests.allSatisfy { $0.headers["user-agent"]?.hasPrefix("telusur/") == true })

        // Again: the feed has not changed (304), so nothing is fetched or indexed again.
        let second = Self.read(reader)
        #expect(second.articles.isEmpty)
        #expect(second.summary == WebReader.Summary(fetched: 0, unchanged: 1))
        #expect(server.requests.last?.headers["if-none-match"] == "\"f1\"")
    }

    @Test("a page by address is one article with the address as id; 500, timeouts and redirect loops are problems naming the address")
    func pagesAndFailures() throws {
        let server = try LocalHTTPServer(routes: [:])
        server.set("/halaman", .init(body: Self.page("Halaman Berita", "Isi halaman berita yang diambil.")))
        server.set("/rusak", .init(status: 500, contentType: "text/plain", body: "error"))
        server.set("/lambat", .init(body: "late", delay: 4))
        server.set("/putar", .init(status: 302, contentType: "text/plain", body: "", location: server.url("/putar")))
        let reader = WebReader(addresses: [server.url("/rusak"), server.url("/lambat"), server.url("/putar"), server.url("/halaman")],
                               options: Self.fast)
        let result = Self.read(reader)
        #expect(result.articles.map(\.id) == [server.url("/halaman")])
        #expect(result.articles.first?.title == "Halaman Berita")
        #expect(result.articles.first?.url == server.url("/halaman"))
        let messages = result.problems.map(\.description)
        #expect(messages.count == 3)
        #expect(messages[0].hasPrefix(server.url("/rusak") + ": the server answered HTTP 500"))
        #expect(messages[1].hasPrefix(server.url("/lambat") + ": no answer within 2 s"))
        #expect(messages[2].hasPrefix(server.url("/putar") + ": more than 5 redirects"))
    }
}
