import Foundation
import Testing

/// `telusur recognize`, the recognizer alone for the idner benchmark (Benchmarks/entities/idner.py).
@Suite struct RecognizeCommandTests {
    @Test func printsThePersonsAndAgenciesOfEachArticle() throws {
        let input = #"["Pj Gubernur Sumsel Agus Fatoni hadir", "Fatoni meminta KPU bersiap."]"# + "\n" + #"["Tidak ada nama di sini."]"# + "\n"
        let result = try CommandRunner.run(["recognize"], stdin: input)
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 2)
        let first = try #require(try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: [String]])
        #expect(first["persons"] == ["agus fatoni"])
        #expect(first["agencies"]?.contains("kpu") == true)
        let second = try #require(try JSONSerialization.jsonObject(with: Data(lines[1].utf8)) as? [String: [String]])
        #expect(second["persons"] == [])
    }

    @Test func normalisesNamesWithNames() throws {
        let result = try CommandRunner.run(["recognize", "--names"], stdin: #""Presiden Jokowi""# + "\n" + #""Dr. H. Herman Deru, SH""# + "\n")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == #"{"key":"joko widodo"}"# + "\n" + #"{"key":"herman deru"}"# + "\n")
    }

    @Test func badInputNamesTheLine() throws {
        let result = try CommandRunner.run(["recognize"], stdin: #"["ok"]"# + "\nnot json\n")
        #expect(result.status == 2)
        #expect(result.stderr.contains("line 2"))
        let escaped = try CommandRunner.run(["recognize", "--names"], stdin: "[1]\n")
        #expect(escaped.status == 2)
        #expect(escaped.stderr.contains("line 1"))
    }
}
