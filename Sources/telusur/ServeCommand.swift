import ArgumentParser
import Dispatch
import Foundation
import Synchronization
import Telusur
import TelusurWeb

/// `telusur serve`
struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the search page and the JSON API over HTTP (read-only).",
        discussion: """
            Listens on 127.0.0.1:8080 unless told otherwise; any other interface needs --token.
            Logs one line per request to standard error; stops cleanly on Ctrl-C or SIGTERM.
            Example: telusur serve --index Index, then open http://127.0.0.1:8080/
            """
    )

    @OptionGroup var indexOption: IndexOption

    @Option(help: "The port to listen on (0: any free port, printed at start).")
    var port: Int = 8080

    @Option(help: "The address to listen on; anything but loopback requires --token.")
    var interface: String = "127.0.0.1"

    @Option(help: ArgumentHelp("A secret every API request must send as 'Authorization: Bearer SECRET' (default: $TELUSUR_TOKEN).", valueName: "SECRET"))
    var token: String?

    @Option(help: ArgumentHelp("Let pages of this one origin call the API (CORS); none by default.", valueName: "ORIGIN"))
    var cors: String?

    @Option(help: "Searchers (Xapian database handles): requests served at once.")
    var workers: Int = ProcessInfo.processInfo.activeProcessorCount * 2

    @Option(help: "Seconds one search may take before the request is answered 503.")
    var timeout: Int = 10

    @OptionGroup var shardOption: ShardOption

    func validate() throws {
        guard (1...256).contains(workers) else { throw ValidationError("--workers must be 1 to 256") }
        guard (1...3600).contains(timeout) else { throw ValidationError("--timeout must be 1 to 3600 seconds") }
    }

    func run() throws {
        var configuration = WebServer.Configuration(interface: interface, port: port,
                                                    token: token ?? ProcessInfo.processInfo.environment["TELUSUR_TOKEN"],
                                                    corsOrigin: cors)
        configuration.limits.searchTimeout = .seconds(timeout)
        do {
            try configuration.validate()
        } catch let error as WebError {
            throw CommandError(message: error.message)
        }
        let location = indexOption.location
        let pool: SearcherPool
        do {
            pool = try SearcherPool(.init(location: location, allowPartial: shardOption.allowPartial,
                                          allowPrograms: shardOption.allowProgramShards, workers: workers))
        } catch let error as WebError {
            throw CommandError(message: error.message)
        }
        let assets: PageAssets
        do {
            assets = try PageAssets.bundled()
        } catch let error as WebError {
            pool.close()
            throw CommandError(message: error.message)
        }
        let server = WebServer(configuration: configuration, api: WebAPI(pool: pool, limits: configuration.limits, assets: assets))
        // The root command is synchronous: the server runs on Swift's pool while this thread waits.
        let failure = Mutex<String?>(nil)
        let done = DispatchSemaphore(value: 0)
        let interface = self.interface
        let workers = self.workers
        Task {
            do {
                try await server.run { port in
                    let host = interface.contains(":") ? "[\(interface)]" : interface
                    printError("telusur: serving \(location.path) at http://\(host):\(port)/ (\(workers) searchers); Ctrl-C stops")
                }
            } catch {
                failure.withLock { $0 = "cannot serve on \(interface):\(port): \(error)" }
            }
            done.signal()
        }
        done.wait()
        pool.closeAndWait()
        if let message = failure.withLock({ $0 }) { throw CommandError(message: message) }
        printError("telusur: stopped")
    }
}
