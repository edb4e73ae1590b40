import Foundation
import Testing
@testable import Telusur

/// Issue 12: an index folder, article or query someone sends you can neither run a
/// command, nor take over the terminal, nor make telusur lose or remove the wrong
/// articles. Each test goes through the real executable.
@Suite struct SafetyTests {
    static func seedsIndex(_ directory: TemporaryDirectory) throws -> String {
        let index = directory.path + "/idx"
        let built = try CommandRunner.run(["index", "--index", index, Repository.seeds])
        #expect(built.status == 0, "\(built.stderr)")
        return index
    }

    /// A stub line `remote :PROGRAM` never runs from the index folder alone: not through
    /// any reading command, not through `./Index` or `$TELUSUR_INDEX`, not hidden in a
    /// nested stub or in a XAPIANDB file Xapian itself would read.
    @Test func anIndexFolderCannotRunACommand() throws {
        let directory = TemporaryDirectory()
        let real = try Self.seedsIndex(directory)
        let marker = directory.path + "/PWNED"
        let evil = "remote :sh -c touch${IFS}\(marker)\n"
        let folder = directory.path + "/sent"
        try directory.write("sent/shards.stub", evil)
        // A hidden variant: a local line pointing at a stub that runs the program and
        // then serves a real index, so the search would succeed.
        let hidden = "remote :sh -c touch${IFS}\(marker);exec${IFS}xapian-progsrv${IFS}\(real)\n"
        try directory.write("hidden/inner.stub", hidden)
        try directory.write("hidden/shards.stub", "auto inner.stub\n")
        // A database directory holding a XAPIANDB stub, which Xapian's auto backend reads.
        try directory.write("xapiandb/shards.stub", "auto db\n")
        try directory.write("xapiandb/db/XAPIANDB", hidden)
        try directory.write("Index/shards.stub", evil)

        let runs: [([String], [String: String], String?)] = [
            (["search", "--index", folder, "pemilu"], [:], nil),
            (["stats", "--index", folder], [:], nil),
            (["persons", "--index", folder], [:], nil),
            (["agencies", "--index", folder], [:], nil),
            (["similar", "--index", folder, "x"], [:], nil),
            (["search", "--index", directory.path + "/hidden", "pemilu"], [:], nil),
            (["search", "--index", directory.path + "/hidden/inner.stub", "pemilu"], [:], nil),
            (["search", "--index", directory.path + "/xapiandb", "pemilu"], [:], nil),
            (["search", "pemilu"], [:], directory.path),
            (["search", "pemilu"], ["TELUSUR_INDEX": folder], nil),
            (["repl", "--index", folder], [:], nil),
        ]
        for (arguments, environment, cwd) in runs {
            let result = try CommandRunner.run(arguments, stdin: ":quit\n", environment: environment, directory: cwd)
            #expect(result.status == 2, "\(arguments): \(result.stdout)")
            #expect(!FileManager.default.fileExists(atPath: marker), "\(arguments) ran the stub's command")
            if !arguments.contains(directory.path + "/xapiandb") {
                #expect(result.stderr.contains("would run a program") && result.stderr.contains("--allow-program-shards"),
                        "\(arguments): \(result.stderr)")
            }
        }
        // shard-server hands its paths to xapian-tcpsrv, which would read the XAPIANDB stub.
        let served = try CommandRunner.run(["shard-server", directory.path + "/xapiandb", "--port", "47311"])
        #expect(served.status == 2 && served.stderr.contains("not a telusur database directory"), "\(served.stderr)")
        #expect(!FileManager.default.fileExists(atPath: marker))
        // The user who trusts the line says so; then it runs.
        let allowed = try CommandRunner.run(["search", "--index", directory.path + "/hidden", "--allow-program-shards", "pemilu"])
        #expect(allowed.status == 0, "\(allowed.stderr)")
        #expect(FileManager.default.fileExists(atPath: marker))
    }
}

extension SafetyTests {
    /// `--prune` removes only articles whose files are known to be deleted: not those
    /// under a folder it cannot look into, and nothing when the PATH itself is gone.
    @Test func pruneRemovesOnlyWhatIsKnownToBeDeleted() throws {
        let directory = TemporaryDirectory()
        let index = directory.path + "/idx"
        let tree = directory.path + "/arsip"
        try directory.write("arsip/a.txt", "Judul A\n\nBawaslu Sumsel menggelar rapat.\n")
        try directory.write("arsip/sub/b.txt", "Judul B\n\nKPU Sumsel menggelar rapat.\n")
        try directory.write("arsip/hapus.txt", "Judul C\n\nPemilu damai di Sumsel.\n")
        #expect(try CommandRunner.run(["index", "--index", index, tree]).status == 0)
        try FileManager.default.removeItem(atPath: tree + "/hapus.txt")
        // sub/ can no longer be looked into: a loop of links (as root, chmod 000 does not stop reading).
        try FileManager.default.moveItem(atPath: tree + "/sub", toPath: directory.path + "/sub.saved")
        try FileManager.default.createSymbolicLink(atPath: tree + "/sub", withDestinationPath: "sub")
        let pruned = try CommandRunner.run(["index", "--index", index, "--prune", tree])
        #expect(pruned.stdout.contains("\"pruned\": 1"), "\(pruned.stdout) \(pruned.stderr)")
        let left = try CommandRunner.run(["search", "--index", index, "--ids", "rapat"])
        #expect(left.stdout.split(separator: "\n").count == 2, "\(left.stdout)")
        #expect(try CommandRunner.run(["search", "--index", index, "--ids", "damai"]).status == 1)

        // The PATH itself moved away: refused, nothing removed.
        try FileManager.default.moveItem(atPath: tree, toPath: tree + ".moved")
        let moved = try CommandRunner.run(["index", "--index", index, "--prune", tree])
        #expect(moved.status == 2)
        #expect(moved.stderr.contains("not pruning") && moved.stderr.contains("nothing was removed"), "\(moved.stderr)")
        #expect(try CommandRunner.run(["search", "--index", index, "--ids", "rapat"]).stdout.split(separator: "\n").count == 2)
    }
}

