import Foundation

/// Shows text longer than the terminal through a pager: `$PAGER`, else `less -R`
/// (which keeps the colours); prints it directly when it fits or no pager starts.
enum Pager {
    /// Prints `text`, paged when it has more lines than `rows` - 1 once wrapped at
    /// `columns` (escape codes do not count).
    static func show(_ text: String, rows: Int, columns: Int) {
        guard lineCount(text, columns: columns) >= rows else {
            print(text, terminator: "")
            return
        }
        let environment = ProcessInfo.processInfo.environment
        let command = environment["PAGER"].flatMap { $0.allSatisfy(\.isWhitespace) ? nil : $0 } ?? "less -R"
        fflush(nil)
        guard run(command, input: text, environment: environment) else {
            print(text, terminator: "")
            return
        }
    }

    /// Runs `command` through /bin/sh with `input` on its standard input and waits for
    /// it; false when it could not be started.
    ///
    /// Spawned here rather than with Foundation's `Process`, which puts the child in
    /// a process group of its own: a pager there is not the terminal's foreground
    /// group, so it would be stopped (SIGTTIN) as soon as it reads a key, and Ctrl-C
    /// would not reach it.
    private static func run(_ command: String, input: String, environment: [String: String]) -> Bool {
        var fds: [Int32] = [-1, -1]
        guard pipe(&fds) == 0 else { return false }
        // Neither end leaks into the pager: its standard input is a duplicate.
        fds.forEach { _ = fcntl($0, F_SETFD, FD_CLOEXEC) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, fds[0], STDIN_FILENO)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        // The REPL ignores SIGPIPE and catches SIGINT; the pager gets the defaults.
        var defaults = sigset_t()
        sigemptyset(&defaults)
        sigaddset(&defaults, SIGPIPE)
        sigaddset(&defaults, SIGINT)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGDEF))
        let argv = ["/bin/sh", "-c", command].map { (argument: String) in strdup(argument) } + [nil]
        let envp = environment.map { (entry: (key: String, value: String)) in strdup(entry.key + "=" + entry.value) } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, "/bin/sh", &actions, &attributes, argv, envp)
        close(fds[0])
        guard spawned == 0 else {
            close(fds[1])
            return false
        }
        // Written while the pager reads as the reader scrolls; when they quit early
        // the write fails (EPIPE, SIGPIPE being ignored) and the rest is dropped.
        var bytes = Array(input.utf8)[...]
        while !bytes.isEmpty {
            let written = bytes.withUnsafeBytes { write(fds[1], $0.baseAddress, $0.count) }
            if written > 0 {
                bytes = bytes.dropFirst(written)
            } else if written < 0 && errno == EINTR {
                continue
            } else {
                break
            }
        }
        close(fds[1])
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        return true
    }

    /// Screen lines `text` takes on a terminal `columns` wide.
    static func lineCount(_ text: String, columns: Int) -> Int {
        let width = max(1, columns)
        return text.split(separator: "\n", omittingEmptySubsequences: false).dropLast(text.hasSuffix("\n") ? 1 : 0)
            .reduce(0) { total, line in
                let visible = visibleLength(line)
                return total + max(1, (visible + width - 1) / width)
            }
    }

    /// Characters of `line` that take a column: not the ANSI escape sequences.
    private static func visibleLength(_ line: Substring) -> Int {
        var count = 0
        var inEscape = false
        for scalar in line.unicodeScalars {
            if inEscape {
                if scalar.properties.isAlphabetic { inEscape = false }
            } else if scalar == "\u{1B}" {
                inEscape = true
            } else {
                count += 1
            }
        }
        return count
    }
}
