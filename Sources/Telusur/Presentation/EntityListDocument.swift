import Foundation

/// The `--json` output of `telusur persons` and `telusur agencies` (and of the web
/// API's `/api/persons` and `/api/agencies`): one array of {key, name, articles}.
public struct EntityListDocument: Encodable, Sendable {
    /// One person or agency.
    public struct Entry: Encodable, Sendable {
        /// As in queries ("herman deru", "kpu@sumatera-selatan").
        public var key: String
        /// As shown ("Herman Deru", "KPU Sumatera Selatan").
        public var name: String
        /// Articles that mention it.
        public var articles: Int
    }

    /// Most written-about first.
    public var entries: [Entry]

    /// The document of a list the searcher returned.
    public init(_ list: [Searcher.EntityCount]) {
        entries = list.map { Entry(key: $0.key, name: $0.name, articles: $0.articles) }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(entries)
    }

    /// The document as pretty-printed JSON text.
    public func json() throws -> String {
        try JSONOutput.text(self)
    }
}
