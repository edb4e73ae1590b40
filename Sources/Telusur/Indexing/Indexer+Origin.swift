extension Indexer {
    /// Xapian's limit on the length of a term, in bytes.
    static let maxTermBytes = 245

    /// The origin term of an article read from the file at `origin` (an absolute
    /// path): `XO/abs/path/file.jsonl`, or nil when the path is too long for a term
    /// (such an article is indexed, but `--prune` cannot find it).
    static func originTerm(_ origin: String) -> String? {
        let term = Schema.term(Schema.originPrefix, origin)
        return term.utf8.count <= maxTermBytes ? term : nil
    }
}
