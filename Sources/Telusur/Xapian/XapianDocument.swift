import CXapian

/// One Xapian document being built (`Xapian::Document`): terms, values and data.
///
/// Owned by Swift; freed in `deinit`. Not thread-safe: build one per thread.
final class XapianDocument {
    let handle: OpaquePointer

    init() throws {
        var out: OpaquePointer?
        try XapianCall.run { tx_document_new(&out, $0) }
        guard let out else { throw XapianError(status: TX_ERR_UNKNOWN, message: "no document created") }
        handle = out
    }

    deinit { tx_document_free(handle) }

    /// Adds packed positional terms in one call (`Document::add_posting` for each).
    ///
    /// - Parameters:
    ///   - bytes: the terms' UTF-8 bytes, back to back.
    ///   - lengths: the byte length of each term.
    ///   - positions: the position of each term (from 1).
    func addPostings(bytes: [UInt8], lengths: [UInt32], positions: [UInt32]) throws {
        precondition(lengths.count == positions.count)
        try bytes.withUnsafeBufferPointer { b in
            try lengths.withUnsafeBufferPointer { l in
                try positions.withUnsafeBufferPointer { p in
                    try b.withMemoryRebound(to: CChar.self) { chars in
                        try XapianCall.run {
                            tx_document_add_postings(handle, chars.baseAddress, l.baseAddress, p.baseAddress, l.count, $0)
                        }
                    }
                }
            }
        }
    }

    /// Adds packed terms without positions in one call (`Document::add_term` for each).
    func addTerms(bytes: [UInt8], lengths: [UInt32]) throws {
        try bytes.withUnsafeBufferPointer { b in
            try lengths.withUnsafeBufferPointer { l in
                try b.withMemoryRebound(to: CChar.self) { chars in
                    try XapianCall.run { tx_document_add_terms(handle, chars.baseAddress, l.baseAddress, l.count, $0) }
                }
            }
        }
    }

    /// Adds a term without position (`Document::add_term`); `wdf` 0 makes a boolean filter term.
    func addTerm(_ term: String, wdf: UInt32 = 0) throws {
        try term.withBytes { p, n in try XapianCall.run { tx_document_add_term(handle, p, n, wdf, $0) } }
    }

    /// Sets value `slot` (`Document::add_value`).
    func setValue(_ value: String, slot: ValueSlot) throws {
        try value.withBytes { p, n in
            try XapianCall.run { tx_document_set_value(handle, slot.rawValue, p, n, $0) }
        }
    }

    /// Sets the document data (`Document::set_data`).
    func setData(_ data: String) throws {
        try data.withBytes { p, n in try XapianCall.run { tx_document_set_data(handle, p, n, $0) } }
    }
}
