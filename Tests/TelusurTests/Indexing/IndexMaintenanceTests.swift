import Foundation
import Testing
@testable import Telusur

/// The library side of remove, prune, compact, check and --wait.
@Suite struct IndexMaintenanceTests {
    @Test func exchangeSwapsTwoDirectoriesInOneStep() throws {
        let directory = TemporaryDirectory()
        try directory.write("a/isi-a", "a")
        try directory.write("b/isi-b", "b")
        try XapianMaintenance.exchange(directory.path + "/a", directory.path + "/b")
        #expect(FileManager.default.fileExists(atPath: directory.path + "/a/isi-b"))
        #expect(FileManager.default.fileExists(atPath: directory.path + "/b/isi-a"))
        #expect(throws: XapianError.self) { try XapianMaintenance.exchange(directory.path + "/a", directory.path + "/tidak-ada") }
    }

    @Test func originTermIsOnTheTitleDocumentOnlyAndOnlyWhenItFits() throws {
        let directory = TemporaryDirectory()
        var article = Fixtures.article("a", "Satu.", "Dua.")
        article.origin = "/srv/rilis/a.txt"
        var long = Fixtures.article("b", "Tiga.")
        long.origin = "/" + String(repeating: "d", count: 300) + "/b.txt"
        _ = try Fixtures.index([article, long], in: directory)
        let database = try XapianDatabase(paths: [directory.path + "/index"])
        #expect(try database.frequency(of: "XO/srv/rilis/a.txt") == 1)
        #expect(try database.terms(prefix: Schema.originPrefix).count == 1)
        #expect(DocumentCodec.originTerm(long.origin!) == nil)
    }

    @Test func aSourceTooLongForATermIsIndexedWithoutItsTerm() throws {
        let directory = TemporaryDirectory()
        let searcher = try Fixtures.index([
            Fixtures.article("a", source: String(repeating: "s", count: 300), "Bawaslu."),
            Fixtures.article("b", "Bawaslu juga."),
        ], in: directory)
        #expect(try searcher.statistics().articles == 2)
        #expect(try searcher.article(id: "a")?.source?.count == 300)
    }

    @Test func pruneRemovesOnlyArticlesWhoseFileIsGone() throws {
        let directory = TemporaryDirectory()
        let kept = try directory.write("rilis/ada.txt", "x")
        let location = IndexLocation(option: directory.path + "/index")
        let indexer = try Indexer(location: location)
        for (id, origin) in [("ada", kept), ("hilang", directory.path + "/rilis/hilang.txt"),
                             ("luar", directory.path + "/lain/hilang.txt"), ("stdin", nil)] {
            var article = Fixtures.article(id, "Isi \(id).")
            article.origin = origin
            try indexer.add(article)
        }
        let pruned = try indexer.prune(under: directory.path + "/rilis")
        #expect(pruned == [Indexer.PrunedArticle(id: "hilang", file: directory.path + "/rilis/hilang.txt")])
        let searcher = try Searcher(location: location)
        #expect(try searcher.statistics().articles == 3)
        // A file given itself (not a directory) is pruned by its own path.
        #expect(try indexer.prune(under: directory.path + "/lain/hilang.txt").map(\.id) == ["luar"])
    }

    @Test func checkerCountsArticlesAndFindsNothingWrongInAFreshIndex() throws {
        let directory = TemporaryDirectory()
        _ = try Fixtures.index([Fixtures.article("a", "Satu.", "Dua."), Fixtures.article("b", "Tiga.")], in: directory)
        let report = try IndexChecker(location: IndexLocation(option: directory.path + "/index")).check()
        #expect(report.isHealthy)
        #expect(report.articles == 2)
        #expect(report.paragraphs == 3)
        #expect(report.documents == 5)
        #expect(throws: IndexingError.self) { try IndexChecker(location: IndexLocation(option: directory.path + "/none")).check() }
    }

    @Test func lockWaitRetriesUntilTheLockIsFreeAndSaysSoOnce() throws {
        let directory = TemporaryDirectory()
        let location = IndexLocation(option: directory.path + "/index")
        _ = try Fixtures.index([Fixtures.article("a", "Satu.")], in: directory)
        var attempts = 0
        var announcements: [String] = []
        let value = try LockWait(interval: .milliseconds(5)).run({ () throws -> Int in
            attempts += 1
            if attempts < 4 { throw IndexingError.locked(index: location.path) }
            return 42
        }, waiting: { announcements.append($0) })
        #expect(value == 42)
        #expect(attempts == 4)
        #expect(announcements == [location.path + "/flintlock"])
        // Other errors are not waited on.
        #expect(throws: IndexingError.self) {
            try LockWait().run({ () throws -> Int in throw IndexingError.missing(index: "x") }, waiting: { _ in })
        }
    }

    @Test func writeLockKeepsIndexersOutAndNeedsAnIndex() throws {
        let directory = TemporaryDirectory()
        let location = IndexLocation(option: directory.path + "/index")
        #expect(throws: IndexingError.self) { try WriteLock(location: location) }
        #expect(!location.exists)  // not created by trying
        _ = try Fixtures.index([Fixtures.article("a", "Satu.")], in: directory)
        let lock = try WriteLock(location: location)
        #expect {
            _ = try Indexer(location: location)
        } throws: { error in
            guard case IndexingError.locked = error else { return false }
            return "\(error)".contains("--wait")
        }
        _ = lock
    }
}
