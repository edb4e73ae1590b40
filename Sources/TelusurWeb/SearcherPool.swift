import Dispatch
import Foundation
import Synchronization
import Telusur

/// A fixed set of worker threads, each with its own ``Searcher`` (its own Xapian
/// database handle), that run searches handed to them one at a time.
///
/// Xapian objects are not thread-safe, so a `Searcher` never leaves the thread that
/// made it: a request does not borrow a handle, it hands its work (a `@Sendable`
/// closure given the searcher) to whichever worker is free and awaits the `Sendable`
/// answer. Xapian's calls block on disk and network, so they run on these threads,
/// never on Swift's cooperative pool.
///
/// Before a job, a worker moves its searcher to the latest committed state of the index
/// (`Database::reopen`, at most once per ``Configuration/refreshInterval``), so a
/// running `telusur index` next to the server is seen without a restart.
public final class SearcherPool: Sendable {
    /// How the pool opens the index and how many workers it runs.
    public struct Configuration: Sendable {
        /// The index: a directory, a sharded index or a stub.
        public var location: IndexLocation
        /// Search the reachable shards when some cannot be reached.
        public var allowPartial: Bool
        /// Let `remote :PROGRAM` lines of the stub start their program (`--allow-program-shards`).
        public var allowPrograms: Bool
        /// Worker threads, each with a database handle: requests served at once.
        public var workers: Int
        /// Jobs that may wait for a worker; beyond, a request is refused as busy.
        public var queueLimit: Int
        /// How often a worker checks for a new revision of the index.
        public var refreshInterval: Duration

        public init(location: IndexLocation, allowPartial: Bool = false, allowPrograms: Bool = false, workers: Int = 4,
                    queueLimit: Int = 256, refreshInterval: Duration = .seconds(1)) {
            self.location = location
            self.allowPartial = allowPartial
            self.allowPrograms = allowPrograms
            self.workers = max(1, workers)
            self.queueLimit = max(1, queueLimit)
            self.refreshInterval = refreshInterval
        }
    }

    /// What a worker is given: work, or the signal to close its searcher and stop.
    private enum Job: Sendable {
        case work(@Sendable (Searcher) -> Void)
        case stop
    }

    public let configuration: Configuration
    private let queue = Mutex<[Job]>([])
    /// Counts the jobs in ``queue``: a worker waits on it.
    private let waiting = DispatchSemaphore(value: 0)
    private let stopped = DispatchSemaphore(value: 0)
    private let closed = Mutex(false)

    /// Starts the workers, each opening the index, and returns once all have.
    ///
    /// - Throws: the first ``SearchError`` a worker met opening the index (no index
    ///   there, a shard unreachable without `allowPartial`, …); the workers are stopped.
    public init(_ configuration: Configuration) throws {
        self.configuration = configuration
        let opened = DispatchSemaphore(value: 0)
        let failures = OpenFailures()
        for number in 0..<configuration.workers {
            let thread = Thread { [self] in
                let searcher: Searcher
                do {
                    searcher = try Searcher(location: configuration.location, allowPartial: configuration.allowPartial,
                                            allowPrograms: configuration.allowPrograms)
                } catch {
                    failures.add(error)
                    opened.signal()
                    self.stopped.signal()
                    return
                }
                opened.signal()
                self.work(with: searcher)
                self.stopped.signal()
            }
            thread.name = "telusur-searcher-\(number)"
            // Xapian's matcher recurses over the query tree: more than Foundation's default stack.
            thread.stackSize = 8 << 20
            thread.start()
        }
        for _ in 0..<configuration.workers { opened.wait() }
        if let first = failures.first {
            close()
            throw first
        }
    }

    /// The worker's loop: runs jobs until told to stop.
    private func work(with searcher: Searcher) {
        let clock = ContinuousClock()
        var lastRefresh = clock.now
        while true {
            waiting.wait()
            guard let job = queue.withLock({ $0.isEmpty ? nil : $0.removeFirst() }) else { continue }
            switch job {
            case .stop:
                return
            case .work(let body):
                if clock.now - lastRefresh >= configuration.refreshInterval {
                    // A failure here (a shard gone) shows in the job's own calls, with its message.
                    _ = try? searcher.refresh()
                    lastRefresh = clock.now
                }
                body(searcher)
            }
        }
    }

