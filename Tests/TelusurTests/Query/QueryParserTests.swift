import Testing
@testable import Telusur

@Suite struct QueryParserTests {
    let parser = QueryParser()

    @Test(arguments: [
        ("bawaslu", QueryNode.term("bawaslu")),
        ("Bawaslu KPU", .and([.term("bawaslu"), .term("kpu")])),
        ("\"zero konflik\"", .phrase(["zero", "konflik"])),
        ("“Zero Konflik”", .phrase(["zero", "konflik"])),
        ("pemilu \"zero konflik\"", .and([.term("pemilu"), .phrase(["zero", "konflik"])])),
        ("kpu OR bawaslu", .or([.term("kpu"), .term("bawaslu")])),
        ("kpu or bawaslu", .and([.term("kpu"), .term("or"), .term("bawaslu")])),
        ("kpu dan bawaslu", .and([.term("kpu"), .term("dan"), .term("bawaslu")])),
        ("pemilu -kampanye", .and([.term("pemilu"), .not(.term("kampanye"))])),
        ("pemilu NOT kampanye", .and([.term("pemilu"), .not(.term("kampanye"))])),
        ("(kpu OR bawaslu) pemilu", .and([.or([.term("kpu"), .term("bawaslu")]), .term("pemilu")])),
        ("pemilu AND kpu", .and([.term("pemilu"), .term("kpu")])),
        ("pemilu*", .wildcard("pemilu")),
        ("zero NEAR konflik", .near([.term("zero"), .term("konflik")], distance: 10)),
        ("zero NEAR/3 konflik", .near([.term("zero"), .term("konflik")], distance: 3)),
        ("title:pemilu", .title(.term("pemilu"))),
        ("title:\"zero konflik\"", .title(.phrase(["zero", "konflik"]))),
        ("source:Kompas.com", .filter(field: .source, value: "kompas.com")),
        ("id:clickid-1a2b", .filter(field: .id, value: "clickid-1a2b")),
        ("date:2024-02", .dateRange(from: "2024-02-01", to: "2024-02-31")),
        ("date:2024-01-01..2024-02-07", .dateRange(from: "2024-01-01", to: "2024-02-07")),
        ("year:2023..2024", .dateRange(from: "2023-01-01", to: "2024-12-31")),
        ("covid-19", .phrase(["covid", "19"])),
        ("pukul 10:30", .and([.term("pukul"), .phrase(["10", "30"])])),
    ])
    func parses(_ text: String, _ expected: QueryNode) throws {
        #expect(try parser.parse(text).root == expected)
    }

    @Test(arguments: [
        ("\"zero konflik", 1, QueryError.Reason.unbalancedQuote),
        ("pemilu \"zero", 8, .unbalancedQuote),
        ("(kpu OR bawaslu", 1, .unclosedParenthesis),
        ("kpu)", 4, .unexpectedClosingParenthesis),
        ("tokoh:jokowi", 1, .unknownField("tokoh")),
        ("date:2024-13", 6, .badDate("2024-13")),
        ("year:dua", 6, .badDate("dua")),
        ("kpu OR", 5, .danglingOperator("OR")),
        ("NOT", 1, .danglingOperator("NOT")),
        ("a*", 1, .shortWildcard("a*")),
        ("source: kompas", 1, .emptyField("source")),
    ])
    func reportsErrorsWithColumn(_ text: String, _ column: Int, _ reason: QueryError.Reason) {
        #expect(throws: QueryError(query: text, column: column, reason: reason)) { try parser.parse(text) }
    }

    @Test func unknownFieldListsTheKnownOnes() {
        let error = QueryError(query: "tokoh:x", column: 1, reason: .unknownField("tokoh"))
        #expect(error.message.contains("title: source: id: date: year:"))
        #expect(error.pointer == "  tokoh:x\n  ^")
    }

    @Test func deepNestingIsAnErrorNotACrash() {
        let text = String(repeating: "(", count: 200) + "kpu" + String(repeating: ")", count: 200)
        #expect(throws: QueryError.self) { try parser.parse(text) }
    }

    @Test func tooManyWordsIsAnError() {
        let text = Array(repeating: "kata", count: 10_000).joined(separator: " ")
        #expect(throws: QueryError.self) { try parser.parse(text) }
    }

    @Test func negatedWordsAreNotHighlighted() throws {
        let query = try parser.parse("pemilu -kampanye \"zero konflik\"")
        #expect(query.highlightTerms == ["pemilu"])
        #expect(query.highlightPhrases == [["zero", "konflik"]])
    }
}

@Suite struct CommandLineQueryTests {
    @Test(arguments: [
        (["zero konflik"], "\"zero konflik\""),
        (["zero", "konflik"], "zero konflik"),
        (["\"zero konflik\" pemilu"], "\"zero konflik\" pemilu"),
        (["kpu OR bawaslu"], "kpu OR bawaslu"),
        (["pemilu -kampanye"], "pemilu -kampanye"),
        (["title:pemilu 2024"], "title:pemilu 2024"),
    ])
    func joinsArguments(_ arguments: [String], _ expected: String) {
        #expect(CommandLineQuery.join(arguments) == expected)
    }

    @Test func fieldQueriesKeepANameOnePhrase() throws {
        #expect(CommandLineQuery.field(.person, ["Dr.", "Herman", "Deru,", "SH"]) == "person:\"Dr. Herman Deru, SH\"")
        #expect(CommandLineQuery.field(.agency, ["“KPU", "Sumsel”"]) == "agency:\"KPU Sumsel\"")
        #expect(try QueryParser().parse(CommandLineQuery.field(.person, ["Herman \"Deru\""])).root == .person("Herman Deru"))
    }
}
