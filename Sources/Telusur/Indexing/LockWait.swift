import Foundation

/// Queuing behind another writer: what `--wait` does.
///
/// Xapian lets one process at a time write a database (its write lock, the file
/// `flintlock` in the index). Opening for writing while another process holds it fails
/// with ``IndexingError/locked(index:)``; this tries again at a fixed interval until
/// the lock is free.
public struct LockWait: Sendable {
    /// How long to sleep between attempts.
    public var interval: Duration

    /// A wait that polls every `interval` (200 ms by default).
    public init(interval: Duration = .milliseconds(200)) {
        self.interval = interval
    }

    /// Runs `open` (something that takes the write lock, such as `Indexer(location:)`)
    /// until it does not fail because the index is locked.
    ///
    /// - Parameters:
    ///   - open: Takes the lock; any error other than ``IndexingError/locked(index:)``
    ///     is rethrown at once.
    ///   - waiting: Called once, with the lock file, when the first attempt finds the
    ///     lock held.
    public func run<T>(_ open: () throws -> T, waiting: (String) -> Void) throws -> T {
        var announced = false
        while true {
            do {
                return try open()
            } catch IndexingError.locked(let index) {
                if !announced {
                    announced = true
                    waiting(IndexLocation(option: index).lockFile)
                }
                Thread.sleep(forTimeInterval: Double(interval.components.seconds)
                    + Double(interval.components.attoseconds) / 1e18)
            }
        }
    }
}

extension IndexLocation {
    /// The file of Xapian's write lock in the index (glass's `flintlock`).
    public var lockFile: String {
        (path.hasSuffix("/") ? path : path + "/") + "flintlock"
    }
}
