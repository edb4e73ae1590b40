import ArgumentParser
import Telusur

/// `--wait`, for the commands that write the index (index, remove, compact).
struct LockOption: ParsableArguments {
    @Flag(help: "When another process is writing the index, wait for it to finish (polling every 200 ms) instead of failing.")
    var wait = false

    /// Runs `open`, which takes the index's write lock. Without --wait, a held lock is
    /// an error naming the lock file (exit status 2); with it, says once on standard
    /// error that it waits, and retries until the lock is free.
    func acquire<T>(_ open: () throws -> T) throws -> T {
        do {
            guard wait else { return try open() }
            return try LockWait().run(open) { lockFile in
                printError("telusur: waiting for the lock on \(lockFile) (another process is writing the index)…")
            }
        } catch let error as IndexingError {
            throw CommandError(message: error.description)
        }
    }
}
