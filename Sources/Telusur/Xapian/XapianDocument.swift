import CXapian

/// One Xapian document being built (`Xapian::Document`): terms, values and data.
///
/// Every term of every document passes through here, so this is where Xapian's term
/// limit is kept: a term longer than ``maximumTermBytes`` is left out (Xapian would
/// refuse it at commit and roll back the whole batch, good articles included). Such a
/// term could not be searched for anyway: no query word is that long.
///
/// Owned by Swift; freed in `deinit`. Not thread-safe: build one per thread.
final class XapianDocument {
    /// The longest term Xapian's glass backend stores (245 bytes, prefix included).
    static let maximumTermBytes = 245

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
        if lengths.contains(where: { $0 > Self.maximumTermBytes }) {
            let kept = Self.withoutLongTerms(bytes: bytes, lengths: lengths, positions: positions)
            return try addPostings(bytes: kept.bytes, lengths: kept.lengths, positions: kept.positions)
        }
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
        if lengths.contains(where: { $0 > Self.maximumTermBytes }) {
            let kept = Self.withoutLongTerms(bytes: bytes, lengths: lengths, positions: [])
            return try addTerms(bytes: kept.bytes, lengths: kept.lengths)
        }
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
        guard term.utf8.count <= Self.maximumTermBytes else { return }
        try term.withBytes { p, n in try XapianCall.run { tx_document_add_term(handle, p, n, wdf, $0) } }
    }

    /// Packed terms without those over ``maximumTermBytes`` (and their positions, if any).
    private static func withoutLongTerms(bytes: [UInt8], lengths: [UInt32], positions: [UInt32])
        -> (bytes: [UInt8], lengths: [UInt32], positions: [UInt32]) {
        var kept: (bytes: [UInt8], lengths: [UInt32], positions: [UInt32]) = ([], [], [])
        kept.bytes.reserveCapacity(bytes.count)
        var start = 0
        for (index, length) in lengths.enumerated() {
            let end = start + Int(length)
            if length <= maximumTermBytes {
                kept.bytes.append(contentsOf: bytes[start..<end])
                kept.lengths.append(length)
                if !positions.isEmpty { kept.positions.append(positions[index]) }
            }
            start = end
        }
        return kept
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
