import Foundation
import Testing

/// Issue 19: a wildcard that starts more words than one query searches says how many
/// of how many it used, in the terminal, in JSON and (for --ids, --csv) on stderr.
@Suite struct WildcardCapTests {
    @Test func aCappedWildcardSaysHowManyWordsItUsedOfHowMany() throws {
        let directory = TemporaryDirectory()
        let letters = Array("abcdefghijklmnopqrstuvwxyz")
        // 130 words that start with "kor", one article each.
        var lines: [String] = []
        for i in 0..<130 {
            let word = "kor" + String(letters[i / 26]) + String(letters[i % 26])
            lines.append(#"{"id":"w\#(i)","title":"Judul","body":"Kata \#(word) di sini."}"#)
        }
        let file = try directory.write("a.jsonl", lines.joined(separator: "\n") + "\n")
        let index = directory.path + "/idx"
        #expect(try CommandRunner.run(["index", "--index", index, file]).status == 0)

        let message = "kor*: searched the 100 most frequent of the 130 words that start with kor"
        let plain = try CommandRunner.run(["search", "--index", index, "kor*"])
        #expect(plain.status == 0 && plain.stdout.contains(message), "\(plain.stdout)")
        #expect(plain.stdout.contains("100 articles"), "\(plain.stdout)")
        let ids = try CommandRunner.run(["search", "--index", index, "--ids", "kor*"])
        #expect(ids.stdout.split(separator: "\n").count == 100 && ids.stderr.contains(message), "\(ids.stderr)")
        let json = try CommandRunner.run(["search", "--index", index, "--json", "kor*"])
        let document = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let wildcards = try #require(document["wildcards"] as? [[String: Any]])
        #expect(wildcards.count == 1)
        #expect(wildcards.first?["prefix"] as? String == "kor")
        #expect(wildcards.first?["searched"] as? Int == 100)
        #expect(wildcards.first?["words"] as? Int == 130)
        // A wildcard within the limit says nothing.
        let narrow = try CommandRunner.run(["search", "--index", index, "--json", "kora*"])
        let narrowDocument = try #require(try JSONSerialization.jsonObject(with: Data(narrow.stdout.utf8)) as? [String: Any])
        #expect((narrowDocument["wildcards"] as? [Any])?.isEmpty == true, "\(narrow.stdout)")
        #expect(!(try CommandRunner.run(["search", "--index", index, "kora*"]).stdout.contains("searched the")))
    }
}
