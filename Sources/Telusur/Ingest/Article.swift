/// One news article or press release, as read from the input.
///
/// ``ArticleReader`` makes these from JSON Lines records or from text and
/// Markdown files; every string in it is NFC-normalised.
public struct Article: Equatable, Hashable, Sendable {
    /// The article's identifier, unique within one read: the `id` field of a
    /// JSON Lines record, or for a text file its path relative to the directory
    /// given (its file name when the file itself was given), unless its front
    /// matter names an `id`.
    public var id: String
    /// The headline: given by the input, or derived from the first paragraph
    /// when the input has none (see ``Article/derivedTitle(fromFirstParagraph:)``).
    public var title: String
    /// The publication date as `YYYY-MM-DD` (always a real calendar date), or `nil`
    /// when the input gives none.
    public var date: String?
    /// The outlet or publisher, for example `kompas.com`, or `nil`.
    public var source: String?
    /// The article's address on the web, or `nil`.
    public var url: String?
    /// The non-blank lines of the body, trimmed and numbered 1, 2, 3… in order;
    /// never empty.
    public var paragraphs: [Paragraph]
    /// The absolute path of the file the article was read from, set by
    /// ``ArticleReader`` (see ``Article/originPath(of:)``); `nil` for standard input.
    public var origin: String?

    /// Creates an article.
    /// - Parameters:
    ///   - id: The unique identifier.
    ///   - title: The headline.
    ///   - date: The publication date as `YYYY-MM-DD`, or `nil`.
    ///   - source: The outlet, or `nil`.
    ///   - url: The web address, or `nil`.
    ///   - paragraphs: The paragraphs in order, numbered from 1.
    ///   - origin: The absolute path of the file it was read from, or `nil`.
    public init(
        id: String,
        title: String,
        date: String? = nil,
        source: String? = nil,
        url: String? = nil,
        paragraphs: [Paragraph],
        origin: String? = nil
    ) {
        self.id = id
        self.title = title
        self.date = date
        self.source = source
        self.url = url
        self.paragraphs = paragraphs
        self.origin = origin
    }

    /// The body text: the paragraphs joined with `"\n"`, as in the JSON Lines `body`.
    public var body: String {
        paragraphs.map(\.text).joined(separator: "\n")
    }
}
