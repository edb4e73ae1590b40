import ArgumentParser
import Foundation
import Telusur

/// `telusur compact`
struct CompactCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compact",
        abstract: "Rewrite the index without the space updates left free (Xapian's compaction).",
        discussion: """
            Builds a compact copy next to the index while holding the write lock, then swaps it in atomically; searches keep working throughout.

            Exit status: 0 compacted, 2 error (no index, or it is locked: see --wait).
            """
    )

    @OptionGroup var indexOption: IndexOption
    @OptionGroup var lock: LockOption

    func run() throws {
        let location = indexOption.location
        var (bytesBefore, bytesAfter, documents) = (0, 0, 0)
        do {
            // A sharded index: each shard in turn, under its own lock.
            for target in try Self.databases(of: location) {
                let held = try lock.acquire { try WriteLock(location: target) }
                let done = try withExtendedLifetime(held) { try IndexCompactor(location: target).compact(holding: held) }
                bytesBefore += done.bytesBefore
                bytesAfter += done.bytesAfter
                documents += done.documents
            }
        } catch let error as IndexingError {
            throw CommandError(message: error.description)
        }
        let before = ByteCountFormatter.string(fromByteCount: Int64(bytesBefore), countStyle: .file)
        let after = ByteCountFormatter.string(fromByteCount: Int64(bytesAfter), countStyle: .file)
        let saved = bytesBefore > 0 ? 100 * (bytesBefore - bytesAfter) / bytesBefore : 0
        print("compacted \(location.path): \(before) → \(after) (\(saved)% smaller), \(documents) documents")
    }

    /// The databases of the index: itself, or the shards its stub lists (local only).
    static func databases(of location: IndexLocation) throws -> [IndexLocation] {
        guard location.isSharded else { return [location] }
        return try location.shards().map { shard in
            guard case .local(let path) = shard.address else { throw IndexingError.remoteShard(index: location.path, shard: shard) }
            return IndexLocation(option: path)
        }
    }
}
