import Foundation
import Testing
import Telusur

/// `telusur watch` through the real executable: files added, changed and removed
/// reach the index within two seconds; SIGTERM and SIGINT stop it cleanly.
@Suite struct WatchCommandTests {
    /// The article's paragraphs as the index has them now, or nil.
    static func indexed(_ id: String, in index: String) -> [String]? {
        guard let searcher = try? Searcher(location: IndexLocation(option: index)),
              let article = try? searcher.wholeArticle(id: id)
        else { return nil }
        return article.paragraphs.map(\.text)
    }

    static func within2s(_ condition: () -> Bool) -> Bool {
        BackgroundProcess.eventually(timeout: 2, condition)
    }

    @Test(arguments: [SIGTERM, SIGINT])
    func indexFollowsTheFilesAndStopsCleanly(signal: Int32) throws {
        let directory = TemporaryDirectory("watch-\(signal)")
        let index = directory.path + "/Index"
        let folder = directory.path + "/masuk"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        _ = try directory.write("masuk/awal.txt", "Artikel yang sudah ada sebelum watch.\n")
        let watch = try BackgroundProcess(["watch", "--index", index, "--no-entities", folder])
        #expect(BackgroundProcess.eventually(timeout: 20) { watch.stdout.contains("committed: 1 indexed") }, "\(watch.stdout)\(watch.stderr)")
        #expect(Self.indexed("awal.txt", in: index) == ["Artikel yang sudah ada sebelum watch."])

        // Added, in a new subdirectory too.
        _ = try directory.write("masuk/baru.txt", "Gubernur meresmikan jembatan.\n")
        try FileManager.default.createDirectory(atPath: folder + "/2024", withIntermediateDirectories: true)
        _ = try directory.write("masuk/2024/rilis.md", "# Rilis\nKPU menggelar rapat.\n")
        #expect(Self.within2s { Self.indexed("baru.txt", in: index) == ["Gubernur meresmikan jembatan."] }, "\(watch.stdout)")
        #expect(Self.within2s { Self.indexed("2024/rilis.md", in: index) == ["KPU menggelar rapat."] }, "\(watch.stdout)")

        // Changed.
        _ = try directory.write("masuk/baru.txt", "Gubernur meresmikan dua jembatan.\nWarga senang.\n")
        #expect(Self.within2s { Self.indexed("baru.txt", in: index) == ["Gubernur meresmikan dua jembatan.", "Warga senang."] })

        // Removed.
        try FileManager.default.removeItem(atPath: folder + "/awal.txt")
        #expect(Self.within2s { Self.indexed("awal.txt", in: index) == nil })

        #expect(watch.stdout.contains("indexed baru.txt (1 paragraph) from "))
        #expect(watch.stdout.contains("removed awal.txt"))
        _ = kill(watch.process.processIdentifier, signal)
        #expect(watch.wait(timeout: 10) == 0)
        #expect(watch.stdout.hasSuffix("stopped; everything indexed is committed\n"))
        // Nothing committed is lost, and the index opens for writing again (the lock is gone).
        #expect(Self.indexed("2024/rilis.md", in: index) == ["KPU menggelar rapat."])
        let again = try CommandRunner.run(["index", "--index", index, "--no-entities", folder])
        #expect(again.status == 0, "\(again.stderr)")
        #expect(again.stdout.contains("2 unchanged"))
    }

    @Test func feedsArePolledAndOnlyWhatChangedIsIndexed() throws {
        let server = try LocalHTTPServer(routes: [:])
        func feed(_ items: [(String, String)]) -> String {
            "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Kabar</title>"
                + items.map { "<item><title>\($0.0)</title><link>\(server.url("/b/" + $0.0))</link><description>\($0.1)</description></item>" }.joined()
                + "</channel></rss>"
        }
        server.set("/rss", .init(contentType: "application/rss+xml", body: feed([("satu", "Berita satu.")]), etag: "\"v1\""))
        let directory = TemporaryDirectory()
        let index = directory.path + "/Index"
        let list = try directory.write("feeds.txt", "# daftar\n\(server.url("/rss"))\n")
        let watch = try BackgroundProcess(["watch", "--index", index, "--no-entities", "--feeds", list, "--every", "0.01"])
        #expect(BackgroundProcess.eventually(timeout: 20) { Self.indexed(server.url("/b/satu"), in: index) == ["Berita satu."] },
                "\(watch.stdout)\(watch.stderr)")
        server.set("/rss", .init(contentType: "application/rss+xml",
                                 body: feed([("dua", "Berita dua."), ("satu", "Berita satu.")]), etag: "\"v2\""))
        #expect(Self.within2s { Self.indexed(server.url("/b/dua"), in: index) == ["Berita dua."] }, "\(watch.stdout)")
        // Between changes the server answers 304: nothing is fetched whole again.
        Thread.sleep(forTimeInterval: 1.5)
        let conditional = server.requests.filter { $0.headers["if-none-match"] == "\"v2\"" }
        #expect(!conditional.isEmpty)
        _ = kill(watch.process.processIdentifier, SIGTERM)
        #expect(watch.wait(timeout: 10) == 0)
        #expect(watch.stdout.components(separatedBy: "indexed " + server.url("/b/satu")).count == 2)  // once
    }
}
