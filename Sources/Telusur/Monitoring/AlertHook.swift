import Foundation

/// The user's `--alert-command`: a program run once per alert with new matches, the
/// alert's JSON (``AlertNews``) on its standard input, to mail or post it.
///
/// The command line is split into words here, as the user wrote it (spaces separate
/// words; '…' and "…" group them; a backslash escapes the next character), and run
/// directly (`posix_spawn` through `Process`), never through a shell: no text of an
/// article or a query becomes part of a command line. The alert's name is also in the
/// environment as `TELUSUR_ALERT`.
public struct AlertHook: Sendable {
    /// The program and its arguments.
    public let words: [String]

    /// Splits `commandLine` into the program and its arguments.
    ///
    /// - Throws: ``AlertHookError/badCommand(command:reason:)`` when it is empty or a quote is not closed.
    public init(commandLine: String) throws {
        words = try Self.split(commandLine)
    }

    /// The words of a command line: whitespace separates, quotes group, `\` escapes; no
    /// variable, glob or command substitution of any kind.
    static func split(_ line: String) throws -> [String] {
        var words: [String] = []
        var word = ""
        var inWord = false
        var quote: Character?
        var escaped = false
        for character in line {
            if escaped {
                word.append(character)
                escaped = false
                continue
            }
            if let open = quote {
                if character == open { quote = nil } else if character == "\\" && open == "\"" { escaped = true } else { word.append(character) }
                continue
            }
            switch character {
            case "\\": escaped = true; inWord = true
            case "'", "\"": quote = character; inWord = true
            case _ where character.isWhitespace:
                if inWord { words.append(word) }
                word = ""
                inWord = false
            default: word.append(character); inWord = true
            }
        }
        if quote != nil { throw AlertHookError.badCommand(command: line, reason: "a quote is not closed") }
        if escaped { throw AlertHookError.badCommand(command: line, reason: "it ends with a backslash") }
        if inWord { words.append(word) }
        guard !words.isEmpty else { throw AlertHookError.badCommand(command: line, reason: "it is empty") }
        return words
    }

    /// The program's path: as given when it holds a slash, else the first match on PATH.
    func executable() throws -> String {
        let program = words[0]
        let manager = FileManager.default
        if program.contains("/") {
            guard manager.isExecutableFile(atPath: program) else { throw AlertHookError.notFound(program: program) }
            return program
        }
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for directory in path.split(separator: ":") where !directory.isEmpty {
            let candidate = directory + "/" + program
            if manager.isExecutableFile(atPath: candidate) { return candidate }
        }
        throw AlertHookError.notFound(program: program)
    }

    /// Runs the program once with `news` as JSON on its standard input and waits for it.
    ///
    /// - Throws: ``AlertHookError`` when it cannot be found or started, or exits with another status than 0.
    public func run(_ news: AlertNews) throws {
        let data = try JSONOutput.data(news, layout: .compact)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try executable())
        process.arguments = Array(words.dropFirst())
        var environment = ProcessInfo.processInfo.environment
        environment["TELUSUR_ALERT"] = news.name
        process.environment = environment
        let input = Pipe()
        process.standardInput = input
        // What it prints goes to our standard error, as git does with its hooks: our
        // standard output stays what telusur prints.
        process.standardOutput = FileHandle.standardError
        do {
            try process.run()
        } catch {
            throw AlertHookError.cannotStart(program: words[0], reason: error.localizedDescription)
        }
        // A program that does not read its input must not block us: a closed pipe is ignored.
        let previous = signal(SIGPIPE, SIG_IGN)
        try? input.fileHandleForWriting.write(contentsOf: data + Data("\n".utf8))
        try? input.fileHandleForWriting.close()
        signal(SIGPIPE, previous)
        process.waitUntilExit()
        guard process.terminationReason == .exit, process.terminationStatus == 0 else {
            throw AlertHookError.failed(program: words[0], alert: news.name, status: process.terminationStatus)
        }
    }
}
