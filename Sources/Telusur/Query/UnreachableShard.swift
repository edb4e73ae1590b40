/// A shard a search could not use, and why.
public struct UnreachableShard: Sendable, Equatable, CustomStringConvertible {
    /// The shard, as its stub lists it.
    public var shard: IndexShard
    /// What failed, in Xapian's words ("NetworkError: Couldn't connect (Connection refused)").
    public var reason: String

    /// A shard and what failed when it was opened or searched.
    public init(shard: IndexShard, reason: String) {
        self.shard = shard
        self.reason = reason
    }

    /// "remote 127.0.0.1:44321 (line 3 of Index/shards.stub): NetworkError: …".
    public var description: String { "\(shard): \(reason)" }
}
