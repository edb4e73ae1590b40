import Foundation
import Testing

/// Issue 19: "did you mean" also when the typed word occurs, but far less often than a
/// close neighbour, and for names the index does not know.
@Suite struct SuggestionTests {
    static func index() throws -> (TemporaryDirectory, String) {
        let directory = TemporaryDirectory()
        // kementrian in 3 articles (enough not to count as unknown), kementerian in 65.
        var lines = (0..<3).map { #"{"id":"typo\#($0)","title":"Rapat","body":"Rapat kementrian di Jakarta."}"# }
        for i in 0..<65 {
            lines.append(#"{"id":"k\#(i)","title":"Rapat \#(i)","body":"Rapat kementerian di Bandung. Gubernur Jawa Barat Ridwan Kamil hadir. Naik 5 persen.\n\nBupati Purwakarta Dedi Mulyadi datang."}"#)
        }
        // A misspelt name that is in the corpus too, in 2 articles against 65.
        for i in 0..<2 { lines.append(#"{"id":"dm\#(i)","title":"Purwakarta","body":"Bupati Purwakarta Dedi Mulyada datang."}"#) }
        // "person" is a rare word beside "persen": as a field name it is never corrected.
        lines.append(#"{"id":"p1","title":"Satu","body":"Satu person saja."}"#)
        // A word not rare enough beside its neighbour is not corrected: "bandang" (4) and "bandung" (65).
        for i in 0..<4 { lines.append(#"{"id":"b\#(i)","title":"Banjir","body":"Banjir bandang di desa."}"#) }
        let file = try directory.write("a.jsonl", lines.joined(separator: "\n") + "\n")
        let index = directory.path + "/idx"
        #expect(try CommandRunner.run(["index", "--index", index, file]).status == 0)
        return (directory, index)
    }

    static func suggestion(_ arguments: [String]) throws -> String? {
        let run = try CommandRunner.run(arguments + ["--json"])
        let document = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any], "\(run.stderr)")
        return document["suggestion"] as? String
    }

    @Test func aWordFarRarerThanItsNeighbourIsCorrected() throws {
        let (directory, index) = try Self.index()
        _ = directory
        #expect(try Self.suggestion(["search", "--index", index, "kementrian"]) == "kementerian")
        let text = try CommandRunner.run(["search", "--index", index, "kementrian"])
        #expect(text.stdout.contains("did you mean: kementerian"), "\(text.stdout)")
        // Without a neighbour far more frequent, nothing is suggested.
        #expect(try Self.suggestion(["search", "--index", index, "bandang"]) == nil)
    }

    @Test func anUnknownNameGetsTheNearestKnownOne() throws {
        let (directory, index) = try Self.index()
        _ = directory
        #expect(try Self.suggestion(["search", "--index", index, #"person:"Ridwan Kamal""#]) == #"person:"Ridwan Kamil""#)
        let command = try CommandRunner.run(["person", "--index", index, "Ridwan", "Kamal"])
        #expect(command.stdout.contains(#"did you mean: person:"Ridwan Kamil""#), "\(command.stdout)\(command.stderr)")
        #expect(try Self.suggestion(["search", "--index", index, #"person:"Ridwan Kamil""#]) == nil)
    }

    @Test func aNameFarRarerThanANeighbourIsCorrectedToo() throws {
        let (directory, index) = try Self.index()
        _ = directory
        #expect(try CommandRunner.lines(["search", "--index", index, "--ids", #"person:"Dedi Mulyada""#]).count == 2)
        #expect(try Self.suggestion(["search", "--index", index, #"person:"Dedi Mulyada""#]) == #"person:"Dedi Mulyadi""#)
        #expect(try Self.suggestion(["search", "--index", index, #"person:"Dedi Mulyadi""#]) == nil)
    }
}
