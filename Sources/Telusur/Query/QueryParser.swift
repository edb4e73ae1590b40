/// Parses telusur's query language into a ``QueryNode`` tree.
///
/// Grammar (operators only in upper case, so "dan"/"atau"/"and" stay words):
///
///     query   := or
///     or      := and ("OR" and)*
///     and     := near (["AND"] near)*
///     near    := unary ("NEAR" | "NEAR/" N) unary ...
///     unary   := "NOT" unary | "-" primary | "+" primary | primary
///     primary := "(" or ")" | "\"" words "\"" | field ":" value | word | word "*"
///
/// Every word and phrase goes through the project's ``Tokenizer``, so a query term is
/// exactly what the indexer produced for the same text. A word the tokenizer splits
/// ("covid-19", "kabupaten/kota") becomes a phrase of its parts.
public struct QueryParser: Sendable {
    /// Deepest parenthesis nesting accepted.
    public static let maxDepth = 32
    /// Most words accepted in one query.
    public static let maxClauses = 1024
    /// Default NEAR distance, in words.
    public static let defaultNearDistance = 10
    /// Largest NEAR distance accepted (`NEAR/1000`).
    public static let maxNearDistance = 1000

    private let tokenizer = Tokenizer()

    public init() {}

    /// Parses `text`.
    ///
    /// - Throws: ``QueryError`` with the column of the problem.
    public func parse(_ text: String) throws(QueryError) -> ParsedQuery {
        let lexemes = try Lexer(text: text).lex()
        var state = State(text: text, lexemes: lexemes, tokenizer: tokenizer)
        let root = try state.parseOr(depth: 0)
        if root == nil, text.contains(where: { !$0.isWhitespace }) {
            // Only emoji, punctuation or symbols: nothing the index holds. Without this the
            // empty tree would match every article.
            throw QueryError(query: text, column: 1, reason: .nothingToSearch)
        }
        if let extra = state.peek {
            if case .close = extra.kind {
                throw QueryError(query: text, column: extra.column, reason: .unexpectedClosingParenthesis)
            }
        }
        return ParsedQuery(text: text, root: root)
    }
}

// MARK: - lexing

private struct Lexeme {
    enum Kind: Equatable {
        case word(String)
        case quoted(String)
        case open, close
        case and, or, not
        case near(Int)
        case minus, plus
        case field(String)
    }
    var kind: Kind
    var column: Int
}

private struct Lexer {
    let text: String

    static let quotes: Set<Character> = ["\"", "\u{201C}", "\u{201D}", "\u{201E}"]

    func lex() throws(QueryError) -> [Lexeme] {
        var result: [Lexeme] = []
        let chars = Array(text)
        var i = 0
        var words = 0
        while i < chars.count {
            let c = chars[i]
            let column = i + 1
            if c.isWhitespace { i += 1; continue }
            if c == "(" { result.append(Lexeme(kind: .open, column: column)); i += 1; continue }
            if c == ")" { result.append(Lexeme(kind: .close, column: column)); i += 1; continue }
            if Self.quotes.contains(c) {
                let (body, next) = try quoted(chars, from: i)
                // A phrase's words count toward the limit as much as bare words do.
                words += max(1, body.split(whereSeparator: \.isWhitespace).count)
                if words > QueryParser.maxClauses {
                    throw QueryError(query: text, column: column, reason: .tooLong)
                }
                result.append(Lexeme(kind: .quoted(body), column: column))
                i = next
                continue
            }
            // Right after a field's colon a sign is part of the value ("year:-5" is a bad year, not NOT 5).
            let afterField = result.last.map { last in
                if case .field = last.kind { return last.column + length(last) == column }
                return false
            } ?? false
            if (c == "-" || c == "+"), !afterField, i + 1 < chars.count, !chars[i + 1].isWhitespace, chars[i + 1] != ")",
               result.last.map({ $0.column + length($0) <= column }) ?? true {
                // A sign only at the start of a word: "-kampanye", never "covid-19".
                result.append(Lexeme(kind: c == "-" ? .minus : .plus, column: column))
                i += 1
                continue
            }
            var j = i
            while j < chars.count, !chars[j].isWhitespace, chars[j] != "(", chars[j] != ")",
                  !Self.quotes.contains(chars[j]) {
                if chars[j] == ":" { break }
                j += 1
            }
            let word = String(chars[i..<j])
            if j < chars.count, chars[j] == ":", isFieldName(word) {
                result.append(Lexeme(kind: .field(word.lowercased()), column: column))
                i = j + 1
                continue
            }
            if j < chars.count, chars[j] == ":" {
                // Not a field name ("10:30"): the colon is part of the word.
                while j < chars.count, !chars[j].isWhitespace, chars[j] != "(", chars[j] != ")",
                      !Self.quotes.contains(chars[j]) { j += 1 }
            }
            let whole = String(chars[i..<j])
            let kind = classify(whole)
            if whole.hasPrefix("NEAR/"), kind == .word(whole) {
                throw QueryError(query: text, column: column, reason: .badNearDistance(String(whole.dropFirst(5))))
            }
            if case .word = kind {
                // Operators are not words: 513 words joined by OR are 513 words.
                words += 1
                if words > QueryParser.maxClauses {
                    throw QueryError(query: text, column: column, reason: .tooLong)
                }
            }
            result.append(Lexeme(kind: kind, column: column))
            i = j
        }
        return result
    }

