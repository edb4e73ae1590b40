import CXapian

/// The write side of one Xapian database (`Xapian::WritableDatabase`).
///
/// Holds Xapian's write lock for its lifetime; `deinit` closes it, discarding
/// anything not committed. Not thread-safe.
final class XapianWriter {
    private let handle: OpaquePointer

    /// Opens the database at `path`, creating it when missing (`DB_CREATE_OR_OPEN`).
    ///
    /// - Throws: ``XapianError`` of kind `.databaseLocked` when another writer holds the lock.
    init(path: String) throws {
        var out: OpaquePointer?
        try path.withBytes { p, n in try XapianCall.run { tx_writer_open(p, n, &out, $0) } }
        guard let out else { throw XapianError(status: TX_ERR_UNKNOWN, message: "no database opened") }
        handle = out
    }

    deinit { tx_writer_free(handle) }

    /// Starts an atomic batch (`begin_transaction(true)`).
    func begin() throws { try XapianCall.run { tx_writer_begin(handle, $0) } }

    /// Commits the batch to disk (`commit_transaction`).
    func commit() throws { try XapianCall.run { tx_writer_commit(handle, $0) } }

    /// Abandons the batch (`cancel_transaction`).
    func cancel() throws { try XapianCall.run { tx_writer_cancel(handle, $0) } }

    /// Adds a document (`add_document`).
    @discardableResult
    func add(_ document: XapianDocument) throws -> UInt32 {
        var id: UInt32 = 0
        try XapianCall.run { tx_writer_add(handle, document.handle, &id, $0) }
        return id
    }

    /// Adds or replaces the document indexed by a unique term (`replace_document(term, doc)`).
    func replace(uniqueTerm: String, with document: XapianDocument) throws {
        try uniqueTerm.withBytes { p, n in
            try XapianCall.run { tx_writer_replace(handle, p, n, document.handle, $0) }
        }
    }

    /// Deletes every document indexed by `term` (`delete_document(term)`); returns how many.
    @discardableResult
    func delete(term: String) throws -> Int {
        var deleted: UInt32 = 0
        try term.withBytes { p, n in try XapianCall.run { tx_writer_delete(handle, p, n, &deleted, $0) } }
        return Int(deleted)
    }

    /// Value `slot` of the first document indexed by `term`, or nil when no document has it.
    func firstValue(term: String, slot: ValueSlot) throws -> String? {
        var found: Int32 = 0
        var value: UnsafeMutablePointer<CChar>?
        var length = 0
        try term.withBytes { p, n in
            try XapianCall.run { tx_writer_first_value(handle, p, n, slot.rawValue, &found, &value, &length, $0) }
        }
        let string = XapianCall.takeString(value, length)
        return found != 0 ? string : nil
    }

    /// Value `slot` and document id of each document indexed by `term` (at most `limit`).
    func values(term: String, slot: ValueSlot, limit: Int = 0) throws -> [(value: String, document: UInt32)] {
        var list: OpaquePointer?
        try term.withBytes { p, n in
            try XapianCall.run { tx_writer_values(handle, p, n, slot.rawValue, UInt32(clamping: limit), &list, $0) }
        }
        defer { tx_terms_free(list) }
        return TermList.read(list).map { ($0.term, UInt32($0.frequency)) }
    }

    /// Stores a user metadata entry (`set_metadata`).
    func setMetadata(_ value: String, for key: String) throws {
        try key.withBytes { k, kn in
            try value.withBytes { v, vn in
                try XapianCall.run { tx_writer_set_metadata(handle, k, kn, v, vn, $0) }
            }
        }
    }

    /// Adds a word to the spelling dictionary (`add_spelling`).
    func addSpelling(_ word: String, frequency: UInt32 = 1) throws {
        try word.withBytes { p, n in try XapianCall.run { tx_writer_add_spelling(handle, p, n, frequency, $0) } }
    }

    /// Number of documents (`get_doccount`).
    func documentCount() throws -> Int {
        var count: UInt32 = 0
        try XapianCall.run { tx_writer_doccount(handle, &count, $0) }
        return Int(count)
    }
}
