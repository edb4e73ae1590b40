import ArgumentParser
import Foundation
import Telusur

/// The `telusur` command: index Indonesian press releases and search them.
///
/// Exit statuses follow grep: 0 = success (something matched), 1 = nothing matched
/// (or, for `index`, some input was skipped), 2 = error.
@main
struct TelusurCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "telusur",
        abstract: "Full-text search for Indonesian press releases and news, paragraph by paragraph.",
        discussion: """
            With no arguments on a terminal, starts the REPL (telusur repl). \
            The index is --index DIR, else $TELUSUR_INDEX, else ./Index.

            Exit status: 0 success, 1 nothing matched (index: some input skipped; remove: some id not in the index), 2 error (check: the index has problems).
            """,
        version: "0.1.0",
        subcommands: [
            IndexCommand.self, SearchCommand.self, PersonCommand.self, AgencyCommand.self, PersonsCommand.self,
            AgenciesCommand.self, SimilarCommand.self, StatsCommand.self, ReplCommand.self, BenchCommand.self,
            RemoveCommand.self, CompactCommand.self, CheckCommand.self,
            ShowCommand.self, WatchCommand.self,
            ShardServerCommand.self,
            RecognizeCommand.self,
            QuotesCommand.self,
            ServeCommand.self,
            AlertCommand.self, AlertsCommand.self, BatchCommand.self, PickupCommand.self,
            OfficeCommand.self,
        ]
    )

    /// Parses the arguments and runs the command, mapping every failure to exit status 2
    /// (argument-parser's own usage errors included), as grep does. With no arguments,
    /// runs the REPL when standard input is a terminal, else prints the help.
    static func main() {
        do {
            var command: ParsableCommand
            if CommandLine.arguments.count == 1, isatty(STDIN_FILENO) != 0 {
                command = try ReplCommand.parse([])
            } else {
                command = try parseQuickly(ArgumentNormaliser.normalised(Array(CommandLine.arguments.dropFirst())))
            }
            try command.run()
        } catch let code as ExitCode {
            Foundation.exit(code.rawValue)
        } catch let error as CleanExit {
            Self.exit(withError: error)
        } catch let error as CommandError {
            FileHandle.standardError.write(Data("telusur: \(error.message.terminalSafe(keepingNewlines: true))\n".utf8))
            Foundation.exit(2)
        } catch {
            if exitCode(for: error) == .success { Self.exit(withError: error) }
            if Self.isParserError(error) {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
            } else {
                FileHandle.standardError.write(Data("telusur: \("\(error)".terminalSafe(keepingNewlines: true))\n".utf8))
            }
            Foundation.exit(2)
        }
    }

    /// Errors that argument-parser itself raised (usage), as opposed to the library's.
    private static func isParserError(_ error: Error) -> Bool {
        !(error is SearchError || error is IndexingError || error is IngestError || error is QueryError || error is ServingError)
    }
}

/// A failure to report to the user as "telusur: MESSAGE", exit status 2.
struct CommandError: Error {
    var message: String
}

/// The options every command that reads or writes the index shares.
struct IndexOption: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The index: a directory, a sharded index directory or a stub file listing shards (default: $TELUSUR_INDEX, else ./Index).", valueName: "DIR"))
    var index: String?

    var location: IndexLocation { IndexLocation(option: index) }
}

/// When to colour output.
enum ColorChoice: String, ExpressibleByArgument, CaseIterable {
    case auto, always, never

    /// Whether to colour what goes to standard output: `auto` means only on a terminal,
    /// and never when NO_COLOR is set or TERM is "dumb".
    var enabled: Bool {
        switch self {
        case .always: return true
        case .never: return false
        case .auto:
            let environment = ProcessInfo.processInfo.environment
            if environment["NO_COLOR"].map({ !$0.isEmpty }) ?? false { return false }
            if environment["TERM"] == "dumb" { return false }
            return isatty(STDOUT_FILENO) != 0
        }
    }
}

/// Writes to standard error.
func printError(_ message: String) {
    FileHandle.standardError.write(Data((message.terminalSafe(keepingNewlines: true) + "\n").utf8))
}
