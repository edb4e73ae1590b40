import Foundation
import Telusur

/// A table for a `text/csv` answer: a header row and rows of cells, written by
/// ``ResultsTable`` (the CLI's table writer: RFC 4180 quoting, control characters as
/// spaces, and a leading `'` on a text cell a spreadsheet would run as a formula,
/// as OWASP advises on CSV injection).
public struct CSVTable: Sendable {
    public var header: [String]
    /// Rows of cells; a nil cell is empty.
    public var rows: [[Cell]]

    /// One cell: text (guarded against formulas) or a number.
    public enum Cell: Sendable {
        case text(String?)
        case number(String)
    }

    public init(header: [String], rows: [[Cell]]) {
        self.header = header
        self.rows = rows
    }

    /// The CSV text, CRLF line ends as the RFC says.
    public var text: String {
        ResultsTable(header: header, rows: rows.map { row in
            row.map { cell in
                switch cell {
                case .number(let value): return value
                case .text(let value): return value ?? ""
                }
            }
        }).text(.csv)
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
