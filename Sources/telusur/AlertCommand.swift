import ArgumentParser
import Foundation
import Telusur

/// `telusur alert add|list|remove`: the saved searches of an index.
struct AlertCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "alert",
        abstract: "Save, list and remove searches kept inside the index (alerts).",
        discussion: """
            Alerts are stored in the index itself (Xapian metadata of its first shard), so a copy of the index carries them.

            Exit status: 0 done, 2 error (no index, a bad or taken name, a query that does not parse, the index locked: see --wait).
            """,
        subcommands: [Add.self, List.self, Remove.self]
    )

    /// Runs `body` with the index's alert store, turning library errors into messages.
    static func withStore<T>(_ indexOption: IndexOption, _ lock: LockOption?, _ body: (AlertStore) throws -> T) throws -> T {
        do {
            let store = try AlertStore(location: indexOption.location)
            if let lock { return try lock.acquire { try body(store) } }
            return try body(store)
        } catch let error as MonitoringError {
            throw CommandError(message: error.description)
        } catch let error as IndexingError {
            throw CommandError(message: error.description)
        }
    }

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Save a search under a name.")

        @OptionGroup var indexOption: IndexOption
        @OptionGroup var lock: LockOption

        @Argument(help: "The alert's name (1 to 100 printable characters).")
        var name: String

        @Argument(help: "The query, in the search language (quote it).")
        var query: String

        @Option(help: "Where the words must meet, as in search: article (anywhere in it) or paragraph (in one).")
        var within: QueryScope = .article

        func run() throws {
            let alert = try AlertCommand.withStore(indexOption, lock) { try $0.add(name: name, query: query, within: within) }
            print("saved alert \"\(alert.name.terminalSafe())\": \(alert.query.terminalSafe())\(Self.scope(alert))")
        }

        /// " (within one paragraph)" for an alert that wants it, "" for the default.
        static func scope(_ alert: SavedAlert) -> String {
            alert.within == .paragraph ? " (within one paragraph)" : ""
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the saved searches: name, query, last read.")

        @OptionGroup var indexOption: IndexOption

        @Flag(help: "Print a JSON array of {name, query, lastRead, readBatch, within}.")
        var json = false

        func run() throws {
            let alerts = try AlertCommand.withStore(indexOption, nil) { try $0.list() }
            if json {
                print(try JSONOutput.text(alerts))
                return
            }
            if alerts.isEmpty { print("no alerts in \(indexOption.location.path.terminalSafe())") }
            for alert in alerts {
                print("\(alert.name.terminalSafe())\t\(alert.query.terminalSafe())\(Add.scope(alert))\tlast read \(alert.lastRead.terminalSafe())")
            }
        }
    }

    struct Remove: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Remove a saved search.")

        @OptionGroup var indexOption: IndexOption
        @OptionGroup var lock: LockOption

        @Argument(help: "The alert's name.")
        var name: String

        func run() throws {
            try AlertCommand.withStore(indexOption, lock) { try $0.remove(name: name) }
            print("removed alert \"\(name.terminalSafe())\"")
        }
    }
}
