import Synchronization
import Foundation
import Testing
@testable import Telusur
@testable import TelusurWeb

/// The pool of per-thread searchers: one job per searcher at a time, timeouts, a full queue.
@Suite("SearcherPool")
struct SearcherPoolTests {
    private func pool(workers: Int, queue: Int = 256, in directory: TemporaryDirectory) throws -> SearcherPool {
        _ = try Fixtures.index([Fixtures.article("a1", "Rapat koordinasi pemilu.")], in: directory)
        return try SearcherPool(.init(location: IndexLocation(option: directory.path + "/index"), workers: workers, queueLimit: queue))
    }

    @Test("a searcher runs one job at a time, on its own thread")
    func oneJobPerSearcher() async throws {
        let directory = TemporaryDirectory()
        let pool = try pool(workers: 3, in: directory)
        let seen = try await withThrowingTaskGroup(of: (ObjectIdentifier, String).self) { group in
            for _ in 0..<30 {
                group.addTask {
                    try await pool.run(timeout: .seconds(10)) { searcher in
                        _ = try searcher.search("pemilu")
                        return (ObjectIdentifier(searcher), "\(ObjectIdentifier(Thread.current))")
                    }
                }
            }
            return try await group.reduce(into: [(ObjectIdentifier, String)]()) { $0.append($1) }
        }
        pool.closeAndWait()
        #expect(seen.count == 30)
        #expect(Set(seen.map(\.0)).count <= 3)
        // Each searcher stays on one thread.
        let threads = Dictionary(grouping: seen, by: \.0).mapValues { Set($0.map(\.1)) }
        #expect(threads.values.allSatisfy { $0.count == 1 })
    }

    @Test("a job slower than the timeout answers timeout; a full queue answers busy")
    func timeoutAndBusy() async throws {
        let directory = TemporaryDirectory()
        let pool = try pool(workers: 1, queue: 1, in: directory)
        // A child task may start late on a loaded machine: the test waits for states, not times.
        // The slow job holds the only worker until the test lets it go (a gate, not a
        // sleep): in the full suite both cooperative threads can be busy for many
        // seconds, so the next steps may come late, but never in the wrong order.
        let started = Mutex(false)
        let gate = DispatchSemaphore(value: 0)
        async let slow: Int = pool.run(timeout: .milliseconds(1500)) { _ in
            started.withLock { $0 = true }
            gate.wait()
            return 1
        }
        // The worker runs the slow job …
        try await Self.eventually { started.withLock { $0 } }
        // … so this one waits in the queue (limit 1) …
        async let queued: Int = pool.run(timeout: .seconds(10)) { _ in 2 }
        // (a child task may start late on a loaded machine: wait until it is queued)
        try await Self.eventually { pool.waitingJobs == 1 }
        // … and this one finds the queue full.
        await #expect(throws: WebError.self) { try await pool.run(timeout: .seconds(5)) { _ in 3 } }
        do {
            _ = try await slow
            Issue.record("the slow job did not time out")
        } catch let error as WebError {
            if case .timeout = error { #expect(error.status == 503) } else { Issue.record("\(error)") }
        }
        gate.signal()
        #expect(try await queued == 2)
        pool.closeAndWait()
        await #expect(throws: WebError.self) { try await pool.run(timeout: .seconds(1)) { _ in 4 } }
    }

    /// Polls `condition` every 10 ms for up to 120 s.
    static func eventually(_ condition: () -> Bool) async throws {
        for _ in 0..<12_000 where !condition() { try await Task.sleep(for: .milliseconds(10)) }
        #expect(condition(), "the pool never reached the state the test waits for")
    }

    @Test("a missing index fails at start with the CLI's message")
    func missingIndex() throws {
        do {
            _ = try SearcherPool(.init(location: IndexLocation(option: "/nonexistent/index"), workers: 2))
            Issue.record("opened a missing index")
        } catch let error as WebError {
            #expect(error.message.hasPrefix("no index at /nonexistent/index"))
        }
    }
}
