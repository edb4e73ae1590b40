/// Where the bare words of a query must meet (`--within`).
public enum QueryScope: String, CaseIterable, Sendable, Codable {
    /// Anywhere in the article, each word in any paragraph (or the title); paragraphs
    /// where the words meet rank first. The default.
    case article
    /// All in one paragraph (or all in the title).
    case paragraph
}
