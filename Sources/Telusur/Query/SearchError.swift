/// Why a search (or a read of the index) failed.
public enum SearchError: Error, Sendable, CustomStringConvertible {
    /// There is no index at the path.
    case indexMissing(index: String)
    /// The index exists but could not be opened.
    case cannotOpen(index: String, reason: XapianError)
    /// The query could not be parsed.
    case query(QueryError)
    /// Xapian failed while searching.
    case failed(index: String, reason: XapianError)

    public var description: String {
        switch self {
        case .indexMissing(let index):
            return "no index at \(index); build one with `telusur index PATH...` (or point --index / $TELUSUR_INDEX at one)"
        case .cannotOpen(let index, let reason):
            return "cannot open index \(index): \(reason.message); check the path or rebuild it with `telusur index`"
        case .query(let error):
            return error.message
        case .failed(let index, let reason):
            return "search in \(index) failed: \(reason.message)"
        }
    }
}
