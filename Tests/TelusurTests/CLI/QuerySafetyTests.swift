import Foundation
import Testing

/// Issue 12, rows 8–11, 15, 16 and 19: a query or option that cannot mean what it
/// says is an error naming the column (exit 2), never a silent "no results".
@Suite struct QuerySafetyTests {
    static func index() throws -> (TemporaryDirectory, String) {
        let directory = TemporaryDirectory()
        let nfc = "caf\u{E9}"
        let file = try directory.write("a.jsonl", """
            {"id":"\(nfc)","title":"Zero konflik","source":"kompas.com","date":"2020-02-29","body":"Sumsel zero konflik pada pemilu. KPU siap."}
            {"id":"lain","title":"Lain","source":"detik.com","date":"2019-03-01","body":"Pemilu di KPU berjalan baik."}

            """)
        let index = directory.path + "/idx"
        let built = try CommandRunner.run(["index", "--index", index, file])
        #expect(built.status == 0, "\(built.stderr)")
        return (directory, index)
    }

    static let errors: [(query: String, message: String)] = [
        ("zero NEAR/1001 konflik", "NEAR/ at column 6 is followed by \"1001\""),
        ("zero NEAR/0 konflik", "followed by \"0\""),
        ("zero NEAR/-1 konflik", "followed by \"-1\""),
        ("zero NEAR/abc konflik", "followed by \"abc\""),
        ("zero NEAR/ konflik", "followed by nothing"),
        ("date:2019-02-30", "bad date \"2019-02-30\" at column 6"),
        ("date:2019-04-31", "bad date \"2019-04-31\""),
        ("date:2019-02-29", "bad date \"2019-02-29\""),
        ("year:-5", "bad date \"-5\" at column 6"),
    ]

    @Test func badQueriesAreErrorsWithTheirColumn() throws {
        let (directory, index) = try Self.index()
        _ = directory
        for (query, message) in Self.errors {
            let run = try CommandRunner.run(["search", "--index", index, query])
            #expect(run.status == 2 && run.stderr.contains(message), "\(query): \(run.stderr)")
        }
    }

    @Test func queriesThatUsedToFindNothingFindTheirArticle() throws {
        let (directory, index) = try Self.index()
        _ = directory
        let nfd = "cafe\u{301}"
        for query in ["zero NEAR/1000 konflik", "date:2020-02-29", "id:\(nfd)", "source:ｋｏｍｐａｓ.ｃｏｍ", "ⓩⓔⓡⓞ konflik"] {
            let run = try CommandRunner.run(["search", "--index", index, "--ids", query])
            #expect(run.status == 0 && run.stdout == "caf\u{E9}\n", "\(query): \(run.stdout) \(run.stderr)")
        }
        let similar = try CommandRunner.run(["similar", "--index", index, "--ids", nfd])
        #expect(similar.status != 2, "\(similar.stderr)")
        #expect(!similar.stderr.contains("no article with id"))
    }

    @Test func operatorsDoNotCountAsWords() throws {
        let (directory, index) = try Self.index()
        _ = directory
        let many = (0..<513).map { "kata\($0)" }.joined(separator: " OR ") + " OR pemilu"
        let run = try CommandRunner.run(["search", "--index", index, "--ids", many])
        #expect(run.status == 0, "\(run.stderr)")
        let tooMany = (0..<1025).map { "kata\($0)" }.joined(separator: " ")
        let refused = try CommandRunner.run(["search", "--index", index, tooMany])
        #expect(refused.status == 2 && refused.stderr.contains("at most 1024 words"))
    }

    @Test(arguments: ["inf,0.5", "1e308,0.5", "1.2,2", "1.2,0.75,1e300", "nan,0.5"])
    func rankingParametersAreValidated(value: String) throws {
        let (directory, index) = try Self.index()
        _ = directory
        let run = try CommandRunner.run(["search", "--index", index, "--bm25", value, "--json", "kpu"])
        #expect(run.status == 2 && run.stderr.contains("--bm25"), "\(run.stderr)")
        #expect(!run.stderr.contains("nan") && !run.stdout.contains("NaN"))
    }
}
