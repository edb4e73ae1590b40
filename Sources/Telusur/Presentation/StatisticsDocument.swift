import Foundation

/// The `--json` output of `telusur stats` (and the web API's `/api/stats`): one object.
public struct StatisticsDocument: Encodable, Sendable {
    /// The index, as given (`--index`).
    public var index: String
    public var articles: Int
    public var paragraphs: Int
    public var terms: Int
    public var bytes: Int
    /// ISO 8601, null when unknown.
    public var lastUpdate: String?
    public var shards: Int
    public var remoteShards: Int

    enum CodingKeys: String, CodingKey {
        case index, articles, paragraphs, terms, bytes, shards
        case lastUpdate = "last_update"
        case remoteShards = "remote_shards"
    }

    /// The document of `statistics` read from the index at `index`.
    public init(_ statistics: IndexStatistics, index: IndexLocation) {
        self.index = index.path
        articles = statistics.articles
        paragraphs = statistics.paragraphs
        terms = statistics.terms
        bytes = statistics.bytes
        lastUpdate = statistics.lastUpdate
        shards = statistics.shards
        remoteShards = statistics.remoteShards
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(index, forKey: .index)
        try c.encode(articles, forKey: .articles)
        try c.encode(paragraphs, forKey: .paragraphs)
        try c.encode(terms, forKey: .terms)
        try c.encode(bytes, forKey: .bytes)
        // Unknown is null, never a missing key.
        try c.encode(lastUpdate, forKey: .lastUpdate)
        try c.encode(shards, forKey: .shards)
        try c.encode(remoteShards, forKey: .remoteShards)
    }

    /// The document as one line of JSON text.
    public func json() throws -> String {
        try JSONOutput.text(self, layout: .compact)
    }
}
