import Foundation
import Testing

/// `telusur repl` end to end: through a pipe, as a script would use it, and on a
/// pseudo-terminal, as a person would (line editing, completion, Ctrl-C, Ctrl-D, the
/// pager), checking what the screen shows.
@Suite struct ReplTests {
    /// A temporary directory with the seeds indexed in `Index`.
    static func seededIndex() throws -> (TemporaryDirectory, String) {
        let directory = TemporaryDirectory()
        let index = directory.path + "/Index"
        let indexed = try CommandRunner.run(["index", "--index", index, Repository.seeds])
        #expect(indexed.status == 0, "\(indexed.stderr)")
        return (directory, index)
    }

    /// The environment of a terminal session: nothing inherited but PATH, so history,
    /// pager and locale are the test's.
    static func terminalEnvironment(_ directory: TemporaryDirectory, index: String, pager: String? = nil) -> [String: String] {
        var environment = [
            "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin",
            "HOME": directory.path, "XDG_STATE_HOME": directory.path + "/state",
            "TERM": "xterm", "LANG": "C.UTF-8", "TELUSUR_INDEX": index,
        ]
        environment["PAGER"] = pager
        return environment
    }

    // MARK: through a pipe

    @Test func readsQueriesAndCommandsLineByLine() throws {
        let (directory, index) = try Self.seededIndex()
        _ = directory
        let run = try CommandRunner.run(["repl", "--index", index], stdin: "zero konflik\n:open 2\n")
        #expect(run.status == 0)
        #expect(run.stderr == "")
        #expect(run.stdout.hasPrefix("1. Rambutan – Penjabat Bupati Banyuasin"))
        #expect(run.stdout.contains("\n2. Palembang, Sumsel, EDITOR.ID"))
        #expect(run.stdout.contains("2 articles, 6 paragraphs matched · "))
        #expect(run.stdout.contains("\n¶12 Kemudian, deklarasi Netralitas ASN terbesar"))
        #expect(run.stdout.hasSuffix("12 paragraphs, 2 with matches\n"))
        #expect(!run.stdout.contains("telusur>"))  // no prompt
        #expect(!run.stdout.contains("\u{1B}"))  // no colour into a pipe
    }

