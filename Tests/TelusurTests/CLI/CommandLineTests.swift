import Foundation
import Testing

/// Issue 19: the command line takes queries as people type them, NOT excludes whole
/// articles, and undated articles sort last.
@Suite struct CommandLineTests {
    static func index() throws -> (TemporaryDirectory, String) {
        let directory = TemporaryDirectory()
        let file = try directory.write("a.jsonl", """
            {"id":"tanpa","title":"Tanpa tanggal","body":"Pemilu damai tanpa tanggal."}
            {"id":"lama","date":"2019-01-01","title":"Lama","body":"Pemilu damai.\\n\\nKampanye di akhir artikel."}
            {"id":"baru","date":"2024-01-01","title":"Baru","body":"Pemilu damai di Sumsel."}

            """)
        let index = directory.path + "/idx"
        #expect(try CommandRunner.run(["index", "--index", index, file]).status == 0)
        return (directory, index)
    }

    @Test func optionsAndExcludedWordsAsUsersTypeThem() throws {
        let (directory, index) = try Self.index()
        _ = directory
        // --sort -date, with the value as its own argument.
        #expect(try CommandRunner.lines(["search", "--index", index, "--ids", "--sort", "-date", "pemilu"]) == ["baru", "lama", "tanpa"])
        #expect(try CommandRunner.lines(["search", "--index", index, "--ids", "--sort", "date", "pemilu"]) == ["lama", "baru", "tanpa"])
        // -word is a query word (exclude), before or after options.
        #expect(try CommandRunner.lines(["search", "--index", index, "pemilu", "-kampanye", "--ids", "--sort=date"]) == ["baru", "tanpa"])
        #expect(try CommandRunner.lines(["search", "-kampanye", "--index", index, "--ids", "pemilu", "--sort", "-date"]) == ["baru", "tanpa"])
        // After --, everything is a query word.
        let dashed = try CommandRunner.run(["search", "--index", index, "--ids", "--", "pemilu", "--limit"])
        #expect(dashed.status == 2 && dashed.stderr.contains("column"), "\(dashed.stderr)")
    }

    @Test func notExcludesWholeArticles() throws {
        let (directory, index) = try Self.index()
        _ = directory
        // "lama" mentions kampanye in another paragraph than pemilu: still excluded.
        #expect(Set(try CommandRunner.lines(["search", "--index", index, "--ids", "pemilu NOT kampanye"])) == ["baru", "tanpa"])
        #expect(Set(try CommandRunner.lines(["search", "--index", index, "--ids", "NOT kampanye"])) == ["baru", "tanpa"])
        #expect(Set(try CommandRunner.lines(["search", "--index", index, "--ids", "pemilu -\"di akhir\""])) == ["baru", "tanpa"])
        #expect(Set(try CommandRunner.lines(["search", "--index", index, "--ids", "pemilu -tidakada"])) == ["baru", "lama", "tanpa"])
    }

    @Test func optionsAloneOpenTheRepl() throws {
        let (directory, index) = try Self.index()
        _ = directory
        let run = try CommandRunner.run(["--index", index], stdin: "pemilu\n:quit\n")
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("3 articles"), "\(run.stdout)")
        #expect(try CommandRunner.run(["--version"]).stdout == "0.1.0\n")
    }

    @Test func aLeadingWildcardIsAnErrorThatSaysWhy() throws {
        let (directory, index) = try Self.index()
        _ = directory
        let run = try CommandRunner.run(["search", "--index", index, "*milu"])
        #expect(run.status == 2 && run.stderr.contains("put * at the end"), "\(run.stderr)")
        #expect(try CommandRunner.lines(["search", "--index", index, "--ids", "pem*"]).count == 3)
    }
}

