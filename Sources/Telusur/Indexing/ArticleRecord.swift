import Foundation

/// What the index keeps about an article besides its paragraphs: the data of its
/// title document (paragraph 0), so results never need the source files.
public struct ArticleRecord: Codable, Equatable, Sendable {
    /// The article id.
    public var id: String
    /// The headline.
    public var title: String
    /// "YYYY-MM-DD", or nil when unknown.
    public var date: String?
    /// The outlet.
    public var source: String?
    /// The article's address.
    public var url: String?
    /// How many paragraphs the article has (the title not counted).
    public var paragraphs: Int

    /// A record from its parts.
    public init(id: String, title: String, date: String?, source: String?, url: String?, paragraphs: Int) {
        self.id = id
        self.title = title
        self.date = date
        self.source = source
        self.url = url
        self.paragraphs = paragraphs
    }

    /// Builds the record of an article.
    public init(_ article: Article) {
        id = article.id
        title = article.title
        date = article.date
        source = article.source
        url = article.url
        paragraphs = article.paragraphs.count
    }

    /// The record as stored: compact JSON.
    func encoded() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(self), as: UTF8.self)
    }

    /// Reads a stored record.
    static func decode(_ data: String) throws -> ArticleRecord {
        try JSONDecoder().decode(ArticleRecord.self, from: Data(data.utf8))
    }
}
