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

    static func ids(_ arguments: [String]) throws -> [String] {
        let run = try CommandRunner.run(arguments)
        #expect(run.status <= 1, "\(arguments): \(run.stderr)")
        return run.stdout.split(separator: "\n").map(String.init)
    }

    @Test func optionsAndExcludedWordsAsUsersTypeThem() throws {
        let (directory, index) = try Self.index()
        _ = directory
        // --sort -date, with the value as its own argument.
        #expect(try Self.ids(["search", "--index", index, "--ids", "--sort", "-date", "pemilu"]) == ["baru", "lama", "tanpa"])
        #expect(try Self.ids(["search", "--index", index, "--ids", "--sort", "date", "pemilu"]) == ["lama", "baru", "tanpa"])
        // -word is a query word (exclude), before or after options.
        #expect(try Self.ids(["search", "--index", index, "pemilu", "-kampanye", "--ids", "--sort=date"]) == ["baru", "tanpa"])
        #expect(try Self.ids(["search", "-kampanye", "--index", index, "--ids", "pemilu", "--sort", "-date"]) == ["baru", "tanpa"])
        // After --, everything is a query word.
        let dashed = try CommandRunner.run(["search", "--index", index, "--ids", "--", "pemilu", "--limit"])
        #expect(dashed.status == 2 && dashed.stderr.contains("column"), "\(dashed.stderr)")
    }

    @Test func notExcludesWholeArticles() throws {
        let (directory, index) = try Self.index()
        _ = directory
        // "lama" mentions kampanye in another paragraph than pemilu: still excluded.
        #expect(Set(try Self.ids(["search", "--index", index, "--ids", "pemilu NOT kampanye"])) == ["baru", "tanpa"])
        #expect(Set(try Self.ids(["search", "--index", index, "--ids", "NOT kampanye"])) == ["baru", "tanpa"])
        #expect(Set(try Self.ids(["search", "--index", index, "--ids", "pemilu -\"di akhir\""])) == ["baru", "tanpa"])
        #expect(Set(try Self.ids(["search", "--index", index, "--ids", "pemilu -tidakada"])) == ["baru", "lama", "tanpa"])
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
        #expect(try Self.ids(["search", "--index", index, "--ids", "pem*"]).count == 3)
    }
}