    private func length(_ lexeme: Lexeme) -> Int {
        switch lexeme.kind {
        case .word(let w): return w.count
        case .quoted(let q): return q.count + 2
        case .field(let f): return f.count + 1
        case .and: return 3
        case .or: return 2
        case .not: return 3
        case .near: return 4
        default: return 1
        }
    }

    private func isFieldName(_ word: String) -> Bool {
        !word.isEmpty && word.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("A"..."Z").contains($0) }
    }

    private func classify(_ word: String) -> Lexeme.Kind {
        switch word {
        case "AND": return .and
        case "OR": return .or
        case "NOT": return .not
        case "NEAR": return .near(QueryParser.defaultNearDistance)
        default:
            if word.hasPrefix("NEAR/"), let n = Int(word.dropFirst(5)), n > 0, n <= QueryParser.maxNearDistance { return .near(n) }
            return .word(word)
        }
    }

    private func quoted(_ chars: [Character], from start: Int) throws(QueryError) -> (String, Int) {
        var j = start + 1
        while j < chars.count, !Self.quotes.contains(chars[j]) { j += 1 }
        guard j < chars.count else {
            throw QueryError(query: text, column: start + 1, reason: .unbalancedQuote)
        }
        return (String(chars[(start + 1)..<j]), j + 1)
    }
}

// MARK: - parsing

private struct State {
    let text: String
    let lexemes: [Lexeme]
    let tokenizer: Tokenizer
    var index = 0

    init(text: String, lexemes: [Lexeme], tokenizer: Tokenizer) {
        self.text = text
        self.lexemes = lexemes
        self.tokenizer = tokenizer
    }

    var peek: Lexeme? { index < lexemes.count ? lexemes[index] : nil }

    mutating func parseOr(depth: Int) throws(QueryError) -> QueryNode? {
        var branches: [QueryNode] = []
        while true {
            let start = index
            let branch = try parseAnd(depth: depth)
            if let branch { branches.append(branch) }
            guard let next = peek, next.kind == .or else { break }
            if index == start {
                throw QueryError(query: text, column: next.column, reason: .danglingOperator("OR"))
            }
            index += 1
            if peek == nil || peek?.kind == .close {
                throw QueryError(query: text, column: next.column, reason: .danglingOperator("OR"))
            }
        }
        switch branches.count {
        case 0: return nil
        case 1: return branches[0]
        default: return .or(branches)
        }
    }

    mutating func parseAnd(depth: Int) throws(QueryError) -> QueryNode? {
        var clauses: [QueryNode] = []
        while let next = peek {
            switch next.kind {
            case .or, .close: return Self.joined(clauses)
            case .and:
                index += 1
                if clauses.isEmpty || peek == nil || peek?.kind == .or || peek?.kind == .close {
                    throw QueryError(query: text, column: next.column, reason: .danglingOperator("AND"))
                }
                continue
            default:
                if let clause = try parseNear(depth: depth) { clauses.append(clause) }
            }
        }
        return Self.joined(clauses)
    }

    static func joined(_ clauses: [QueryNode]) -> QueryNode? {
        switch clauses.count {
        case 0: return nil
        case 1: return clauses[0]
        default: return .and(clauses)
        }
    }

