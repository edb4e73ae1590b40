import Foundation

/// The real `telusur` executable running in the background, for tests that kill it,
/// race it, or make it wait: output goes to files that can be read while it runs.
final class BackgroundProcess {
    let process = Process()
    private let outPath: String
    private let errPath: String

    /// Starts `telusur arguments...` (standard input empty).
    init(_ arguments: [String]) throws {
        let scratch = NSTemporaryDirectory() + "telusur-bg-" + UUID().uuidString
        outPath = scratch + ".out"
        errPath = scratch + ".err"
        _ = FileManager.default.createFile(atPath: outPath, contents: nil)
        _ = FileManager.default.createFile(atPath: errPath, contents: nil)
        process.executableURL = URL(fileURLWithPath: CommandRunner.executable)
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        environment.removeValue(forKey: "TELUSUR_INDEX")
        process.environment = environment
        process.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: outPath))
        process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: errPath))
        process.standardInput = FileHandle.nullDevice
        try process.run()
    }

    deinit {
        if process.isRunning { process.terminate() }
        try? FileManager.default.removeItem(atPath: outPath)
        try? FileManager.default.removeItem(atPath: errPath)
    }

    /// What it printed on standard output so far.
    var stdout: String { String(decoding: FileManager.default.contents(atPath: outPath) ?? Data(), as: UTF8.self) }
    /// What it printed on standard error so far.
    var stderr: String { String(decoding: FileManager.default.contents(atPath: errPath) ?? Data(), as: UTF8.self) }

    /// Sends SIGKILL (kill -9) and waits for it to be gone.
    /// - Returns: true when it was killed, false when it had already exited by itself.
    @discardableResult
    func kill9() -> Bool {
        _ = kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        return process.terminationReason == .uncaughtSignal
    }

    /// Waits for it to exit (at most `timeout` seconds, then kills it) and returns its status.
    func wait(timeout: Double = 60) -> Int32 {
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning, Date() < deadline { Thread.sleep(forTimeInterval: 0.01) }
        if process.isRunning { kill9() }
        process.waitUntilExit()
        return process.terminationStatus
    }

    /// Polls until `condition` holds or `timeout` seconds pass; returns whether it held.
    static func eventually(timeout: Double = 20, _ condition: () -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if condition() { return true }
            Thread.sleep(forTimeInterval: 0.02)
        }
        return condition()
    }
}
