import Foundation

/// Why the index could not be written.
public enum IndexingError: Error, Sendable, CustomStringConvertible {
    /// Another process holds the write lock of the index.
    case locked(index: String)
    /// The index cannot be written by this user at all (a read-only mount, another
    /// owner, no permission): waiting for a lock would never help.
    case notWritable(index: String, reason: String)
    /// The index exists but Xapian cannot open it for writing (not a database, wrong version, corrupt).
    case cannotOpen(index: String, reason: XapianError)
    /// The article id is too long for Xapian's term limit; the article was skipped.
    case idTooLong(article: String)
    /// The curated entity data (gazetteer, lexicon) could not be loaded.
    case entityData(EntityDataError)
    /// Writing a batch failed; the batch was abandoned and earlier batches are kept.
    case writeFailed(index: String, article: String?, reason: XapianError)
    /// There is no index at the path (for commands that need one: remove, compact, check).
    case missing(index: String)
    /// A whole-index operation (compacting, checking, pruning) failed; the index was left as it was.
    case maintenanceFailed(index: String, operation: String, reason: String)
    /// A stub file (the list of an index's shards) that cannot be read or has a line
    /// Xapian would not accept; `line` is 0 when the problem is the whole file.
    case badStub(path: String, line: Int, reason: String)
    /// `--shards` asked for another number of shards than the index has.
    case shardCountMismatch(index: String, existing: Int, requested: Int)
    /// The index lists a shard that another process serves: telusur writes local shards only.
    case remoteShard(index: String, shard: IndexShard)
    /// `--prune PATH` for a PATH that is gone or cannot be looked at: nothing was pruned.
    case pruneRootMissing(index: String, path: String, reason: String)

    public var description: String {
        switch self {
        case .locked(let index):
            return "index \(index) is locked by another telusur process (Xapian's write lock, \(index)/flintlock); wait for it to finish and run the command again, or run it with --wait to queue behind it"
        case .notWritable(let index, let reason):
            return "index \(index) cannot be written by this user (\(reason)); searching it works, but indexing, "
                + "remove, compact and check need write access: mount it read-write, run as its owner, or copy it somewhere writable"
        case .cannotOpen(let index, let reason):
            return "cannot open index \(index) for writing: \(reason.message); check the path, or move it away and re-index"
        case .entityData(let error):
            return error.description
        case .idTooLong(let article):
            return "article id \"\(article.prefix(60))…\" is longer than \(Indexer.maxIdBytes) bytes; give it a shorter id (the rest was indexed)"
        case .writeFailed(let index, let article, let reason):
            let which = article.map { " while adding article \($0)" } ?? ""
            return "writing to index \(index) failed\(which): \(reason.message); the batch was rolled back, committed batches are intact"
        case .missing(let index):
            return "no index at \(index); build one with `telusur index PATH...` (or point --index / $TELUSUR_INDEX at one)"
        case .maintenanceFailed(let index, let operation, let reason):
            return "\(operation) index \(index) failed: \(reason); the index was left as it was"
        case .badStub(let path, let line, let reason):
            return "\(path)\(line > 0 ? ":\(line)" : ""): \(reason)"
        case .shardCountMismatch(let index, let existing, let requested):
            return "index \(index) has \(existing) shard\(existing == 1 ? "" : "s") and --shards asks for \(requested); "
                + "an index keeps the number it was built with (articles are placed by it): drop --shards, or index into a new directory"
        case .remoteShard(let index, let shard):
            return "cannot write to shard \(shard) of \(index): another process serves it; "
                + "index where the shards are, through a stub whose lines are all `auto` (e.g. the index directory itself)"
        case .pruneRootMissing(let index, let path, let reason):
            return "not pruning \(index) under \(path): \(reason), so it says nothing about which files were deleted; "
                + "nothing was removed. Check the path (a moved folder, an unmounted disk), or remove articles by id with `telusur remove`"
        }
    }
}

extension IndexingError {
    /// What Xapian's "cannot take the write lock" means for the index at `index`: a
    /// lock held by another writer, or (when this user cannot write there at all) an
    /// index that is not writable, which no wait would change.
    static func lockFailure(index: String) -> IndexingError {
        for path in [index, IndexLocation(option: index).lockFile] where access(path, F_OK) == 0 {
            if access(path, W_OK) != 0 {
                return .notWritable(index: index, reason: String(cString: strerror(errno)))
            }
        }
        return .locked(index: index)
    }
}