    @Test func problemsGoToStandardErrorAndTheScriptGoesOn() throws {
        let (directory, index) = try Self.seededIndex()
        _ = directory
        let run = try CommandRunner.run(["repl", "--index", index, "--limit", "1"],
                                        stdin: ":foo\n\"zero\n:more\nzero konflik\n:more\n:quit\n:stats\n")
        #expect(run.status == 0)
        #expect(run.stderr == """
            unknown command :foo; type :help for the commands
            unbalanced quote: the phrase that starts at column 1 has no closing "
              "zero
              ^
            :more needs results: type a query first

            """)
        #expect(run.stdout.contains("2 articles, 6 paragraphs matched; showing 1–1"))
        #expect(run.stdout.contains("2 articles, 6 paragraphs matched; showing 2–2"))
        #expect(!run.stdout.contains("articles     2"))  // :stats came after :quit
    }

    @Test func aMissingIndexIsAnError() throws {
        let directory = TemporaryDirectory()
        let run = try CommandRunner.run(["repl", "--index", directory.path + "/none"], stdin: "zero\n")
        #expect(run.status == 2)
        #expect(run.stderr.contains("no index at \(directory.path)/none; build one with `telusur index PATH...`"))
    }

    @Test func noArgumentsWithoutATerminalPrintHelp() throws {
        let run = try CommandRunner.run([], stdin: "zero konflik\n")
        #expect(run.status == 0)
        #expect(run.stdout.contains("USAGE: telusur <subcommand>"))
        #expect(run.stdout.contains("repl                    Search interactively"))
    }

    // MARK: on a terminal

    @Test func typingACompletionOpenCtrlCAndCtrlD() throws {
        let (directory, index) = try Self.seededIndex()
        // `telusur` alone on a terminal is the REPL (the index from $TELUSUR_INDEX).
        let terminal = try PseudoTerminal(CommandRunner.executable, [],
                                          environment: Self.terminalEnvironment(directory, index: index, pager: "cat"))
        #expect(terminal.waitForPrompt(1), "\(terminal.screen.text)")
        #expect(terminal.screen.lines.first?.hasPrefix("telusur 0.1.0 · index \(index) · :help") == true)

        terminal.type("zero konflik\r")
        #expect(terminal.waitForPrompt(2), "\(terminal.screen.text)")
        #expect(terminal.screen.lines.contains("telusur> zero konflik"))
        #expect(terminal.screen.text.contains("2 articles, 6 paragraphs matched · "))
        #expect(terminal.screen.text.contains("¶6 …turun langsung melihat keadaan"))

        terminal.type(":op\t")
        #expect(terminal.wait { $0.lines.last == "telusur> :open" }, "\(terminal.screen.text)")
        terminal.type("2\r")
        #expect(terminal.waitForPrompt(3), "\(terminal.screen.text)")
        #expect(terminal.screen.lines.contains("telusur> :open 2"))
        #expect(terminal.screen.text.contains("¶12 Kemudian, deklarasi Netralitas ASN terbesar"))
        #expect(terminal.screen.text.contains("12 paragraphs, 2 with matches"))

        // Ctrl-C abandons the line: it is not run, and the prompt is back.
        terminal.type("sumsel ti\t")
        #expect(terminal.wait { $0.lines.last == "telusur> sumsel title:" }, "\(terminal.screen.text)")
        terminal.type("\u{03}")
        #expect(terminal.waitForPrompt(4), "\(terminal.screen.text)")
        #expect(terminal.screen.lines.last == "telusur>")
        #expect(!terminal.screen.text.contains("has no value"))
        terminal.type(":help\r")
        #expect(terminal.waitForPrompt(5), "\(terminal.screen.text)")
        #expect(terminal.screen.text.contains(":similar N                  articles like result N"))

        terminal.type("\u{04}")
        #expect(terminal.waitForExit() == 0)
        // libedit put the terminal back: canonical input and echo, as the shell needs.
        let settings = terminal.settings
        #expect(settings.c_lflag & tcflag_t(ICANON) != 0)
        #expect(settings.c_lflag & tcflag_t(ECHO) != 0)

        let history = try String(contentsOfFile: directory.path + "/state/telusur/history", encoding: .utf8)
        #expect(history.contains("zero\\040konflik"))
        #expect(history.contains(":open\\0402"))
        #expect(!history.contains("sumsel"))  // the abandoned line
    }

    @Test func historyIsThereInTheNextSession() throws {
        let (directory, index) = try Self.seededIndex()
        let environment = Self.terminalEnvironment(directory, index: index)
        do {
            let first = try PseudoTerminal(CommandRunner.executable, ["repl"], environment: environment)
            #expect(first.waitForPrompt(1))
            first.type("\"tagline Sumsel\"\r")
            #expect(first.waitForPrompt(2))
            first.type(":quit\r")
            #expect(first.waitForExit() == 0)
        }
        let second = try PseudoTerminal(CommandRunner.executable, ["repl"], environment: environment)
        #expect(second.waitForPrompt(1))
        second.type("\u{1B}[A\u{1B}[A")  // up twice: :quit, then the query
        #expect(second.wait { $0.lines.last == "telusur> \"tagline Sumsel\"" }, "\(second.screen.text)")
        second.type("\r")
        #expect(second.waitForPrompt(2))
        #expect(second.screen.text.contains("1 article, 1 paragraph matched"))
        second.type("\u{04}")
        #expect(second.waitForExit() == 0)
    }

    @Test func aLongArticleGoesThroughThePager() throws {
        let (directory, index) = try Self.seededIndex()
        let pager = "echo PAGED-BY-TEST; cat"
        let small = try PseudoTerminal(CommandRunner.executable, ["repl"],
                                       environment: Self.terminalEnvironment(directory, index: index, pager: pager), rows: 10)
        #expect(small.waitForPrompt(1))
        small.type("zero konflik\r")
        #expect(small.waitForPrompt(2))
        #expect(!small.screen.text.contains("PAGED-BY-TEST"))  // results are never paged
        small.type(":open 2\r")
        #expect(small.waitForPrompt(3), "\(small.screen.text)")
        #expect(small.screen.text.contains("PAGED-BY-TEST"))
        #expect(small.screen.text.contains("12 paragraphs, 2 with matches"))
        small.type("\u{04}")
        #expect(small.waitForExit() == 0)

        let tall = try PseudoTerminal(CommandRunner.executable, ["repl"],
                                      environment: Self.terminalEnvironment(directory, index: index, pager: pager), rows: 200)
        #expect(tall.waitForPrompt(1))
        tall.type("zero konflik\r")
        #expect(tall.waitForPrompt(2))
        tall.type(":open 2\r")
        #expect(tall.waitForPrompt(3))
        #expect(tall.screen.text.contains("12 paragraphs, 2 with matches"))
        #expect(!tall.screen.text.contains("PAGED-BY-TEST"))  // it fits
        tall.type("\u{04}")
        #expect(tall.waitForExit() == 0)
    }

    @Test func ctrlCWhileBusyAbandonsTheOutputNotTheSession() throws {
        let (directory, index) = try Self.seededIndex()
        // A pager that takes its time: Ctrl-C reaches it and the REPL (one process
        // group); the pager dies, the REPL must not.
        let terminal = try PseudoTerminal(CommandRunner.executable, ["repl"],
                                          environment: Self.terminalEnvironment(directory, index: index, pager: "sleep 30; cat"),
                                          rows: 10)
        #expect(terminal.waitForPrompt(1))
        terminal.type("zero konflik\r")
        #expect(terminal.waitForPrompt(2))
        terminal.type(":open 1\r")
        #expect(terminal.wait(timeout: .seconds(2)) { $0.lines.last == "" && $0.lines.contains("telusur> :open 1") })
        Thread.sleep(forTimeInterval: 0.3)  // the pager is running
        let start = ContinuousClock.now
        terminal.type("\u{03}")
        #expect(terminal.waitForPrompt(3), "\(terminal.screen.text)")
        #expect(ContinuousClock.now - start < .seconds(15))
        #expect(!terminal.screen.text.contains("12 paragraphs, 2 with matches"))
        terminal.type(":stats\r")
        #expect(terminal.waitForPrompt(4))
        #expect(terminal.screen.text.contains("articles     2"))
        terminal.type("\u{04}")
        #expect(terminal.waitForExit() == 0)
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/less")))
    func lessPagesAndGivesThePromptBack() throws {
        let (directory, index) = try Self.seededIndex()
        let terminal = try PseudoTerminal(CommandRunner.executable, ["repl"],
                                          environment: Self.terminalEnvironment(directory, index: index), rows: 10)
        #expect(terminal.waitForPrompt(1))
        terminal.type("zero konflik\r")
        #expect(terminal.waitForPrompt(2))
        terminal.type(":open 2\r")
        // less's own screen, and less reading keys.
        #expect(terminal.wait { $0.isAlternate && $0.text.contains("Palembang, Sumsel, EDITOR.ID,- Provinsi") && !terminal.isCanonical },
                "\(terminal.screen.text)")
        terminal.type("\u{03}")  // less stays; the REPL ignores it
        // less may drop keys typed while it handles the interrupt: q until it is gone.
        for _ in 0..<5 where terminal.screen.isAlternate {
            terminal.type("q")
            terminal.wait(timeout: .seconds(2)) { !$0.isAlternate }
        }
        #expect(terminal.waitForPrompt(3), "\(terminal.screen.text)")
        #expect(terminal.screen.lines.last == "telusur>")
        terminal.type("\u{04}")
        #expect(terminal.waitForExit() == 0)
    }
}
