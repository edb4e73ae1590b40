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

    @Test func deepNotChainsAndParenthesesDoNotCrash() throws {
        _ = try parser.parse(String(repeating: "NOT ", count: 1000) + "kpu")
        #expect(throws: QueryError.self) { try parser.parse(String(repeating: "(", count: 100_000)) }
        #expect(throws: QueryError.self) { try parser.parse(String(repeating: "-", count: 100_000)) }
    }
}
