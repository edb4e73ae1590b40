import ArgumentParser
import Foundation
import Telusur

/// `telusur repl` (and `telusur` alone on a terminal): search interactively.
struct ReplCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "repl",
        abstract: "Search interactively: one query a line, :help for the commands.",
        discussion: """
            On a terminal: line editing, Tab completion and history (kept in \
            $XDG_STATE_HOME/telusur/history, else ~/.local/state/telusur/history); Ctrl-C \
            abandons the line, Ctrl-D leaves. Otherwise queries and commands are read from \
            standard input, one a line, and their results printed:
              printf 'zero konflik\\n:open 1\\n' | telusur repl
            """
    )

    @OptionGroup var indexOption: IndexOption
    @OptionGroup var shardOption: ShardOption

    @Option(help: "Colour matches: auto (on a terminal), always or never.")
    var color: ColorChoice = .auto

    @Option(help: "Articles per page (:limit changes it).")
    var limit: Int = 10

    /// The prompt on a terminal.
    static let prompt = "telusur> "

    func validate() throws {
        guard (1...1000).contains(limit) else { throw ValidationError("--limit must be from 1 to 1000") }
    }

    func run() throws {
        let searcher: Searcher
        do {
            searcher = try shardOption.searcher(indexOption.location)
            reportMissing(searcher.missingShards, of: searcher)
        } catch let error as SearchError {
            throw CommandError(message: error.description)
        }
        var session = ReplSession(searcher: searcher, style: color.enabled ? .color : .plain, limit: limit)
        if isatty(STDIN_FILENO) != 0 {
            interact(&session)
        } else {
            script(&session)
        }
    }

    /// Standard input is not a terminal: one line at a time, no prompt, no line editor.
    private func script(_ session: inout ReplSession) {
        while let line = readLine(strippingNewline: true) {
            let reply = session.handle(line)
            if reply.kind == .quit { break }
            emit(reply)
        }
    }

    /// On a terminal: libedit reads the lines; Ctrl-C returns to the prompt.
    private func interact(_ session: inout ReplSession) {
        Interrupt.install()
        Self.useCharacterLocale()
        signal(SIGPIPE, SIG_IGN)  // a pager quit early must not end the session
        let editor = LineEditor(historyFile: ReplSession.historyFile(environment: ProcessInfo.processInfo.environment),
                                completer: session.completer)
        print("telusur \(TelusurCommand.configuration.version) · index \(indexOption.location.path) · :help for the commands, Ctrl-D to leave")
        while true {
            switch editor.read(prompt: Self.prompt) {
            case .end:
                print("")
                return
            case .interrupted:
                print("")
            case .line(let line):
                editor.remember(line)
                let reply = session.handle(line)
                if reply.kind == .quit { return }
                // Ctrl-C during a long search: its output is dropped. The terminal
                // echoed "^C"; the prompt goes on the next line.
                if Interrupt.take() {
                    print("")
                    continue
                }
                emit(reply, screen: isatty(STDOUT_FILENO) != 0 ? editor.screenSize : nil)
                if Interrupt.take() { print("") }  // Ctrl-C ended the pager
            }
        }
    }

    /// Takes the character encoding from the environment, as libedit reads and shows
    /// multibyte characters by it; the C locale would garble "Ma’ruf", so UTF-8 is used
    /// when the environment names no other.
    private static func useCharacterLocale() {
        let name = setlocale(LC_CTYPE, "").map { String(cString: $0) } ?? "C"
        if name == "C" || name == "POSIX" { _ = setlocale(LC_CTYPE, "C.UTF-8") }
    }

    /// Prints a reply: errors on standard error, a whole article through the pager
    /// when standard output is a terminal of `screen` size.
    private func emit(_ reply: ReplReply, screen: (rows: Int, columns: Int)? = nil) {
        // The last pass before the terminal, whatever built the reply: only our colours survive.
        var reply = reply
        reply.text = reply.text.terminalSafe(keepingNewlines: true, keepingStyles: true)
        switch reply.kind {
        case .error:
            fflush(nil)
            FileHandle.standardError.write(Data(reply.text.utf8))
        case .article:
            if let screen {
                Pager.show(reply.text, rows: screen.rows, columns: screen.columns)
            } else {
                print(reply.text, terminator: "")
            }
        case .output:
            print(reply.text, terminator: "")
        case .quit:
            break
        }
        fflush(nil)
    }
}
