import Foundation

/// A whole article as one JSON document: for the REPL's `:open N` under `:json on`
/// its metadata and every paragraph, uncut, with `<mark>` around the matches; for
/// `telusur show ID --json` (``init(_:)``) every paragraph as `{"no", "text"}` and
/// the article's `persons` and `agencies`.
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
    /// The persons recognised in the article, for a document made by ``init(_:)``.
    public var persons: [String]?
    /// The agencies recognised in the article, for a document made by ``init(_:)``.
    public var agencies: [String]?
    /// Whether paragraphs carry `highlighted` (a document made for a query).
    private var hasHighlights = true

    enum CodingKeys: String, CodingKey { case id, title, date, source, url, paragraphs, persons, agencies }

    /// A paragraph without highlights: `{"no", "text"}`.
    private struct PlainParagraph: Encodable {
        var no: Int
        var text: String
    }

    /// The document of an article read back whole (``Searcher/wholeArticle(id:)``):
    /// `{"id", "title", "date", "source", "url", "paragraphs": [{"no", "text"}],
    /// "persons", "agencies"}`.
    public init(_ article: Searcher.WholeArticle) {
        id = article.record.id
        title = article.record.title
        date = article.record.date
        source = article.record.source
        url = article.record.url
        paragraphs = article.paragraphs.map { ResultsDocument.Paragraph(no: $0.number, text: $0.text, highlighted: $0.text) }
        persons = article.persons
        agencies = article.agencies
        hasHighlights = false
    }

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
        if hasHighlights {
            try c.encode(paragraphs, forKey: .paragraphs)
        } else {
            try c.encode(paragraphs.map { PlainParagraph(no: $0.no, text: $0.text) }, forKey: .paragraphs)
        }
        if let persons { try c.encode(persons, forKey: .persons) }
        if let agencies { try c.encode(agencies, forKey: .agencies) }
    }

    /// The document as pretty-printed JSON text.
    public func json() throws -> String {
        try JSONOutput.text(self)
    }
}
