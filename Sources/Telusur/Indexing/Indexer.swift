import Foundation

/// Writes articles into the index, one Xapian document per paragraph, in atomic batches.
///
/// Re-adding an article replaces it: its old paragraphs are deleted by the article
/// term (`XA<id>`) and the new ones added, so no paragraph is duplicated and none it
/// no longer has survives. An article whose content hash is unchanged is skipped.
/// Owns the Xapian write lock until it is deallocated.
///
/// A sharded index (``Options/shards``, or an index whose stub lists several local
/// databases) has one writer per shard: an article goes to the shard ``ShardRouter``
/// picks from its id, and near-duplicates are looked up in every shard. A commit
/// commits every shard in turn; each shard is always consistent on its own, but a
/// crash between two shards' commits leaves the ones already committed a batch ahead
/// (re-running the same input repairs it: unchanged articles are skipped).
public final class Indexer {
    /// What happened to one article.
    public enum Outcome: Sendable, Equatable {
        /// New to the index.
        case added
        /// It was in the index with other content, and was replaced.
        case replaced
        /// It was in the index with the same content: nothing written.
        case unchanged
    }

    /// Running totals of an indexing run.
    public struct Totals: Sendable, Equatable {
        public var added = 0
        public var replaced = 0
        public var unchanged = 0
        /// Paragraphs written (titles not counted).
        public var paragraphs = 0
        /// Batches committed.
        public var commits = 0
    }

    /// Tuning.
    public struct Options: Sendable {
        /// Commit after this many documents (paragraphs and titles) are pending.
        public var batchDocuments: Int
        /// Recognise persons and agencies (on by default; off only to measure its cost
        /// or for an archive that never needs `person:`/`agency:`).
        public var recognizeEntities: Bool
        /// How many shards a new index gets (nil: one database, or as many as an
        /// existing index has); an existing index with another number is an error.
        public var shards: Int?
        /// Find quotes and their speakers (`said:`, `telusur quotes`); needs ``recognizeEntities``.
        public var extractQuotes: Bool
        public init(batchDocuments: Int = 20_000, recognizeEntities: Bool = true, shards: Int? = nil, extractQuotes: Bool = true) {
            self.batchDocuments = batchDocuments
            self.recognizeEntities = recognizeEntities
            self.shards = shards
            self.extractQuotes = extractQuotes
        }
    }

    /// The index being written.
    public let location: IndexLocation
    /// What was done so far.
    public private(set) var totals = Totals()

    /// One writer per shard, in routing order (one for an unsharded index).
    private let writers: [XapianWriter]
    /// The database directories the writers write, in routing order.
    let shardPaths: [String]
    private let router: ShardRouter
    private let options: Options
    private let recognizer: EntityRecognizer
    private let quoteExtractor: QuoteExtractor
    private var inTransaction = false
    private var pending = 0
    /// True while the index held nothing when opened and no id was seen twice: then
    /// there is nothing to replace and the lookups can be skipped.
    private var startedEmpty: Bool
    private var seen = Set<String>()
    /// Builds every document: terms, values, records (and the batch's spelling words).
    private var codec = DocumentCodec()
    /// The number of the batch being written: one more than the last committed one
    /// (``Schema/batchKey``, the highest over the shards), raised at each commit.
    public private(set) var batch = 1

    /// Opens (or creates) the index for writing.
    ///
    /// - Throws: ``IndexingError/locked(index:)`` when another process is writing it;
    ///   ``IndexingError/shardCountMismatch(index:existing:requested:)`` when
    ///   ``Options/shards`` differs from what the index has.
    public init(location: IndexLocation, options: Options = Options()) throws {
        self.location = location
        self.options = options
        switch EntityLexicon.shared {
        case .success(let lexicon): recognizer = EntityRecognizer(lexicon: lexicon)
        case .failure(let error): throw IndexingError.entityData(error)
        }
        quoteExtractor = QuoteExtractor(recognizer: recognizer)
        let layout = try ShardLayout(location: location, requested: options.shards)
        shardPaths = layout.paths
        var opened: [XapianWriter] = []
        var path = location.path
        do {
            for shard in layout.paths {
                path = shard
                try FileManager.default.createDirectory(atPath: shard, withIntermediateDirectories: true)
                opened.append(try XapianWriter(path: shard))
            }
            writers = opened
            startedEmpty = try opened.allSatisfy { try $0.documentCount() == 0 }
            // Read through a reader of each shard (the writer has no metadata lookup):
            // the writers hold the lock, so no other commit moves the counter meanwhile.
            var committed = 0
            for shard in layout.paths {
                path = shard
                let value = try XapianDatabase(paths: [shard]).metadata(Schema.batchKey)
                committed = max(committed, DocumentCodec.batchNumber(value))
            }
            batch = committed + 1
            if startedEmpty { for writer in opened { try writer.setMetadata(Schema.version, for: Schema.versionKey) } }
        } catch let error as XapianError {
            if error.kind == .databaseLocked { throw IndexingError.lockFailure(index: path) }
            throw IndexingError.cannotOpen(index: path, reason: error)
        }
        // The stub last, once every shard exists: a reader never sees a shard that is not there.
        try layout.writeStubIfNew()
        router = ShardRouter(count: opened.count)
    }

