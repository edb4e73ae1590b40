/// Why a query could not be understood; `column` counts characters from 1.
public struct QueryError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What is wrong.
    public enum Reason: Sendable, Equatable {
        /// A `"` with no closing `"`.
        case unbalancedQuote
        /// A `(` with no `)`.
        case unclosedParenthesis
        /// A `)` with no `(`.
        case unexpectedClosingParenthesis
        /// `name:` with a name that is not a field.
        case unknownField(String)
        /// A field with nothing after the colon.
        case emptyField(String)
        /// A date or year that does not parse.
        case badDate(String)
        /// An operator with nothing to apply to (`OR` at the end, `NOT` alone, `NEAR` without two sides).
        case danglingOperator(String)
        /// A wildcard needs at least two letters before `*`.
        case shortWildcard(String)
        /// Parentheses nested deeper than the parser allows.
        case tooDeep
        /// More clauses than the parser allows.
        case tooLong
        /// A `*` before a word (`*korupsi`): wildcards match word beginnings only.
        case leadingWildcard(String)
        /// `NEAR/N` whose N is not a whole number from 1 to ``QueryParser/maxNearDistance``.
        case badNearDistance(String)
        /// Nothing searchable: only emoji, punctuation or symbols, which are not indexed.
        case nothingToSearch
    }

    /// The query as typed.
    public var query: String
    /// The column (1-based, in characters) where the problem is.
    public var column: Int
    /// What is wrong.
    public var reason: Reason

    /// One line saying what is wrong and what to do.
    public var message: String {
        switch reason {
        case .unbalancedQuote:
            return "unbalanced quote: the phrase that starts at column \(column) has no closing \""
        case .unclosedParenthesis:
            return "unbalanced parenthesis: the \"(\" at column \(column) is never closed"
        case .unexpectedClosingParenthesis:
            return "unbalanced parenthesis: the \")\" at column \(column) has no \"(\""
        case .unknownField(let name):
            let known = QueryField.allCases.map { $0.rawValue + ":" }.joined(separator: " ")
            return "unknown field \"\(name):\" at column \(column); known fields: \(known)"
        case .emptyField(let name):
            return "field \"\(name):\" at column \(column) has no value; write \(name):VALUE with no space after the colon"
        case .badDate(let text):
            return "bad date \"\(text)\" at column \(column); write YYYY, YYYY-MM, YYYY-MM-DD or a range FROM..TO"
        case .danglingOperator(let op):
            return "\(op) at column \(column) needs a clause on both sides (operators are upper case; write \(op.lowercased()) to search the word)"
        case .shortWildcard(let text):
            return "wildcard \"\(text)\" at column \(column) is too short; give at least two letters before *"
        case .tooDeep:
            return "parentheses nested too deeply at column \(column); at most \(QueryParser.maxDepth) levels"
        case .tooLong:
            return "query too long at column \(column); at most \(QueryParser.maxClauses) words"
        case .leadingWildcard(let word):
            return "wildcard \"\(word)\" at column \(column) starts with *; a wildcard matches the beginnings of words, so put * at the end (korup* finds korupsi, koruptor); for words that end the same, search them by name (dikorupsi OR korupsi)"
        case .badNearDistance(let distance):
            let shown = distance.isEmpty ? "nothing" : "\"\(distance)\""
            return "NEAR/ at column \(column) is followed by \(shown); write NEAR/N with N a whole number of words from 1 to \(QueryParser.maxNearDistance), or NEAR for \(QueryParser.defaultNearDistance)"
        case .nothingToSearch:
            return "nothing to search for: the query has no letters or digits (emoji, punctuation and symbols are not indexed)"
        }
    }

    /// The query with a caret under the column, for a terminal. A long query is cut to
    /// about ``pointerWidth`` characters around the column, with "…" where cut.
    public var pointer: String {
        let characters = Array(query)
        let width = Self.pointerWidth
        guard characters.count > width else {
            let caret = String(repeating: " ", count: max(0, column - 1)) + "^"
            return "  " + query + "\n  " + caret
        }
        let at = min(max(0, column - 1), characters.count)
        let start = max(0, min(at - width / 2, characters.count - width))
        let end = min(characters.count, start + width)
        let head = start > 0 ? "…" : ""
        let tail = end < characters.count ? "…" : ""
        let caret = String(repeating: " ", count: head.count + at - start) + "^"
        return "  " + head + String(characters[start..<end]) + tail + "\n  " + caret
    }

    /// The most characters of the query ``pointer`` shows.
    public static let pointerWidth = 72

    public var description: String { message }
}
