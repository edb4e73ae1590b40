import Foundation
import Testing

/// Issue 19: bare words meet anywhere in the article (`--within article`, the default)
/// or in one paragraph (`--within paragraph`); phrases always hold in one paragraph.
@Suite struct ScopeTests {
    static func index() throws -> (TemporaryDirectory, String) {
        let directory = TemporaryDirectory()
        let file = try directory.write("a.jsonl", """
            {"id":"apart","date":"2020-01-02","source":"kompas.com","title":"Jakarta","body":"Anies meninjau kota.\\n\\nBanjir datang malam hari."}
            {"id":"together","date":"2020-01-01","source":"detik.com","title":"Jakarta lagi","body":"Anies meninjau banjir di kota."}
            {"id":"alone","date":"2020-01-03","source":"kompas.com","title":"Jakarta juga","body":"Anies meninjau kota tanpa air."}
            {"id":"phrase","date":"2020-01-04","source":"kompas.com","title":"Zero","body":"Zero di awal.\\n\\nKonflik di akhir.\\n\\nAnies hadir."}

            """)
        let index = directory.path + "/idx"
        #expect(try CommandRunner.run(["index", "--index", index, file]).status == 0)
        return (directory, index)
    }

    @Test func bareWordsMeetAnywhereInTheArticleByDefault() throws {
        let (directory, index) = try Self.index()
        _ = directory
        // The article where the words share a paragraph ranks first.
        #expect(try CommandRunner.lines(["search", "--index", index, "--ids", "anies", "banjir"]) == ["together", "apart"])
        #expect(try CommandRunner.lines(["search", "--index", index, "--ids", "--within", "article", "anies", "banjir"]) == ["together", "apart"])
        #expect(try CommandRunner.lines(["search", "--index", index, "--ids", "--within", "paragraph", "anies", "banjir"]) == ["together"])
        // Fields every paragraph shares stay filters; the NOT of a whole article still applies.
        #expect(try CommandRunner.lines(["search", "--index", index, "--ids", "anies banjir source:kompas.com"]) == ["apart"])
        #expect(try CommandRunner.lines(["search", "--index", index, "--ids", "anies banjir -malam"]) == ["together"])
        // A phrase is one clause: within one paragraph even in article scope.
        #expect(try CommandRunner.lines(["search", "--index", index, "--ids", "\"zero konflik\" anies"]).isEmpty)
        #expect(try CommandRunner.lines(["search", "--index", index, "--ids", "zero", "konflik", "anies"]) == ["phrase"])
        // An argument with spaces is a phrase, as in grep: one paragraph.
        #expect(try CommandRunner.lines(["search", "--index", index, "--ids", "meninjau banjir"]) == ["together"])
        // The shown paragraph of "apart" is one that holds a word, and the totals count those paragraphs.
        let json = try CommandRunner.run(["search", "--index", index, "--json", "anies", "banjir"])
        let document = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let total = try #require(document["total"] as? [String: Any])
        #expect(total["articles"] as? Int == 2)
        #expect(total["paragraphs"] as? Int == 3)
    }

    /// More matching articles than an id filter takes (2,000): the title documents stand
    /// for the articles where the words do not meet; the same articles, the meeting one first.
    @Test func manyArticlesGiveTheSameAnswer() throws {
        let directory = TemporaryDirectory()
        var lines = (0..<2050).map { #"{"id":"a\#($0)","date":"2020-01-01","title":"Judul \#($0)","body":"Alpha di awal.\n\nBeta di akhir."}"# }
        lines.append(#"{"id":"meet","date":"2019-01-01","title":"Temu","body":"Alpha dan beta bertemu."}"#)
        let file = try directory.write("a.jsonl", lines.joined(separator: "\n") + "\n")
        let index = directory.path + "/idx"
        #expect(try CommandRunner.run(["index", "--index", index, file]).status == 0)
        let ids = try CommandRunner.lines(["search", "--index", index, "--ids", "alpha", "beta"])
        #expect(ids.count == 2051 && ids.first == "meet")
        #expect(try CommandRunner.lines(["search", "--index", index, "--ids", "--within", "paragraph", "alpha", "beta"]) == ["meet"])
        #expect(try CommandRunner.lines(["search", "--index", index, "--ids", "alpha", "beta", "date:2019"]) == ["meet"])
    }

    /// `person:`/`agency:` inside NEAR: by the words of the name, in a paragraph that
    /// mentions them (entity terms carry no positions).
    @Test func nearTakesPersonsAndAgencies() throws {
        let directory = TemporaryDirectory()
        let file = try directory.write("a.jsonl", """
            {"id":"close","date":"2020-01-01","title":"Satu","body":"Menurut Gubernur Sumatera Selatan Herman Deru, pemilu harus damai."}
            {"id":"far","date":"2020-01-02","title":"Dua","body":"Gubernur Sumatera Selatan Herman Deru membuka acara di Palembang. Dalam acara yang dihadiri banyak warga dan pejabat daerah itu, panitia menyebut pemilu sebagai pesta rakyat."}
            {"id":"word","date":"2020-01-03","title":"Tiga","body":"Nama jalan itu Herman, dan pemilu digelar di sana."}
            {"id":"kpu","date":"2020-01-04","title":"Empat","body":"Ketua KPU Sumatera Selatan mengatakan pemilu berjalan lancar."}

            """)
        let index = directory.path + "/idx"
        #expect(try CommandRunner.run(["index", "--index", index, file]).status == 0)
        func ids(_ query: String) throws -> [String] {
            try CommandRunner.lines(["search", "--index", index, "--ids", "--sort", "date", query])
        }
        #expect(try ids(#"person:"Herman Deru" NEAR/3 pemilu"#) == ["close"])
        #expect(try ids(#"pemilu NEAR/3 person:"Herman Deru""#) == ["close"])
        #expect(try ids(#"person:"Herman Deru" NEAR/40 pemilu"#) == ["close", "far"])
        // The word alone near pemilu, without a mention of the person, is not enough.
        #expect(try ids(#"herman NEAR/3 pemilu"#).contains("word"))
        #expect(try ids(#"agency:KPU NEAR/5 pemilu"#) == ["kpu"])
        #expect(try ids(#"agency:KPU NEAR/2 pemilu"#).isEmpty)
        // Other fields still cannot take part.
        let refused = try CommandRunner.run(["search", "--index", index, #"source:kompas.com NEAR pemilu"#])
        #expect(refused.status != 0 && refused.stderr.contains("NEAR at column 19 needs a clause on both sides"))
    }

    @Test func theReplAndHelpKnowTheScope() throws {
        let (directory, index) = try Self.index()
        _ = directory
        let run = try CommandRunner.run(["repl", "--index", index], stdin: "anies banjir\n:within paragraph\n:within\n:within sentence\n:quit\n")
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("2 articles"), "\(run.stdout)")
        #expect(run.stdout.contains("words in one paragraph") && run.stdout.contains("1 article"), "\(run.stdout)")
        #expect(run.stdout.contains("within paragraph"), "\(run.stdout)")
        #expect((run.stdout + run.stderr).contains("neither article nor paragraph"), "\(run.stdout)")
        let help = try CommandRunner.run(["search", "--help"])
        #expect(help.stdout.contains("--within") && help.stdout.contains("anywhere in the article"), "\(help.stdout)")
        let bad = try CommandRunner.run(["search", "--index", index, "--within", "sentence", "anies"])
        #expect(bad.status == 2 && bad.stderr.contains("within"), "\(bad.stderr)")
    }
}
