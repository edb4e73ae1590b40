/// Keeps an index in step with files: indexes what is under the paths, then every
/// file added, changed or removed there, one commit per burst of changes
/// (`telusur watch`).
///
/// Ids are those `telusur index` gives (the path below the directory watched), so
/// a file changed is re-indexed in place and one removed takes its articles with
/// it (``Indexer/prune(under:)``). Searches and the REPL keep reading the index
/// meanwhile: each burst is one Xapian commit, which readers see whole or not at all.
public struct IndexWatcher {
    /// Something that happened, for the log.
    public enum Event: Sendable, Equatable {
        /// An article indexed (new or replaced) from a file.
        case indexed(id: String, paragraphs: Int, file: String?)
        /// An article whose content had not changed.
        case unchanged(id: String)
        /// An article removed because its file is gone.
        case removed(id: String, file: String)
        /// Input that could not be read (the message names the file).
        case problem(String)
        /// A file that was not read, and why.
        case notRead(SkippedFile)
        /// One burst committed: how many articles it indexed and removed.
        case committed(indexed: Int, removed: Int)
    }

    /// The files and directories watched.
    public var paths: [String]
    /// How files are parsed.
    public var format: InputFormat
    /// Feeds (or pages) polled by address, and how often; `nil` polls none.
    public var feeds: (reader: WebReader, every: Duration)?

    public init(paths: [String], format: InputFormat = .auto, feeds: (reader: WebReader, every: Duration)? = nil) {
        self.paths = paths
        self.format = format
        self.feeds = feeds
    }

    /// Indexes the paths, then follows them until `shouldStop` returns true; every
    /// burst is committed before the next is awaited, so a stop loses nothing
    /// committed and nothing of a burst half done is left uncommitted.
    /// - Parameters:
    ///   - indexer: The open index.
    ///   - log: Called for each event, in order.
    ///   - shouldStop: Polled about every 100 ms (a signal handler's flag).
    public func run(indexer: Indexer, log: (Event) -> Void, shouldStop: () -> Bool) throws {
        let watcher: FileWatcher
        do {
            // Watch before the first read, so that nothing written meanwhile is missed.
            watcher = try FileWatcher(roots: paths)
        } catch {
            throw IndexingError.maintenanceFailed(index: indexer.location.path, operation: "watching", reason: error.description)
        }
        var counts = try index(paths, indexer: indexer, log: log)
        for path in paths {
            for gone in try indexer.prune(under: path) {
                log(.removed(id: gone.id, file: gone.file))
                counts.removed += 1
            }
        }
        counts.indexed += try pollFeeds(indexer: indexer, log: log)
        try indexer.commit()
        log(.committed(indexed: counts.indexed, removed: counts.removed))
        let clock = ContinuousClock()
        var nextPoll = feeds.map { clock.now + $0.every }
        while !shouldStop() {
            let burst = watcher.nextBurst(shouldStop: { shouldStop() || nextPoll.map { clock.now >= $0 } == true })
            if let due = nextPoll, clock.now >= due, let every = feeds?.every {
                nextPoll = clock.now + every
                let indexed = try pollFeeds(indexer: indexer, log: log)
                try indexer.commit()
                if indexed > 0 { log(.committed(indexed: indexed, removed: 0)) }
            }
            guard !burst.isEmpty else { continue }
            var counts = (indexed: 0, removed: 0)
            // Removed within the batch, committed with the rest of the burst.
            for path in burst.removed.sorted() {
                for gone in try indexer.goneArticles(under: path) where try indexer.remove(id: gone.id) {
                    log(.removed(id: gone.id, file: gone.file))
                    counts.removed += 1
                }
            }
            let changed = try index(burst.changed.sorted(), indexer: indexer, log: log)
            counts.indexed += changed.indexed
            try indexer.commit()
            log(.committed(indexed: counts.indexed, removed: counts.removed))
        }
    }

    /// Fetches the feeds once (only what changed, by conditional requests) and adds
    /// their articles; the caller commits.
    private func pollFeeds(indexer: Indexer, log: (Event) -> Void) throws -> Int {
        guard let feeds else { return 0 }
        var indexed = 0
        _ = try feeds.reader.read(article: { article in
            if try Self.add(article, file: article.url, to: indexer, log: log) { indexed += 1 }
        }, problem: { log(.problem($0.description)) })
        return indexed
    }

    /// Adds one article and logs it; true when it was new or changed.
    private static func add(_ article: Article, file: String?, to indexer: Indexer, log: (Event) -> Void) throws -> Bool {
        do {
            if try indexer.add(article) == .unchanged {
                log(.unchanged(id: article.id))
                return false
            }
            log(.indexed(id: article.id, paragraphs: article.paragraphs.count, file: file))
            return true
        } catch IndexingError.idTooLong(let id) {
            log(.problem(IndexingError.idTooLong(article: id).description))
            return false
        }
    }

    private func index(_ files: [String], indexer: Indexer, log: (Event) -> Void) throws -> (indexed: Int, removed: Int) {
        guard !files.isEmpty else { return (0, 0) }
        var reader = ArticleReader(paths: files, format: format)
        reader.idRoots = paths
        var indexed = 0
        let summary = try reader.read(article: { article in
            if try Self.add(article, file: article.origin, to: indexer, log: log) { indexed += 1 }
        }, problem: { log(.problem($0.description)) })
        for skipped in summary.skipped { log(.notRead(skipped)) }
        return (indexed, 0)
    }
}
