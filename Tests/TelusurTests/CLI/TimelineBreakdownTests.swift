import Foundation
import Testing

/// `--timeline-by source|person|agency`: the matches of each period broken down by the
/// most frequent values, on one database and on shards alike.
@Suite struct TimelineBreakdownTests {
    static func index(shards: Int? = nil) throws -> (TemporaryDirectory, String) {
        let directory = TemporaryDirectory("breakdown-\(shards ?? 1)")
        let file = try directory.write("a.jsonl", """
            {"id":"k1","date":"2020-01-05","source":"kompas.com","title":"Satu","body":"Gubernur Sumatera Selatan Herman Deru membuka rapat pemilu."}
            {"id":"k2","date":"2020-01-20","source":"kompas.com","title":"Dua","body":"Ketua KPU Arief Budiman menjelaskan jadwal pemilu."}
            {"id":"k3","date":"2020-03-02","source":"kompas.com","title":"Tiga","body":"Gubernur Sumatera Selatan Herman Deru meminta pemilu damai."}
            {"id":"d1","date":"2020-01-07","source":"detik.com","title":"Empat","body":"Gubernur Sumatera Selatan Herman Deru meninjau logistik pemilu."}
            {"id":"t1","date":"2020-03-09","source":"tempo.co","title":"Lima","body":"Warga menyambut pemilu dengan gembira."}
            {"id":"u1","source":"tempo.co","title":"Enam","body":"Pemilu tanpa tanggal."}

            """)
        let index = directory.path + "/idx"
        let shardArguments = shards.map { ["--shards", String($0)] } ?? []
        #expect(try CommandRunner.run(["index", "--index", index] + shardArguments + [file]).status == 0)
        return (directory, index)
    }

    static func timeline(_ index: String, _ arguments: [String]) throws -> [String: Any] {
        let run = try CommandRunner.run(["search", "--index", index, "--json"] + arguments + ["pemilu"])
        #expect(run.status == 0, "\(run.stderr)")
        let document = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        return try #require(document["timeline"] as? [String: Any])
    }

    static func lines(_ timeline: [String: Any]) -> [String: [Int]] {
        var result: [String: [Int]] = [:]
        for line in timeline["breakdown"] as? [[String: Any]] ?? [] {
            let series = line["series"] as? [[String: Any]] ?? []
            result[line["value"] as? String ?? "?"] = series.compactMap { $0["articles"] as? Int }
        }
        return result
    }

    @Test func sourcesAndPersonsPerMonth() throws {
        let (directory, index) = try Self.index()
        _ = directory
        let bySource = try Self.timeline(index, ["--timeline", "month", "--timeline-by", "source"])
        #expect(bySource["by"] as? String == "source")
        // 2020-01, 2020-02 (empty), 2020-03; the undated article is in no period.
        #expect(((bySource["series"] as? [[String: Any]]) ?? []).compactMap { $0["articles"] as? Int } == [3, 0, 2])
        #expect(Self.lines(bySource) == ["kompas.com": [2, 0, 1], "detik.com": [1, 0, 0], "tempo.co": [0, 0, 1]])
        let order = (bySource["breakdown"] as? [[String: Any]] ?? []).compactMap { $0["value"] as? String }
        #expect(order == ["kompas.com", "tempo.co", "detik.com"], "most articles first (tempo.co has the undated one), ties by name")

        let byPerson = try Self.timeline(index, ["--timeline", "month", "--timeline-by", "person", "--timeline-top", "1"])
        let persons = byPerson["breakdown"] as? [[String: Any]] ?? []
        #expect(persons.count == 1)
        #expect(persons.first?["value"] as? String == "herman deru" && persons.first?["name"] as? String == "Herman Deru")
        #expect(Self.lines(byPerson) == ["herman deru": [2, 0, 1]])
        // Without --timeline-by, no breakdown keys at all.
        let plain = try Self.timeline(index, ["--timeline", "month"])
        #expect(plain["by"] == nil && plain["breakdown"] == nil)
    }

    @Test func theTerminalTableAndTheErrors() throws {
        let (directory, index) = try Self.index()
        _ = directory
        let run = try CommandRunner.run(["search", "--index", index, "--timeline", "month", "--timeline-by", "source", "--limit", "1", "pemilu"])
        #expect(run.status == 0)
        #expect(run.stdout.hasPrefix("""
                     all  kompas.com  tempo.co  detik.com
            2020-01    3           2         0          1
            2020-02    0           0         0          0
            2020-03    2           1         1          0

            """), "\(run.stdout)")
        let alone = try CommandRunner.run(["search", "--index", index, "--timeline-by", "source", "pemilu"])
        #expect(alone.status == 2 && alone.stderr.contains("--timeline-by needs --timeline"))
        let unknown = try CommandRunner.run(["search", "--index", index, "--timeline", "month", "--timeline-by", "outlet", "pemilu"])
        #expect(unknown.status == 2 && unknown.stderr.contains("outlet"))
    }

    @Test func shardsGiveWhatOneDatabaseGives() throws {
        let (one, single) = try Self.index()
        let (three, sharded) = try Self.index(shards: 3)
        _ = (one, three)
        for kind in ["source", "person", "agency"] {
            let arguments = ["--timeline", "week", "--timeline-by", kind, "--timeline-top", "0"]
            let a = try Self.timeline(single, arguments)
            let b = try Self.timeline(sharded, arguments)
            #expect(Self.lines(a) == Self.lines(b), "\(kind)")
            #expect(!Self.lines(a).isEmpty, "\(kind)")
        }
    }
}
