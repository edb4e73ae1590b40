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
    /// Built on first use (a `person:` or `agency:` query): loading the gazetteer costs
    /// more than a whole one-word search.
    private var recognizerStore: EntityRecognizer?
    /// Docid → article, for counting articles without reading values; rebuilt when
    /// the database moves to a new revision.
    private var articleMap: XapianArticleMap?

    /// Below this many matching articles, a spelling correction is looked for.
    public static let suggestBelow = 3

    /// How many values each facet lists.
    public static let facetLimit = 10

    /// BM25 parameters (Xapian's `BM25Weight`) and the weight of a title match.
    public struct Ranking: Sendable, Equatable {
        /// Term-frequency saturation.
        public var k1: Double
        /// Paragraph-length normalisation.
        public var b: Double
        /// How much a match in the title adds, relative to the same match in a paragraph.
        public var titleWeight: Double
        // Measured in Benchmarks/ranking (known-item MRR@10, two seeds): b 0.9 beats
        // Xapian's default 0.5 by about 0.01; k1 between 0.6 and 2.0 hardly matters.
        public init(k1: Double = 1.2, b: Double = 0.9, titleWeight: Double = 1.0) {
            self.k1 = k1
            self.b = b
            self.titleWeight = titleWeight
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

    /// The entity recognizer, loaded once.
    private func recognizer() throws -> EntityRecognizer {
        if let recognizerStore { return recognizerStore }
        switch EntityLexicon.shared {
        case .success(let lexicon):
            let made = EntityRecognizer(lexicon: lexicon)
            recognizerStore = made
            return made
        case .failure(let error):
            throw SearchError.entityData(error)
        }
    }

    /// Moves to the latest committed state of the index; true when it changed.
    @discardableResult
    public func refresh() throws -> Bool {
        do {
            let changed = try database.reopen()
            if changed { articleMap = nil }
            return changed
        } catch let error as XapianError {
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
        guard query.root != nil else { throw SearchError.emptyQuery(query.text) }
        return try retryingOnModification {
            let clock = ContinuousClock()
            let start = clock.now
            var results = try run(query, options: options)
            results.includesAllFacets = options.facets
            if options.suggest && results.total.articles < Self.suggestBelow {
                results.suggestion = try suggestion(for: query, found: results.total.articles)
            }
            let elapsed = clock.now - start
            results.elapsedMilliseconds = Double(elapsed.components.attoseconds) / 1e15
                + Double(elapsed.components.seconds) * 1000
            return results
        }
    }

    private func run(_ query: ParsedQuery, options: SearchOptions) throws -> SearchResults {
        var compiler = QueryCompiler(entities: EntityResolver(database: database, recognizer: { try self.recognizer() }))
        var compiled = try compiler.compile(query.root)
        if ranking.titleWeight > 0, let boost = try compiler.titleBoost(query.root) {
            compiled = try XapianQuery.combine(.andMaybe, [compiled, try boost.scaled(by: ranking.titleWeight)])
        }
        let enquire = try XapianEnquire(database: database, query: compiled)
        try enquire.bm25(k1: ranking.k1, b: ranking.b)
        let perArticle = max(1, options.paragraphsPerArticle)
        let collapseSlot = options.group ? Schema.groupSlot : Schema.articleSlot
        try enquire.collapse(on: collapseSlot, max: perArticle)
        switch options.sort {
        case .relevance: try enquire.sortByRelevance(thenBy: Schema.dateSlot, descending: true)
        case .date: try enquire.sortByValue(Schema.dateSlot, descending: false)
        case .newest: try enquire.sortByValue(Schema.dateSlot, descending: true)
        }
        // Two passes, as Xapian counts best: the page comes from a collapsed match that
        // may stop early; the exact totals from an uncollapsed, unweighted match over
        // every candidate, whose spy tells articles apart by docid.
        let everything = try database.documentCount()
        let first = perArticle == 1 ? options.offset : 0
        let count = perArticle == 1 ? options.limit : (options.offset + options.limit) * perArticle
        let matches = try enquire.run(offset: first, limit: count, checkAtLeast: 0)
        if articleMap == nil { articleMap = try XapianArticleMap(database: database, titleTerm: Schema.titleDocumentTerm) }
        let wantFacets = options.facets || options.entityFacets
        // One word and no facets: the index already knows both counts (the word's term
        // frequency, and that of its article-level "W" term), so nothing is matched.
        if !wantFacets, case .term(let word)? = query.root {
            let paragraphs = try database.frequency(of: word)
            let articles = try database.frequency(of: Schema.articleWordPrefix + word)
            return SearchResults(
                query: query, total: MatchTotals(articles: articles, paragraphs: paragraphs, exact: true),
                hits: try hits(of: matches, options: options, perArticle: perArticle),
                elapsedMilliseconds: 0, facets: Facets(), entities: compiler.entities.resolved)
        }
        let counting = try XapianEnquire(database: database, query: compiled)
        try counting.boolWeight()
        let counter = try counting.addCounter(articleSlot: Schema.articleSlot, facetSlot: wantFacets ? Schema.facetSlot : nil,
                                              map: articleMap)
        _ = try counting.run(offset: 0, limit: 0, checkAtLeast: everything)
        let totals = counter.totals
        var facets = Facets()
        func read(_ prefix: String) throws -> [Facets.Count] {
            try counter.facets(prefix: prefix, limit: Self.facetLimit).map {
                Facets.Count(value: String($0.value.dropFirst(prefix.count)), articles: $0.count)
            }
        }
        if options.entityFacets {
            facets.persons = try read("p:")
            facets.agencies = try read("g:")
        }
        if options.facets {
            facets.sources = try read("s:")
            facets.years = try read("y:")
            facets.months = try read("m:")
        }

        return SearchResults(
            query: query,
            total: MatchTotals(articles: totals.articles, paragraphs: totals.documents, exact: true),
            hits: try hits(of: matches, options: options, perArticle: perArticle),
            elapsedMilliseconds: 0,
            facets: facets,
            entities: compiler.entities.resolved)
    }

    /// The page's articles, each with its best paragraphs, from one collapsed match.
    private func hits(of matches: XapianMatches, options: SearchOptions, perArticle: Int) throws -> [ArticleHit] {
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
            guard let group = groups[id], let best = group.documents.first else { continue }
            // The collapse key is the group when grouping; the article is that of the best paragraph.
            let articleID = options.group ? try database.document(best, slot: Schema.articleSlot).value : id
            guard options.fetchArticles else {
                let bare = ArticleRecord(id: articleID, title: "", date: nil, source: nil, url: nil, paragraphs: 0)
                hits.append(ArticleHit(rank: options.offset + i + 1, article: bare, score: group.score, paragraphs: []))
                continue
            }
            let record = try article(id: articleID)
            var paragraphs: [MatchedParagraph] = []
            for document in group.documents.prefix(perArticle) {
                let (data, number) = try database.document(document, slot: Schema.paragraphSlot)
                let no = Int(number) ?? 0
                // Paragraph 0 is the title document, whose data is the article record.
                paragraphs.append(MatchedParagraph(number: no, text: no == 0 ? (record?.title ?? "") : data))
            }
            let fallback = ArticleRecord(id: articleID, title: "", date: nil, source: nil, url: nil, paragraphs: 0)
            let shown = record ?? fallback
            let duplicates = options.group ? try self.duplicates(of: shown, group: id) : []
            hits.append(ArticleHit(rank: options.offset + i + 1, article: shown,
                                   score: group.score, paragraphs: paragraphs, duplicates: duplicates))
        }
        return hits
    }
    /// The query text with each word the index does not know (or barely knows) replaced
    /// by Xapian's spelling suggestion, when that finds more articles.
    private func suggestion(for query: ParsedQuery, found: Int) throws -> String? {
        let tokenizer = Tokenizer()
        let text = query.text
        var bytes = Array(text.utf8)
        var changed = false
        // Replace from the end so earlier byte ranges stay valid.
        for token in tokenizer.tokenize(text).reversed() where token.kind == .word && token.term.count >= 3 {
            guard try database.frequency(of: token.term) < 3,
                  let better = try database.spellingSuggestion(for: token.term), better != token.term else { continue }
            bytes.replaceSubrange(token.range, with: Array(better.utf8))
            changed = true
        }
        guard changed else { return nil }
        let corrected = String(decoding: bytes, as: UTF8.self)
        guard let parsed = try? QueryParser().parse(corrected),
              let results = try? run(parsed, options: SearchOptions(limit: 0)),
              results.total.articles > found else { return nil }
        return corrected
    }

    /// Articles most like article `id`: the best terms of its paragraphs (Xapian's
    /// relevance-set expansion, `get_eset`), searched as one query, the article itself left out.
    public func similar(to id: String, options: SearchOptions = SearchOptions()) throws -> SearchResults {
        let terms: [String] = try retryingOnModification {
            let documents = try database.values(term: Schema.term(Schema.articlePrefix, id), slot: Schema.articleSlot).map(\.document)
            guard !documents.isEmpty else { throw SearchError.articleMissing(id: id) }
            return try database.expand(documents, terms: Self.similarTerms)
        }
        let root = QueryNode.and([.or(terms.map(QueryNode.term)), .not(.filter(field: .id, value: id))])
        return try search(ParsedQuery(text: "similar:\(id)", root: root), options: options)
    }

    /// How many expansion terms `similar` searches with.
    public static let similarTerms = 25

    /// The other articles of a near-duplicate group, oldest first.
    private func duplicates(of article: ArticleRecord, group: String) throws -> [ArticleRecord] {
        var records: [ArticleRecord] = []
        for (id, document) in try database.values(term: Schema.term(Schema.groupPrefix, group), slot: Schema.articleSlot, limit: 50)
        where id != article.id {
            if let record = try? ArticleRecord.decode(try database.document(document, slot: Schema.articleSlot).data) {
                records.append(record)
            }
        }
        return records.sorted { ($0.date ?? "", $0.id) < ($1.date ?? "", $1.id) }
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

    /// One person or agency the index knows, with the number of articles that mention it.
    public struct EntityCount: Sendable, Equatable {
        /// The key, as in queries ("herman deru", "kpu", "kpu@sumatera-selatan").
        public var key: String
        /// How it is shown ("Herman Deru", "KPU", "KPU Sumatera Selatan").
        public var name: String
        /// Articles that mention it.
        public var articles: Int
    }

    /// The persons the index knows, most written-about first; `match` keeps names that
    /// contain the text (case and accents ignored).
    public func persons(top: Int?, match: String?) throws -> [EntityCount] {
        try listEntities(prefix: Schema.articlePersonPrefix, top: top, match: match) { PersonName.display($0) }
    }

    /// The agencies the index knows, regional ones ("kpu@sumatera-selatan") included.
    public func agencies(top: Int?, match: String?) throws -> [EntityCount] {
        let lexicon = try? EntityLexicon.shared.get()
        return try listEntities(prefix: Schema.articleAgencyPrefix, top: top, match: match) { lexicon?.agencyName($0) ?? $0 }
    }

    private func listEntities(prefix: String, top: Int?, match: String?, name: (String) -> String) throws -> [EntityCount] {
        try retryingOnModification {
            let needle = match.map { Tokenizer().tokenize($0).filter { $0.kind != .compound }.map(\.term).joined(separator: " ") }
            var list: [EntityCount] = []
            for (term, count) in try database.terms(prefix: prefix) {
                let key = String(term.dropFirst(prefix.count))
                let shown = name(key)
                if let needle, !needle.isEmpty {
                    let folded = Tokenizer().tokenize(shown).map(\.term).joined(separator: " ")
                    guard key.contains(needle) || folded.contains(needle) else { continue }
                }
                list.append(EntityCount(key: key, name: shown, articles: count))
            }
            list.sort { $0.articles != $1.articles ? $0.articles > $1.articles : $0.key < $1.key }
            return top.map { Array(list.prefix($0)) } ?? list
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
                articleMap = nil
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
