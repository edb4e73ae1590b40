import CXapian

/// The read side: one or more Xapian databases searched as one (`Xapian::Database`
/// with `add_database` for each shard, local or remote through a stub file).
///
/// Not thread-safe: open one per thread. Closed in `deinit`.
final class XapianDatabase {
    let handle: OpaquePointer

    /// Opens every path (a database directory or a stub file) as one database.
    init(paths: [String]) throws {
        var out: OpaquePointer?
        try XapianCall.run { tx_database_new(&out, $0) }
        guard let out else { throw XapianError(status: TX_ERR_UNKNOWN, message: "no database created") }
        handle = out
        for path in paths {
            try path.withBytes { p, n in try XapianCall.run { tx_database_add(handle, p, n, $0) } }
        }
    }

    deinit { tx_database_free(handle) }

    /// Moves to the latest committed revision (`reopen`); true when it changed.
    @discardableResult
    func reopen() throws -> Bool {
        var changed: Int32 = 0
        try XapianCall.run { tx_database_reopen(handle, &changed, $0) }
        return changed != 0
    }

    /// Number of documents (`get_doccount`).
    func documentCount() throws -> Int {
        var count: UInt32 = 0
        try XapianCall.run { tx_database_doccount(handle, &count, $0) }
        return Int(count)
    }

    /// The highest document id in use (`get_lastdocid`).
    func lastDocument() throws -> UInt32 {
        var id: UInt32 = 0
        try XapianCall.run { tx_database_lastdocid(handle, &id, $0) }
        return id
    }

    /// How many documents index `term` (`get_termfreq`).
    func frequency(of term: String) throws -> Int {
        var freq: UInt32 = 0
        try term.withBytes { p, n in try XapianCall.run { tx_database_termfreq(handle, p, n, &freq, $0) } }
        return Int(freq)
    }

    /// A user metadata entry (`get_metadata`), "" when unset.
    func metadata(_ key: String) throws -> String {
        var value: UnsafeMutablePointer<CChar>?
        var length = 0
        try key.withBytes { p, n in try XapianCall.run { tx_database_metadata(handle, p, n, &value, &length, $0) } }
        return XapianCall.takeString(value, length)
    }

    /// The database's UUID (`get_uuid`); of several databases, theirs joined by ":".
    func uuid() throws -> String {
        var value: UnsafeMutablePointer<CChar>?
        var length = 0
        try XapianCall.run { tx_database_uuid(handle, &value, &length, $0) }
        return XapianCall.takeString(value, length)
    }

    /// The first document indexed by `term`, if any.
    func firstDocument(term: String) throws -> UInt32? {
        var id: UInt32 = 0
        try term.withBytes { p, n in try XapianCall.run { tx_database_first_doc(handle, p, n, &id, $0) } }
        return id == 0 ? nil : id
    }

    /// A document's data and one of its values (`get_document`).
    func document(_ id: UInt32, slot: ValueSlot) throws -> (data: String, value: String) {
        var data: UnsafeMutablePointer<CChar>?
        var dataLength = 0
        var value: UnsafeMutablePointer<CChar>?
        var valueLength = 0
        try XapianCall.run {
            tx_database_document(handle, id, slot.rawValue, &data, &dataLength, &value, &valueLength, $0)
        }
        return (XapianCall.takeString(data, dataLength), XapianCall.takeString(value, valueLength))
    }

    /// A spelling correction from the index's own vocabulary (`get_spelling_suggestion`), or nil.
    func spellingSuggestion(for word: String, maxEditDistance: UInt32 = 2) throws -> String? {
        var out: UnsafeMutablePointer<CChar>?
        var length = 0
        try word.withBytes { p, n in
            try XapianCall.run { tx_database_spelling(handle, p, n, maxEditDistance, &out, &length, $0) }
        }
        let suggestion = XapianCall.takeString(out, length)
        return suggestion.isEmpty ? nil : suggestion
    }

    /// Value `slot` and document id of each document indexed by `term` (at most `limit`).
    func values(term: String, slot: ValueSlot, limit: Int = 0) throws -> [(value: String, document: UInt32)] {
        var list: OpaquePointer?
        try term.withBytes { p, n in
            try XapianCall.run { tx_database_values(handle, p, n, slot.rawValue, UInt32(clamping: limit), &list, $0) }
        }
        defer { tx_terms_free(list) }
        return TermList.read(list).map { ($0.term, UInt32($0.frequency)) }
    }

    /// The best terms to find documents like `documents` (`get_eset` with an `RSet`).
    func expand(_ documents: [UInt32], terms: Int) throws -> [String] {
        var list: OpaquePointer?
        try documents.withUnsafeBufferPointer { ids in
            try XapianCall.run { tx_database_expand(handle, ids.baseAddress, ids.count, UInt32(clamping: terms), &list, $0) }
        }
        defer { tx_terms_free(list) }
        return TermList.read(list).map(\.term)
    }

    /// The terms of one document that start with `prefix`, sorted (`termlist_begin`, `skip_to`).
    func documentTerms(_ id: UInt32, prefix: String) throws -> [String] {
        var list: OpaquePointer?
        try prefix.withBytes { p, n in
            try XapianCall.run { tx_database_document_terms(handle, id, p, n, &list, $0) }
        }
        defer { tx_terms_free(list) }
        return TermList.read(list).map(\.term)
    }

    /// How many distinct terms start with `prefix` (every term for ""), counted in the
    /// shim without copying them.
    func termCount(prefix: String) throws -> Int {
        var count: UInt64 = 0
        try prefix.withBytes { p, n in try XapianCall.run { tx_database_term_count(handle, p, n, &count, $0) } }
        return Int(count)
    }

    /// Terms starting with `prefix` and their document frequencies (`allterms_begin(prefix)`).
    func terms(prefix: String, limit: Int = 0) throws -> [(term: String, frequency: Int)] {
        var list: OpaquePointer?
        try prefix.withBytes { p, n in
            try XapianCall.run { tx_database_terms(handle, p, n, UInt32(clamping: limit), &list, $0) }
        }
        defer { tx_terms_free(list) }
        return TermList.read(list)
    }
}

/// Reads a `tx_terms` snapshot into Swift values.
enum TermList {
    static func read(_ list: OpaquePointer?) -> [(term: String, frequency: Int)] {
        guard let list else { return [] }
        let count = tx_terms_count(list)
        var result: [(term: String, frequency: Int)] = []
        result.reserveCapacity(count)
        for i in 0..<count {
            var term: UnsafePointer<CChar>?
            var length = 0
            var freq: UInt32 = 0
            tx_terms_get(list, i, &term, &length, &freq)
            let text = term.map { String(decoding: UnsafeRawBufferPointer(start: $0, count: length), as: UTF8.self) } ?? ""
            result.append((text, Int(freq)))
        }
        return result
    }
}
