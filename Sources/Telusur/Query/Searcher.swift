import Foundation

/// Searches an index: opens it (one database or several shards as one), runs
/// parsed queries and reads back the articles of one page of results.
///
/// Follows Xapian's flow: Database → Enquire → one MSet page. Exact totals come
/// from a `ValueCountMatchSpy` on the article slot while every candidate is checked,
/// so no second pass is needed. Not thread-safe: one per thread.
public final class Searcher {
    /// The index searched.
    public let location: IndexLocation
    let database: XapianDatabase
    private let compiler = QueryCompiler()

    /// BM25 parameters (Xapian's `BM25Weight`).
    public struct Ranking: Sendable, Equatable {
        public var k1: Double
        public var b: Double
        public init(k1: Double = 1.0, b: Double = 0.5) {
            self.k1 = k1
            self.b = b
        }
    }

    /// The ranking used by ``search(_:options:)``.
    public var ranking = Ranking()

    /// Opens the index at `location`.
    ///
    /// - Throws: ``SearchError/indexMissing(index:)`` when nothing is there,
    ///   ``SearchError/cannotOpen(index:reason:)`` when Xapian cannot open it.
    public init(location: IndexLocation) throws {
        self.location = location
        guard location.exists else { throw SearchError.indexMissing(index: location.path) }
        do {
            database = try XapianDatabase(paths: [location.path])
        } catch let error as XapianError {
            throw SearchError.cannotOpen(index: location.path, reason: error)
        }
    }

    /// Moves to the latest committed state of the index; true when it changed.
    @discardableResult
    public func refresh() throws -> Bool {
        do { return try database.reopen() } catch let error as XapianError {
            throw SearchError.failed(index: location.path, reason: error)
        }
    }

    /// Parses and runs `text`.
    public func search(_ text: String, options: SearchOptions = SearchOptions()) throws -> SearchResults {
        let query: ParsedQuery
        do { query = try QueryParser().parse(text) } catch { throw SearchError.query(error) }
        return try search(query, options: options)
    }

    /// Runs a parsed query and returns one page of articles with exact totals.
    public func search(_ query: ParsedQuery, options: SearchOptions = SearchOptions()) throws -> SearchResults {
        try retryingOnModification {
            let clock = ContinuousClock()
            let start = clock.now
            var results = try run(query, options: options)
            let elapsed = clock.now - start
            results.elapsedMilliseconds = Double(elapsed.components.attoseconds) / 1e15
                + Double(elapsed.components.seconds) * 1000
            return results
        }
    }

    private func run(_ query: ParsedQuery, options: SearchOptions) throws -> SearchResults {
        let compiled = try compiler.compile(query.root)
        let enquire = try XapianEnquire(database: database, query: compiled)
        try enquire.bm25(k1: ranking.k1, b: ranking.b)
        let perArticle = max(1, options.paragraphsPerArticle)
        try enquire.collapse(on: Schema.articleSlot, max: perArticle)
        switch options.sort {
        case .relevance: try enquire.sortByRelevance(thenBy: Schema.dateSlot, descending: true)
        case .date: try enquire.sortByValue(Schema.dateSlot, descending: false)
        case .newest: try enquire.sortByValue(Schema.dateSlot, descending: true)
        }
        let counter = try enquire.addSpy(on: Schema.articleSlot)
        let everything = try database.documentCount()
        let first = perArticle == 1 ? options.offset : 0
        let count = perArticle == 1 ? options.limit : (options.offset + options.limit) * perArticle
        let matches = try enquire.run(offset: first, limit: count, checkAtLeast: everything)
        let totals = counter.totals

        // Group the page's paragraphs by article, in order of each article's best paragraph.
        var order: [String] = []
        var groups: [String: (score: Double, documents: [UInt32])] = [:]
        for item in try matches.items() {
            if groups[item.key] == nil {
                order.append(item.key)
                groups[item.key] = (item.weight, [])
            }
            groups[item.key]?.documents.append(item.document)
        }
        let page = perArticle == 1 ? order : Array(order.dropFirst(options.offset).prefix(options.limit))
        var hits: [ArticleHit] = []
        for (i, id) in page.enumerated() {
            guard let group = groups[id] else { continue }
            let record = try article(id: id)
            var paragraphs: [MatchedParagraph] = []
            for document in group.documents.prefix(perArticle) {
                let (data, number) = try database.document(document, slot: Schema.paragraphSlot)
                let no = Int(number) ?? 0
                // Paragraph 0 is the title document, whose data is the article record.
                paragraphs.append(MatchedParagraph(number: no, text: no == 0 ? (record?.title ?? "") : data))
            }
            let fallback = ArticleRecord(id: id, title: "", date: nil, source: nil, url: nil, paragraphs: 0)
            hits.append(ArticleHit(rank: options.offset + i + 1, article: record ?? fallback,
                                   score: group.score, paragraphs: paragraphs))
        }
        return SearchResults(
            query: query,
            total: MatchTotals(articles: totals.distinct, paragraphs: totals.documents, exact: true),
            hits: hits,
            elapsedMilliseconds: 0)
    }

