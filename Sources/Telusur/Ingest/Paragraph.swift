/// One paragraph of an article: a non-blank line of its text, trimmed.
///
/// Paragraphs are what search results quote, so each keeps its position in the
/// article.
public struct Paragraph: Equatable, Hashable, Sendable {
    /// The paragraph's position in its article, counting from 1.
    public var number: Int
    /// The paragraph's text: NFC-normalised, without leading or trailing whitespace,
    /// never empty.
    public var text: String

    /// Creates a paragraph.
    /// - Parameters:
    ///   - number: The position in the article, counting from 1.
    ///   - text: The trimmed text.
    public init(number: Int, text: String) {
        self.number = number
        self.text = text
    }
}
