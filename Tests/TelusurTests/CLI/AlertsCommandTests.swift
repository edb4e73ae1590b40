import Foundation
import Testing

/// `telusur alerts`, and the alert lines and `--alert-command` of `index` and `watch`,
/// through the real executable on real indexes.
@Suite struct AlertsCommandTests {
    /// Two articles for a later indexing run: one about a bridge dated long before the
    /// seeds (new by the time it is indexed, not by its date), one about something else.
    static let laterArticles = """
        {"id":"baru-1","title":"Gubernur meresmikan jembatan Musi","date":"2001-01-02","source":"contoh.id","url":null,"body":"Jembatan baru dibuka untuk warga.\\nWarga menyambut jembatan itu."}
        {"id":"baru-2","title":"Harga cabai naik","date":"2024-03-01","source":"contoh.id","url":null,"body":"Pedagang pasar mengeluhkan harga cabai."}

        """

    private func seedIndex(_ directory: TemporaryDirectory, shards: Int) throws -> String {
        let index = directory.path + "/index"
        var arguments = ["index", "--index", index, "--quiet", Repository.seeds]
        if shards > 1 { arguments += ["--shards", String(shards)] }
        let indexed = try CommandRunner.run(arguments)
        #expect(indexed.status == 0, "\(indexed.stderr)")
        return index
    }

    private func news(_ output: CommandRunner.Output) throws -> [[String: Any]] {
        try #require(try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [[String: Any]], "\(output.stdout)\(output.stderr)")
    }

    private func ids(_ alert: [String: Any]) -> [String] {
        ((alert["articles"] as? [[String: Any]]) ?? []).compactMap { $0["id"] as? String }
    }

    @Test(arguments: [1, 3])
    func newSinceLastReadByIndexingTime(shards: Int) throws {
        let directory = TemporaryDirectory()
        let index = try seedIndex(directory, shards: shards)
        #expect(try CommandRunner.run(["alert", "add", "--index", index, "jembatan", "jembatan"]).status == 0)
        #expect(try CommandRunner.run(["alert", "add", "--index", index, "pemilu", "pemilu"]).status == 0)

        // What was indexed before the alert was saved is read.
        let nothing = try CommandRunner.run(["alerts", "--index", index])
        #expect(nothing.status == 1, "\(nothing.stderr)")
        #expect(nothing.stdout.contains("0 new for 'jembatan' (jembatan)"), "\(nothing.stdout)")

        let file = try directory.write("later.jsonl", Self.laterArticles)
        let indexed = try CommandRunner.run(["index", "--index", index, file])
        #expect(indexed.status == 0, "\(indexed.stderr)")
        // The run ends with one line per alert that gained matches, and only those.
        #expect(indexed.stdout.contains("\n1 new for 'jembatan'\n"), "\(indexed.stdout)")
        #expect(!indexed.stdout.contains("for 'pemilu'"), "\(indexed.stdout)")

        let peek = try news(try CommandRunner.run(["alerts", "--index", index, "--json", "--keep-unread"]))
        #expect(peek.map { $0["name"] as? String } == ["jembatan", "pemilu"])
        #expect(peek.first?["total"] as? Int == 1)
        #expect(ids(peek[0]) == ["baru-1"])
        #expect(peek.last?["total"] as? Int == 0)

        // A copy of the index carries the counter, the batch values and the alerts; reading
        // the copy leaves the original unread.
        let copy = directory.path + "/copy"
        try FileManager.default.copyItem(atPath: index, toPath: copy)
        #expect(ids(try news(try CommandRunner.run(["alerts", "--index", copy, "--json"]))[0]) == ["baru-1"])
        #expect(try CommandRunner.run(["alerts", "--index", copy]).status == 1)

        let read = try CommandRunner.run(["alerts", "--index", index])
        #expect(read.status == 0, "\(read.stderr)")
        #expect(read.stdout.contains("1 new for 'jembatan' (jembatan)\n  2001-01-02  contoh.id  Gubernur meresmikan jembatan Musi  [baru-1]\n"), "\(read.stdout)")
        // Marked read: nothing new now.
        let again = try CommandRunner.run(["alerts", "--index", index, "--json"])
        #expect(again.status == 1)
        #expect(try news(again).allSatisfy { $0["total"] as? Int == 0 })

        // --since lists by indexing time again, read or not.
        let since = try news(try CommandRunner.run(["alerts", "--index", index, "--json", "--since", "2000-01-01"]))
        #expect(ids(since[0]) == ["baru-1"])
        #expect((since[1]["total"] as? Int ?? 0) > 0, "the seeds mention pemilu and were indexed after 2000")
        let future = try news(try CommandRunner.run(["alerts", "--index", index, "--json", "--since", "2999-01-01T00:00:00Z"]))
        #expect(future.allSatisfy { $0["total"] as? Int == 0 })

        // Re-indexing the same file changes nothing: no new batch of articles, no alert line.
        let unchanged = try CommandRunner.run(["index", "--index", index, file])
        #expect(!unchanged.stdout.contains(" new for "), "\(unchanged.stdout)")
    }

