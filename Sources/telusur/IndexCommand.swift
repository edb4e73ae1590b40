import ArgumentParser
import Foundation
import Telusur

/// `telusur index PATH...`
struct IndexCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "index",
        abstract: "Add articles to the index: JSON Lines (.jsonl, .jsonl.gz, - for stdin), .txt/.md, HTML, feeds, PDF, DOCX/ODT, directories, web addresses.",
        discussion: """
            Re-indexing an article replaces it; unchanged articles are skipped. Bad input is \
            reported with its file and line and skipped; everything else is indexed. \
            With --prune, articles read earlier from files under a PATH that no longer exist are removed afterwards.
            Formats are told apart by content first, name second. Every file not read is named with its reason.

            Exit status: 0 all indexed, 1 some input skipped or not read, 2 error (e.g. the index is locked by another writer: see --wait).
            """
    )

    @OptionGroup var indexOption: IndexOption
    @OptionGroup var lock: LockOption
    @OptionGroup var alerts: AlertOption

    @Flag(help: "After indexing, remove the articles read earlier from files under each PATH that no longer exist.")
    var prune = false

    @Option(help: "How to read the inputs: auto (by extension and content), jsonl or text.")
    var format: InputFormat = .auto

    @Option(help: "Commit after this many paragraphs (each commit is atomic).")
    var batch: Int = 20_000

    @Option(help: ArgumentHelp("Build a new index as N shards (DIR/shard-00… and DIR/shards.stub); an existing index keeps its number.", valueName: "N"))
    var shards: Int?

    @Flag(help: "Skip person and agency recognition (person:/agency: will find nothing in these articles).")
    var noEntities = false

    @Flag(help: "For a feed given by address, also fetch each item's page (the full text; the feed has the lead).")
    var follow = false
    @Flag(help: "Skip finding quotes and their speakers (said: and telusur quotes will find nothing in these articles).")
    var noQuotes = false

    @Flag(name: .shortAndLong, help: "Print only problems and errors.")
    var quiet = false

    @Option(help: "Show a progress line on standard error: auto (on a terminal, not with --quiet), always or never.")
    var progress: ColorChoice = .auto

    @Argument(help: ArgumentHelp("Files, directories or http(s) addresses (pages, feeds) to index; - reads JSON Lines from standard input.", valueName: "PATH"))
    var paths: [String]

    func validate() throws {
        guard batch > 0 else { throw ValidationError("--batch must be a positive number") }
        guard (shards ?? 1) >= 1 else { throw ValidationError("--shards must be 1 or more") }
    }

    /// How many problems of one file are printed before they are only counted.
    static let problemsShownPerFile = 20

    func run() throws {
        let clock = ContinuousClock()
        let start = clock.now
        let indexer = try lock.acquire {
            try Indexer(location: indexOption.location, options: Indexer.Options(batchDocuments: batch, recognizeEntities: !noEntities, shards: shards, extractQuotes: !noQuotes))
        }
        let firstBatch = indexer.batch
        var problems = 0
        var problemsByFile: [String: Int] = [:]
        let showProgress = progress == .always || (progress == .auto && !quiet && isatty(STDERR_FILENO) != 0)
        let meter = IndexingProgress()
        var lastDraw = clock.now
        var articlesSeen = 0
        var paragraphsSeen = 0
        func draw(final: Bool) {
            let elapsed = clock.now - start
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
            let line = meter.line(articles: articlesSeen, paragraphs: paragraphsSeen, seconds: seconds)
            FileHandle.standardError.write(Data(("\r\u{1B}[K" + line + (final ? "\n" : "")).utf8))
        }
        let reader = ArticleReader(paths: paths.filter { !WebReader.isAddress($0) }, format: format)
        let addresses = paths.filter(WebReader.isAddress)
        // One way to take an article and a problem, whether it came from a file or an address.
        func add(_ article: Article) throws {
            articlesSeen += 1
            paragraphsSeen += article.paragraphs.count
            if showProgress, (clock.now - lastDraw) > .milliseconds(Int(IndexingProgress.interval * 1000)) {
                draw(final: false)
                lastDraw = clock.now
            }
            do {
                try indexer.add(article)
            } catch IndexingError.idTooLong(let id) {
                problems += 1
                printError("telusur: " + IndexingError.idTooLong(article: id).description)
            }
        }
        func report(_ problem: IngestError) {
            problems += 1
            // A file of millions of bad lines: the first ones, then one count per file.
            let file = problem.location.path
            let seen = problemsByFile[file, default: 0] + 1
            problemsByFile[file] = seen
            if seen <= Self.problemsShownPerFile { printError("telusur: \(problem)") }
        }
        let summary = try reader.read(article: add, problem: report)
        if !addresses.isEmpty {
            // Validators for conditional requests live beside the index's files.
            let web = WebReader(addresses: addresses, follow: follow,
                                cachePath: indexOption.location.path + "/telusur-fetch.json")
            _ = try web.read(article: add, problem: report)
        }
        for (file, count) in problemsByFile.sorted(by: { $0.key < $1.key }) where count > Self.problemsShownPerFile {
            printError("telusur: \(file): \(count - Self.problemsShownPerFile) more problems like those above, not shown (\(count) in all)")
        }
        try indexer.commit()
        if showProgress { draw(final: true) }
        let pruned = prune ? try paths.filter { $0 != "-" }.flatMap { try indexer.prune(under: $0) } : []
        let seconds = Double((clock.now - start).components.attoseconds) / 1e18 + Double((clock.now - start).components.seconds)
        let totals = indexer.totals
        for skipped in summary.skipped {
            printError("telusur: \(skipped.path): not read, \(skipped.reason)")
        }
        if !quiet {
            let articles = totals.added + totals.replaced
            var line = "indexed \(articles) article\(articles == 1 ? "" : "s") (\(totals.paragraphs) paragraph\(totals.paragraphs == 1 ? "" : "s"))"
            line += ": \(totals.added) new, \(totals.replaced) replaced, \(totals.unchanged) unchanged"
            line += "; \(summary.files) file\(summary.files == 1 ? "" : "s") read"
            if summary.skippedFiles > 0 { line += ", \(summary.skippedFiles) not read (named above)" }
            line += "; \(problems) problem\(problems == 1 ? "" : "s")"
            if indexer.shardCount > 1 { line += "; \(indexer.shardCount) shards" }
            line += String(format: "; %.1f s", seconds)
            print(line)
            if prune { print("pruned \(pruned.count) article\(pruned.count == 1 ? "" : "s") whose files are gone") }
            let prunedKey = prune ? ", \"pruned\": \(pruned.count)" : ""
            print("{\"articles\": \(articles), \"paragraphs\": \(totals.paragraphs), \"unchanged\": \(totals.unchanged), \"problems\": \(problems), \"not_read\": \(summary.skippedFiles)\(prunedKey)}")
        }
        // What this run brought each saved search (nothing is marked read: `telusur alerts` does).
        if indexer.batch > firstBatch {
            alerts.report(AlertOption.reader(indexOption.location), batches: firstBatch...(indexer.batch - 1)) { line in
                if !quiet { print(line) }
            }
        }
        if problems > 0 || summary.skippedFiles > 0 { throw ExitCode(1) }
    }
}

extension InputFormat: ExpressibleByArgument {}