    /// Runs `body` on a free worker's searcher and returns its answer.
    ///
    /// - Parameter timeout: how long the caller waits, queueing included. A job still
    ///   waiting for a worker then is dropped; one already running finishes on its
    ///   worker (Xapian cannot be interrupted), but the caller has its answer at once.
    /// - Throws: what `body` throws; ``WebError/busy`` when too many jobs wait or the
    ///   pool is closed; ``WebError/timeout(_:)``.
    public func run<T: Sendable>(timeout: Duration, _ body: @escaping @Sendable (Searcher) throws -> T) async throws -> T {
        let outcome = Outcome<T>()
        return try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<T, any Error>) in
            outcome.attach(continuation)
            let accepted = enqueue(.work { searcher in
                // Dropped when the caller already gave up (timed out while it waited).
                guard !outcome.isSettled else { return }
                outcome.settle(Result { try body(searcher) })
            })
            guard accepted else {
                outcome.settle(.failure(WebError.busy))
                return
            }
            // On a Dispatch timer, not a Task: when the cooperative threads are all busy
            // (two cores, blocking work in flight) a Task's sleep can end seconds late.
            // Settling twice does nothing, so a timer that fires after the answer is harmless.
            let (seconds, attoseconds) = timeout.components
            let nanoseconds = Int(clamping: seconds) &* 1_000_000_000 &+ Int(attoseconds / 1_000_000_000)
            DispatchQueue.global().asyncAfter(deadline: .now() + .nanoseconds(nanoseconds)) {
                outcome.settle(.failure(WebError.timeout(timeout)))
            }
        }
    }

    /// Jobs waiting for a worker (for tests and the log).
    public var waitingJobs: Int { queue.withLock { $0.count } }

    /// Adds a job unless the queue is full or the pool closed.
    private func enqueue(_ job: Job) -> Bool {
        let added = queue.withLock { jobs -> Bool in
            guard !closed.withLock({ $0 }), jobs.count < configuration.queueLimit else { return false }
            jobs.append(job)
            return true
        }
        if added { waiting.signal() }
        return added
    }

    /// Stops the workers once their current jobs finish; their searchers close on their threads.
    public func close() {
        let first = closed.withLock { wasClosed -> Bool in
            defer { wasClosed = true }
            return !wasClosed
        }
        guard first else { return }
        queue.withLock { jobs in
            for _ in 0..<configuration.workers { jobs.append(.stop) }
        }
        for _ in 0..<configuration.workers { waiting.signal() }
    }

    /// Closes the pool and waits until every worker has stopped.
    public func closeAndWait() {
        close()
        for _ in 0..<configuration.workers { stopped.wait() }
    }
}

/// The answer of one job, given to its caller once: by the worker, the timeout or a refusal.
private final class Outcome<T: Sendable>: Sendable {
    private struct State {
        var continuation: CheckedContinuation<T, any Error>?
        var settled = false
    }
    private let state = Mutex(State())

    func attach(_ continuation: CheckedContinuation<T, any Error>) {
        state.withLock { $0.continuation = continuation }
    }

    var isSettled: Bool { state.withLock { $0.settled } }

    func settle(_ result: Result<T, any Error>) {
        let continuation = state.withLock { state -> CheckedContinuation<T, any Error>? in
            guard !state.settled else { return nil }
            state.settled = true
            defer { state.continuation = nil }
            return state.continuation
        }
        continuation?.resume(with: result)
    }
}

/// The errors workers met opening the index, for the pool's initializer.
private final class OpenFailures: Sendable {
    private let errors = Mutex<[WebError]>([])

    func add(_ error: any Error) {
        let kept: WebError = (error as? SearchError).map(WebError.search) ?? .internalError("\(error)")
        errors.withLock { $0.append(kept) }
    }

    var first: WebError? { errors.withLock { $0.first } }
}
