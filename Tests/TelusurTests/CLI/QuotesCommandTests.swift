import Foundation
import Testing
import Telusur

/// `telusur quotes` end to end on the seeds: blocks, JSON, CSV, paging, errors.
@Suite struct QuotesCommandTests {
    static func indexSeeds(_ directory: TemporaryDirectory) throws -> String {
        let index = directory.path + "/Index"
        let indexed = try CommandRunner.run(["index", "--index", index, Repository.seeds])
        #expect(indexed.status == 0, "\(indexed.stderr)")
        return index
    }

    @Test func listsTheSeedsQuotesWithTheirSpeakers() throws {
        let directory = TemporaryDirectory()
        let index = try Self.indexSeeds(directory)
        let listed = try CommandRunner.run(["quotes", "--index", index, "said:\"Herman Deru\"", "pemilu", "--color", "always"])
        #expect(listed.status == 0, "\(listed.stderr)")
        #expect(listed.stdout.contains("Herman Deru"))
        #expect(listed.stdout.contains("000_b340dedaa94c42df.txt ¶5 · direct (pesan)"))
        #expect(listed.stdout.contains("\u{1B}[1;31mpemilu\u{1B}[0m"))
        #expect(!listed.stdout.contains("Armansyah"))
        #expect(listed.stdout.hasSuffix("4 quotes\n"))  // ¶5 and ¶6 direct, ¶4 and ¶7 indirect

        let json = try CommandRunner.run(["quotes", "--index", index, "said:armansyah", "--json"])
        let document = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let quotes = try #require(document["quotes"] as? [[String: Any]])
        #expect(document["total"] as? Int == quotes.count)
        #expect(quotes.allSatisfy { ($0["speaker"] as? [String: Any])?["key"] as? String == "armansyah" })
        #expect(Set(quotes.compactMap { $0["cue"] as? String }).isSuperset(of: ["ucap", "jelasnya"]))

        let csv = try CommandRunner.run(["quotes", "--index", index, "--csv", "--limit", "2", "--offset", "1"])
        #expect(csv.stdout.components(separatedBy: "\r\n").filter { !$0.isEmpty }.count == 3)  // header and two quotes
    }

    @Test func searchFacetsListWhoIsQuoted() throws {
        let directory = TemporaryDirectory()
        let index = try Self.indexSeeds(directory)
        let json = try CommandRunner.run(["search", "--index", index, "--facets", "--json", "pemilu"])
        let document = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let speakers = try #require((document["facets"] as? [String: Any])?["speakers"] as? [[String: Any]])
        #expect(speakers.contains { $0["key"] as? String == "herman deru" && $0["name"] as? String == "Herman Deru" && $0["articles"] as? Int == 1 })
        #expect(speakers.contains { $0["key"] as? String == "armansyah" })
        let plain = try CommandRunner.run(["search", "--index", index, "--facets", "pemilu"])
        #expect(plain.stdout.contains("speakers: "))
        #expect(plain.stdout.contains("Herman Deru (1)"))
        // without --facets: no speakers line or key
        let bare = try CommandRunner.run(["search", "--index", index, "--json", "pemilu"])
        #expect(!bare.stdout.contains("\"speakers\""))
    }

    @Test func nothingMatchedAndErrorsFollowGrep() throws {
        let directory = TemporaryDirectory()
        let index = try Self.indexSeeds(directory)
        #expect(try CommandRunner.run(["quotes", "--index", index, "said:\"Sri Mulyani\""]).status == 1)
        let empty = try CommandRunner.run(["quotes", "--index", index, "said:"])
        #expect(empty.status == 2)
        #expect(empty.stderr.contains("field \"said:\" at column 1 has no value"))
        let body = try CommandRunner.run(["quotes", "--index", index, "said:agency:XYZQ"])
        #expect(body.status == 2)
        #expect(body.stderr.contains("unknown agency \"XYZQ\""))
        #expect(try CommandRunner.run(["quotes", "--index", index, "--json", "--csv"]).status == 2)
    }
}
