import ArgumentParser
import Foundation
import Synchronization
import Telusur

/// `telusur watch PATH...`
struct WatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "watch",
        abstract: "Index PATHs, then every file added, changed or removed under them, as it happens.",
        discussion: """
            One commit per burst of changes; a log line per article. Searches and the REPL can run meanwhile.
            Ctrl-C or SIGTERM stops after the burst in hand is committed. Uses inotify on Linux, polling elsewhere.
            --feeds FILE polls feed addresses every --every minutes the same way.
            """
    )

    @OptionGroup var indexOption: IndexOption
    @OptionGroup var lock: LockOption
    @OptionGroup var alerts: AlertOption

    @Option(help: "How to read the inputs: auto (by content and name), jsonl or text.")
    var format: InputFormat = .auto

    @Flag(help: "Skip person and agency recognition.")
    var noEntities = false

    @Option(help: ArgumentHelp("Also poll the feed (or page) addresses in FILE, one a line (# comments), see --every.", valueName: "FILE"))
    var feeds: String?

    @Option(help: ArgumentHelp("Minutes between two polls of the --feeds (conditional requests: only what changed is fetched).", valueName: "MINUTES"))
    var every: Double = 15

    @Flag(help: "For each feed item, also fetch its page (the full text).")
    var follow = false

    @Argument(help: ArgumentHelp("Files or directories to watch.", valueName: "PATH"))
    var paths: [String] = []

    func validate() throws {
        guard !paths.contains("-") else { throw ValidationError("watch reads files and directories, not standard input") }
        guard !paths.isEmpty || feeds != nil else { throw ValidationError("give PATHs to watch, or --feeds FILE") }
        guard every > 0 else { throw ValidationError("--every must be a positive number of minutes") }
    }

    /// The addresses listed in the --feeds file.
    private func feedAddresses() throws -> [String] {
        guard let feeds else { return [] }
        guard let text = try? String(contentsOfFile: feeds, encoding: .utf8) else {
            throw CommandError(message: "\(feeds): cannot be read; give a text file with one feed address a line")
        }
        var addresses: [String] = []
        for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let address = line.trimmingCharacters(in: .whitespaces)
            if address.isEmpty || address.hasPrefix("#") { continue }
            guard WebReader.isAddress(address) else {
                throw CommandError(message: "\(feeds):\(number + 1): \"\(address)\" is not an http(s) address; write one address a line")
            }
            addresses.append(address)
        }
        return addresses
    }

    func run() throws {
        StopSignal.install()
        let indexer = try lock.acquire {
            try Indexer(location: indexOption.location, options: Indexer.Options(recognizeEntities: !noEntities))
        }
        let addresses = try feedAddresses()
        let feedReader = addresses.isEmpty ? nil : WebReader(
            addresses: addresses, follow: follow, cachePath: indexOption.location.path + "/telusur-fetch.json")
        let watcher = IndexWatcher(paths: paths, format: format,
                                   feeds: feedReader.map { ($0, Duration.milliseconds(Int(every * 60_000))) })
        // Unbuffered: each line is seen as it happens, also through a pipe.
        func print(_ line: String) {
            FileHandle.standardOutput.write(Data((line + "\n").utf8))
        }
        // The batches of each burst, for its alert lines.
        var firstBatch = indexer.batch
        var alertReader: AlertReader?
        try watcher.run(indexer: indexer, log: { event in
            switch event {
            case .indexed(let id, let paragraphs, let file):
                print("indexed \(id) (\(paragraphs) paragraph\(paragraphs == 1 ? "" : "s"))\(file.map { " from \($0)" } ?? "")".terminalSafe())
            case .unchanged(let id):
                print("unchanged \(id)".terminalSafe())
            case .removed(let id, let file):
                print("removed \(id) (\(file) is gone)".terminalSafe())
            case .problem(let message):
                printError("telusur: \(message)")
            case .notRead(let skipped):
                printError("telusur: \(skipped.path): not read, \(skipped.reason)")
            case .committed(let indexed, let removed):
                print("committed: \(indexed) indexed, \(removed) removed; watching \((paths + addresses).joined(separator: " "))".terminalSafe())
                if indexer.batch > firstBatch {
                    // Opened once there are alerts; kept, and refreshed by each read.
                    if alertReader == nil { alertReader = AlertOption.reader(indexOption.location) }
                    alerts.report(alertReader, batches: firstBatch...(indexer.batch - 1), print: print)
                    firstBatch = indexer.batch
                }
            }
        }, shouldStop: { StopSignal.isSet })
        print("stopped; everything indexed is committed")
    }
}

/// SIGINT and SIGTERM set a flag that `watch` polls, so it stops between bursts.
enum StopSignal {
    private static let flag = Atomic<Bool>(false)

    static func install() {
        _ = flag.load(ordering: .relaxed)
        signal(SIGINT) { _ in StopSignal.flag.store(true, ordering: .relaxed) }
        signal(SIGTERM) { _ in StopSignal.flag.store(true, ordering: .relaxed) }
        var signals = sigset_t()
        sigemptyset(&signals)
        sigaddset(&signals, SIGINT)
        sigaddset(&signals, SIGTERM)
        sigprocmask(SIG_UNBLOCK, &signals, nil)
    }

    static var isSet: Bool { flag.load(ordering: .relaxed) }
}
