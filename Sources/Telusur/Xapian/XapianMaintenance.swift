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

    /// The revision of the database at `path` (`Database::get_revision`): one more with
    /// each commit.
    static func revision(of path: String) throws -> UInt64 {
        var revision: UInt64 = 0
        try path.withBytes { p, n in try XapianCall.run { tx_revision(p, n, &revision, $0) } }
        return revision
    }

    /// Commits to the database at `path` until its revision is above `revision` (each
    /// commit changes the metadata entry `key`, deleted by the last; only the last one
    /// is synced to disk).
    ///
    /// Glass readers notice a new revision by its number alone, and a compacted copy
    /// starts again at 1: without this, a reader open on the old index would take the
    /// copy's next commits for ones it has already seen.
    static func advanceRevision(of path: String, above revision: UInt64, key: String) throws {
        try path.withBytes { p, n in
            try key.withBytes { k, kn in try XapianCall.run { tx_advance_revision(p, n, revision, k, kn, $0) } }
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
