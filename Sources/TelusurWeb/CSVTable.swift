import Foundation
import Telusur

/// A table for a `text/csv` answer: a header row and rows of cells, written by
/// ``ResultsTable`` (the CLI's table writer: RFC 4180 quoting, control characters as
/// spaces, and a leading `'` on a cell a spreadsheet would run as a formula,
/// as OWASP advises on CSV injection).
public struct CSVTable: Sendable {
    public var header: [String]
    /// Rows of cells; a nil cell is empty.
    public var rows: [[String?]]

    public init(header: [String], rows: [[String?]]) {
        self.header = header
        self.rows = rows
    }

    /// The CSV text, CRLF line ends as the RFC says.
    public var text: String {
        ResultsTable(header: header, rows: rows.map { $0.map { $0 ?? "" } }).text(.csv)
    }

    /// The results of a search: one row per article, with its best paragraph (plain text).
    public init(_ document: ResultsDocument) {
        header = ["rank", "id", "title", "date", "source", "url", "score", "paragraph_no", "paragraph"]
        rows = document.results.map { result in
            let best = result.paragraphs.first
            return [String(result.rank), result.id, result.title, result.date, result.source, result.url,
                    String((result.score * 10_000).rounded() / 10_000), best.map { String($0.no) }, best?.text]
        }
    }

    /// A list of persons or agencies.
    public init(_ document: EntityListDocument) {
        header = ["key", "name", "articles"]
        rows = document.entries.map { [$0.key, $0.name, String($0.articles)] }
    }
}
