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
}