    /// The stored metadata of one article, or nil when the index does not have it.
    public func article(id: String) throws -> ArticleRecord? {
        guard let document = try database.firstDocument(term: Schema.paragraphTerm(article: id, number: 0)) else {
            return nil
        }
        let (data, _) = try database.document(document, slot: Schema.paragraphSlot)
        return try? ArticleRecord.decode(data)
    }

    /// Every paragraph of an article, in order (the title not included), read from the
    /// index by their unique terms; empty when the index does not have the article.
    public func paragraphs(ofArticle id: String) throws -> [MatchedParagraph] {
        try retryingOnModification {
            guard let record = try article(id: id) else { return [] }
            var result: [MatchedParagraph] = []
            result.reserveCapacity(record.paragraphs)
            for number in 1...max(1, record.paragraphs) {
                guard let document = try database.firstDocument(term: Schema.paragraphTerm(article: id, number: number)) else {
                    continue
                }
                let (text, _) = try database.document(document, slot: Schema.paragraphSlot)
                result.append(MatchedParagraph(number: number, text: text))
            }
            return result
        }
    }

    /// Counts and dates that describe the index.
    public func statistics() throws -> IndexStatistics {
        try retryingOnModification {
            let documents = try database.documentCount()
            let articles = try database.frequency(of: Schema.titleDocumentTerm)
            let words = try database.terms(prefix: "").count
            let update = try database.metadata(Schema.lastUpdateKey)
            return IndexStatistics(
                articles: articles, paragraphs: documents - articles, documents: documents,
                terms: words, bytes: location.sizeOnDisk(),
                lastUpdate: update.isEmpty ? nil : update)
        }
    }

    /// Runs `body`; when a writer moved the index on under it (`DatabaseModifiedError`),
    /// reopens once and runs it again.
    private func retryingOnModification<T>(_ body: () throws -> T) throws -> T {
        do {
            do {
                return try body()
            } catch let error as XapianError where error.kind == .databaseModified {
                try database.reopen()
                return try body()
            }
        } catch let error as XapianError {
            throw SearchError.failed(index: location.path, reason: error)
        }
    }
}

/// What `telusur stats` prints.
public struct IndexStatistics: Sendable, Equatable {
    /// Articles in the index.
    public var articles: Int
    /// Paragraphs (titles not counted).
    public var paragraphs: Int
    /// Xapian documents (paragraphs plus one title document per article).
    public var documents: Int
    /// Distinct terms, prefixed ones included.
    public var terms: Int
    /// Bytes on disk.
    public var bytes: Int
    /// When the last batch was committed (ISO 8601), if known.
    public var lastUpdate: String?
}
