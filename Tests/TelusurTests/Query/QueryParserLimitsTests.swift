import Testing
@testable import Telusur

/// What the query parser does with hostile queries.
@Suite struct QueryParserLimitsTests {
    let parser = QueryParser()

    @Test(arguments: ["👍", "!!!", "👨‍👩‍👧 🙂", "( )", "-", "\u{0301}\u{0301}"])
    func aQueryWithNothingSearchableIsAnError(text: String) {
        #expect(throws: QueryError(query: text, column: 1, reason: .nothingToSearch)) { try parser.parse(text) }
    }

    @Test func aBlankQueryIsStillTheEmptyTree() throws {
        #expect(try parser.parse("").root == nil)
        #expect(try parser.parse("   ").root == nil)
    }

    @Test func phraseWordsCountTowardTheLimit() {
        let words = (1...(QueryParser.maxClauses + 1)).map { "kata\($0)" }.joined(separator: " ")
        #expect(throws: QueryError(query: "\"" + words + "\"", column: 1, reason: .tooLong)) { try parser.parse("\"" + words + "\"") }
        let fits = (1...QueryParser.maxClauses).map { "kata\($0)" }.joined(separator: " ")
        #expect(throws: Never.self) { try parser.parse("\"" + fits + "\"") }
    }

    @Test func aLongQueryIsShownCutAroundTheColumn() {
        let text = (1...2000).map { "kata\($0)" }.joined(separator: " ")
        let error = QueryError(query: text, column: 8110, reason: .tooLong)
        let lines = error.pointer.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == 2)
        #expect(lines[0].count <= QueryError.pointerWidth + 4)
        #expect(lines[0].hasPrefix("  …") && lines[0].hasSuffix("…"))
        // The caret stands under the character at the column.
        let caret = lines[1].count - 1
        let characters = Array(lines[0])
        let at = text.index(text.startIndex, offsetBy: 8109)
        #expect(characters[caret] == text[at])
        // A short query is shown whole.
        #expect(QueryError(query: "tokoh:x", column: 1, reason: .unknownField("tokoh")).pointer == "  tokoh:x\n  ^")
    }

    // Found by Fuzz/run.sh (query target, 6 min): `source:""` parsed to a filter on an
    // empty value, which matched nothing instead of saying the field is empty.
    @Test(arguments: [#"source:"""#, #"id:"""#, #"source:"  ""#, #"id:" ""#])
    func aFieldWithAnEmptyQuotedValueIsAnError(text: String) {
        let name = String(text.prefix { $0 != ":" })
        #expect(throws: QueryError(query: text, column: 1, reason: .emptyField(name))) { try parser.parse(text) }
    }

    // Found while reading the code the fuzzer pointed at: `title:(` started the nesting
    // count again at 0, so 15,000 of them overflowed the stack (signal 11).
    @Test func nestedTitleGroupsCountTowardTheDepthLimit() throws {
        let deep = String(repeating: "title:(", count: 15_000) + "kpu" + String(repeating: ")", count: 15_000)
        #expect(throws: QueryError(query: deep, column: 1 + 7 * QueryParser.maxDepth + 6, reason: .tooDeep)) { try parser.parse(deep) }
        let fits = String(repeating: "title:(", count: QueryParser.maxDepth) + "kpu" + String(repeating: ")", count: QueryParser.maxDepth)
        #expect(try parser.parse(fits).root != nil)
    }

    @Test func deepNotChainsAndParenthesesDoNotCrash() throws {
        _ = try parser.parse(String(repeating: "NOT ", count: 1000) + "kpu")
        #expect(throws: QueryError.self) { try parser.parse(String(repeating: "(", count: 100_000)) }
        #expect(throws: QueryError.self) { try parser.parse(String(repeating: "-", count: 100_000)) }
    }
}
