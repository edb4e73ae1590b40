import Foundation
import Testing
import Telusur

/// The `telusur` executable end to end: real files, a real index, real exit statuses.
@Suite struct CLITests {
    @Test func seedsDemoFindsThePhraseInBothArticles() throws {
        let directory = TemporaryDirectory()
        let index = directory.path + "/Index"
        let indexed = try CommandRunner.run(["index", "--index", index, Repository.seeds])
        #expect(indexed.status == 0, "\(indexed.stderr)")
        #expect(indexed.stdout.contains("indexed 2 articles"))
        let found = try CommandRunner.run(["search", "--index", index, "--color", "always", "zero konflik"])
        #expect(found.status == 0)
        #expect(found.stdout.contains("000_b340dedaa94c42df.txt"))
        #expect(found.stdout.contains("002_f25fde0d847e90ce.txt"))
        #expect(found.stdout.contains("\u{1B}[1;31mzero konflik\u{1B}[0m"))
        #expect(found.stdout.contains("2 articles"))
    }

    @Test func pipedOutputHasNoEscapeCodes() throws {
        let directory = TemporaryDirectory()
        let index = directory.path + "/Index"
        _ = try CommandRunner.run(["index", "--index", index, Repository.seeds])
        let found = try CommandRunner.run(["search", "--index", index, "zero konflik"])
        #expect(found.status == 0)
        #expect(!found.stdout.contains("\u{1B}"))
        let forced = try CommandRunner.run(["search", "--index", index, "--color", "never", "zero konflik"])
        #expect(!forced.stdout.contains("\u{1B}"))
    }

    @Test func exitStatusesFollowGrep() throws {
        let directory = TemporaryDirectory()
        let index = directory.path + "/Index"
        _ = try CommandRunner.run(["index", "--index", index, Repository.seeds])
        #expect(try CommandRunner.run(["search", "--index", index, "bawaslu"]).status == 0)
        let words = try CommandRunner.run(["search", "--index", index, "konflik", "zero"])
        #expect(words.status == 0)  // two arguments: both words, anywhere in a paragraph
        let reversed = try CommandRunner.run(["search", "--index", index, "konflik zero"])  // one argument: a phrase
        #expect(reversed.status == 1)
        #expect(reversed.stdout.contains("0 articles"))
        let badQuery = try CommandRunner.run(["search", "--index", index, "\"zero konflik"])
        #expect(badQuery.status == 2)
        #expect(badQuery.stderr.contains("unbalanced quote"))
        #expect(badQuery.stderr.contains("^"))
        let missing = try CommandRunner.run(["search", "--index", directory.path + "/none", "x"])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("telusur index"))
        let usage = try CommandRunner.run(["search", "--index", index, "--limit", "lots", "x"])
        #expect(usage.status == 2)
    }

    @Test func jsonOutputIsOneDocument() throws {
        let directory = TemporaryDirectory()
        let index = directory.path + "/Index"
        _ = try CommandRunner.run(["index", "--index", index, Repository.seeds])
        let found = try CommandRunner.run(["search", "--index", index, "--json", "--limit", "1", "zero konflik"])
        #expect(found.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(found.stdout.utf8)) as? [String: Any])
        let total = try #require(object["total"] as? [String: Any])
        #expect(total["articles"] as? Int == 2)
        #expect((object["results"] as? [Any])?.count == 1)
        #expect(found.stdout.contains("<mark>zero konflik</mark>"))
    }

    @Test func indexFromStandardInputAndEnvironment() throws {
        let directory = TemporaryDirectory()
        let index = directory.path + "/FromEnv"
        let line = #"{"id":"x1","title":"Judul","date":"2024-01-02","source":"contoh.id","url":null,"body":"Bawaslu Sumsel.\nParagraf dua."}"#
        let indexed = try CommandRunner.run(["index", "-"], stdin: line + "\n", environment: ["TELUSUR_INDEX": index])
        #expect(indexed.status == 0, "\(indexed.stderr)")
        let found = try CommandRunner.run(["search", "bawaslu"], environment: ["TELUSUR_INDEX": index])
        #expect(found.stdout.contains("x1"))
        let stats = try CommandRunner.run(["stats", "--json"], environment: ["TELUSUR_INDEX": index])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(stats.stdout.utf8)) as? [String: Any])
        #expect(object["articles"] as? Int == 1)
        #expect(object["paragraphs"] as? Int == 2)
    }

    @Test func defaultIndexIsDotSlashIndex() throws {
        let directory = TemporaryDirectory()
        try directory.write("a.txt", "Zero konflik di Sumsel.\n")
        let indexed = try CommandRunner.run(["index", "a.txt"], directory: directory.path)
        #expect(indexed.status == 0, "\(indexed.stderr)")
        #expect(FileManager.default.fileExists(atPath: directory.path + "/Index/iamglass"))
    }

    @Test func badInputIsReportedAndTheRestIndexed() throws {
        let directory = TemporaryDirectory()
        let index = directory.path + "/Index"
        let corpus = try directory.write("mixed.jsonl", """
            {"id":"ok1","title":"Satu","date":"2024-01-01","source":null,"url":null,"body":"Bawaslu satu."}
            {"id":"rusak", "title":
            {"id":"ok2","title":"Dua","date":"2024-01-02","source":null,"url":null,"body":"Bawaslu dua."}

            """)
        let indexed = try CommandRunner.run(["index", "--index", index, corpus, directory.path + "/tidak-ada.jsonl"])
        #expect(indexed.status == 1)
        #expect(indexed.stderr.contains("mixed.jsonl:2"))
        #expect(indexed.stderr.contains("tidak-ada.jsonl"))
        let found = try CommandRunner.run(["search", "--index", index, "bawaslu"])
        #expect(found.stdout.contains("2 articles"))
    }

    @Test func statsShowsCounts() throws {
        let directory = TemporaryDirectory()
        let index = directory.path + "/Index"
        _ = try CommandRunner.run(["index", "--index", index, Repository.seeds])
        let stats = try CommandRunner.run(["stats", "--index", index])
        #expect(stats.status == 0)
        #expect(stats.stdout.contains("articles     2"))
        #expect(stats.stdout.contains("last update"))
    }
}

