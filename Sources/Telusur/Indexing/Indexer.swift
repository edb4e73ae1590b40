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
    private let tokenizer = Tokenizer()
    private let recognizer: EntityRecognizer
    private let quoteExtractor: QuoteExtractor
    private var inTransaction = false
    private var pending = 0
    /// True while the index held nothing when opened and no id was seen twice: then
    /// there is nothing to replace and the lookups can be skipped.
    private var startedEmpty: Bool
    private var seen = Set<String>()
    private var termBytes: [UInt8] = []
    private var termLengths: [UInt32] = []
    private var termPositions: [UInt32] = []
    /// Words of the current batch and their counts, for Xapian's spelling data.
    private var spelling: [String: UInt32] = [:]
    private var articleWords = Set<[UInt8]>()

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
        spelling.removeAll()
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
            try write(article, hash: hash, articleTerm: articleTerm, to: writer)
            if outcome == .added { totals.added += 1 } else { totals.replaced += 1 }
            totals.paragraphs += article.paragraphs.count
            pending += article.paragraphs.count + 1
            if pending >= options.batchDocuments { try commit() }
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

    /// Commits what is pending (`commit_transaction`) and records the time of the update;
    /// on a sharded index, every shard in turn.
    public func commit() throws {
        guard inTransaction else { return }
        do {
            let stamp = ISO8601DateFormatter().string(from: Date())
            for writer in writers {
                // Xapian's spelling data ("did you mean"), one call per distinct word of the
                // batch, into every shard: Xapian 1.4's remote backend carries no spelling
                // data, so each shard holds all of it and any local one gives the
                // suggestions of one database (Xapian sums frequencies over shards, which
                // scales them all alike).
                for (word, count) in spelling { try writer.addSpelling(word, frequency: count) }
                try writer.setMetadata(stamp, for: Schema.lastUpdateKey)
                try writer.commit()
            }
            spelling.removeAll(keepingCapacity: true)
            inTransaction = false
            pending = 0
            totals.commits += 1
        } catch let error as XapianError {
            cancelBatch()
            throw IndexingError.writeFailed(index: location.path, article: nil, reason: error)
        }
    }

    /// Longest article id, in UTF-8 bytes, that leaves room in Xapian's 245-byte term
    /// limit for the prefixes and paragraph number of the unique term.
    public static let maxIdBytes = 200

    // MARK: - documents

    private func write(_ article: Article, hash: String, articleTerm: String, to writer: XapianWriter) throws {
        let record = ArticleRecord(article)
        let shared = sharedTerms(of: article, articleTerm: articleTerm)
        let entities = options.recognizeEntities
            ? recognizer.recognize([article.title] + article.paragraphs.map(\.text))
            : Array(repeating: ParagraphEntities(), count: article.paragraphs.count + 1)
        let quotes = options.recognizeEntities && options.extractQuotes ? Self.quotesByParagraph(of: article, entities: entities, extractor: quoteExtractor) : [:]
        let persons = Self.union(entities.map(\.persons))
        let agencies = Self.union(entities.map(\.agencies))
        let facets = facetValues(of: article, persons: persons, agencies: agencies)
        // One pass over the article's words: its fingerprint and its distinct words.
        let fingerprint = scanArticleWords(article)
        let group = try fingerprint.map { try nearDuplicateGroup(of: $0) ?? article.id } ?? article.id

        let title = try XapianDocument()
        try addText(article.title, to: title, prefixes: ["", Schema.titlePrefix])
        try addArticleWords(to: title)
        for term in shared { try title.addTerm(term) }
        try addEntities(entities[0], to: title)
        for person in persons { try title.addTerm(Schema.articlePersonPrefix + person) }
        for agency in agencies { try title.addTerm(Schema.articleAgencyPrefix + agency) }
        if let fingerprint {
            for band in fingerprint.bands { try title.addTerm(Schema.fingerprintBandPrefix + band) }
            try title.setValue(fingerprint.hex + " " + group, slot: Schema.fingerprintSlot)
        }
        try title.addTerm(Schema.term(Schema.groupPrefix, group))
        try title.addTerm(Schema.titleDocumentTerm)
        try title.addTerm(Schema.paragraphTerm(article: article.id, number: 0))
        if let origin = article.origin.flatMap(Self.originTerm) { try title.addTerm(origin) }
        try setValues(of: title, article: article, paragraph: 0, facets: facets, group: group)
        try title.setValue(hash, slot: Schema.hashSlot)
        try title.setData(try record.encoded())
        try writer.add(title)

        for (paragraph, found) in zip(article.paragraphs, entities.dropFirst()) {
            let document = try XapianDocument()
            try addText(paragraph.text, to: document, prefixes: [""])
            for term in shared { try document.addTerm(term) }
            try addEntities(found, to: document)
            if let quoted = quotes[paragraph.number] { try addQuotes(quoted, of: paragraph, to: document) }
            try document.addTerm(Schema.paragraphTerm(article: article.id, number: paragraph.number))
            try setValues(of: document, article: article, paragraph: paragraph.number, facets: facets, group: group)
            try document.setData(paragraph.text)
            try writer.add(document)
        }
    }

    /// Collects every distinct word of the article (title and paragraphs) for
    /// ``addArticleWords(to:)``, and returns the SimHash of the paragraphs (the title left
    /// out: outlets rewrite headlines), or nil when they are too short to judge.
    private func scanArticleWords(_ article: Article) -> SimHash? {
        articleWords.removeAll(keepingCapacity: true)
        var builder = SimHash.Builder()
        tokenizer.forEachToken(in: article.title) { bytes, _, _, _ in articleWords.insert(Array(bytes)) }
        for paragraph in article.paragraphs {
            tokenizer.forEachToken(in: paragraph.text) { bytes, _, _, kind in
                articleWords.insert(Array(bytes))
                if kind != .compound { builder.add(termBytes: bytes) }
            }
        }
        return builder.finish()
    }

    /// The words ``scanArticleWords(_:)`` collected, once each, on the title document:
    /// the term frequency of "W" + word is then the exact number of articles that
    /// contain the word, so a one-word query is counted without a match.
    private func addArticleWords(to document: XapianDocument) throws {
        termBytes.removeAll(keepingCapacity: true)
        termLengths.removeAll(keepingCapacity: true)
        let prefix = Array(Schema.articleWordPrefix.utf8)
        for word in articleWords {
            termBytes.append(contentsOf: prefix)
            termBytes.append(contentsOf: word)
            termLengths.append(UInt32(prefix.count + word.count))
        }
        if !termLengths.isEmpty { try document.addTerms(bytes: termBytes, lengths: termLengths) }
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
                    guard let space = value.firstIndex(of: " "), let other = SimHash(hex: value[..<space]) else { continue }
                    let distance = fingerprint.distance(to: other)
                    let group = String(value[value.index(after: space)...])
                    if distance <= SimHash.threshold, best.map({ distance < $0.distance || (distance == $0.distance && group < $0.group) }) ?? true {
                        best = (distance, group)
                    }
                }
            }
        }
        return best?.group
    }

    private func addEntities(_ entities: ParagraphEntities, to document: XapianDocument) throws {
        for person in entities.persons { try document.addTerm(Schema.personPrefix + person) }
        for agency in entities.agencies { try document.addTerm(Schema.agencyPrefix + agency) }
    }

    /// Each value once, in first-seen order.
    private static func union(_ lists: [[String]]) -> [String] {
        var seen = Set<String>()
        return lists.joined().filter { seen.insert($0).inserted }
    }

    /// The article's facet values, stored on every document (see ``Schema/facetSlot``):
    /// first the article itself, so the string is one of a kind per article.
    private func facetValues(of article: Article, persons: [String], agencies: [String]) -> String {
        var values: [String] = [Schema.facetArticlePrefix + article.id]
        if let source = article.source, !source.isEmpty { values.append("s:" + source.lowercased()) }
        if let date = article.date, date.utf8.count == 10 {
            values.append("y:" + date.prefix(4))
            values.append("m:" + date.prefix(7))
            values.append("d:" + date)
        }
        values += persons.map { "p:" + $0 }
        values += agencies.filter { !$0.contains("@") }.map { "g:" + $0 }
        return values.joined(separator: String(Schema.facetSeparator))
    }

    /// Boolean terms every document of the article carries: its id and source. (Dates
    /// are filtered through the date value slot, so they need no terms.)
    private func sharedTerms(of article: Article, articleTerm: String) -> [String] {
        var terms = [articleTerm]
        if let source = article.source, !source.isEmpty {
            // A "source" longer than a term can be (Xapian's 245 bytes) would fail the whole
            // batch; such an article is indexed without a source: term (the value is kept).
            let term = Schema.sourceTerm(source)
            if term.utf8.count <= Self.maxTermBytes { terms.append(term) }
        }
        return terms
    }

    private func setValues(of document: XapianDocument, article: Article, paragraph: Int, facets: String,
                           group: String) throws {
        try document.setValue(facets, slot: Schema.facetSlot)
        try document.setValue(group, slot: Schema.groupSlot)
        try document.setValue(article.id, slot: Schema.articleSlot)
        try document.setValue(article.date ?? "", slot: Schema.dateSlot)
        try document.setValue(Schema.orderValue(date: article.date, id: article.id), slot: Schema.orderSlot)
        try document.setValue(Schema.oldestFirstValue(date: article.date, id: article.id), slot: Schema.oldestFirstSlot)
        try document.setValue(String(paragraph), slot: Schema.paragraphSlot)
        if let source = article.source { try document.setValue(source, slot: Schema.sourceSlot) }
    }

    /// Tokenizes `text` and adds each term at its position once per prefix, in one shim call.
    private func addText(_ text: String, to document: XapianDocument, prefixes: [String]) throws {
        termBytes.removeAll(keepingCapacity: true)
        termLengths.removeAll(keepingCapacity: true)
        termPositions.removeAll(keepingCapacity: true)
        for prefix in prefixes {
            let prefixBytes = Array(prefix.utf8)
            tokenizer.forEachToken(in: text) { bytes, position, _, kind in
                if prefix.isEmpty, kind == .word, bytes.count >= 3, bytes.count <= 40 {
                    spelling[String(decoding: bytes, as: UTF8.self), default: 0] += 1
                }
                termBytes.append(contentsOf: prefixBytes)
                termBytes.append(contentsOf: bytes)
                termLengths.append(UInt32(prefixBytes.count + bytes.count))
                termPositions.append(UInt32(clamping: position))
            }
        }
        if !termLengths.isEmpty {
            try document.addPostings(bytes: termBytes, lengths: termLengths, positions: termPositions)
        }
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
