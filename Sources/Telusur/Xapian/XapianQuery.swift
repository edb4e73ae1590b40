import CXapian

/// A Xapian query tree node (`Xapian::Query`). Immutable once built; freed in `deinit`.
final class XapianQuery {
    let handle: OpaquePointer

    /// How sub-queries combine (`Xapian::Query::op`).
    enum Operator {
        /// `OP_AND`: all must match.
        case and
        /// `OP_OR`: any may match.
        case or
        /// `OP_AND_NOT`: the first minus the others.
        case andNot
        /// `OP_AND_MAYBE`: the first; documents that also match the others weigh more.
        case andMaybe
        /// `OP_FILTER`: the first, restricted to documents the others match, which add no weight.
        case filter
        /// `OP_NEAR`: all within `window` positions, any order.
        case near
        /// `OP_PHRASE`: all, in order, within `window` positions.
        case phrase
        /// `OP_SYNONYM`: any, weighted as one term.
        case synonym
        /// `OP_MAX`: any, weighted by the best.
        case max

        var raw: tx_op {
            switch self {
            case .and: TX_OP_AND
            case .or: TX_OP_OR
            case .andNot: TX_OP_AND_NOT
            case .andMaybe: TX_OP_AND_MAYBE
            case .filter: TX_OP_FILTER
            case .near: TX_OP_NEAR
            case .phrase: TX_OP_PHRASE
            case .synonym: TX_OP_SYNONYM
            case .max: TX_OP_MAX
            }
        }
    }

    private init(handle: OpaquePointer) { self.handle = handle }

    deinit { tx_query_free(handle) }

    private static func make(_ body: (UnsafeMutablePointer<OpaquePointer?>, UnsafeMutablePointer<tx_error>) -> tx_status) throws -> XapianQuery {
        var out: OpaquePointer?
        try XapianCall.run { body(&out, $0) }
        guard let out else { throw XapianError(status: TX_ERR_UNKNOWN, message: "no query created") }
        return XapianQuery(handle: out)
    }

    /// A term, with its query position for phrase order (`Query(term, wqf, pos)`).
    static func term(_ term: String, position: Int = 0, wqf: UInt32 = 1) throws -> XapianQuery {
        try term.withBytes { p, n in try make { tx_query_term(p, n, wqf, UInt32(clamping: position), $0, $1) } }
    }

    /// Sub-queries joined by an operator; `window` is for NEAR and PHRASE (0 = as many as sub-queries).
    static func combine(_ op: Operator, _ subqueries: [XapianQuery], window: Int = 0) throws -> XapianQuery {
        let handles: [OpaquePointer?] = subqueries.map { $0.handle }
        return try withExtendedLifetime(subqueries) {
            try handles.withUnsafeBufferPointer { buffer in
                try make { tx_query_combine(op.raw, buffer.baseAddress, buffer.count, UInt32(clamping: window), $0, $1) }
            }
        }
    }

    /// This query with its weight multiplied (`OP_SCALE_WEIGHT`); 0 makes it a pure filter.
    func scaled(by factor: Double) throws -> XapianQuery {
        try Self.make { tx_query_scale(handle, factor, $0, $1) }
    }

    /// Documents whose value in `slot` lies in `lower...upper` (`OP_VALUE_RANGE`).
    static func valueRange(slot: ValueSlot, from lower: String, to upper: String) throws -> XapianQuery {
        try lower.withBytes { lp, ln in
            try upper.withBytes { up, un in try make { tx_query_value_range(slot.rawValue, lp, ln, up, un, $0, $1) } }
        }
    }

    /// Every document (`Query::MatchAll`).
    static func matchAll() throws -> XapianQuery { try make { tx_query_match_all($0, $1) } }

}