/// A slice of the real corpus through the real executable.
@Suite struct CorpusSliceTests {
    static let slice = Repository.corpus + "/kompas-2025.jsonl.gz"

    @Test(.enabled(if: FileManager.default.fileExists(atPath: slice)))
    func indexesASliceAndFindsWhatItHolds() throws {
        let directory = TemporaryDirectory()
        let index = directory.path + "/Index"
        // The first 300 articles, through stdin as a feed would arrive.
        let lines = try CommandRunner.shell("zcat '\(Self.slice)' | head -n 300")
        let indexed = try CommandRunner.run(["index", "--index", index, "-"], stdin: lines)
        #expect(indexed.status == 0, "\(indexed.stderr)")
        #expect(indexed.stdout.contains("indexed 300 articles"))
        let again = try CommandRunner.run(["index", "--index", index, "-"], stdin: lines)
        #expect(again.stdout.contains("0 new, 0 replaced, 300 unchanged"))
        let stats = try CommandRunner.run(["stats", "--json", "--index", index])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(stats.stdout.utf8)) as? [String: Any])
        #expect(object["articles"] as? Int == 300)
        // Every result of a phrase search really contains the phrase, highlighted.
        let found = try CommandRunner.run(["search", "--index", index, "--json", "--limit", "50", "presiden prabowo"])
        #expect(found.status == 0)
        let results = try #require((try JSONSerialization.jsonObject(with: Data(found.stdout.utf8)) as? [String: Any])?["results"] as? [[String: Any]])
        #expect(!results.isEmpty)
        for result in results {
            let paragraphs = try #require(result["paragraphs"] as? [[String: Any]])
            let highlighted = try #require(paragraphs.first?["highlighted"] as? String)
            #expect(highlighted.lowercased().contains("<mark>presiden prabowo</mark>"))
        }
    }
}

@Suite struct BenchCommandTests {
    @Test func printsOneJSONLinePerTimedQuery() throws {
        let directory = TemporaryDirectory()
        let index = directory.path + "/Index"
        _ = try CommandRunner.run(["index", "--index", index, Repository.seeds])
        let queries = try directory.write("q.txt", "# comment\n\"zero konflik\"\nbawaslu OR\n\nxyzzy\n")
        let bench = try CommandRunner.run(["bench", "--index", index, "--queries", queries, "--repeat", "2", "--warmup", "1"])
        #expect(bench.status == 0, "\(bench.stderr)")
        let lines = bench.stdout.split(separator: "\n").map { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
        let timed = lines.compactMap { $0 }.filter { $0["query"] != nil }
        #expect(timed.count == 6)
        let zero = try #require(timed.first { $0["query"] as? String == "\"zero konflik\"" })
        #expect(zero["hits"] as? Int == 2)
        #expect(zero["paragraph_hits"] as? Int == 6)
        #expect((zero["top"] as? [String])?.count == 2)
        #expect(zero["elapsed_ms"] is Double)
        // "OR" is a word in the harness's common syntax, not an operator.
        let or = try #require(timed.first { $0["query"] as? String == "bawaslu OR" })
        #expect(or["hits"] as? Int == 0)
    }
}

/// Persons and agencies from the command line, on the seeds.
@Suite struct EntityCommandTests {
    static func seeded(_ directory: TemporaryDirectory) throws -> String {
        let index = directory.path + "/Index"
        _ = try CommandRunner.run(["index", "--index", index, Repository.seeds])
        return index
    }

