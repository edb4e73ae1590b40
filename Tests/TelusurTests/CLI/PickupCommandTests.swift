import Foundation
import Testing

/// `telusur pickup`: articles that reuse a release's sentences, through the real executable.
@Suite struct PickupCommandTests {
    static let numbers = ["satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan", "sembilan", "sepuluh"]

    /// Sentence `n` of the release, or of an outlet's own text.
    static func sentence(_ n: Int, _ kind: String = "rilis") -> String {
        "Kalimat \(kind) \(numbers[n]) menjelaskan program pembangunan daerah kepada warga."
    }

    static func line(_ id: String, _ date: String, _ source: String, _ paragraphs: [[String]]) -> String {
        let body = paragraphs.map { $0.joined(separator: " ") }.joined(separator: "\\n")
        return #"{"id":"\#(id)","title":"Judul \#(id)","date":"\#(date)","source":"\#(source)","url":null,"body":"\#(body)"}"#
    }

    /// A release of 10 sentences; p-all copies it and adds 2; p-half copies 5 and adds 4
    /// of its own; p-few copies 2 and adds 6; other shares nothing.
    static var corpus: String {
        let release = (0..<10).map { sentence($0) }
        return [
            line("rilis", "2024-05-01", "humas.go.id", [Array(release[0..<4]), Array(release[4..<10])]),
            line("p-all", "2024-05-01", "kompas.com", [release, [sentence(0, "tambahan"), sentence(1, "tambahan")]]),
            line("p-half", "2024-05-02", "tribunnews.com", [[sentence(0, "sendiri"), sentence(1, "sendiri")], Array(release[0..<5]), [sentence(2, "sendiri"), sentence(3, "sendiri")]]),
            line("p-few", "2024-05-03", "detik.com", [[release[7], release[8]], (4..<10).map { sentence($0, "lain") }]),
            line("other", "2024-05-04", "tempo.co", [(0..<8).map { "Berita berbeda \(numbers[$0]) tentang harga cabai di pasar induk." }]),
        ].joined(separator: "\n") + "\n"
    }

    @Test(arguments: [1, 3])
    func sharesDatesAndTheSentenceDiff(shards: Int) throws {
        let directory = TemporaryDirectory()
        let index = directory.path + "/index"
        let file = try directory.write("corpus.jsonl", Self.corpus)
        var arguments = ["index", "--index", index, "--quiet", file]
        if shards > 1 { arguments += ["--shards", String(shards)] }
        #expect(try CommandRunner.run(arguments).status == 0)

        let run = try CommandRunner.run(["pickup", "--index", index, "--json", "rilis"])
        #expect(run.status == 0, "\(run.stderr)")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any], "\(run.stdout)")
        #expect(report["sentences"] as? Int == 10)
        #expect(report["firstPickup"] as? String == "2024-05-01")
        let pickups = try #require(report["pickups"] as? [[String: Any]])
        let ids = pickups.compactMap { ($0["article"] as? [String: Any])?["id"] as? String }
        #expect(ids == ["p-all", "p-half", "p-few"], "oldest first, other shares nothing")
        #expect(pickups.map { $0["share"] as? Double } == [1.0, 0.5, 0.2])
        let half = pickups[1]
        #expect(half["cut"] as? [String] == (5..<10).map { Self.sentence($0) })
        #expect(half["added"] as? [String] == (0..<4).map { Self.sentence($0, "sendiri") })
        #expect(pickups[0]["cut"] as? [String] == [])
        #expect((pickups[0]["added"] as? [String])?.count == 2)

        let text = try CommandRunner.run(["pickup", "--index", index, "--min-share", "0.3", "rilis"])
        #expect(text.stdout.contains("10 sentences; 2 pickups, first on 2024-05-01"), "\(text.stdout)")
        #expect(text.stdout.contains("  50% 5/10  2024-05-02  tribunnews.com  Judul p-half  [p-half]\n      - \(Self.sentence(5))\n"), "\(text.stdout)")
        #expect(!text.stdout.contains("p-few"))

        let survey = try CommandRunner.run(["pickup", "--index", index, "--survey", "--json"])
        let counted = try #require(try JSONSerialization.jsonObject(with: Data(survey.stdout.utf8)) as? [String: Any], "\(survey.stdout)")
        // rilis, p-all and p-half each reuse >= 30% of another; p-few reuses 2 of 10 (and 2 of its 8 are reused).
        #expect(counted["reusing"] as? Int == 3, "\(counted)")
        #expect(counted["articles"] as? Int == 5)

        let missing = try CommandRunner.run(["pickup", "--index", index, "nope"])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("no article with id \"nope\""), "\(missing.stderr)")
        let alone = try CommandRunner.run(["pickup", "--index", index, "other"])
        #expect(alone.status == 1)
    }
}
