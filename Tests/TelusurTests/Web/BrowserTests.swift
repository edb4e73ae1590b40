import Foundation
import Testing
@testable import Telusur
@testable import TelusurWeb

/// Where Debian's Chromium is, if installed.
private let chromium: String? = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].first { FileManager.default.isExecutableFile(atPath: $0) }

/// The page in headless Chromium (`Tests/Browser/page_test.py`, DevTools protocol over
/// a pipe), on a real server over the seeds: the search of "zero konflik" finds both
/// releases with the phrase highlighted; a typed query and a facet click update the
/// query, the URL and the totals; Back returns. CI installs Chromium (`.ci/run`).
@Suite("Browser")
struct BrowserTests {
    @Test("the page in headless Chromium: the seed search, then typing and a facet",
          .enabled(if: chromium != nil, "chromium is not installed here (apt-get install chromium); CI installs it"))
    func page() async throws {
        let directory = TemporaryDirectory()
        let server = try await WebServerHarness(index: try await seedIndex(in: directory))
        let base = "http://127.0.0.1:\(server.port)"
        // TELUSUR_SCREENSHOTS=DIR keeps the screenshots (README's come from here).
        let shots = ProcessInfo.processInfo.environment["TELUSUR_SCREENSHOTS"]
        let script = Repository.root + "/Tests/Browser/page_test.py"
        var arguments = [script, "--base", base, "--chromium", chromium ?? "chromium"]
        if let shots { arguments += ["--screenshots", shots] }
        let command = ["python3"] + arguments
        let run = try await offThePool { () throws -> (Int32, String) in
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = command
            let out = Pipe()
            process.standardOutput = out
            process.standardError = out
            try process.run()
            let data = out.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            return (process.terminationStatus, String(decoding: data, as: UTF8.self))
        }
        await server.stop()
        #expect(run.0 == 0, "\(run.1)")
        #expect(run.1.contains("ok   search_page"))
        #expect(run.1.contains("ok   type_and_facet"))
    }
}
