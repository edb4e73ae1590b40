import Foundation

/// Rewrites the index without the free space that updates leave behind
/// (`Xapian::Database::compact`), then puts the compact copy in its place in one
/// atomic step.
///
/// The whole operation holds the write lock, so no indexer commits while the copy is
/// made and the copy is never older than the index it replaces. Searches keep working
/// throughout: until the swap they read the old files, after it the new ones. A crash
/// at any point leaves either the old index or the new one at the path, plus at most a
/// hidden leftover directory next to it (`.NAME.compacting-PID`), which the next
/// compaction removes.
public struct IndexCompactor {
    /// What compaction did.
    public struct Report: Sendable, Equatable {
        /// Bytes on disk before.
        public var bytesBefore: Int
        /// Bytes on disk after.
        public var bytesAfter: Int
        /// Xapian documents (paragraphs and titles), the same before and after.
        public var documents: Int
    }

    /// The index to compact.
    public let location: IndexLocation

    /// A compactor for the index at `location`.
    public init(location: IndexLocation) {
        self.location = location
    }

    /// Compacts the index.
    ///
    /// - Parameter lock: the index's write lock, taken by the caller (directly, or
    ///   through ``LockWait`` to queue behind another writer) and released by the caller
    ///   after this returns.
    /// - Throws: ``IndexingError/missing(index:)``,
    ///   ``IndexingError/maintenanceFailed(index:operation:reason:)``.
    public func compact(holding lock: WriteLock) throws -> Report {
        let path = location.path.hasSuffix("/") && location.path.count > 1
            ? String(location.path.dropLast()) : location.path
        var isDirectory: ObjCBool = false
        guard location.exists, FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw IndexingError.missing(index: location.path)
        }
        guard isDirectory.boolValue else {
            throw failure("it is a stub file listing shards; compact each shard's own index")
        }
        let documents: Int
        do { documents = try lock.documentCount() } catch let error as XapianError { throw failure(error.message) }
        let before = location.sizeOnDisk()
        let parent = (path as NSString).deletingLastPathComponent
        let name = (path as NSString).lastPathComponent
        let leftoverPrefix = ".\(name).compacting-"
        let temporary = (parent.isEmpty ? "." : parent) + "/" + leftoverPrefix + String(getpid())
        let manager = FileManager.default
        // Earlier compactions that crashed: no one else can be compacting, we hold the lock.
        for entry in (try? manager.contentsOfDirectory(atPath: parent.isEmpty ? "." : parent)) ?? []
        where entry.hasPrefix(leftoverPrefix) {
            try? manager.removeItem(atPath: (parent.isEmpty ? "." : parent) + "/" + entry)
        }
        do {
            try XapianMaintenance.compact(from: path, to: temporary)
            let copy = try XapianDatabase(paths: [temporary])
            let copied = try copy.documentCount()
            guard copied == documents else {
                throw IndexingError.maintenanceFailed(index: location.path, operation: "compacting",
                                                      reason: "the copy has \(copied) documents instead of \(documents)")
            }
            // Files that are not Xapian's (the default index's README.md) move with the index.
            for entry in try manager.contentsOfDirectory(atPath: path)
            where entry != "flintlock" && !manager.fileExists(atPath: temporary + "/" + entry) {
                try manager.copyItem(atPath: path + "/" + entry, toPath: temporary + "/" + entry)
            }
            do {
                try XapianMaintenance.exchange(path, temporary)
            } catch let error as XapianError where error.kind == .unimplemented {
                // No atomic exchange here: two renames, with a moment where the path is empty.
                let old = temporary + ".old"
                try manager.moveItem(atPath: path, toPath: old)
                try manager.moveItem(atPath: temporary, toPath: path)
                try manager.moveItem(atPath: old, toPath: temporary)
            }
        } catch let error as IndexingError {
            try? manager.removeItem(atPath: temporary)
            throw error
        } catch let error as XapianError {
            try? manager.removeItem(atPath: temporary)
            throw failure(error.message)
        } catch {
            try? manager.removeItem(atPath: temporary)
            throw failure("\(error.localizedDescription)")
        }
        // The old index now sits at the temporary path. Searches that opened it before the
        // swap keep reading their open files; new ones open the compact copy.
        try? manager.removeItem(atPath: temporary)
        return Report(bytesBefore: before, bytesAfter: location.sizeOnDisk(), documents: documents)
    }

    private func failure(_ reason: String) -> IndexingError {
        .maintenanceFailed(index: location.path, operation: "compacting", reason: reason)
    }
}
