import Foundation

/// A whole article as one JSON document (the REPL's `:open N` under `:json on`):
/// its metadata and every paragraph, uncut, with `<mark>` around the matches.
public struct ArticleDocument: Encodable, Sendable {
    /// The article id.
    public var id: String
    /// The headline.
    public var title: String
    /// "YYYY-MM-DD", null when unknown.
    public var date: String?
    /// The outlet, null when unknown.
    public var source: String?
    /// The article's address, null when unknown.
    public var url: String?
    /// Every paragraph, numbered from 1, uncut.
    public var paragraphs: [ResultsDocument.Paragraph]

    enum CodingKeys: String, CodingKey { case id, title, date, source, url, paragraphs }

    /// Builds the document; matches are those of `query`.
    public init(article record: ArticleRecord, paragraphs: [MatchedParagraph], query: ParsedQuery) {
        let highlighter = Highlighter(query: query)
        id = record.id
        title = record.title
        date = record.date
        source = record.source
        url = record.url
        self.paragraphs = paragraphs.map { paragraph in
            ResultsDocument.Paragraph(no: paragraph.number, text: paragraph.text,
                                      highlighted: highlighter.highlight(paragraph.text, open: "<mark>", close: "</mark>"))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(title, forKey: .title)
        // Unknown metadata is null, never a missing key, as in the results document.
        try c.encode(date, forKey: .date)
        try c.encode(source, forKey: .source)
        try c.encode(url, forKey: .url)
        try c.encode(paragraphs, forKey: .paragraphs)
    }

    /// The document as pretty-printed JSON text.
    public func json() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(self), as: UTF8.self).jsonTerminalSafe
    }
}
