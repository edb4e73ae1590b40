import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Sharded indexes and remote shards through the real executable.
@Suite(.timeLimit(.minutes(3)))
struct ShardCLITests {
    @Test func indexWithShardsBuildsAStubAndKeepsTheNumber() throws {
        let directory = TemporaryDirectory()
        let index = directory.path + "/Index"
        let indexed = try CommandRunner.run(["index", "--index", index, "--shards", "3", Repository.seeds])
        #expect(indexed.status == 0, "\(indexed.stderr)")
        #expect(indexed.stdout.contains("indexed 2 articles"))
        #expect(indexed.stdout.contains("3 shards"))
        let stub = try String(contentsOfFile: index + "/shards.stub", encoding: .utf8)
        #expect(stub.contains("auto shard-00\nauto shard-01\nauto shard-02\n"))
        let again = try CommandRunner.run(["index", "--index", index, Repository.seeds])
        #expect(again.stdout.contains("0 new, 0 replaced, 2 unchanged"))
        let other = try CommandRunner.run(["index", "--index", index, "--shards", "2", Repository.seeds])
        #expect(other.status == 2)
        #expect(other.stderr.contains("index \(index) has 3 shards and --shards asks for 2"))
        let found = try CommandRunner.run(["search", "--index", index, "zero konflik"])
        #expect(found.status == 0)
        #expect(found.stdout.contains("2 articles"))
        let stats = try CommandRunner.run(["stats", "--json", "--index", index])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(stats.stdout.utf8)) as? [String: Any])
        #expect(object["shards"] as? Int == 3)
        #expect(object["articles"] as? Int == 2)
    }

    @Test(.enabled(if: ShardedCorpus.isAvailable && TCPShardServer.isInstalled))
    func anUnreachableShardIsAnErrorUnlessPartialResultsAreAllowed() throws {
        let directory = TemporaryDirectory()
        let index = directory.path + "/Index"
        let lines = try CommandRunner.shell("zcat '\(ShardedCorpus.corpusFile)' | head -n 60")
        let indexed = try CommandRunner.run(["index", "--index", index, "--shards", "3", "-"], stdin: lines)
        #expect(indexed.status == 0, "\(indexed.stderr)")
        let servers = [try TCPShardServer(database: index + "/shard-01"), try TCPShardServer(database: index + "/shard-02")]
        let stub = try directory.write("mixed.stub", "auto Index/shard-00\nremote 127.0.0.1:\(servers[0].port)\nremote 127.0.0.1:\(servers[1].port)\n")
        func ids(_ index: String, _ extra: [String] = []) throws -> CommandRunner.Output {
            try CommandRunner.run(["search", "--index", index, "--json", "--limit", "100", "--facets"] + extra + ["presiden"])
        }
        let local = try ids(index)
        let remote = try ids(stub)
        #expect(local.status == 0 && remote.status == 0, "\(remote.stderr)")
        #expect(local.stdout == remote.stdout)

        servers[1].stop()
        let failed = try ids(stub)
        #expect(failed.status == 2)
        #expect(failed.stderr.contains("shard remote 127.0.0.1:\(servers[1].port) (line 3 of \(stub)) is unreachable"))
        #expect(failed.stderr.contains("telusur shard-server"))
        #expect(failed.stderr.contains("--allow-partial"))
        #expect(failed.stdout.isEmpty)

        let partial = try ids(stub, ["--allow-partial"])
        #expect(partial.status == 0, "\(partial.stderr)")
        #expect(partial.stderr.contains("searched 2 of 3 shards"))
        #expect(partial.stderr.contains("remote 127.0.0.1:\(servers[1].port) (line 3 of \(stub))"))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(partial.stdout.utf8)) as? [String: Any])
        let missing = try #require(object["missing_shards"] as? [[String: Any]])
        #expect(missing.count == 1)
        #expect(missing.first?["shard"] as? String == "remote 127.0.0.1:\(servers[1].port)")
        #expect(missing.first?["line"] as? Int == 3)
        #expect(missing.first?["stub"] as? String == stub)
        #expect((missing.first?["error"] as? String)?.contains("NetworkError") == true)
        let all = try #require((try JSONSerialization.jsonObject(with: Data(local.stdout.utf8)) as? [String: Any])?["total"] as? [String: Any])
        let some = try #require(object["total"] as? [String: Any])
        #expect((some["articles"] as? Int ?? 0) < (all["articles"] as? Int ?? 0))

        // The other reading commands take the same option.
        #expect(try CommandRunner.run(["stats", "--index", stub]).status == 2)
        let stats = try CommandRunner.run(["stats", "--index", stub, "--allow-partial"])
        #expect(stats.status == 0)
        #expect(stats.stdout.contains("shards       3 (2 remote)"))
        #expect(try CommandRunner.run(["persons", "--index", stub, "--allow-partial", "--top", "3"]).status == 0)
        #expect(try CommandRunner.run(["agency", "--index", stub, "--allow-partial", "DPR"]).status != 2)
    }

    @Test(.enabled(if: TCPShardServer.isInstalled))
    func shardServerServesUntilStopped() throws {
        let directory = TemporaryDirectory()
        let index = directory.path + "/Index"
        #expect(try CommandRunner.run(["index", "--index", index, "--shards", "2", Repository.seeds]).status == 0)
        var server: BackgroundCommand?
        var port = 0
        for _ in 0..<5 where server == nil {
            port = try TCPShardServer.freePort()
            let started = try BackgroundCommand(["shard-server", index + "/shard-01", "--port", String(port)], directory: directory)
            if started.waitUntil(timeout: 10, { TCPShardServer.canConnect(port: port) }) { server = started } else { started.kill() }
        }
        let running = try #require(server)
        defer { running.kill() }
        let stub = try directory.write("s.stub", "auto Index/shard-00\nremote 127.0.0.1:\(port)\n")
        let local = try CommandRunner.run(["search", "--index", index, "--ids", "zero konflik"])
        let remote = try CommandRunner.run(["search", "--index", stub, "--ids", "zero konflik"])
        #expect(remote.status == 0, "\(remote.stderr)")
        #expect(remote.stdout == local.stdout)

        running.signal(SIGTERM)
        #expect(running.waitUntil(timeout: 10) { !running.isRunning })
        #expect(running.status == 0)
        #expect(running.stderr.contains("serving \(index)/shard-01 on 127.0.0.1:\(port)"))
        #expect(!TCPShardServer.canConnect(port: port))  // the server and its connection processes are gone
    }

    @Test func removeCompactCheckAndPruneWorkOnShards() throws {
        let directory = TemporaryDirectory()
        let index = directory.path + "/Index"
        let sources = directory.path + "/src"
        for number in 0..<6 {
            try directory.write("src/rilis-\(number).txt", "Rilis nomor \(number) tentang rapat koordinasi pemilu di Palembang.\n")
        }
        #expect(try CommandRunner.run(["index", "--index", index, "--shards", "3", sources]).status == 0)
        // remove finds each article's shard.
        let removed = try CommandRunner.run(["remove", "--index", index, "rilis-0.txt", "rilis-1.txt", "tidak-ada"])
        #expect(removed.status == 1)
        #expect(removed.stdout.contains("removed 2 articles"))
        #expect(try CommandRunner.run(["search", "--index", index, "--ids", "rilis"]).stdout.split(separator: "\n").count == 4)
        // compact each shard; nothing is lost.
        let compacted = try CommandRunner.run(["compact", "--index", index])
        #expect(compacted.status == 0, "\(compacted.stderr)")
        #expect(compacted.stdout.contains("compacted \(index)"))
        #expect(try CommandRunner.run(["search", "--index", index, "--ids", "rilis"]).stdout.split(separator: "\n").count == 4)
        // check: every shard's files and every article, in its own shard.
        let checked = try CommandRunner.run(["check", "--index", index])
        #expect(checked.status == 0, "\(checked.stdout)\(checked.stderr)")
        #expect(checked.stdout.contains("articles     4, all whole, each once"))
        // --prune: files gone from the source directory leave every shard.
        try FileManager.default.removeItem(atPath: sources + "/rilis-2.txt")
        let pruned = try CommandRunner.run(["index", "--index", index, "--prune", sources])
        #expect(pruned.status == 0, "\(pruned.stderr)")
        // (the run indexed rilis-0 and rilis-1 again: their files are still there)
        let left = try CommandRunner.run(["search", "--index", index, "--ids", "rilis"]).stdout.split(separator: "\n")
        #expect(Set(left) == ["rilis-0.txt", "rilis-1.txt", "rilis-3.txt", "rilis-4.txt", "rilis-5.txt"])
        // An article written straight into the wrong shard is found by check.
        let wrongShard = (0..<3).first { ShardRouterProbe.shard(for: "nyasar", of: 3) != $0 }!
        let straight = try CommandRunner.run(["index", "--index", index + "/shard-0\(wrongShard)", "-"],
                                             stdin: #"{"id":"nyasar","title":"Salah tempat","date":null,"source":null,"url":null,"body":"Artikel di shard yang salah."}"# + "\n")
        #expect(straight.status == 0, "\(straight.stderr)")
        let bad = try CommandRunner.run(["check", "--index", index])
        #expect(bad.status == 2)
        #expect(bad.stdout.contains("article \"nyasar\" is in shard \(wrongShard)"))
    }

    @Test(.enabled(if: TCPShardServer.isInstalled))
    func theReplSaysWhichShardsItDidNotSearch() throws {
        let directory = TemporaryDirectory()
        let index = directory.path + "/Index"
        #expect(try CommandRunner.run(["index", "--index", index, "--shards", "2", Repository.seeds]).status == 0)
        let port = try TCPShardServer.freePort()  // nothing listens there
        let stub = try directory.write("s.stub", "auto Index/shard-00\nauto Index/shard-01\nremote 127.0.0.1:\(port)\n")
        let refused = try CommandRunner.run(["repl", "--index", stub], stdin: "konflik\n")
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("shard remote 127.0.0.1:\(port) (line 3 of \(stub)) is unreachable"))
        let partial = try CommandRunner.run(["repl", "--index", stub, "--allow-partial", "--color", "never"], stdin: "konflik\n")
        #expect(partial.status == 0, "\(partial.stderr)")
        #expect(partial.stdout.contains("not searched: remote 127.0.0.1:\(port)"))
        #expect(partial.stdout.contains("2 articles"))
    }

    @Test func shardServerSaysWhatIsMissing() throws {
        let directory = TemporaryDirectory()
        let index = directory.path + "/Index"
        _ = try CommandRunner.run(["index", "--index", index, Repository.seeds])
        let noTools = try CommandRunner.run(["shard-server", index, "--port", "40000"], environment: ["PATH": "/nonexistent"])
        #expect(noTools.status == 2)
        #expect(noTools.stderr.contains("xapian-tcpsrv is not on the PATH; install xapian-tools"))
        let noIndex = try CommandRunner.run(["shard-server", directory.path + "/none", "--port", "40000"])
        #expect(noIndex.status == 2)
        #expect(noIndex.stderr.contains("no index at"))
        let badPort = try CommandRunner.run(["shard-server", index, "--port", "70000"])
        #expect(badPort.status == 2)
        #expect(badPort.stderr.contains("port 70000"))
    }
}

