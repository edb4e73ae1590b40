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
        // The real directory: through a symbolic link, the copy must replace what the
        // link points to, not the link.
        var isDirectory: ObjCBool = false
        guard location.exists, let path = Self.resolved(location.path),
              FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw IndexingError.missing(index: location.path)
        }
        guard isDirectory.boolValue else {
            throw failure("it is a stub file listing shards; compact each shard's own index")
        }
        let documents: Int
        do { documents = try lock.documentCount() } catch let error as XapianError { throw failure(error.message) }
        let before = location.sizeOnDisk()
        // `path` is absolute and resolved, so it has a parent; the copy is made there, on
        // the same file system, so that the two can be exchanged.
        let slash = path.lastIndex(of: "/") ?? path.startIndex
        let parent = slash == path.startIndex ? "/" : String(path[..<slash])
        let name = String(path[path.index(after: slash)...])
        let leftoverPrefix = ".\(name).compacting-"
        let temporary = (parent == "/" ? "" : parent) + "/" + leftoverPrefix + String(getpid())
        let manager = FileManager.default
        // Earlier compactions that crashed: no one else can be compacting, we hold the lock.
        for entry in (try? manager.contentsOfDirectory(atPath: parent)) ?? [] where entry.hasPrefix(leftoverPrefix) {
            try? manager.removeItem(atPath: (parent == "/" ? "" : parent) + "/" + entry)
        }
        do {
            let revision = try XapianMaintenance.revision(of: path)
            try XapianMaintenance.compact(from: path, to: temporary)
            // Readers open on the old index must see the copy's commits as new ones.
            try XapianMaintenance.advanceRevision(of: temporary, above: revision, key: Self.revisionPaddingKey)
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
            // The copy takes the index's owner and modes, not ours: compacting as root,
            // or under another umask, must not lock the index's owner out of it.
            try Self.copyOwnership(from: path, to: temporary)
            do {
                try XapianMaintenance.exchange(path, temporary)
            } catch let error as XapianError where error.kind == .unimplemented {
                // No atomic exchange here: two renames, with a moment where the path is empty.
                let old = temporary + ".old"
                try manager.moveItem(atPath: path, toPath: old)
                do {
                    try manager.moveItem(atPath: temporary, toPath: path)
                } catch {
                    try? manager.moveItem(atPath: old, toPath: path)  // put the index back
                    throw error
                }
                try? manager.moveItem(atPath: old, toPath: temporary)
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

    /// Gives `copy` (a directory) and each file in it the owner, group and mode of
    /// `original` and of its file of the same name (new files: the directory's mode
    /// without its execute bits).
    static func copyOwnership(from original: String, to copy: String) throws {
        var directory = stat()
        guard stat(original, &directory) == 0 else { return }
        func apply(_ path: String, mode: mode_t, owner: uid_t, group: gid_t) throws {
            if getuid() == 0 || owner == getuid() { _ = chown(path, owner, group) }
            guard chmod(path, mode & 0o7777) == 0 else {
                throw IndexingError.maintenanceFailed(index: original, operation: "compacting",
                                                      reason: "cannot set the mode of \(path) (\(String(cString: strerror(errno))))")
            }
        }
        for entry in (try? FileManager.default.contentsOfDirectory(atPath: copy)) ?? [] {
            var file = stat()
            if stat(original + "/" + entry, &file) == 0 {
                try apply(copy + "/" + entry, mode: file.st_mode, owner: file.st_uid, group: file.st_gid)
            } else {
                try apply(copy + "/" + entry, mode: directory.st_mode & 0o666, owner: directory.st_uid, group: directory.st_gid)
            }
        }
        try apply(copy, mode: directory.st_mode, owner: directory.st_uid, group: directory.st_gid)
    }

    /// A metadata entry used only while the copy's revision is moved past the old
    /// index's; it never stays in an index.
    static let revisionPaddingKey = "telusur.compaction-padding"

    /// The absolute path with every symbolic link resolved (`realpath`), or nil when
    /// it does not exist.
    static func resolved(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    private func failure(_ reason: String) -> IndexingError {
        .maintenanceFailed(index: location.path, operation: "compacting", reason: reason)
    }
}