    mutating func parseNear(depth: Int) throws(QueryError) -> QueryNode? {
        let first = try parseUnary(depth: depth)
        var operands = first.map { [$0] } ?? []
        var distance = QueryParser.defaultNearDistance
        while let next = peek, case .near(let n) = next.kind {
            index += 1
            distance = n
            guard !operands.isEmpty, let operand = try parseUnary(depth: depth), Self.isPositional(operand),
                  operands.allSatisfy(Self.isPositional) else {
                throw QueryError(query: text, column: next.column, reason: .danglingOperator("NEAR"))
            }
            operands.append(operand)
        }
        if operands.count > 1 { return .near(operands, distance: distance) }
        return first
    }

    /// What NEAR can join: words, phrases, and persons and agencies (matched by the
    /// words of their name, see ``QueryCompiler``).
    static func isPositional(_ node: QueryNode) -> Bool {
        switch node {
        case .term, .phrase, .person, .agency: return true
        default: return false
        }
    }

    mutating func parseUnary(depth: Int) throws(QueryError) -> QueryNode? {
        guard let next = peek else { return nil }
        switch next.kind {
        case .not:
            index += 1
            guard let operand = try parseUnary(depth: depth) else {
                throw QueryError(query: text, column: next.column, reason: .danglingOperator("NOT"))
            }
            return .not(operand)
        case .minus:
            index += 1
            return try parsePrimary(depth: depth).map { .not($0) }
        case .plus:
            index += 1
            return try parsePrimary(depth: depth)
        case .near:
            throw QueryError(query: text, column: next.column, reason: .danglingOperator("NEAR"))
        default:
            return try parsePrimary(depth: depth)
        }
    }

    mutating func parsePrimary(depth: Int) throws(QueryError) -> QueryNode? {
        guard let next = peek else { return nil }
        index += 1
        switch next.kind {
        case .open:
            guard depth < QueryParser.maxDepth else {
                throw QueryError(query: text, column: next.column, reason: .tooDeep)
            }
            let inner = try parseOr(depth: depth + 1)
            guard let close = peek, close.kind == .close else {
                throw QueryError(query: text, column: next.column, reason: .unclosedParenthesis)
            }
            index += 1
            return inner
        case .close:
            throw QueryError(query: text, column: next.column, reason: .unexpectedClosingParenthesis)
        case .quoted(let body):
            return phrase(body)
        case .word(let word):
            return try wordNode(word, column: next.column)
        case .field(let name):
            return try fieldNode(name, column: next.column, depth: depth)
        case .and, .or, .not, .near, .minus, .plus:
            throw QueryError(query: text, column: next.column, reason: .danglingOperator(Self.name(next.kind)))
        }
    }

    static func name(_ kind: Lexeme.Kind) -> String {
        switch kind {
        case .and: "AND"
        case .or: "OR"
        case .not: "NOT"
        case .near: "NEAR"
        case .minus: "-"
        case .plus: "+"
        default: "operator"
        }
    }

    /// The terms of `text` in order, compound whole forms left out (their parts carry the positions).
    func terms(_ text: String) -> [String] {
        tokenizer.terms(text)
    }

    func phrase(_ text: String) -> QueryNode? {
        let words = terms(text)
        switch words.count {
        case 0: return nil
        case 1: return .term(words[0])
        default: return .phrase(words)
        }
    }

    func wordNode(_ word: String, column: Int) throws(QueryError) -> QueryNode? {
        if word.hasPrefix("*"), word.contains(where: { $0.isLetter || $0.isNumber }) {
            throw QueryError(query: text, column: column, reason: .leadingWildcard(word))
        }
        if word.hasSuffix("*") {
            let stem = String(word.dropLast())
            let words = terms(stem)
            guard words.count == 1, let prefix = words.first, prefix.count >= 2 else {
                if words.isEmpty || words.count == 1 {
                    throw QueryError(query: text, column: column, reason: .shortWildcard(word))
                }
                // "kabupaten/ko*": the last part is the wildcard, the rest a phrase.
                return phrase(stem)
            }
            return .wildcard(prefix)
        }
        return phrase(word)
    }

