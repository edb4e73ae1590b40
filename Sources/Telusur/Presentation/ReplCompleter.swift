/// Tab completion for the REPL: command names, their fixed arguments, query field
/// names, and names the index knows after `source:`, `person:`, `agency:`, `:person`
/// and `:agency`.
///
/// Works on the text before the cursor only, so it does not depend on the line editor;
/// the word it completes is the text after the last space or tab (the line editor is
/// set to break words there too).
public struct ReplCompleter {
    /// Known values of a field ("source", "person", "agency") that start with a prefix,
    /// compared case-insensitively. The session feeds it from the index.
    public typealias NameLookup = (_ field: String, _ prefix: String) -> [String]

    /// The field names offered in a query.
    public static let fields = ["title:", "source:", "id:", "date:", "year:", "person:", "agency:", "said:"]
    /// The fields whose values are names the lookup is asked about (`said`: the persons quoted).
    public static let nameFields: Set<String> = ["source", "person", "agency", "said"]

    private let names: NameLookup

    /// A completer that asks `names` for field values (by default, it knows none).
    public init(names: @escaping NameLookup = { _, _ in [] }) {
        self.names = names
    }

    /// The completions of the word that ends `line` (the text before the cursor).
    public func complete(_ line: String) -> ReplCompletion {
        let word = String(line.reversed().prefix(while: { $0 != " " && $0 != "\t" }).reversed())
        let before = line.dropLast(word.count)
        let lead = before.drop(while: { $0 == " " || $0 == "\t" })

        // The first word: a command.
        if lead.isEmpty {
            if word.hasPrefix(":") {
                return ReplCompletion(word: word, typed: word, options: ReplSession.commandNames.filter { $0.hasPrefix(word.lowercased()) },
                                      appendSpace: true)
            }
        } else if lead.hasPrefix(":") {
            return completeArgument(line: line, word: word)
        }
        return completeQuery(line: line, word: word)
    }

    /// After `:person`, `:sort`, …
    private func completeArgument(line: String, word: String) -> ReplCompletion {
        let body = line.drop(while: { $0 == " " || $0 == "\t" }).dropFirst()
        let command = String(body.prefix(while: { $0 != " " && $0 != "\t" })).lowercased()
        let typed = String(body.dropFirst(command.count).drop(while: { $0 == " " || $0 == "\t" }))
        let fixed: [String]
        switch command {
        case "person", "agency":
            return ReplCompletion(word: word, typed: typed, options: lookup(command, typed), appendSpace: false)
        case "sort": fixed = ResultOrder.allCases.map(\.rawValue)
        case "json", "facets": fixed = ["on", "off"]
        case "help": fixed = ReplSession.commandTable.map(\.name)
        default: fixed = []
        }
        guard typed == word else { return ReplCompletion(word: word, candidates: [], appendSpace: false) }
        return ReplCompletion(word: word, typed: typed, options: fixed.filter { $0.hasPrefix(typed.lowercased()) }, appendSpace: false)
    }

    /// Inside a query: a field name, a field's value, or a name in an open quote.
    private func completeQuery(line: String, word: String) -> ReplCompletion {
        // `person:"Herman De`: the phrase is still open after a name field.
        if line.filter({ $0 == "\"" }).count % 2 == 1, let quote = line.lastIndex(of: "\"") {
            let typed = String(line[line.index(after: quote)...])
            if let field = fieldName(ending: line[..<quote]), Self.nameFields.contains(field) {
                return ReplCompletion(word: word, typed: typed, options: lookup(field, typed).map { $0 + "\"" }, appendSpace: true)
            }
            return ReplCompletion(word: word, candidates: [], appendSpace: false)
        }
        let core = word.drop(while: { "-+(".contains($0) })
        if let colon = core.firstIndex(of: ":") {
            let field = core[..<colon].lowercased()
            let value = String(core[core.index(after: colon)...])
            guard Self.nameFields.contains(field) else { return ReplCompletion(word: word, candidates: [], appendSpace: false) }
            let quoted = lookup(field, value).map { name in name.contains(where: \.isWhitespace) ? "\"" + name + "\"" : name }
            return ReplCompletion(word: word, typed: value, options: quoted, appendSpace: true)
        }
        guard !core.isEmpty else { return ReplCompletion(word: word, candidates: [], appendSpace: false) }
        let typed = String(core)
        return ReplCompletion(word: word, typed: typed, options: Self.fields.filter { $0.hasPrefix(typed.lowercased()) },
                              appendSpace: false)
    }

    /// The field name right before a position (`… person:` → "person"), if any.
    private func fieldName(ending text: Substring) -> String? {
        guard text.hasSuffix(":") else { return nil }
        let name = text.dropLast().reversed().prefix(while: { $0.isLetter })
        return name.isEmpty ? nil : String(name.reversed()).lowercased()
    }

    /// Names of `field` starting with `prefix`, checked again here (case-insensitively)
    /// whatever the lookup returns.
    private func lookup(_ field: String, _ prefix: String) -> [String] {
        let folded = prefix.lowercased()
        return names(field, prefix).filter { $0.lowercased().hasPrefix(folded) }
    }
}

/// What ``ReplCompleter/complete(_:)`` found for the word before the cursor.
public struct ReplCompletion: Equatable, Sendable {
    /// The word the candidates replace: the text after the last space or tab.
    public var word: String
    /// Replacements for the whole word, sorted, without duplicates.
    public var candidates: [String]
    /// Whether a unique candidate is followed by a space.
    public var appendSpace: Bool

    /// A completion from ready replacements of `word`.
    public init(word: String, candidates: [String], appendSpace: Bool) {
        self.word = word
        self.candidates = Array(Set(candidates)).sorted()
        self.appendSpace = appendSpace
    }

    /// A completion where each option replaces `typed`, the last characters of the line
    /// (which may be longer than the word, as a name with spaces, or shorter, as the
    /// value after `field:`).
    init(word: String, typed: String, options: [String], appendSpace: Bool) {
        let candidates = options.map { option -> String in
            if typed.count >= word.count {
                // Only the end of the name is in the word: "Herman De" → the word "De" becomes "Deru".
                return String(option.dropFirst(typed.count - word.count))
            }
            // The word starts before what was typed: "person:He" → "person:" + "\"Herman Deru\"".
            return String(word.dropLast(typed.count)) + option
        }
        self.init(word: word, candidates: candidates, appendSpace: appendSpace)
    }

    /// The longest prefix all candidates share: what a first Tab inserts.
    public var commonPrefix: String {
        guard var prefix = candidates.first else { return "" }
        for candidate in candidates.dropFirst() {
            while !candidate.hasPrefix(prefix) { prefix.removeLast() }
        }
        return prefix
    }
}
