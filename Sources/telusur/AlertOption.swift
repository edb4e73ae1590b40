import ArgumentParser
import Foundation
import Telusur

/// `--alert-command`, and the alert lines `index` and `watch` end with.
struct AlertOption: ParsableArguments {
    @Option(help: ArgumentHelp("For each alert with new matches, run CMD (a program and its arguments, split into words, never given to a shell) with the alert's JSON on standard input and TELUSUR_ALERT set to its name.", valueName: "CMD"))
    var alertCommand: String?

    func validate() throws {
        if let alertCommand {
            do { _ = try AlertHook(commandLine: alertCommand) } catch let error as AlertHookError { throw ValidationError(error.description) }
        }
    }

    /// Prints "N new for 'NAME'" for each alert with unread matches among the articles
    /// that `batches` wrote, and runs the command for each; marks nothing read. Problems
    /// go to standard error: the indexing itself succeeded.
    func report(_ reader: AlertReader?, batches: ClosedRange<Int>, print: (String) -> Void) {
        guard let reader else { return }
        do {
            let hook = try alertCommand.map(AlertHook.init(commandLine:))
            for news in try reader.news(indexedIn: batches, limit: Self.listed) {
                print("\(news.total) new for '\(news.name.terminalSafe())'")
                do { try hook?.run(news) } catch let error as AlertHookError { printError("telusur: \(error.description)") }
            }
        } catch {
            printError("telusur: cannot read the alerts: \("\(error)".terminalSafe())")
        }
    }

    /// Articles listed in the JSON given to the command.
    static let listed = 100

    /// The reader of the index's alerts, nil when there are none to read (a remote first
    /// shard keeps none here), so a plain index run pays nothing for them.
    static func reader(_ location: IndexLocation) -> AlertReader? {
        do {
            let store = try AlertStore(location: location)
            guard try !store.list().isEmpty else { return nil }
            return try AlertReader(location: location)
        } catch MonitoringError.remote {
            return nil
        } catch {
            printError("telusur: cannot read the alerts: \("\(error)".terminalSafe())")
            return nil
        }
    }
}
