import CXapian

/// Whole-database operations: compaction, Xapian's integrity check, and the atomic
/// exchange of a database directory with its compacted copy.
enum XapianMaintenance {
    /// Writes a compacted copy of the database at `source` to `destination`
    /// (`Database::compact`, full compaction, document ids renumbered).
    ///
    /// The source is opened read-only: hold the write lock (an open ``XapianWriter``)
    /// so that no commit lands while the copy is made.
    static func compact(from source: String, to destination: String) throws {
        try source.withBytes { s, sn in
            try destination.withBytes { d, dn in try XapianCall.run { tx_compact(s, sn, d, dn, $0) } }
        }
    }

    /// Xapian's own integrity check of every table (`Database::check(path, opts, &out)`).
    ///
    /// - Parameter verbose: adds each table's statistics to the report (`DBCHECK_SHOW_STATS`).
    /// - Returns: how many errors were found, and Xapian's report.
    /// - Throws: ``XapianError`` when the database cannot be opened at all.
    static func check(path: String, verbose: Bool = false) throws -> (errors: Int, report: String) {
        var errors: UInt32 = 0
        var report: UnsafeMutablePointer<CChar>?
        var length = 0
        try path.withBytes { p, n in
            try XapianCall.run { tx_check(p, n, verbose ? 1 : 0, &errors, &report, &length, $0) }
        }
        return (Int(errors), XapianCall.takeString(report, length))
    }

    /// Swaps what two paths name in one atomic step (`renameat2(RENAME_EXCHANGE)`).
    ///
    /// - Throws: ``XapianError`` of kind `.unimplemented` when the system or the file
    ///   system cannot do it (the caller may fall back to two renames).
    static func exchange(_ a: String, _ b: String) throws {
        try a.withBytes { ap, an in
            try b.withBytes { bp, bn in try XapianCall.run { tx_exchange_paths(ap, an, bp, bn, $0) } }
        }
    }
}

extension XapianDatabase {
    /// The ids of every document indexed by `term`, ascending (`postlist_begin(term)`).
    func documents(withTerm term: String) throws -> [UInt32] {
        var ids: UnsafeMutablePointer<UInt32>?
        var count = 0
        try term.withBytes { p, n in try XapianCall.run { tx_database_postings(handle, p, n, &ids, &count, $0) } }
        guard let ids else { return [] }
        defer { tx_free(ids) }
        return Array(UnsafeBufferPointer(start: ids, count: count))
    }
}