    deinit {
        if inTransaction { for writer in writers { try? writer.cancel() } }
    }

    /// How many shards the index has (1 when it is one database).
    public var shardCount: Int { writers.count }

    /// Starts a batch on every shard (`begin_transaction`).
    private func beginIfNeeded() throws {
        guard !inTransaction else { return }
        do {
            for writer in writers { try writer.begin() }
        } catch {
            for writer in writers { try? writer.cancel() }
            throw error
        }
        inTransaction = true
    }

    /// Abandons the batch on every shard.
    private func cancelBatch() {
        for writer in writers { try? writer.cancel() }
        inTransaction = false
        pending = 0
        _ = codec.takeSpelling()
    }

    /// Adds or replaces one article. Commits when the batch is full.
    ///
    /// - Throws: ``IndexingError/idTooLong(article:)`` for an id Xapian cannot hold (the
    ///   article is skipped, the batch goes on); ``IndexingError/writeFailed(index:article:reason:)``
    ///   when Xapian fails (the batch is rolled back).
    @discardableResult
    public func add(_ article: Article) throws -> Outcome {
        // Every input ends here: no paragraph too long to index cheaply, no article of
        // more documents than a batch should hold.
        let article = article.boundedForIndexing()
        guard article.id.utf8.count <= Self.maxIdBytes else {
            throw IndexingError.idTooLong(article: article.id)
        }
        do {
            try beginIfNeeded()
            let writer = writers[router.shard(for: article.id)]
            let hash = Self.contentHash(article)
            let articleTerm = Schema.articleTerm(article.id)
            var outcome = Outcome.added
            let firstTime = seen.insert(article.id).inserted
            if !(startedEmpty && firstTime) {
                if let stored = try writer.firstValue(term: articleTerm, slot: Schema.hashSlot) {
                    if stored == hash {
                        totals.unchanged += 1
                        return .unchanged
                    }
                    try writer.delete(term: articleTerm)
                    outcome = .replaced
                }
            }
            try write(article, hash: hash, to: writer)
            if outcome == .added { totals.added += 1 } else { totals.replaced += 1 }
            totals.paragraphs += article.paragraphs.count
            pending += article.paragraphs.count + 1
            if pending >= options.batchDocuments { try commitBatch() }
            return outcome
        } catch let error as XapianError {
            if inTransaction { cancelBatch() }
            throw IndexingError.writeFailed(index: location.path, article: article.id, reason: error)
        }
    }

    /// Removes an article; returns false when the index did not have it.
    @discardableResult
    public func remove(id: String) throws -> Bool {
        do {
            try beginIfNeeded()
            let writer = writers[router.shard(for: id)]
            let removed = try writer.delete(term: Schema.articleTerm(id)) > 0
            if removed { pending += 1 }
            return removed
        } catch let error as XapianError {
            throw IndexingError.writeFailed(index: location.path, article: id, reason: error)
        }
    }

    /// Commits what is pending, then writes the index's summary (``IndexSummary``: what
    /// `stats`, `persons` and `agencies` read) when what was committed changed it. Call
    /// it at the end of a run; batches in between commit on their own.
    public func commit() throws {
        try commitBatch()
        do {
            let lexicon = try? EntityLexicon.shared.get()  // loaded already: the recognizer uses it
            try IndexSummary.write(paths: shardPaths, to: writers[0]) { lexicon?.agencyName($0) ?? $0 }
        } catch let error as XapianError {
            throw IndexingError.writeFailed(index: location.path, article: nil, reason: error)
        }
    }