    @Test func personIgnoresTitlesDegreesAndCaseAndHighlightsTheSurfaceForm() throws {
        let directory = TemporaryDirectory()
        let index = try Self.seeded(directory)
        for name in ["Herman Deru", "Dr. Herman Deru, SH", "HERMAN DERU", "Deru"] {
            let found = try CommandRunner.run(["person", "--index", index, "--json", name])
            #expect(found.status == 0, "\(name): \(found.stderr)")
            #expect(found.stdout.contains("000_b340dedaa94c42df.txt"), "\(name)")
        }
        let shown = try CommandRunner.run(["search", "--index", index, "--json", "--paragraphs", "5", "person:\"Herman Deru\""])
        #expect(shown.stdout.contains("<mark>H. Herman Deru, SH., MM.</mark>"))
    }

    @Test func surnameOnlyMentionsAreLinked() throws {
        let directory = TemporaryDirectory()
        let index = try Self.seeded(directory)
        let found = try CommandRunner.run(["search", "--index", index, "--json", "--paragraphs", "5", "person:\"Agus Fatoni\""])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(found.stdout.utf8)) as? [String: Any])
        #expect((object["total"] as? [String: Any])?["paragraphs"] as? Int == 3)
        #expect(found.stdout.contains("<mark>Fatoni</mark> juga mengapresiasi"))
    }

    @Test func agencyByAcronymOrLongFormFindsTheSameArticles() throws {
        let directory = TemporaryDirectory()
        let index = try Self.seeded(directory)
        let acronym = try CommandRunner.run(["agency", "--index", index, "--json", "Kesbangpol"])
        let long = try CommandRunner.run(["agency", "--index", index, "--json", "Badan Kesatuan Bangsa dan Politik"])
        #expect(acronym.status == 0)
        func summary(_ output: CommandRunner.Output) throws -> [String] {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String: Any])
            let ids = (object["results"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
            let total = object["total"] as? [String: Any] ?? [:]
            return ids + ["\(total["articles"] ?? "")/\(total["paragraphs"] ?? "")"]
        }
        #expect(try summary(acronym) == summary(long))
        #expect(try summary(acronym).count == 2)
        let regional = try CommandRunner.run(["search", "--index", index, "agency:\"Kesbangpol Sumsel\""])
        #expect(regional.status == 0)
        let combined = try CommandRunner.run(["search", "--index", index, "agency:KPU \"pemilu 2024\""])
        #expect(combined.status == 0)
        let unknown = try CommandRunner.run(["agency", "--index", index, "Badan Antah Berantah"])
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("telusur agencies --match"))
    }

    @Test func listsWhatTheIndexKnows() throws {
        let directory = TemporaryDirectory()
        let index = try Self.seeded(directory)
        let persons = try CommandRunner.run(["persons", "--index", index])
        #expect(persons.stdout.contains("Herman Deru"))
        #expect(persons.stdout.contains("Agus Fatoni"))
        #expect(!persons.stdout.contains("Sumatera Selatan"))
        let top = try CommandRunner.run(["agencies", "--index", index, "--top", "3", "--json"])
        let list = try #require(try JSONSerialization.jsonObject(with: Data(top.stdout.utf8)) as? [[String: Any]])
        #expect(list.count == 3)
        #expect(list.first?["articles"] as? Int == 2)
        let matched = try CommandRunner.run(["persons", "--index", index, "--match", "fatoni"])
        #expect(matched.stdout.split(separator: "\n").count == 1)
    }

    @Test func ambiguousPartialNameListsTheCandidates() throws {
        let directory = TemporaryDirectory()
        let index = directory.path + "/Index"
        let lines = [
            #"{"id":"a","title":"Satu","date":"2024-01-01","source":null,"url":null,"body":"Gubernur Budi Santoso hadir."}"#,
            #"{"id":"b","title":"Dua","date":"2024-01-02","source":null,"url":null,"body":"Bupati Budi Hartono hadir."}"#,
        ]
        _ = try CommandRunner.run(["index", "--index", index, "-"], stdin: lines.joined(separator: "\n") + "\n")
        let found = try CommandRunner.run(["person", "--index", index, "Budi"])
        #expect(found.status == 2)
        #expect(found.stderr.contains("ambiguous"))
        #expect(found.stderr.contains("Budi Santoso"))
        #expect(found.stderr.contains("Budi Hartono"))
        #expect(try CommandRunner.run(["person", "--index", index, "Hartono"]).status == 0)
    }

    @Test func searchOutputListsTopPersonsAndAgencies() throws {
        let directory = TemporaryDirectory()
        let index = try Self.seeded(directory)
        let found = try CommandRunner.run(["search", "--index", index, "--json", "--facets", "pemilu"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(found.stdout.utf8)) as? [String: Any])
        let facets = try #require(object["facets"] as? [String: Any])
        let persons = try #require(facets["persons"] as? [[String: Any]])
        #expect(persons.contains { $0["name"] as? String == "Herman Deru" && $0["articles"] as? Int == 1 })
        let agencies = try #require(facets["agencies"] as? [[String: Any]])
        #expect(agencies.contains { $0["key"] as? String == "kpu" && $0["articles"] as? Int == 2 })
        #expect(facets["sources"] != nil)
        let text = try CommandRunner.run(["search", "--index", index, "pemilu"])
        #expect(text.stdout.contains("persons: "))
        #expect(text.stdout.contains("agencies: "))
    }
}

