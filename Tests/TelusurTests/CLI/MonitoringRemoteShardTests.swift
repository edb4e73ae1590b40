import Foundation
import Testing

/// `alerts`, `batch` and `pickup` over remote shards (xapian-tcpsrv) answer as on the
/// local shards: batch values, shingle postings and facets all travel through Xapian's
/// remote protocol.
@Suite struct MonitoringRemoteShardTests {
    @Test(.enabled(if: TCPShardServer.isInstalled))
    func remoteShardsAnswerAsLocalOnes() throws {
        let directory = TemporaryDirectory()
        let index = directory.path + "/Index"
        let first = try directory.write("first.jsonl", PickupCommandTests.corpus)
        #expect(try CommandRunner.run(["index", "--index", index, "--shards", "3", "--quiet", first]).status == 0)
        #expect(try CommandRunner.run(["alert", "add", "--index", index, "jembatan", "jembatan OR kalimat"]).status == 0)
        let later = try directory.write("later.jsonl", BatchCommandTests.articles)
        #expect(try CommandRunner.run(["index", "--index", index, "--quiet", later]).status == 0)

        let servers = [try TCPShardServer(database: index + "/shard-01"), try TCPShardServer(database: index + "/shard-02")]
        let stub = try directory.write("mixed.stub", "auto Index/shard-00\nremote 127.0.0.1:\(servers[0].port)\nremote 127.0.0.1:\(servers[1].port)\n")
        let names = try directory.write("names.txt", "Herman Deru\nHermn Deru\n")
        for arguments in [["pickup", "--json", "rilis"], ["pickup", "--survey", "--json"], ["batch", "--json", names],
                          ["alerts", "--json", "--keep-unread"]] {
            let local = try CommandRunner.run([arguments[0], "--index", index] + arguments.dropFirst())
            let remote = try CommandRunner.run([arguments[0], "--index", stub] + arguments.dropFirst())
            #expect(local.status == remote.status, "\(arguments): \(remote.stderr)")
            #expect(!local.stdout.isEmpty)
            #expect(local.stdout == remote.stdout, "\(arguments)")
        }
        // The second run's bridge article is new for the alert; the first run's sentences are not.
        let alerts = try CommandRunner.run(["alerts", "--index", stub, "--json"])
        #expect(alerts.stdout.contains("\"b-1\""), "\(alerts.stdout)")
        #expect(!alerts.stdout.contains("\"rilis\""), "\(alerts.stdout)")
    }
}
