/// Search results as a table for spreadsheets: `--csv` (RFC 4180) or `--tsv`.
///
/// One row per matching paragraph shown (one per article with `--paragraphs 1`, the
/// default), after a header row: rank, id, date, source, title, url, paragraph, text,
/// persons, agencies (names joined by "; "). Text is whole, never cut to a snippet.
/// Every field is made terminal-safe (control characters become spaces), so a cell
/// cannot break a row or drive a terminal it is printed on, and a field that a
/// spreadsheet would run as a formula (it starts with `=`, `+`, `-`, `@` or a tab and
/// is not a plain number) gets a leading `'` (OWASP's advice on CSV injection).
///
/// This is the one table writer: `search`, `quotes` and `batch` print through it, and
/// the server's `text/csv` answers are written by it.
public struct ResultsTable: Sendable {
    /// The separator between fields.
    public enum Format: Sendable {
        /// Comma-separated, fields quoted as RFC 4180 says (quotes doubled).
        case csv
        /// Tab-separated (tabs inside a field become spaces), no quoting.
        case tsv
    }

    /// The column names of the header row.
    public static let header = ["rank", "id", "date", "source", "title", "url", "paragraph", "text", "persons", "agencies"]

    let columns: [String]
    let rows: [[String]]

    /// Any table in the same format (`telusur batch --csv`): the column names, then the rows.
    public init(header: [String], rows: [[String]]) {
        columns = header
        self.rows = rows
    }

    public init(_ results: SearchResults) {
        columns = Self.header
        let lexicon = try? EntityLexicon.shared.get()
        var rows: [[String]] = []
        for hit in results.hits {
            let record = hit.article
            let persons = hit.persons.map(PersonName.display).joined(separator: "; ")
            let agencies = hit.agencies.map { lexicon?.agencyName($0) ?? $0 }.joined(separator: "; ")
            let paragraphs = hit.paragraphs.isEmpty ? [MatchedParagraph(number: 0, text: record.title)] : hit.paragraphs
            for paragraph in paragraphs {
                rows.append([String(hit.rank), record.id, record.date ?? "", record.source ?? "", record.title,
                             record.url ?? "", String(paragraph.number), paragraph.text, persons, agencies])
            }
        }
        self.rows = rows
    }

    /// The table as text, header first, each row ended by CRLF (csv, as RFC 4180 says) or LF (tsv).
    public func text(_ format: Format) -> String {
        let end = format == .csv ? "\r\n" : "\n"
        return ([columns] + rows).map { row in
            row.map { Self.field($0, format) }.joined(separator: format == .csv ? "," : "\t")
        }.joined(separator: end) + end
    }

    static func field(_ value: String, _ format: Format) -> String {
        let safe = defused(value.terminalSafe())  // tabs kept by terminalSafe; newlines become spaces
        switch format {
        case .tsv:
            return safe.replacingOccurrences(of: "\t", with: " ")
        case .csv:
            guard safe.contains(where: { $0 == "," || $0 == "\"" || $0 == "\t" }) || safe.hasPrefix(" ") || safe.hasSuffix(" ") else {
                return safe
            }
            return "\"" + safe.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
    }

    /// `text` with a leading `'` when a spreadsheet would read it as a formula.
    public static func defused(_ text: String) -> String {
        guard let first = text.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first),
              Double(text) == nil else { return text }
        return "'" + text
    }
}
