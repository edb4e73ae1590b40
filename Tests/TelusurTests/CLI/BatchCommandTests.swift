import Foundation
import Testing

/// `telusur batch FILE`: a name list looked up line by line through the real executable.
@Suite struct BatchCommandTests {
    static let articles = """
        {"id":"b-1","title":"Gubernur bertemu Presiden","date":"2024-01-05","source":"kompas.com","url":null,"body":"Gubernur Sumatera Selatan Herman Deru bertemu Presiden Joko Widodo di Palembang.\\nKeduanya membahas jembatan."}
        {"id":"b-2","title":"Peresmian jalan","date":"2024-02-10","source":"tribunnews.com","url":null,"body":"Gubernur Herman Deru meresmikan jalan tol di Ogan Ilir."}
        {"id":"b-3","title":"Rapat pleno","date":"2024-03-01","source":"kompas.com","url":null,"body":"KPU Sumsel menggelar rapat pleno rekapitulasi suara."}

        """

    private func index(_ directory: TemporaryDirectory, shards: Int) throws -> String {
        let index = directory.path + "/index"
        let file = try directory.write("articles.jsonl", Self.articles)
        var arguments = ["index", "--index", index, "--quiet", file]
        if shards > 1 { arguments += ["--shards", String(shards)] }
        let indexed = try CommandRunner.run(arguments)
        #expect(indexed.status == 0, "\(indexed.stderr)")
        return index
    }

    @Test(arguments: [1, 3])
    func personsWithDatesSourcesCoOccurrenceAndCandidates(shards: Int) throws {
        let directory = TemporaryDirectory()
        let index = try index(directory, shards: shards)
        let list = try directory.write("names.txt", "# calon\nHerman Deru\n\nHermn Deru\nZzyzx Qwerty\n")
        let run = try CommandRunner.run(["batch", "--index", index, "--json", list])
        #expect(run.status == 1, "an unresolved line: \(run.stderr)")
        let entries = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [[String: Any]], "\(run.stdout)")
        #expect(entries.map { $0["line"] as? Int } == [2, 4, 5])
        let deru = entries[0]
        #expect(deru["status"] as? String == "found")
        #expect(deru["resolved"] as? String == "herman deru")
        #expect(deru["articles"] as? Int == 2)
        #expect(deru["first"] as? String == "2024-01-05")
        #expect(deru["last"] as? String == "2024-02-10")
        let sources = (deru["sources"] as? [[String: Any]] ?? []).compactMap { $0["value"] as? String }
        #expect(Set(sources) == ["kompas.com", "tribunnews.com"])
        let persons = (deru["persons"] as? [[String: Any]] ?? []).compactMap { $0["value"] as? String }
        #expect(persons.contains("Joko Widodo"), "\(persons)")
        #expect(!persons.contains("Herman Deru"))
        // A misspelling: unresolved, with the name it could mean.
        #expect(entries[1]["status"] as? String == "unresolved")
        let candidates = (entries[1]["candidates"] as? [[String: Any]] ?? []).compactMap { $0["value"] as? String }
        #expect(candidates == ["Herman Deru"], "\(entries)")
        #expect(entries[2]["status"] as? String == "unresolved")

        let text = try CommandRunner.run(["batch", "--index", index, list])
        #expect(text.stdout.contains("2\tHerman Deru\t2 articles\t2024-01-05…2024-02-10\tsources: "), "\(text.stdout)")
        #expect(text.stdout.contains("4\tHermn Deru\tunresolved\tcandidates: Herman Deru 2"), "\(text.stdout)")

        let csv = try CommandRunner.run(["batch", "--index", index, "--csv", list])
        let rows = csv.stdout.components(separatedBy: "\r\n")
        #expect(rows.first == "line,text,status,resolved,articles,first,last,sources,persons,candidates")
        #expect(rows[1].hasPrefix("2,Herman Deru,found,herman deru,2,2024-01-05,2024-02-10,"), "\(rows)")
    }

    @Test func agenciesQueriesAndBadLines() throws {
        let directory = TemporaryDirectory()
        let index = try index(directory, shards: 1)
        let agencies = try directory.write("agencies.txt", "KPU\nBadan Yang Tidak Ada\n")
        let found = try CommandRunner.run(["batch", "--index", index, "--kind", "agency", agencies])
        #expect(found.stdout.hasPrefix("1\tKPU\t1 article\t2024-03-01…2024-03-01"), "\(found.stdout)")
        #expect(found.stdout.contains("2\tBadan Yang Tidak Ada\tunresolved"), "\(found.stdout)")

        let queries = try directory.write("queries.txt", "jembatan OR jalan\n(kpu\n")
        let ran = try CommandRunner.run(["batch", "--index", index, "--kind", "query", queries])
        #expect(ran.status == 1)
        #expect(ran.stdout.contains("1\tjembatan OR jalan\t2 articles\t2024-01-05…2024-02-10"), "\(ran.stdout)")
        #expect(ran.stdout.contains("2\t(kpu\terror\tcolumn 1: "), "\(ran.stdout)")

        let missing = try CommandRunner.run(["batch", "--index", index, directory.path + "/none.txt"])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("none.txt: cannot be read"), "\(missing.stderr)")
        let binary = directory.path + "/bad.txt"
        _ = FileManager.default.createFile(atPath: binary, contents: Data([0x41, 0xff, 0xfe, 0x0a]))
        let notText = try CommandRunner.run(["batch", "--index", index, binary])
        #expect(notText.status == 2)
        #expect(notText.stderr.contains("bad.txt: not UTF-8 text"), "\(notText.stderr)")
        let long = try directory.write("long.txt", "Herman Deru\n" + String(repeating: "a", count: 1_001) + "\n")
        let tooLong = try CommandRunner.run(["batch", "--index", index, long])
        #expect(tooLong.status == 2)
        #expect(tooLong.stderr.contains("long.txt:2: the line has 1001 characters"), "\(tooLong.stderr)")
        // Standard input, and nothing from the list reaches the terminal raw.
        let piped = try CommandRunner.run(["batch", "--index", index, "-"], stdin: "Herman\u{1b}[31m Deru\n")
        #expect(!piped.stdout.contains("\u{1b}"))
    }
}
