import Foundation

/// A saved search (`telusur alert add NAME QUERY`): its name, the query as typed and
/// the time it was last read (ISO 8601, UTC).
public struct SavedAlert: Codable, Sendable, Equatable {
    /// What the user calls it; unique in an index.
    public var name: String
    /// The query, in the search language, exactly as given.
    public var query: String
    /// When the alert was created or its matches were last read.
    public var lastRead: String
    /// The last indexing batch read (``Schema/batchKey``): the articles of later batches
    /// are new. nil in alerts saved before batches were numbered, read as 0.
    public var readBatch: Int?
    /// Where the query's words must meet (`--within`); nil, as in alerts saved before
    /// the option, is ``QueryScope/article``, the search default.
    public var within: QueryScope?

    public init(name: String, query: String, lastRead: String, readBatch: Int? = nil, within: QueryScope? = nil) {
        self.name = name
        self.query = query
        self.lastRead = lastRead
        self.readBatch = readBatch
        self.within = within
    }
}
