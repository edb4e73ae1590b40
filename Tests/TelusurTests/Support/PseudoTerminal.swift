import Foundation

/// The real `telusur` executable on a pseudo-terminal, typed at as a person would:
/// it has a controlling terminal (so Ctrl-C is a SIGINT from the line discipline),
/// a window size, and everything it writes is kept for ``screen``.
///
/// Every wait is bounded; a child still running when the value dies is killed.
final class PseudoTerminal {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    private let pid: pid_t
    private let master: Int32
    private var output: [UInt8] = []
    private var exitStatus: Int32?

    /// Starts `executable` with `arguments` on a new terminal of `rows` × `columns`,
    /// with exactly `environment`.
    init(_ executable: String, _ arguments: [String], environment: [String: String],
         rows: UInt16 = 24, columns: UInt16 = 100) throws {
        // Between fork and exec the child may only make async-signal-safe calls, so
        // every C string is made before forking.
        let argv = UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>.allocate(capacity: arguments.count + 2)
        let envp = UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>.allocate(capacity: environment.count + 1)
        defer {
            for i in 0..<(arguments.count + 1) { free(argv[i]) }
            for i in 0..<environment.count { free(envp[i]) }
            argv.deallocate()
            envp.deallocate()
        }
        for (i, argument) in ([executable] + arguments).enumerated() { argv[i] = strdup(argument) }
        argv[arguments.count + 1] = nil
        for (i, entry) in environment.enumerated() { envp[i] = strdup(entry.key + "=" + entry.value) }
        envp[environment.count] = nil
        guard let path = argv[0] else { throw Failure(description: "out of memory") }
        // A terminal session starts with no signal blocked; the test's worker thread
        // blocks most of them, and the mask would pass through exec.
        var unblocked = sigset_t()
        sigemptyset(&unblocked)
        var size = winsize(ws_row: rows, ws_col: columns, ws_xpixel: 0, ws_ypixel: 0)
        var fd: Int32 = -1
        let child = forkpty(&fd, nil, nil, &size)
        if child == 0 {
            sigprocmask(SIG_SETMASK, &unblocked, nil)
            execve(path, argv, envp)
            _exit(127)
        }
        guard child > 0 else { throw Failure(description: "forkpty failed: errno \(errno)") }
        pid = child
        master = fd
        _ = fcntl(master, F_SETFL, fcntl(master, F_GETFL) | O_NONBLOCK)
    }

    deinit {
        if exitStatus == nil {
            kill(pid, SIGKILL)
            var status: Int32 = 0
            waitpid(pid, &status, 0)
        }
        close(master)
    }

    /// Types `text` (a control character is its byte: "\u{03}" is Ctrl-C).
    func type(_ text: String) {
        var bytes = Array(text.utf8)
        while !bytes.isEmpty {
            let written = write(master, bytes, bytes.count)
            if written > 0 { bytes.removeFirst(written) } else if errno != EAGAIN && errno != EINTR { return }
        }
    }

    /// What the terminal shows now, from the first line (scrolled-off lines included).
    var screen: TerminalScreen { TerminalScreen(output) }

    /// Reads the child's output until `condition` holds for the screen; false after
    /// `timeout` or when the child closed the terminal first.
    @discardableResult
    func wait(timeout: Duration = .seconds(20), until condition: (TerminalScreen) -> Bool) -> Bool {
        let deadline = ContinuousClock.now + timeout
        while true {
            if condition(screen) { return true }
            guard ContinuousClock.now < deadline, readAvailable(waitingMilliseconds: 100) else { return condition(screen) }
        }
    }

    /// Waits until `prompts` prompts have been shown, the cursor is on the last one and
    /// the line editor has the terminal (non-canonical input).
    ///
    /// libedit prints its prompt a moment before it leaves canonical mode; a key typed
    /// in between is read by the terminal's line discipline (Ctrl-D there is an
    /// end-of-file that the editor then reads as a NUL), so tests type only after.
    @discardableResult
    func waitForPrompt(_ prompts: Int, timeout: Duration = .seconds(20)) -> Bool {
        wait(timeout: timeout) { screen in
            screen.lines.filter { $0.hasPrefix("telusur>") }.count >= prompts && screen.lines.last?.hasPrefix("telusur>") == true
                && !isCanonical
        }
    }

    /// Waits for the child to end and returns its exit status, or nil if it was still
    /// running after `timeout` (it is then killed) or ended by a signal.
    func waitForExit(timeout: Duration = .seconds(20)) -> Int32? {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            var status: Int32 = 0
            let ended = waitpid(pid, &status, WNOHANG)
            if ended == pid {
                exitStatus = status
                _ = readAvailable(waitingMilliseconds: 0)
                // WIFEXITED / WEXITSTATUS, which Swift does not import.
                return status & 0x7F == 0 ? (status >> 8) & 0xFF : nil
            }
            _ = readAvailable(waitingMilliseconds: 50)  // keep draining, or the child could block writing
        }
        return nil
    }

    /// Whether the terminal reads lines (canonical input), as it does when no line
    /// editor or full-screen program has set it up.
    var isCanonical: Bool { settings.c_lflag & tcflag_t(ICANON) != 0 }

    /// The terminal's settings now (Linux reports the slave's through the master).
    var settings: termios {
        var settings = termios()
        tcgetattr(master, &settings)
        return settings
    }

    /// Reads what is there, waiting up to `waitingMilliseconds` for something; false
    /// once the child has closed the terminal.
    private func readAvailable(waitingMilliseconds: Int32) -> Bool {
        var poller = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
        let ready = poll(&poller, 1, waitingMilliseconds)
        guard ready > 0 else { return ready == 0 || errno == EINTR }
        var buffer = [UInt8](repeating: 0, count: 8192)
        let count = read(master, &buffer, buffer.count)
        if count > 0 {
            output.append(contentsOf: buffer[0..<count])
            return true
        }
        return count < 0 && (errno == EAGAIN || errno == EINTR)  // EIO: the child closed its side
    }
}