    /// `alert add --within paragraph` keeps the search's scope: "musi" is only in the
    /// title of baru-1 and "warga" only in its body, so the article-wide alert finds it
    /// and the one-paragraph alert does not.
    @Test func anAlertKeepsItsScope() throws {
        let directory = TemporaryDirectory()
        let index = try seedIndex(directory, shards: 1)
        #expect(try CommandRunner.run(["alert", "add", "--index", index, "lebar", "musi warga"]).status == 0)
        let narrow = try CommandRunner.run(["alert", "add", "--index", index, "--within", "paragraph", "sempit", "musi warga"])
        #expect(narrow.stdout.contains("saved alert \"sempit\": musi warga (within one paragraph)"), "\(narrow.stdout)\(narrow.stderr)")
        let list = try CommandRunner.run(["alert", "list", "--index", index])
        #expect(list.stdout.contains("sempit\tmusi warga (within one paragraph)\t"), "\(list.stdout)")
        let listed = try #require(try JSONSerialization.jsonObject(with: Data(try CommandRunner.run(["alert", "list", "--index", index, "--json"]).stdout.utf8)) as? [[String: Any]])
        #expect(listed.map { $0["within"] as? String } == [nil, "paragraph"], "\(listed)")
        let file = try directory.write("later.jsonl", Self.laterArticles)
        #expect(try CommandRunner.run(["index", "--index", index, "--quiet", file]).status == 0)
        let found = try news(try CommandRunner.run(["alerts", "--index", index, "--json"]))
        let byName = Dictionary(uniqueKeysWithValues: found.map { ($0["name"] as? String ?? "", $0) })
        #expect(ids(try #require(byName["lebar"])) == ["baru-1"], "\(found)")
        #expect(byName["sempit"]?["total"] as? Int == 0, "\(found)")
    }