/// The `telusur` executable running in the background (a server), its output in files.
final class BackgroundCommand {
    private let process = Process()
    private let errorPath: String

    init(_ arguments: [String], directory: TemporaryDirectory) throws {
        errorPath = directory.path + "/background-\(UUID().uuidString.prefix(8)).err"
        _ = FileManager.default.createFile(atPath: errorPath, contents: nil)
        process.executableURL = URL(fileURLWithPath: CommandRunner.executable)
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: errorPath))
        process.standardInput = FileHandle.nullDevice
        try process.run()
    }

    deinit { kill() }

    var isRunning: Bool { process.isRunning }
    var status: Int32 { process.terminationStatus }
    var stderr: String { (try? String(contentsOfFile: errorPath, encoding: .utf8)) ?? "" }

    func signal(_ number: Int32) { if process.isRunning { Glibc.kill(process.processIdentifier, number) } }

    /// Stops it (SIGTERM, which it forwards to its server; SIGKILL after 5 s).
    func kill() {
        guard process.isRunning else { return }
        signal(SIGTERM)
        if !waitUntil(timeout: 5, { !self.process.isRunning }) { signal(SIGKILL) }
        _ = waitUntil(timeout: 5) { !self.process.isRunning }
    }

    /// Polls `condition` until it holds (true) or `timeout` seconds pass (false).
    func waitUntil(timeout: Double, _ condition: () -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if condition() { return true }
            usleep(20_000)
        }
        return condition()
    }
}

/// The router's placement, as the index computes it (FNV-1a 64 of the id, mod N).
enum ShardRouterProbe {
    static func shard(for id: String, of count: Int) -> Int {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in id.utf8 {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01b3
        }
        return Int(hash % UInt64(count))
    }
}
