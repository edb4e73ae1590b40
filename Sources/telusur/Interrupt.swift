import Foundation
import Synchronization

/// Ctrl-C while the REPL is busy (searching, paging): a flag set by a SIGINT handler
/// instead of the default of ending the process, read back with ``take()``.
///
/// While libedit reads a line it has its own handler, which puts the terminal back
/// in cooked mode and passes the signal on to this one, so `readline` returns.
enum Interrupt {
    // Lock-free, so the handler may store to it (async-signal-safe).
    private static let flag = Atomic<Bool>(false)

    /// Replaces the default SIGINT action (end the process) with setting the flag,
    /// and unblocks SIGINT in case the parent started us with it blocked (a signal mask
    /// survives exec), as Ctrl-C would otherwise do nothing at all.
    static func install() {
        _ = flag.load(ordering: .relaxed)  // initialised here, never inside the handler
        signal(SIGINT) { _ in Interrupt.flag.store(true, ordering: .relaxed) }
        var interrupt = sigset_t()
        sigemptyset(&interrupt)
        sigaddset(&interrupt, SIGINT)
        sigprocmask(SIG_UNBLOCK, &interrupt, nil)
    }

    /// Whether Ctrl-C was pressed since the last call; clears the flag.
    static func take() -> Bool {
        flag.exchange(false, ordering: .relaxed)
    }
}