    @Test func alertCommandGetsTheJSONWithoutAShell() throws {
        let directory = TemporaryDirectory()
        let index = try seedIndex(directory, shards: 1)
        #expect(try CommandRunner.run(["alert", "add", "--index", index, "jembatan", "jembatan"]).status == 0)
        // An article whose title would run commands if it ever reached a shell.
        let hostile = #"{"id":"baru-3","title":"Jembatan $(touch PWNED) `touch PWNED2`; touch PWNED3","date":null,"source":null,"url":null,"body":"Jembatan rusak."}"#
        let file = try directory.write("later.jsonl", Self.laterArticles + hostile + "\n")
        let out = directory.path + "/out dir/alert.json"
        try FileManager.default.createDirectory(atPath: directory.path + "/out dir", withIntermediateDirectories: true)
        // The user's words: quoted because the path has a space.
        let indexed = try CommandRunner.run(["index", "--index", index, "--alert-command", "tee '\(out)'", file], directory: directory.path)
        #expect(indexed.status == 0, "\(indexed.stderr)")
        #expect(indexed.stdout.contains("2 new for 'jembatan'"), "\(indexed.stdout)")
        let written = try #require(FileManager.default.contents(atPath: out), "\(indexed.stderr)")
        let alert = try #require(try JSONSerialization.jsonObject(with: written) as? [String: Any])
        #expect(alert["name"] as? String == "jembatan")
        #expect(alert["total"] as? Int == 2)
        #expect(Set(ids(alert)) == ["baru-1", "baru-3"])
        for name in ["PWNED", "PWNED2", "PWNED3"] {
            #expect(!FileManager.default.fileExists(atPath: directory.path + "/" + name))
        }
        // index marks nothing read.
        #expect(try CommandRunner.run(["alerts", "--index", index, "--keep-unread"]).stdout.hasPrefix("2 new for 'jembatan'"))

        let unclosed = try CommandRunner.run(["index", "--index", index, "--alert-command", "tee 'x", file])
        #expect(unclosed.status == 2)
        #expect(unclosed.stderr.contains("a quote is not closed"), "\(unclosed.stderr)")

        let other = try directory.write("other.jsonl", #"{"id":"baru-4","title":"Jembatan lagi","date":null,"source":null,"url":null,"body":"Jembatan kedua."}"# + "\n")
        let missing = try CommandRunner.run(["index", "--index", index, "--alert-command", "no-such-program-telusur", other])
        #expect(missing.status == 0, "the articles are indexed whatever the command does")
        #expect(missing.stdout.contains("1 new for 'jembatan'"), "\(missing.stdout)")
        #expect(missing.stderr.contains("no program \"no-such-program-telusur\""), "\(missing.stderr)")

        let failing = try directory.write("third.jsonl", #"{"id":"baru-5","title":"Jembatan ketiga","date":null,"source":null,"url":null,"body":"Teks."}"# + "\n")
        let failed = try CommandRunner.run(["index", "--index", index, "--alert-command", "false", failing])
        #expect(failed.stderr.contains("--alert-command false failed for alert \"jembatan\" (exit status 1)"), "\(failed.stderr)")
    }

    @Test func watchEndsEachBurstWithTheAlertLines() throws {
        let directory = TemporaryDirectory("watch-alerts")
        let index = try seedIndex(directory, shards: 1)
        #expect(try CommandRunner.run(["alert", "add", "--index", index, "jembatan", "jembatan"]).status == 0)
        let folder = directory.path + "/masuk"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let out = directory.path + "/alert.json"
        let watch = try BackgroundProcess(["watch", "--index", index, "--no-entities", "--alert-command", "tee \(out)", folder])
        #expect(BackgroundProcess.eventually(timeout: 20) { watch.stdout.contains("committed: 0 indexed") || watch.stdout.contains("watching") }, "\(watch.stdout)\(watch.stderr)")
        _ = try directory.write("masuk/baru.txt", "Gubernur meresmikan jembatan.\n")
        #expect(BackgroundProcess.eventually(timeout: 20) { watch.stdout.contains("1 new for 'jembatan'") }, "\(watch.stdout)\(watch.stderr)")
        #expect(BackgroundProcess.eventually(timeout: 5) { FileManager.default.contents(atPath: out).map { String(decoding: $0, as: UTF8.self).contains("\"baru.txt\"") } ?? false })
        _ = try directory.write("masuk/lain.txt", "Harga cabai naik.\n")
        #expect(BackgroundProcess.eventually(timeout: 20) { watch.stdout.contains("committed: 1 indexed, 0 removed") && watch.stdout.components(separatedBy: "committed:").count >= 3 }, "\(watch.stdout)")
        // The burst without a bridge adds no line.
        #expect(watch.stdout.components(separatedBy: "new for 'jembatan'").count == 2, "\(watch.stdout)")
    }
}
