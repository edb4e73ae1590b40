/// What can go wrong with saved searches.
public enum MonitoringError: Error, CustomStringConvertible, Equatable {
    /// An alert's name is empty, too long or holds control characters.
    case badName(name: String)
    /// An alert with that name exists already.
    case duplicate(name: String, index: String)
    /// No alert has that name.
    case unknown(name: String, index: String)
    /// The query does not parse.
    case badQuery(query: String, reason: String)
    /// The index's alert list is not the JSON telusur wrote.
    case damaged(index: String, reason: String)
    /// The index's first shard is remote: alerts live in a local database.
    case remote(index: String)

    public var description: String {
        switch self {
        case .badName(let name):
            return "bad alert name \"\(name.terminalSafe())\": use 1 to \(AlertStore.maximumNameLength) printable characters"
        case .duplicate(let name, let index):
            return "index \(index.terminalSafe()) already has an alert named \"\(name.terminalSafe())\"; remove it first (`telusur alert remove NAME`) or choose another name"
        case .unknown(let name, let index):
            return "index \(index.terminalSafe()) has no alert named \"\(name.terminalSafe())\" (see `telusur alert list`)"
        case .badQuery(let query, let reason):
            return "cannot save the alert: query \"\(query.terminalSafe())\": \(reason.terminalSafe())"
        case .damaged(let index, let reason):
            return "the alert list in index \(index.terminalSafe()) cannot be read (\(reason.terminalSafe())); remove the metadata key \(AlertStore.metadataKey) with xapian tools or re-create the alerts"
        case .remote(let index):
            return "the first shard of \(index.terminalSafe()) is remote; alerts are kept in the first local shard, so run this command where that shard lives"
        }
    }
}
