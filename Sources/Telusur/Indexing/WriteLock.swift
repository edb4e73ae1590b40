/// Holds the write lock of an existing index while it lives, writing nothing: for
/// whole-index operations (``IndexCompactor``) that must keep every writer out.
///
/// Underneath it is an open `Xapian::WritableDatabase`; Xapian's lock (the file
/// `flintlock` in the index) is released when the value is deallocated, or by the
/// system if the process dies.
public final class WriteLock {
    private let writer: XapianWriter

    /// Takes the write lock of the index at `location`, which must exist.
    ///
    /// - Throws: ``IndexingError/missing(index:)`` when there is no index there,
    ///   ``IndexingError/locked(index:)`` when another process holds the lock.
    public init(location: IndexLocation) throws {
        guard location.exists else { throw IndexingError.missing(index: location.path) }
        do {
            writer = try XapianWriter(path: location.path)
        } catch let error as XapianError {
            if error.kind == .databaseLocked { throw IndexingError.lockFailure(index: location.path) }
            throw IndexingError.cannotOpen(index: location.path, reason: error)
        }
    }

    /// Documents in the index (`get_doccount`).
    func documentCount() throws -> Int { try writer.documentCount() }
}
