import Foundation
import Testing
@testable import Telusur

/// Several processes on one index: searches while an indexer commits, a second writer
/// refused with a clear message, and `--wait` queuing behind the first.
@Suite struct ConcurrencyTests {
    /// Each writing command, its arguments after `--index DIR`, and what shows it worked.
    static let writers: [(command: String, arguments: [String])] = [
        ("index", ["SEEDS"]),
        ("remove", ["000_b340dedaa94c42df.txt"]),
        ("compact", []),
    ]

    @Test(arguments: writers.map(\.command))
    func secondWriterIsToldAboutTheLockAndWaitQueuesBehindIt(command: String) throws {
        let directory = TemporaryDirectory()
        let index = directory.path + "/Index"
        #expect(try CommandRunner.run(["index", "--index", index, Repository.seeds]).status == 0)
        let extra = try directory.write("baru/extra.txt", "Rapat pleno KPU di Palembang.\n")
        let arguments = Self.writers.first { $0.command == command }!.arguments.map { $0 == "SEEDS" ? extra : $0 }

        var holder: WriteLock? = try WriteLock(location: IndexLocation(option: index))
        // Without --wait: exit status 2, a message naming the lock file and --wait.
        let refused = try CommandRunner.run([command, "--index", index] + arguments)
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("\(index) is locked by another telusur process"), "\(refused.stderr)")
        #expect(refused.stderr.contains("\(index)/flintlock"))
        #expect(refused.stderr.contains("--wait"))
        #expect(!refused.stderr.contains("DatabaseLockError"))

        // With --wait: says so once, stays queued while the lock is held, then succeeds.
        let waiting = try BackgroundProcess([command, "--wait", "--index", index] + arguments)
        #expect(BackgroundProcess.eventually { waiting.stderr.contains("waiting for the lock on \(index)/flintlock") })
        Thread.sleep(forTimeInterval: 0.5)
        #expect(waiting.process.isRunning, "it should still be waiting: \(waiting.stderr)")
        holder = nil
        _ = holder
        #expect(waiting.wait() == 0, "\(waiting.stderr)")
        #expect(waiting.stderr.components(separatedBy: "waiting for the lock").count == 2)  // said once

        let searcher = try Searcher(location: IndexLocation(option: index))
        switch command {
        case "index": #expect(try searcher.statistics().articles == 3)
        case "remove": #expect(try searcher.statistics().articles == 1)
        default: #expect(waiting.stdout.contains("compacted"))
        }
        #expect(try CommandRunner.run(["check", "--index", index]).status == 0)
    }

    @Test func searchesWhileIndexingAlwaysWorkAndSeeTheLastCommit() throws {
        let directory = TemporaryDirectory()
        let index = directory.path + "/Index"
        let (corpus, _) = try CrashSafetyTests.corpora(in: directory)
        // The index exists before the indexer starts, so every search has one to open.
        #expect(try CommandRunner.run(["index", "--index", index, Repository.seeds]).status == 0)

        let indexer = try BackgroundProcess(["index", "--batch", "50", "--index", index, corpus])
        var seen: [Int] = []
        repeat {
            let stats = try CommandRunner.run(["stats", "--json", "--index", index])
            #expect(stats.status == 0, "\(stats.stderr)")
            let object = try JSONSerialization.jsonObject(with: Data(stats.stdout.utf8)) as? [String: Any]
            if let articles = object?["articles"] as? Int { seen.append(articles) }
            let search = try CommandRunner.run(["search", "--json", "--index", index, "dan"])
            #expect(search.status == 0 || search.status == 1, "\(search.stderr)")
        } while indexer.process.isRunning
        #expect(indexer.wait() == 0, "\(indexer.stderr)")

        // Counts only grow (each is a committed state), and the end is everything.
        #expect(seen == seen.sorted(), "\(seen)")
        #expect(seen.count >= 2)
        print("ConcurrencyTests: article counts seen by stats while indexing: \(seen)")
        let final = try CommandRunner.run(["stats", "--json", "--index", index])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(final.stdout.utf8)) as? [String: Any])
        #expect(object["articles"] as? Int == 302)
    }

    @Test func aLongLivedReaderKeepsWorkingWhileAWriterCommitsMany() throws {
        let directory = TemporaryDirectory()
        let index = directory.path + "/Index"
        let (corpus, updated) = try CrashSafetyTests.corpora(in: directory)
        #expect(try CommandRunner.run(["index", "--index", index, Repository.seeds]).status == 0)
        let searcher = try Searcher(location: IndexLocation(option: index))
        #expect(try searcher.search("\"zero konflik\"").total.articles == 2)

        // Many commits that replace everything: the reader's revision is long gone.
        #expect(try CommandRunner.run(["index", "--batch", "50", "--index", index, corpus]).status == 0)
        #expect(try CommandRunner.run(["index", "--batch", "50", "--index", index, updated]).status == 0)

        // The old reader still answers (reopening when Xapian says the database moved on)…
        #expect(try searcher.search("\"zero konflik\"").total.articles >= 2)
        // …and after a refresh it sees the last commit.
        try searcher.refresh()
        #expect(try searcher.statistics().articles == 302)
    }
}
