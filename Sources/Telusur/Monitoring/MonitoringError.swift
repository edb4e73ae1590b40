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
    /// A name list (`telusur batch FILE`) that cannot be read.
    case badList(file: String, line: Int?, reason: String)

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
        case .badList(let file, let line, let reason):
            return "\(file.terminalSafe())\(line.map { ":\($0)" } ?? ""): \(reason.terminalSafe())"
        }
    }
}

/// What can go wrong running the user's `--alert-command`.
public enum AlertHookError: Error, CustomStringConvertible, Equatable {
    /// The command line is empty or has an unclosed quote.
    case badCommand(command: String, reason: String)
    /// No program of that name on PATH (or at that path).
    case notFound(program: String)
    /// The program could not be started.
    case cannotStart(program: String, reason: String)
    /// It ran and failed.
    case failed(program: String, alert: String, status: Int32)

    public var description: String {
        switch self {
        case .badCommand(let command, let reason):
            return "--alert-command \"\(command.terminalSafe())\": \(reason); write the program and its arguments, quoting words with spaces"
        case .notFound(let program):
            return "--alert-command: no program \"\(program.terminalSafe())\" (not on PATH and no such file); give its path"
        case .cannotStart(let program, let reason):
            return "--alert-command: cannot start \(program.terminalSafe()): \(reason.terminalSafe())"
        case .failed(let program, let alert, let status):
            return "--alert-command \(program.terminalSafe()) failed for alert \"\(alert.terminalSafe())\" (exit status \(status))"
        }
    }
}
