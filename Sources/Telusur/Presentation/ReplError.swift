/// Why a line typed in the REPL did nothing; the session prints the message and waits
/// for the next line (a REPL error never ends the session).
public enum ReplError: Error, Sendable, Equatable, CustomStringConvertible {
    /// `:name` is not a command; `suggestion` is the closest command, if one is close.
    case unknownCommand(String, suggestion: String?)
    /// A command with a missing or bad argument; `usage` is its synopsis ("open N").
    case usage(String, usage: String)
    /// `:open`, `:more`, … before any search.
    case noSearchYet(command: String)
    /// `:open N` / `:similar N` with N outside the last search's results.
    case noSuchResult(Int, total: Int)
    /// `:more` on the last page.
    case noMorePages(total: Int)
    /// `:prev` on the first page.
    case firstPage
    /// A command whose library support is not in this build yet (`:facets`, `:similar`).
    case notAvailable(command: String)

    public var description: String {
        switch self {
        case .unknownCommand(let name, let suggestion):
            if name.isEmpty { return "a command goes right after the colon, as in :open 1; type :help for the commands" }
            if let suggestion { return "unknown command :\(name); did you mean :\(suggestion)? type :help" }
            return "unknown command :\(name); type :help for the commands"
        case .usage(let reason, let usage):
            return "\(reason); usage: :\(usage)"
        case .noSearchYet(let command):
            return ":\(command) needs results: type a query first"
        case .noSuchResult(let number, let total):
            let matched = total == 1 ? "1 article" : "\(total) articles"
            return "there is no result \(number): the last search matched \(matched)"
        case .noMorePages(let total):
            return total == 1 ? "no more results: the only article is shown" : "no more results: all \(total) articles have been shown"
        case .firstPage:
            return "already on the first page"
        case .notAvailable(let command):
            return ":\(command) is not available in this build yet"
        }
    }
}
