import Foundation

/// Writes articles into the index, one Xapian document per paragraph, in atomic batches.
///
/// Re-adding an article replaces it: its old paragraphs are deleted by the article
/// term (`XA<id>`) and the new ones added, so no paragraph is duplicated and none it
/// no longer has survives. An article whose content hash is unchanged is skipped.
/// Owns the Xapian write lock until it is deallocated.
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
        public init(batchDocuments: Int = 20_000) { self.batchDocuments = batchDocuments }
    }

    /// The index being written.
    public let location: IndexLocation
    /// What was done so far.
    public private(set) var totals = Totals()

    private let writer: XapianWriter
    private let options: Options
    private let tokenizer = Tokenizer()
    private var inTransaction = false
    private var pending = 0
    /// True while the index held nothing when opened and no id was seen twice: then
    /// there is nothing to replace and the lookups can be skipped.
    private var startedEmpty: Bool
    private var seen = Set<String>()
    private var termBytes: [UInt8] = []
    private var termLengths: [UInt32] = []
    private var termPositions: [UInt32] = []

    /// Opens (or creates) the index for writing.
    ///
    /// - Throws: ``IndexingError/locked(index:)`` when another process is writing it.
    public init(location: IndexLocation, options: Options = Options()) throws {
        self.location = location
        self.options = options
        do {
            try FileManager.default.createDirectory(atPath: location.path, withIntermediateDirectories: true)
            writer = try XapianWriter(path: location.path)
            startedEmpty = try writer.documentCount() == 0
            if startedEmpty { try writer.setMetadata(Schema.version, for: Schema.versionKey) }
        } catch let error as XapianError {
            if error.kind == .databaseLocked { throw IndexingError.locked(index: location.path) }
            throw IndexingError.cannotOpen(index: location.path, reason: error)
        }
    }

    deinit {
        if inTransaction { try? writer.cancel() }
    }

    /// Adds or replaces one article. Commits when the batch is full.
    ///
    /// - Throws: ``IndexingError/idTooLong(article:)`` for an id Xapian cannot hold (the
    ///   article is skipped, the batch goes on); ``IndexingError/writeFailed(index:article:reason:)``
    ///   when Xapian fails (the batch is rolled back).
    @discardableResult
    public func add(_ article: Article) throws -> Outcome {
        guard article.id.utf8.count <= Self.maxIdBytes else {
            throw IndexingError.idTooLong(article: article.id)
        }
        do {
            if !inTransaction {
                try writer.begin()
                inTransaction = true
            }
            let hash = Self.contentHash(article)
            let articleTerm = Schema.term(Schema.articlePrefix, article.id)
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
            try write(article, hash: hash, articleTerm: articleTerm)
            if outcome == .added { totals.added += 1 } else { totals.replaced += 1 }
            totals.paragraphs += article.paragraphs.count
            pending += article.paragraphs.count + 1
            if pending >= options.batchDocuments { try commit() }
            return outcome
        } catch let error as XapianError {
            if inTransaction {
                try? writer.cancel()
                inTransaction = false
                pending = 0
            }
            throw IndexingError.writeFailed(index: location.path, article: article.id, reason: error)
        }
    }

    /// Removes an article; returns false when the index did not have it.
    @discardableResult
    public func remove(id: String) throws -> Bool {
        do {
            if !inTransaction {
                try writer.begin()
                inTransaction = true
            }
            let removed = try writer.delete(term: Schema.term(Schema.articlePrefix, id)) > 0
            if removed { pending += 1 }
            return removed
        } catch let error as XapianError {
            throw IndexingError.writeFailed(index: location.path, article: id, reason: error)
        }
    }

    /// Commits what is pending (`commit_transaction`) and records the time of the update.
    public func commit() throws {
        guard inTransaction else { return }
        do {
            let stamp = ISO8601DateFormatter().string(from: Date())
            try writer.setMetadata(stamp, for: Schema.lastUpdateKey)
            try writer.commit()
            inTransaction = false
            pending = 0
            totals.commits += 1
        } catch let error as XapianError {
            try? writer.cancel()
            inTransaction = false
            pending = 0
            throw IndexingError.writeFailed(index: location.path, article: nil, reason: error)
        }
    }

    /// Longest article id, in UTF-8 bytes, that leaves room in Xapian's 245-byte term
    /// limit for the prefixes and paragraph number of the unique term.
    public static let maxIdBytes = 200

    // MARK: - documents

    private func write(_ article: Article, hash: String, articleTerm: String) throws {
        let record = ArticleRecord(article)
        let shared = sharedTerms(of: article, articleTerm: articleTerm)

        let title = try XapianDocument()
        try addText(article.title, to: title, prefixes: ["", Schema.titlePrefix])
        for term in shared { try title.addTerm(term) }
        try title.addTerm(Schema.titleDocumentTerm)
        try title.addTerm(Schema.paragraphTerm(article: article.id, number: 0))
        if let origin = article.origin.flatMap(Self.originTerm) { try title.addTerm(origin) }
        try setValues(of: title, article: article, paragraph: 0)
        try title.setValue(hash, slot: Schema.hashSlot)
        try title.setData(try record.encoded())
        try writer.add(title)

        for paragraph in article.paragraphs {
            let document = try XapianDocument()
            try addText(paragraph.text, to: document, prefixes: [""])
            for term in shared { try document.addTerm(term) }
            try document.addTerm(Schema.paragraphTerm(article: article.id, number: paragraph.number))
            try setValues(of: document, article: article, paragraph: paragraph.number)
            try document.setData(paragraph.text)
            try writer.add(document)
        }
    }

    /// Boolean terms every document of the article carries: its id, source and date.
    private func sharedTerms(of article: Article, articleTerm: String) -> [String] {
        var terms = [articleTerm]
        if let source = article.source, !source.isEmpty {
            // A "source" longer than a term can be (Xapian's 245 bytes) would fail the whole
            // batch; such an article is indexed without a source: term (the value is kept).
            let term = Schema.term(Schema.sourcePrefix, source.lowercased())
            if term.utf8.count <= Self.maxTermBytes { terms.append(term) }
        }
        if let date = article.date, date.utf8.count == 10 {
            let digits = date.replacingOccurrences(of: "-", with: "")
            terms.append(Schema.yearPrefix + String(digits.prefix(4)))
            terms.append(Schema.monthPrefix + String(digits.prefix(6)))
            terms.append(Schema.dayPrefix + digits)
        }
        return terms
    }

    private func setValues(of document: XapianDocument, article: Article, paragraph: Int) throws {
        try document.setValue(article.id, slot: Schema.articleSlot)
        try document.setValue(article.date ?? "", slot: Schema.dateSlot)
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
            tokenizer.forEachToken(in: text) { bytes, position, _, _ in
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
