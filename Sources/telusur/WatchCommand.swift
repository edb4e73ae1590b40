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
            """
    )

    @OptionGroup var indexOption: IndexOption
    @OptionGroup var lock: LockOption

    @Option(help: "How to read the inputs: auto (by content and name), jsonl or text.")
    var format: InputFormat = .auto

    @Flag(help: "Skip person and agency recognition.")
    var noEntities = false

    @Argument(help: ArgumentHelp("Files or directories to watch.", valueName: "PATH"))
    var paths: [String]

    func validate() throws {
        guard !paths.contains("-") else { throw ValidationError("watch reads files and directories, not standard input") }
    }

    func run() throws {
        StopSignal.install()
        let indexer = try lock.acquire {
            try Indexer(location: indexOption.location, options: Indexer.Options(recognizeEntities: !noEntities))
        }
        let watcher = IndexWatcher(paths: paths, format: format)
        // Unbuffered: each line is seen as it happens, also through a pipe.
        func print(_ line: String) {
            FileHandle.standardOutput.write(Data((line + "\n").utf8))
        }
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
                print("committed: \(indexed) indexed, \(removed) removed; watching \(paths.joined(separator: " "))".terminalSafe())
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