    /// Commits what is pending (`commit_transaction`) and records the time of the update;
    /// on a sharded index, every shard in turn.
    private func commitBatch() throws {
        guard inTransaction else { return }
        do {
            let stamp = ISO8601DateFormatter().string(from: Date())
            let spelling = codec.takeSpelling()
            for writer in writers {
                // Xapian's spelling data ("did you mean"), one call per distinct word of the
                // batch, into every shard: Xapian 1.4's remote backend carries no spelling
                // data, so each shard holds all of it and any local one gives the
                // suggestions of one database (Xapian sums frequencies over shards, which
                // scales them all alike).
                for (word, count) in spelling { try writer.addSpelling(word, frequency: count) }
                try writer.setMetadata(stamp, for: Schema.lastUpdateKey)
                // The batch counter and its time on every shard, in the same commit as
                // the documents that carry the number.
                try writer.setMetadata(DocumentCodec.batchValue(batch), for: Schema.batchKey)
                try writer.setMetadata(stamp, for: Schema.batchTimeKey(batch))
                try writer.commit()
            }
            inTransaction = false
            pending = 0
            totals.commits += 1
            batch += 1
        } catch let error as XapianError {
            cancelBatch()
            throw IndexingError.writeFailed(index: location.path, article: nil, reason: error)
        }
    }

    /// Longest article id, in UTF-8 bytes, that leaves room in Xapian's 245-byte term
    /// limit for the prefixes and paragraph number of the unique term.
    public static let maxIdBytes = 200

    // MARK: - documents

    /// Analyses the article (entities, quotes, fingerprint, near-duplicate group) and
    /// writes the documents ``DocumentCodec`` makes of it.
    private func write(_ article: Article, hash: String, to writer: XapianWriter) throws {
        let entities = options.recognizeEntities
            ? recognizer.recognize([article.title] + article.paragraphs.map(\.text))
            : Array(repeating: ParagraphEntities(), count: article.paragraphs.count + 1)
        let quotes = options.recognizeEntities && options.extractQuotes ? Self.quotesByParagraph(of: article, entities: entities, extractor: quoteExtractor) : [:]
        // One pass over the article's words: its fingerprint and its distinct words.
        let fingerprint = codec.scanWords(of: article)
        let group = try fingerprint.map { try nearDuplicateGroup(of: $0) ?? article.id } ?? article.id
        let analysis = DocumentCodec.Analysis(entities: entities, quotes: quotes, fingerprint: fingerprint, group: group,
                                              hash: hash, batch: batch)
        for document in try codec.documents(for: article, analysis: analysis) { try writer.add(document) }
    }

    /// The group of an indexed article whose fingerprint is within ``SimHash/threshold``
    /// bits of `fingerprint`, found through the band terms of every shard (a copy may be
    /// in any of them); nil when there is none.
    private func nearDuplicateGroup(of fingerprint: SimHash) throws -> String? {
        var best: (distance: Int, group: String)?
        for band in fingerprint.bands {
            for writer in writers {
                let term = Schema.fingerprintBandPrefix + band
                for (value, _) in try writer.values(term: term, slot: Schema.fingerprintSlot, limit: 200) {
                    guard let (other, group) = DocumentCodec.fingerprint(in: value) else { continue }
                    let distance = fingerprint.distance(to: other)
                    if distance <= SimHash.threshold, best.map({ distance < $0.distance || (distance == $0.distance && group < $0.group) }) ?? true {
                        best = (distance, group)
                    }
                }
            }
        }
        return best?.group
    }

    /// A stable 64-bit FNV-1a hash of everything stored about the article, as hex.
    /// (Swift's `Hasher` is seeded per process, so it cannot be stored.)
    static func contentHash(_ article: Article) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        func mix(_ string: String?) {
            for byte in (string ?? "\u{0}").utf8 {
                hash ^= UInt64(byte)
                hash &*= 0x0000_0100_0000_01b3
            }
            hash ^= 0x1f
            hash &*= 0x0000_0100_0000_01b3
        }
        mix(article.title)
        mix(article.date)
        mix(article.source)
        mix(article.url)
        for paragraph in article.paragraphs { mix(paragraph.text) }
        // Where it was read from counts too, so that a moved article gets its new origin term.
        if let origin = article.origin { mix(origin) }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