    mutating func fieldNode(_ name: String, column: Int, depth: Int) throws(QueryError) -> QueryNode? {
        guard let field = QueryField(rawValue: name) else {
            throw QueryError(query: text, column: column, reason: .unknownField(name))
        }
        guard let value = peek, value.column == column + name.count + 1 else {
            throw QueryError(query: text, column: column, reason: .emptyField(name))
        }
        let raw: String
        switch value.kind {
        case .field("agency") where field == .said:
            // `said:agency:KPU`: the lexer reads "agency:" as a field of its own.
            index += 1
            guard let body = peek, body.column == value.column + "agency:".count else {
                throw QueryError(query: text, column: column, reason: .emptyField(name))
            }
            switch body.kind {
            case .word(let w), .quoted(let w): index += 1; return .said("agency:" + w)
            default: throw QueryError(query: text, column: column, reason: .emptyField(name))
            }
        case .word(let w): raw = w
        case .quoted(let q): raw = q
        case .open:
            guard field == .title else {
                throw QueryError(query: text, column: column, reason: .emptyField(name))
            }
            // The group nests like any other: `title:(title:(…` must not restart the count.
            return try parsePrimary(depth: depth).map { .title($0) }
        default:
            throw QueryError(query: text, column: column, reason: .emptyField(name))
        }
        index += 1
        let valueColumn = value.column
        if field == .source || field == .id, raw.allSatisfy(\.isWhitespace) {
            // `source:""` would filter on an empty value and silently match nothing.
            throw QueryError(query: text, column: column, reason: .emptyField(name))
        }
        switch field {
        case .title:
            let node: QueryNode?
            if case .word(let w) = value.kind { node = try wordNode(w, column: valueColumn) } else { node = phrase(raw) }
            return node.map { .title($0) }
        case .source:
            return .filter(field: .source, value: raw.lowercased())
        case .id:
            return .filter(field: .id, value: raw)
        case .date:
            guard let (from, to) = DateRange.parse(raw, years: false) else {
                throw QueryError(query: text, column: valueColumn, reason: .badDate(raw))
            }
            return .dateRange(from: from, to: to)
        case .year:
            guard let (from, to) = DateRange.parse(raw, years: true) else {
                throw QueryError(query: text, column: valueColumn, reason: .badDate(raw))
            }
            return .dateRange(from: from, to: to)
        case .person:
            // Fullwidth and other compatibility forms fold as they do in words.
            return .person(raw.precomposedStringWithCompatibilityMapping)
        case .agency:
            return .agency(raw.precomposedStringWithCompatibilityMapping)
        case .office:
            return .filter(field: .office, value: raw.precomposedStringWithCompatibilityMapping)
        case .said:
            // `said:agency:KPU` arrives as the value "agency:KPU"; `said:agency:` alone is empty.
            if raw.allSatisfy(\.isWhitespace) || raw.lowercased() == "agency:" {
                throw QueryError(query: text, column: column, reason: .emptyField(name))
            }
            return .said(raw)
        }
    }
}

/// Dates in queries: a day, a month or a year, or a range `FROM..TO` of them, as an
/// inclusive range of "YYYY-MM-DD" strings (which sort as dates).
enum DateRange {
    static func parse(_ text: String, years: Bool) -> (String, String)? {
        if let range = text.range(of: "..") {
            let lower = String(text[..<range.lowerBound])
            let upper = String(text[range.upperBound...])
            if lower.isEmpty && upper.isEmpty { return nil }
            let from = lower.isEmpty ? ("0000-00-00", "") : bounds(lower, years: years)
            let to = upper.isEmpty ? ("", "9999-99-99") : bounds(upper, years: years)
            guard let from, let to, from.0 <= to.1 else { return nil }
            return (from.0, to.1)
        }
        return bounds(text, years: years)
    }

    /// Days in a month of the Gregorian calendar (2019-02-30 is no date).
    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// First and last "YYYY-MM-DD" of a year, month or day.
    private static func bounds(_ text: String, years: Bool) -> (String, String)? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false).map(String.init)
        guard let year = parts.first, year.count == 4, Int(year) != nil else { return nil }
        if years { return parts.count == 1 ? (year + "-01-01", year + "-12-31") : nil }
        switch parts.count {
        case 1:
            return (year + "-01-01", year + "-12-31")
        case 2:
            guard parts[1].count == 2, let month = Int(parts[1]), (1...12).contains(month) else { return nil }
            return ("\(year)-\(parts[1])-01", "\(year)-\(parts[1])-31")
        case 3:
            guard parts[1].count == 2, let month = Int(parts[1]), (1...12).contains(month),
                  parts[2].count == 2, let day = Int(parts[2]), let number = Int(year),
                  (1...daysIn(month: month, year: number)).contains(day) else { return nil }
            return (text, text)
        default:
            return nil
        }
    }
}
