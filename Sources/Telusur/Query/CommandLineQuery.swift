import Foundation

/// Joins command-line arguments into one query, the way grep users expect.
///
/// The shell strips the quotes of `telusur search "zero konflik"`, so an argument that
/// holds several words and no query syntax of its own is taken as a phrase, as grep
/// and ripgrep take their pattern. Arguments are otherwise joined with spaces, so
/// `telusur search zero konflik` asks for both words anywhere in a paragraph.
public enum CommandLineQuery {
    /// The query text for `arguments`.
    public static func join(_ arguments: [String]) -> String {
        arguments.map { argument in
            let trimmed = argument.trimmingCharacters(in: .whitespaces)
            guard trimmed.contains(where: \.isWhitespace), !hasSyntax(trimmed) else { return trimmed }
            return "\"" + trimmed + "\""
        }.joined(separator: " ")
    }

    /// The query `field:"WORDS"` for a name typed after `telusur person`, `agency` or the
    /// REPL's `:person`/`:agency`; quotes in it (straight or curly) are dropped so the
    /// value stays one phrase.
    public static func field(_ field: QueryField, _ words: [String]) -> String {
        let text = words.joined(separator: " ").filter { !"\"“”„".contains($0) }
        return "\(field.rawValue):\"\(text)\""
    }

    /// True when the argument uses query syntax (quotes, parentheses, fields, operators,
    /// wildcards, negation), so it is passed through as written.
    static func hasSyntax(_ text: String) -> Bool {
        if text.contains(where: { "\"“”()*:".contains($0) }) { return true }
        return text.split(whereSeparator: \.isWhitespace).contains { word in
            ["AND", "OR", "NOT", "NEAR"].contains(word) || word.hasPrefix("NEAR/") || word.hasPrefix("-") || word.hasPrefix("+")
        }
    }
}