@Suite struct ResultOptionTests {
    @Test func idsPrintOnlyIdsOneALine() throws {
        let directory = TemporaryDirectory()
        let index = try EntityCommandTests.seeded(directory)
        let ids = try CommandRunner.run(["search", "--index", index, "--ids", "pemilu"])
        #expect(ids.status == 0)
        #expect(ids.stdout.split(separator: "\n").sorted() == ["000_b340dedaa94c42df.txt", "002_f25fde0d847e90ce.txt"])
        let one = try CommandRunner.run(["search", "--index", index, "--ids", "--limit", "1", "pemilu"])
        #expect(one.stdout.split(separator: "\n").count == 1)
    }

    @Test func similarPrintsTheOtherSeed() throws {
        let directory = TemporaryDirectory()
        let index = try EntityCommandTests.seeded(directory)
        let similar = try CommandRunner.run(["similar", "--index", index, "--ids", "000_b340dedaa94c42df.txt"])
        #expect(similar.stdout == "002_f25fde0d847e90ce.txt\n")
        let missing = try CommandRunner.run(["similar", "--index", index, "nope"])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("no article with id"))
    }

    @Test func badRankingParametersAreAUsageError() throws {
        let directory = TemporaryDirectory()
        let index = try EntityCommandTests.seeded(directory)
        let bad = try CommandRunner.run(["search", "--index", index, "--bm25", "1.2", "pemilu"])
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("--bm25 takes K1,B"))
        #expect(try CommandRunner.run(["search", "--index", index, "--bm25", "1.2,0.75,2", "pemilu"]).status == 0)
    }

    @Test func suggestionIsInJSONAndText() throws {
        let directory = TemporaryDirectory()
        let index = try EntityCommandTests.seeded(directory)
        let text = try CommandRunner.run(["search", "--index", index, "bawasl"])
        #expect(text.status == 1)
        #expect(text.stdout.contains("did you mean: bawaslu"))
        let json = try CommandRunner.run(["search", "--index", index, "--json", "bawasl"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(object["suggestion"] as? String == "bawasl".replacingOccurrences(of: "bawasl", with: "bawaslu"))
    }
}

@Suite struct IndexProgressTests {
    @Test func progressLineOnlyWhenAskedOrOnATerminal() throws {
        let directory = TemporaryDirectory()
        let piped = try CommandRunner.run(["index", "--index", directory.path + "/a", Repository.seeds])
        #expect(!piped.stderr.contains("articles/s"))
        let forced = try CommandRunner.run(["index", "--progress", "always", "--index", directory.path + "/b", Repository.seeds])
        #expect(forced.status == 0)
        #expect(forced.stderr.contains("2 articles · 19 paragraphs · "))
        #expect(forced.stderr.hasSuffix("\n"))
    }

    @Test func lineFormat() {
        #expect(IndexingProgressLine.sample == "1200 articles · 9000 paragraphs · 400 articles/s · 0:03")
    }
}

enum IndexingProgressLine {
    static let sample = IndexingProgress().line(articles: 1200, paragraphs: 9000, seconds: 3)
}
