/// What the session answers to a line.
public struct ReplReply: Equatable, Sendable {
    /// How to print it.
    public enum Kind: Equatable, Sendable {
        /// Standard output.
        case output
        /// Standard output, through a pager when it is longer than the screen (a whole article).
        case article
        /// Standard error: the line did nothing.
        case error
        /// End the session.
        case quit
    }

    /// How to print it.
    public var kind: Kind
    /// The text, ending with a newline (empty when there is nothing to print).
    public var text: String

    /// A reply of `kind` with `text`.
    public init(kind: Kind, text: String) {
        self.kind = kind
        self.text = text
    }

    static func output(_ text: String) -> ReplReply { ReplReply(kind: .output, text: text) }
    static func article(_ text: String) -> ReplReply { ReplReply(kind: .article, text: text) }
    static func error(_ text: String) -> ReplReply { ReplReply(kind: .error, text: text.hasSuffix("\n") ? text : text + "\n") }
}