extension SafetyTests {
    /// Row 5: a term longer than Xapian's limit (a person made of two 150-byte
    /// capitalised words) is left out; the batch and its good articles are kept.
    @Test func aTooLongTermDoesNotRollBackTheBatch() throws {
        let directory = TemporaryDirectory()
        let long = "P" + String(repeating: "a", count: 149) + " " + "Q" + String(repeating: "b", count: 149)
        var lines = ""
        for number in 0..<5 {
            lines += #"{"id":"baik-\#(number)","title":"Rapat \#(number)","body":"Bawaslu Sumsel menggelar rapat pemilu."}"# + "\n"
        }
        lines += #"{"id":"panjang","title":"Nama panjang","body":"Kata \#(long) dalam rapat pemilu. Ujar \#(long)."}"# + "\n"
        let file = try directory.write("batch.jsonl", lines)
        let index = directory.path + "/idx"
        let built = try CommandRunner.run(["index", "--index", index, file])
        #expect(built.status == 0, "\(built.stderr)")
        let found = try CommandRunner.run(["search", "--index", index, "--ids", "--limit", "20", "pemilu"])
        #expect(found.stdout.split(separator: "\n").count == 6, "\(found.stdout)")
    }
}

extension SafetyTests {
    /// Rows 21 and 22: a huge paragraph is split at spaces and an article of very many
    /// paragraphs is joined into at most ``Article/maximumParagraphs`` documents; all
    /// the text stays searchable.
    @Test func hugeParagraphsAndArticlesAreBounded() throws {
        let directory = TemporaryDirectory()
        let words = (0..<200_000).map { "kata\($0 % 977)" }.joined(separator: " ")  // ~1.6 MB, one line
        let many = (0..<25_000).map { "Baris \($0) pemilu." }.joined(separator: "\n") + "\nBaris terakhir penutup."
        let file = try directory.write("besar.jsonl", [
            #"{"id":"panjang","title":"Satu paragraf","body":"awal \#(words) ujungnya"}"#,
            #"{"id":"banyak","title":"Banyak paragraf","body":"\#(many.replacingOccurrences(of: "\n", with: "\\n"))"}"#,
        ].joined(separator: "\n") + "\n")
        let index = directory.path + "/idx"
        let built = try CommandRunner.run(["index", "--index", index, "--batch", "1000", file])
        #expect(built.status == 0, "\(built.stderr)")
        let searcher = try Searcher(location: IndexLocation(option: index))
        let long = try #require(try searcher.article(id: "panjang"))
        #expect(long.paragraphs >= Array(words.utf8).count / Article.maximumParagraphBytes)
        let texts = try searcher.paragraphs(ofArticle: "panjang")
        #expect(texts.allSatisfy { $0.text.utf8.count <= Article.maximumParagraphBytes })
        #expect(texts.map(\.text).joined(separator: " ") == "awal \(words) ujungnya")
        let wide = try #require(try searcher.article(id: "banyak"))
        #expect(wide.paragraphs <= Article.maximumParagraphs)
        for query in ["ujungnya", "penutup", "awal"] {
            #expect(try CommandRunner.run(["search", "--index", index, "--ids", query]).status == 0, "\(query)")
        }
    }

    /// Row 23: a line far longer than any query is refused with a message, at once.
    @Test func theReplRefusesAGiantLine() throws {
        let directory = TemporaryDirectory()
        let index = try Self.seedsIndex(directory)
        let giant = String(repeating: "pemilu ", count: 300_000)
        let started = Date()
        let run = try CommandRunner.run(["repl", "--index", index], stdin: giant + "\nzero konflik\n")
        #expect(run.stderr.contains("line too long (2100000 bytes); a query or command is at most 64 KiB"), "\(run.stderr.prefix(300))")
        #expect(run.stdout.contains("2 articles"))
        #expect(Date().timeIntervalSince(started) < 30)
    }
}

extension SafetyTests {
    /// Row 20: `kill -9` of `shard-server` takes its xapian-tcpsrv with it; a port in
    /// use is an error without a "serving" line first.
    @Test func aKilledShardServerLeavesNoServerBehind() throws {
        let directory = TemporaryDirectory()
        let index = try Self.seedsIndex(directory)
        let port = 47_000 + Int(getpid() % 1000)
        let server = try BackgroundProcess(["shard-server", index, "--port", String(port)])
        #expect(BackgroundProcess.eventually { ShardServer.accepts(host: "127.0.0.1", port: port) }, "\(server.stderr)")
        #expect(BackgroundProcess.eventually { server.stderr.contains("serving") })

        let second = try CommandRunner.run(["shard-server", index, "--port", String(port)])
        #expect(second.status != 0)
        #expect(!second.stderr.contains("serving") && second.stderr.contains("in use"), "\(second.stderr)")

        server.kill9()
        #expect(BackgroundProcess.eventually(timeout: 10) { !ShardServer.accepts(host: "127.0.0.1", port: port) },
                "xapian-tcpsrv still listens on \(port) after its shard-server was killed")
    }
}