/// Issue 19: export, full text, facets and the timeline.
@Suite struct ExportTests {
    static func index() throws -> (TemporaryDirectory, String) {
        let directory = TemporaryDirectory()
        let long = String(repeating: "kalimat panjang ", count: 60)
        var lines = [
            #"{"id":"a","date":"2019-01-15","source":"kompas.com","title":"Pemilu, \"damai\"","body":"Gubernur Herman Deru membuka rapat pemilu di KPU Sumsel. \#(long) ujung pemilu."}"#,
            #"{"id":"b","date":"2019-03-02","source":"detik.com","title":"Pemilu dua","body":"Pemilu kedua di Bawaslu."}"#,
            #"{"id":"c","source":"detik.com","title":"Tanpa tanggal","body":"Pemilu tanpa tanggal."}"#,
        ]
        for month in 1...12 { lines.append(#"{"id":"m\#(month)","date":"2020-\#(month < 10 ? "0" : "")\#(month)-01","source":"s\#(month).id","title":"Bulan","body":"Pemilu bulan \#(month)."}"#) }
        let file = try directory.write("a.jsonl", lines.joined(separator: "\n") + "\n")
        let index = directory.path + "/idx"
        #expect(try CommandRunner.run(["index", "--index", index, file]).status == 0)
        return (directory, index)
    }

    @Test func csvAndTsvHaveAHeaderAndQuoteAsRFC4180Says() throws {
        let (directory, index) = try Self.index()
        _ = directory
        let csv = try CommandRunner.run(["search", "--index", index, "--csv", "--all", "--sort", "date", "pemilu"])
        #expect(csv.status == 0, "\(csv.stderr)")
        let rows = csv.stdout.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        #expect(rows.first == "rank,id,date,source,title,url,paragraph,text,persons,agencies")
        #expect(rows.count == 1 + 15)  // --all: every article, not a page of 10
        #expect(rows[1].hasPrefix(#"1,a,2019-01-15,kompas.com,"Pemilu, ""damai""",,0,"#), "\(rows[1])")
        let body = try CommandRunner.run(["search", "--index", index, "--csv", "rapat"])
        #expect(body.stdout.contains("ujung pemilu.,Herman Deru,"), "the text is whole: \(body.stdout)")
        #expect(rows.last?.hasPrefix("15,c,,detik.com,") == true)
        let tsv = try CommandRunner.run(["search", "--index", index, "--tsv", "--limit", "1", "--sort", "date", "pemilu"])
        #expect(tsv.stdout.split(separator: "\n").map { $0.split(separator: "\t", omittingEmptySubsequences: false).count } == [10, 10])
        #expect(try CommandRunner.run(["search", "--index", index, "--csv", "--json", "pemilu"]).status == 2)
    }

    @Test func fullGivesWholeParagraphsAndJSONNamesPersonsAndAgencies() throws {
        let (directory, index) = try Self.index()
        _ = directory
        let snippet = try CommandRunner.run(["search", "--index", index, "--json", "rapat"])
        let whole = try CommandRunner.run(["search", "--index", index, "--json", "--full", "rapat"])
        #expect(!snippet.stdout.contains("ujung pemilu."))
        let document = try #require(try JSONSerialization.jsonObject(with: Data(whole.stdout.utf8)) as? [String: Any])
        let result = try #require((document["results"] as? [[String: Any]])?.first)
        let text = try #require((result["paragraphs"] as? [[String: Any]])?.first?["text"] as? String)
        #expect(text.hasSuffix("ujung pemilu."))
        #expect((result["persons"] as? [[String: String]]) == [["name": "Herman Deru", "key": "herman deru"]])
        #expect((result["agencies"] as? [[String: String]])?.contains(["name": "KPU", "key": "kpu"]) == true)
        let terminal = try CommandRunner.run(["search", "--index", index, "--full", "rapat"])
        #expect(terminal.stdout.contains("ujung pemilu."))
    }

    @Test func facetLimitAndPeriodsInDateOrder() throws {
        let (directory, index) = try Self.index()
        _ = directory
        func facets(_ extra: [String]) throws -> [String: [[String: Any]]] {
            let run = try CommandRunner.run(["search", "--index", index, "--json", "--facets"] + extra + ["pemilu"])
            let document = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
            return try #require(document["facets"] as? [String: [[String: Any]]])
        }
        let limited = try facets([])
        #expect(limited["sources"]?.count == 10)
        #expect((limited["months"] ?? []).compactMap { $0["key"] as? String } == (3...12).map { "2020-" + ($0 < 10 ? "0" : "") + "\($0)" })
        let all = try facets(["--facet-limit", "0"])
        #expect(all["sources"]?.count == 14)
        #expect((all["months"] ?? []).compactMap { $0["key"] as? String }.first == "2019-01")
        #expect((all["years"] ?? []).compactMap { $0["key"] as? String } == ["2019", "2020"])
    }

    @Test func theTimelineHasEveryPeriod() throws {
        let (directory, index) = try Self.index()
        _ = directory
        let run = try CommandRunner.run(["search", "--index", index, "--json", "--timeline", "month", "pemilu"])
        let document = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let timeline = try #require(document["timeline"] as? [String: Any])
        let series = try #require(timeline["series"] as? [[String: Any]])
        #expect(timeline["period"] as? String == "month")
        #expect(series.count == 24)  // 2019-01 … 2020-12, the empty months included
        #expect(series.first?["period"] as? String == "2019-01" && series.first?["articles"] as? Int == 1)
        #expect(series[1]["articles"] as? Int == 0)
        let bars = try CommandRunner.run(["search", "--index", index, "--timeline", "year", "pemilu"])
        // 2 of 12 at 50 columns: 8 blocks and 2 eighths.
        #expect(bars.stdout.hasPrefix("2019  ████████▎ 2\n2020  " + String(repeating: "█", count: 50) + " 12\n"), "\(bars.stdout)")
        #expect(!bars.stdout.contains("\u{1B}"))
        #expect(try CommandRunner.run(["search", "--index", index, "--timeline", "fortnight", "pemilu"]).status == 2)
        // Days and ISO weeks, from the day counts: 2019-01-15 (in 2019-W03) … 2020-12-01 (in 2020-W49).
        for (period, first, last, count) in [("day", "2019-01-15", "2020-12-01", 687), ("week", "2019-W03", "2020-W49", 99)] {
            let run = try CommandRunner.run(["search", "--index", index, "--json", "--timeline", period, "pemilu"])
            let document = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
            let timeline = try #require(document["timeline"] as? [String: Any])
            let series = try #require(timeline["series"] as? [[String: Any]])
            #expect(timeline["period"] as? String == period)
            #expect(series.first?["period"] as? String == first && series.last?["period"] as? String == last, "\(period)")
            #expect(series.count == count, "\(period)")
            #expect(series.compactMap { $0["articles"] as? Int }.reduce(0, +) == 14)  // the undated one is in no period
        }
        // The REPL: :timeline PERIOD above each search, :timeline shows it, off stops it.
        let repl = try CommandRunner.run(["repl", "--index", index], stdin: ":timeline year\npemilu\n:timeline\n:timeline off\npemilu\n:timeline weekly\n")
        #expect(repl.status == 0, "\(repl.stderr)")
        let yearBars = "2019  ████████▎ 2\n2020  " + String(repeating: "█", count: 50) + " 12\n"
        #expect(repl.stdout.components(separatedBy: yearBars).count == 2, "\(repl.stdout)")
        #expect(repl.stdout.contains("timeline year\n") && repl.stdout.contains("timeline off\n"), "\(repl.stdout)")
        #expect((repl.stdout + repl.stderr).contains("unknown period \"weekly\""), "\(repl.stdout)")
        let days = try CommandRunner.run(["search", "--index", index, "--timeline", "day", "pemilu"])
        #expect(days.stdout.hasPrefix("2019-01-15  ") && days.stdout.contains("\n2019-01-16  0\n"), "\(days.stdout.prefix(200))")
    }
}

extension CommandLineTests {
    /// Help texts wrap as sentences: no line broken after one word mid-paragraph.
    @Test(arguments: ["search", "index", "repl", "shard-server", "remove", "compact", "check"])
    func helpWrapsAsSentences(command: String) throws {
        let help = try CommandRunner.run([command, "--help"]).stdout
        let lines = help.split(separator: "\n", omittingEmptySubsequences: false)
        for (number, line) in lines.enumerated() where number > 0 && number + 1 < lines.count {
            let words = line.split(separator: " ")
            let between = !lines[number - 1].isEmpty && !lines[number + 1].isEmpty
            #expect(!(words.count == 1 && between && !line.hasSuffix(":") && !line.hasPrefix(" ")),
                    "\(command) --help breaks a sentence at line \(number + 1): \(line)")
        }
    }
}

extension ExportTests {
    /// `persons`/`agencies --query`: who appears with a body, counted over the matching articles only.
    @Test func personsAndAgenciesOfTheArticlesThatMatchAQuery() throws {
        let (directory, index) = try Self.index()
        _ = directory
        let persons = try CommandRunner.run(["persons", "--index", index, "--query", "agency:KPU"])
        #expect(persons.status == 0, "\(persons.stderr)")
        #expect(persons.stdout == "      1  Herman Deru\n", "\(persons.stdout)")
        let agencies = try CommandRunner.run(["agencies", "--index", index, "--query", "bulan", "--json"])
        #expect(agencies.stdout.contains("[\n\n]") || !agencies.stdout.contains("KPU"), "\(agencies.stdout)")
        let withKPU = try CommandRunner.run(["agencies", "--index", index, "--query", "rapat", "--top", "1"])
        #expect(withKPU.stdout.contains("KPU"), "\(withKPU.stdout)")
        let bad = try CommandRunner.run(["persons", "--index", index, "--query", "\"zero"])
        #expect(bad.status == 2 && bad.stderr.contains("unbalanced quote"))
    }
}
