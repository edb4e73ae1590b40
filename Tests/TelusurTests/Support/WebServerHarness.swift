import Foundation
import Synchronization
@testable import Telusur
@testable import TelusurWeb

/// A real `telusur serve` server inside the test process, on a free port of 127.0.0.1,
/// over a given index; stopped by ``stop()``.
final class WebServerHarness: Sendable {
    let port: Int
    let pool: SearcherPool
    private let task: Task<Void, any Error>


    init(index: IndexLocation, configure: (inout WebServer.Configuration) -> Void = { _ in }, workers: Int = 2,
         refresh: Duration = .milliseconds(100)) async throws {
        var configuration = WebServer.Configuration(interface: "127.0.0.1", port: 0)
        configure(&configuration)
        let pool = try SearcherPool(.init(location: index, workers: workers, refreshInterval: refresh))
        self.pool = pool
        let api = WebAPI(pool: pool, limits: configuration.limits, assets: try PageAssets.bundled())
        let box = LogBox()
        let server = WebServer(configuration: configuration, api: api, log: { box.append($0) })
        let (ports, continuation) = AsyncStream<Int>.makeStream()
        task = Task {
            defer { continuation.finish() }
            try await server.run(signals: false) { continuation.yield($0) }
        }
        var found: Int?
        for await port in ports { found = port; break }
        guard let found else {
            _ = try await task.value
            throw HTTPClient.HTTPClientError("the server stopped before it listened")
        }
        port = found
        logBox = box
    }

    private let logBox: LogBox

    /// The log lines written so far.
    var logLines: [String] { logBox.lines }

    func get(_ target: String, headers: [String: String] = [:]) async throws -> HTTPClient.Answer {
        try await HTTPClient.request(port: port, "GET", target, headers: headers)
    }

    func stop() async {
        task.cancel()
        _ = try? await task.value
        pool.closeAndWait()
    }
}

/// Collects log lines from the server's tasks.
final class LogBox: Sendable {
    private let store = Mutex<[String]>([])
    func append(_ line: String) { store.withLock { $0.append(line) } }
    var lines: [String] { store.withLock { $0 } }
}

/// The two seed press releases, indexed once per test run by the real CLI (the
/// server only reads it), off the cooperative pool.
func seedIndex(in directory: TemporaryDirectory) async throws -> IndexLocation {
    try await offThePool { try SeedIndex.shared.map { IndexLocation(option: $0) }.get() }
}

private enum SeedIndex {
    struct Failure: Error, CustomStringConvertible { var description: String }

    /// The index's path; made on first use, kept for the test process (removed by the system's temporary cleaning).
    static let shared: Result<String, Failure> = {
        let path = NSTemporaryDirectory() + "telusur-web-seeds-\(UUID().uuidString.prefix(8))"
        do {
            let result = try CommandRunner.run(["index", "--index", path, Repository.seeds])
            guard result.status == 0 else { return .failure(Failure(description: "indexing the seeds failed: \(result.stderr)")) }
            return .success(path)
        } catch {
            return .failure(Failure(description: "cannot run telusur index: \(error)"))
        }
    }()
}
