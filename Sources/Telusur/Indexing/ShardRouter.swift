/// Which shard of a sharded index holds an article: a stable hash of its id (64-bit
/// FNV-1a of the id's UTF-8 bytes) modulo the number of shards.
///
/// Stable across processes, machines and Swift versions (Swift's `Hasher` is seeded per
/// process), so re-indexing, replacing and removing an article always reach the shard
/// that has it. Changing the number of shards moves most articles: an index keeps the
/// number it was built with.
public struct ShardRouter: Sendable, Equatable {
    /// How many shards the index has (at least 1).
    public let count: Int

    /// A router over `count` shards; fewer than 1 is taken as 1.
    public init(count: Int) {
        self.count = max(1, count)
    }

    /// The shard (from 0) that holds the article with this id.
    public func shard(for id: String) -> Int {
        Int(Self.hash(id) % UInt64(count))
    }

    /// 64-bit FNV-1a of the UTF-8 bytes of `id`.
    public static func hash(_ id: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in id.utf8 {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01b3
        }
        return hash
    }
}
