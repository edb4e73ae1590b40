import Foundation
import Telusur

/// A table written as CSV (RFC 4180): a header row, fields quoted when they hold a
/// comma, quote or line break.
///
/// Text from the index is hostile input: a cell that starts with `=`, `+`, `-`, `@`,
/// a tab or a carriage return is a formula to a spreadsheet, so it gets a leading `'`
/// (OWASP's advice on CSV injection).
public struct CSVTable: Sendable {
    public var header: [String]
    /// Rows of cells; a nil cell is empty.
    public var rows: [[Cell]]

    /// One cell: text (guarded against formulas) or a number.
    public enum Cell: Sendable {
        case text(String?)
        case number(String)
    }

    /// The CSV text, CRLF line ends as the RFC says.
    public var text: String {
        var out = header.map(Self.quote).joined(separator: ",") + "\r\n"
        for row in rows {
            out += row.map { cell in
                switch cell {
                case .number(let value): return value
                case .text(let value): return Self.quote(Self.defused(value ?? ""))
                }
            }.joined(separator: ",") + "\r\n"
        }
        return out
    }

    static func defused(_ text: String) -> String {
        guard let first = text.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) else { return text }
        return "'" + text
    }

    static func quote(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// The results of a search: one row per article, with its best paragraph (plain text).
    public init(_ document: ResultsDocument) {
        header = ["rank", "id", "title", "date", "source", "url", "score", "paragraph_no", "paragraph"]
        rows = document.results.map { result in
            let best = result.paragraphs.first
            return [.number(String(result.rank)), .text(result.id), .text(result.title), .text(result.date), .text(result.source),
                    .text(result.url), .number(String((result.score * 10_000).rounded() / 10_000)),
                    .number(best.map { String($0.no) } ?? ""), .text(best?.text)]
        }
    }

    /// A list of persons or agencies.
    public init(_ document: EntityListDocument) {
        header = ["key", "name", "articles"]
        rows = document.entries.map { [.text($0.key), .text($0.name), .number(String($0.articles))] }
    }
}
