import Foundation

/// Searches an index: opens it (one database or several shards as one), runs
/// parsed queries and reads back the articles of one page of results.
///
/// Follows Xapian's flow: Database → Enquire → one MSet page. Exact totals come
/// from a second, unweighted match over every candidate (see ``search(_:options:)``).
/// Not thread-safe: one per thread.
///
/// A sharded index (a directory with `shards.stub`, or a stub file) is opened as one
/// Xapian database with every shard added, remote ones through Xapian's remote
/// backend; Xapian combines their statistics, so ranking is that of one database.
/// A shard that cannot be reached is an error naming it, or, with `allowPartial`,
/// left out and listed in ``SearchResults/missingShards``.
public final class Searcher {
    /// The index searched.
    public let location: IndexLocation
    /// Search the reachable shards when some cannot be reached, instead of failing.
    public let allowPartial: Bool
    /// The shards left out of the searches because they could not be reached (only
    /// with ``allowPartial``); tried again by ``refresh()``.
    public private(set) var missingShards: [UnreachableShard] = []
    private let connector: ShardConnector
    /// Every shard as one database; replaced when the shards are connected again.
    private(set) var database: XapianDatabase
    /// True when a shard is served by another process: counting then uses only what
    /// Xapian's remote protocol carries.
    private var hasRemote: Bool
    /// True when the index is one local database: only then can the article map tell
    /// articles apart by docid (a match spy is given docids local to their shard).
    private var singleDatabase: Bool
    /// How many databases the open one combines (Xapian interleaves their docids).
    private var databaseCount: Int
    /// The value that breaks ties between equal scores (``Schema/orderSlot``; the date
    /// alone on indexes built before schema version 2).
    private var tieBreakSlot = Schema.orderSlot
    /// The value that orders oldest first with undated articles last (older indexes: the tie-break's).
    private var oldestFirstSlot = Schema.oldestFirstSlot
    /// Built on first use (a `person:` or `agency:` query): loading the gazetteer costs
    /// more than a whole one-word search.
    private var recognizerStore: EntityRecognizer?
    /// Docid → article, for counting articles without reading values; rebuilt when
    /// the database moves to a new revision.
    private var articleGroups: XapianDocumentGroups?
    private var articleTable: [UInt32]?
    /// The index's person keys grouped by person (``PersonGroups``); rebuilt with the revision.
    var personGroupStore: PersonGroups?
    /// The persons the index knows (`XPA` terms) and their article counts, read once per
    /// revision: resolving a `person:` walks them, and `telusur batch` resolves hundreds.
    private var personListStore: PersonDirectory?
    /// Key → group key for grouped persons (``personAliases()``); rebuilt with the revision.
    var personAliasStore: [String: String]?

    /// Below this many matching articles, a spelling correction is looked for.
    public static let suggestBelow = 3
    /// Below this many, a correction is looked for among words far rarer than a close
    /// neighbour (``suggestionRatio``) only.
    public static let suggestRarelyBelow = 200

    /// BM25 parameters (Xapian's `BM25Weight`) and the weight of a title match.
    public struct Ranking: Sendable, Equatable {
        /// Term-frequency saturation.
        public var k1: Double
        /// Paragraph-length normalisation.
        public var b: Double
        /// How much a match in the title adds, relative to the same match in a paragraph.
        public var titleWeight: Double
        // Measured in Benchmarks/ranking (graded judgements of 36 queries): with the
        // article evidence and min_normlen 1, b 0.5 beats 0.9 (strict P@5 0.90 vs 0.88,
        // nDCG@10 0.958 vs 0.943); the known-item MRR@10 stays 1.0.
        /// BM25's lowest normalised paragraph length (`min_normlen`): 1 gives paragraphs
        /// shorter than the average no lift over an average one (Xapian's default is 0.5).
        public var minNormLength: Double
        /// Rank articles by the evidence of their paragraphs (``ArticleRanker``), not by
        /// their best paragraph alone.
        public var articleEvidence: Bool
        public init(k1: Double = 1.2, b: Double = 0.5, titleWeight: Double = 1.0,
                    minNormLength: Double = 1.0, articleEvidence: Bool = true) {
            self.k1 = k1
            self.b = b
            self.titleWeight = titleWeight
            self.minNormLength = minNormLength
            self.articleEvidence = articleEvidence
        }
    }

    /// The ranking used by ``search(_:options:)``.
    public var ranking = Ranking()

    /// Opens the index at `location`: one database, a sharded index directory, or a
    /// stub file listing local and remote shards.
    ///
    /// - Parameters:
    ///   - allowPartial: when a shard cannot be reached, search the others (and list
    ///     it in ``missingShards``) instead of failing.
    ///   - allowPrograms: let the stub's `remote :PROGRAM ARGS` lines start their
    ///     program; without it such a stub is refused
    ///     (``SearchError/programShardRefused(_:)``).
    /// - Throws: ``SearchError/indexMissing(index:)`` when nothing is there,
    ///   ``SearchError/cannotOpen(index:reason:)`` when Xapian cannot open it,
    ///   ``SearchError/shardsUnreachable(_:)`` when a shard cannot be reached.
    public init(location: IndexLocation, allowPartial: Bool = false, allowPrograms: Bool = false) throws {
        self.location = location
        self.allowPartial = allowPartial
        connector = try ShardConnector(location: location, allowPrograms: allowPrograms)
        let connection = try connector.connect(allowPartial: allowPartial)
        database = connection.database
        hasRemote = connection.hasRemote
        singleDatabase = connection.connected.count == 1 && !connection.hasRemote
        databaseCount = connection.connected.count
        missingShards = connection.missing
        do {
            let version = try database.metadata(Schema.versionKey)
            if version == "1" { tieBreakSlot = Schema.dateSlot }
            oldestFirstSlot = version == "1" || version == "2" ? tieBreakSlot : Schema.oldestFirstSlot
        } catch let error as XapianError {
            throw SearchError.failed(index: location.path, reason: error)
        }
    }

    /// The shards of the index, as its stub lists them (one for an index that is one database).
    public var shards: [IndexShard] { connector.shards }

    /// The entity recognizer, loaded once.
    func recognizer() throws -> EntityRecognizer {
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

    /// The persons the index knows (its `XPA` terms) with their numbers of articles, read once per revision.
    func personDirectory() throws -> PersonDirectory {
        if let personListStore { return personListStore }
        // From the index's summary when it is current: one metadata read, not a walk over the terms.
        let terms = try summaryRevisions().flatMap { try IndexSummary.entries(in: database, agencies: false, revisions: $0) }?
            .map { (term: Schema.articlePersonPrefix + $0.key, frequency: $0.articles) }
            ?? database.terms(prefix: Schema.articlePersonPrefix)
        let directory = PersonDirectory(terms)
        personListStore = directory
        return directory
    }

    /// Moves to the latest committed state of the index; true when it changed. When
    /// shards were missing, or a remote one went away, connects to every shard again.
    @discardableResult
    public func refresh() throws -> Bool {
        if !missingShards.isEmpty {
            try reconnect()
            return true
        }
        do {
            let changed = try database.reopen()
            if changed { (articleGroups, articleTable, personGroupStore, personListStore, personAliasStore) = (nil, nil, nil, nil, nil) }
            return changed
        } catch let error as XapianError where hasRemote && error.isNetworkFailure {
            try reconnect()
            return true
        } catch let error as XapianError {
            throw SearchError.failed(index: location.path, reason: error)
        }
    }

    /// Opens every shard again, leaving out (with ``allowPartial``) those that cannot be reached.
    private func reconnect() throws {
        let connection = try connector.connect(allowPartial: allowPartial)
        database = connection.database
        hasRemote = connection.hasRemote
        singleDatabase = connection.connected.count == 1 && !connection.hasRemote
        databaseCount = connection.connected.count
        missingShards = connection.missing
        (articleGroups, articleTable, personGroupStore, personListStore, personAliasStore) = (nil, nil, nil, nil, nil)
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
            var (results, capped) = try run(query, options: options)
            results.cappedWildcards = capped
            results.includesAllFacets = options.facets
            results.missingShards = missingShards
            if options.suggest && results.total.articles < Self.suggestRarelyBelow {
                results.suggestion = try suggestion(for: query, found: results.total.articles, within: options.within)
            }
            let elapsed = clock.now - start
            results.elapsedMilliseconds = Double(elapsed.components.attoseconds) / 1e15
                + Double(elapsed.components.seconds) * 1000
            return results
        }
    }

    /// The results of `query` and the wildcards it searched only in part.
    private func run(_ query: ParsedQuery, options: SearchOptions) throws -> (SearchResults, [WildcardExpansion]) {
        var compiler = QueryCompiler(entities: EntityResolver(database: database, recognizer: { try self.recognizer() },
                                                              personDirectory: { try self.personDirectory() },
                                                              groups: { try self.personGroups() }))
        compiler.scope = options.within
        var compiled = try compiler.compile(query.root)
        if let batches = options.indexedIn {
            // Every document of an article carries its batch: a boolean filter keeps the weights.
            let range = try XapianQuery.valueRange(slot: Schema.batchSlot, from: DocumentCodec.batchValue(batches.lowerBound),
                                                   to: DocumentCodec.batchValue(batches.upperBound))
            compiled = try XapianQuery.combine(.filter, [compiled, range])
        }
        if ranking.titleWeight > 0, let boost = try compiler.titleBoost(query.root) {
            compiled = try XapianQuery.combine(.andMaybe, [compiled, try boost.scaled(by: ranking.titleWeight)])
        }
        // Relevance order: articles ranked by their paragraphs' evidence (ArticleRanker).
        let ranker = options.sort == .relevance && ranking.articleEvidence ? ArticleRanker() : nil
        let weighed = try ranker?.evidenceQuery(
            compiled, root: query.root, entities: compiler.entities.resolved,
            meetingBoost: options.within == .article ? QueryCompiler.meetingBoost : 1) ?? compiled
        let enquire = try XapianEnquire(database: database, query: weighed)
        try enquire.bm25(k1: ranking.k1, b: ranking.b, minNormLength: ranking.minNormLength)
        let perArticle = max(1, options.paragraphsPerArticle)
        let collapseSlot = options.group ? Schema.groupSlot : Schema.articleSlot
        try enquire.collapse(on: collapseSlot, max: ranker == nil ? perArticle : max(perArticle, ArticleRanker.perArticle))
        switch options.sort {
        case .relevance: try enquire.sortByRelevance(thenBy: tieBreakSlot, descending: true)
        // By date then id (one order on one database or many), then relevance, which
        // picks each article's best paragraphs.
        // Undated articles last in both directions: an empty date reads as after every
        // date when oldest come first, and as before every date when newest do.
        // Undated articles last both ways: newest first sorts them last by the order value,
        // oldest first by a value of its own (schema 3).
        case .date: try enquire.sortByValue(oldestFirstSlot, descending: false)
        case .newest: try enquire.sortByValue(tieBreakSlot, descending: true)
        }
        // Two passes, as Xapian counts best: the page comes from a collapsed match that
        // may stop early; the exact totals from an uncollapsed, unweighted match over
        // every candidate, whose spy tells articles apart by docid.
        let first = perArticle == 1 && ranker == nil ? options.offset : 0
        let count = ranker != nil
            ? max(ArticleRanker.window, options.offset + options.limit) * max(perArticle, ArticleRanker.perArticle)
            : perArticle == 1 ? options.limit : (options.offset + options.limit) * perArticle
        let matches = try enquire.run(offset: first, limit: count, checkAtLeast: 0)
        let ranked = try ranker.map { ranker in
            // Title or lead: from the docid table on one local database (no document
            // read), else from each match's paragraph value.
            let table = singleDatabase ? try articleLayout().table : nil
            let items = try matches.items()
            return try ranker.rank(items) { i in
                if let table, let position = DocumentCodec.position(of: items[i].document, in: table) { return position }
                return DocumentCodec.paragraphNumber(try matches.value(at: i, slot: Schema.paragraphSlot))
            }
        }
        let counter: MatchCounter
        var breakdown: [Facets.Series] = []
        if let kind = options.breakdown?.facet {
            // Each article's values together: the spy that returns whole facet lists.
            let lists = try FacetListMatchCounter(database: database, query: compiled, facets: true, breakdown: kind,
                                                  index: location.path)
            breakdown = try lists.series(kind, top: max(0, options.breakdownTop))
            counter = lists
        } else {
            counter = try self.counter(for: query, compiled: compiled, facets: options.facets || options.entityFacets,
                                       filtered: options.indexedIn != nil)
        }
        let totals = counter.totals
        var facets = Facets()
        func read(_ kind: DocumentCodec.FacetKind, inDateOrder: Bool = false) throws -> [Facets.Count] {
            // Periods: all of them, in date order, then the latest `facetLimit`.
            let limit = max(0, options.facetLimit)
            let values = try counter.facets(kind, limit: inDateOrder ? 0 : limit)
            guard inDateOrder else { return values }
            let ordered = values.sorted { $0.value < $1.value }
            return limit == 0 || options.allMonths ? ordered : Array(ordered.suffix(limit))
        }
        if options.entityFacets {
            facets.persons = try groupedPersonFacets(try read(.person))
            facets.agencies = try read(.agency)
        }
        if options.facets {
            facets.speakers = try read(.speaker)
            facets.sources = try read(.source)
            facets.years = try read(.year, inDateOrder: true)
            facets.months = try read(.month, inDateOrder: true)
            facets.days = try read(.day, inDateOrder: true)
        }
        facets.breakdown = breakdown

        return (SearchResults(
            query: query,
            total: MatchTotals(articles: totals.articles, paragraphs: totals.documents, exact: true),
            hits: try hits(of: matches, ranked: ranked, options: options, perArticle: perArticle, query: compiled),
            elapsedMilliseconds: 0,
            facets: facets,
            entities: compiler.entities.resolved), compiler.cappedWildcards)
    }

    /// How this query is counted: from term frequencies when it is one word without
    /// facets; with Xapian's own spy when a shard is remote; else with the shim's spy,
    /// which on one database tells articles apart by docid alone.
    private func counter(for query: ParsedQuery, compiled: XapianQuery, facets: Bool, filtered: Bool) throws -> MatchCounter {
        if !facets, !filtered, case .term(let word)? = query.root { return try TermFrequencyCounter(database: database, word: word) }
        if hasRemote { return try FacetListMatchCounter(database: database, query: compiled, facets: facets, index: location.path) }
        return try LocalMatchCounter(database: database, query: compiled, facets: facets,
                                     articles: singleDatabase ? try articleLayout().groups : nil)
    }

    /// Docid → article on one local database: the table (for the ranker's title and
    /// lead) and the shim's copy of it (for counting), built once per revision.
    private func articleLayout() throws -> (table: [UInt32], groups: XapianDocumentGroups) {
        if let articleGroups, let articleTable { return (articleTable, articleGroups) }
        let titles = try database.documents(withTerm: Schema.titleDocumentTerm)
        let table = DocumentCodec.articleTable(titles: titles, lastDocument: try database.lastDocument())
        let groups = try XapianDocumentGroups(table: table)
        (articleTable, articleGroups) = (table, groups)
        return (table, groups)
    }

    /// The page's articles, each with its best paragraphs, from one collapsed match.
    private func hits(of matches: XapianMatches, ranked: [ArticleRanker.Ranked]?, options: SearchOptions,
                      perArticle: Int, query: XapianQuery) throws -> [ArticleHit] {
        // Group the page's paragraphs by article, in order of each article's best paragraph
        // (or as the ranker ordered them, from the first article on).
        var order: [String] = []
        var groups: [String: (score: Double, documents: [UInt32])] = [:]
        if let ranked {
            for article in ranked {
                order.append(article.key)
                groups[article.key] = (article.score, article.documents)
            }
        } else {
            for item in try matches.items() {
                if groups[item.key] == nil {
                    order.append(item.key)
                    groups[item.key] = (item.weight, [])
                }
                groups[item.key]?.documents.append(item.document)
            }
        }
        let page = perArticle == 1 && ranked == nil ? order : Array(order.dropFirst(options.offset).prefix(options.limit))
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
            var texts: [(number: Int, text: String)] = []
            for document in group.documents.prefix(perArticle) {
                let (data, number) = try database.document(document, slot: Schema.paragraphSlot)
                texts.append((DocumentCodec.paragraphNumber(number), data))
            }
            let record = try titleRecord(of: best, paragraph: texts.first?.number ?? 0, article: articleID) ?? article(id: articleID)
            // Paragraph 0 is the title document, whose data is the article record.
            let paragraphs = texts.map { MatchedParagraph(number: $0.number, text: $0.number == 0 ? (record?.title ?? "") : $0.text) }
            let fallback = ArticleRecord(id: articleID, title: "", date: nil, source: nil, url: nil, paragraphs: 0)
            let shown = record ?? fallback
            let duplicates = options.group ? try self.duplicates(of: shown, group: id, matching: query) : []
            // Every document of an article carries its facet list: its persons and agencies.
            let facetList = try database.document(best, slot: Schema.facetSlot).value
            hits.append(ArticleHit(rank: options.offset + i + 1, article: shown,
                                   score: group.score, paragraphs: paragraphs, duplicates: duplicates,
                                   persons: try groupedPersons(DocumentCodec.values(.person, in: facetList)),
                                   agencies: DocumentCodec.values(.agency, in: facetList)))
        }
        return hits
    }
    /// How many times more often a close word must occur than the typed one to be
    /// suggested in its place (`kementrian`, 37 articles, beside `kementerian`, 2,284).
    static let suggestionRatio = 20

    /// The query text with each word the index does not know, barely knows or knows far
    /// less than a close neighbour (``suggestionRatio``) replaced by Xapian's spelling
    /// suggestion, and each `person:` name the index does not know by the nearest one it
    /// knows, when that finds more articles.
    private func suggestion(for query: ParsedQuery, found: Int, within: QueryScope) throws -> String? {
        var text = query.text
        var changed = false
        for typed in Self.personNames(in: query.root) {
            // A name the index does not know, or one far rarer than a close neighbour
            // (a misspelling that is in the corpus too: "Ridwan Kamal" beside "Ridwan Kamil").
            let key = try recognizer().persons.queryKey(typed)
            guard !key.isEmpty else { continue }
            let frequency = try database.frequency(of: Schema.articlePersonPrefix + key)
            guard frequency > 0 || found < Self.suggestBelow, let near = try nearestPerson(to: key),
                  frequency == 0 || near.articles >= Self.suggestionRatio * frequency,
                  let range = text.range(of: typed) else { continue }
            text.replaceSubrange(range, with: PersonName.display(near.name))
            changed = true
        }
        let tokenizer = Tokenizer()
        var bytes = Array(text.utf8)
        // Replace from the end so earlier byte ranges stay valid.
        for token in tokenizer.tokenize(text).reversed() where token.kind == .word && token.term.count >= 3 {
            // A field name (`person:`) is syntax, not a word to correct.
            if token.range.upperBound < bytes.count, bytes[token.range.upperBound] == UInt8(ascii: ":") { continue }
            let frequency = try database.frequency(of: token.term)
            guard let better = try database.spellingSuggestion(for: token.term), better != token.term else { continue }
            let rare = found < Self.suggestBelow && frequency < 3
            guard try rare || database.frequency(of: better) >= Self.suggestionRatio * max(1, frequency) else { continue }
            bytes.replaceSubrange(token.range, with: Array(better.utf8))
            changed = true
        }
        guard changed else { return nil }
        let corrected = String(decoding: bytes, as: UTF8.self)
        guard let parsed = try? QueryParser().parse(corrected),
              let (results, _) = try? run(parsed, options: { var o = SearchOptions(limit: 0); o.within = within; return o }()),
              results.total.articles > found else { return nil }
        return corrected
    }

    /// Articles most like article `id`: the best terms of its paragraphs (Xapian's
    /// relevance-set expansion, `get_eset`), searched as one query, the article itself left out.
    public func similar(to id: String, options: SearchOptions = SearchOptions()) throws -> SearchResults {
        let terms: [String] = try retryingOnModification {
            let documents = try database.values(term: Schema.articleTerm(id), slot: Schema.articleSlot).map(\.document)
            guard !documents.isEmpty else { throw SearchError.articleMissing(id: id) }
            return try database.expand(documents, terms: Self.similarTerms)
        }
        let root = QueryNode.and([.or(terms.map(QueryNode.term)), .not(.filter(field: .id, value: id))])
        return try search(ParsedQuery(text: "similar:\(id)", root: root), options: options)
    }

    /// How many expansion terms `similar` searches with.
    public static let similarTerms = 25

    /// The other articles of a near-duplicate group that match the query too, oldest
    /// first (then by id), every one of them: with them the results list every matching
    /// article once, as `--ids` does.
    ///
    /// Most articles have no twin: the group term's frequency (its members' title
    /// documents) says so without a match. Otherwise two small boolean matches, each
    /// answered by every shard at once: the members, by the group term; then those that
    /// match the query, by their id terms, one document per article.
    private func duplicates(of article: ArticleRecord, group: String, matching query: XapianQuery) throws -> [ArticleRecord] {
        let groupTerm = Schema.term(Schema.groupPrefix, group)
        let size = try database.frequency(of: groupTerm)
        guard size > 1 else { return [] }
        let members = try XapianEnquire(database: database, query: try XapianQuery.term(groupTerm))
        try members.boolWeight()
        try members.collapse(on: Schema.articleSlot, max: 1)
        let others = try members.run(offset: 0, limit: size, checkAtLeast: 0).items().map(\.key).filter { $0 != article.id }
        guard !others.isEmpty else { return [] }
        let inGroup = try XapianQuery.combine(.or, try others.map { try XapianQuery.term(Schema.articleTerm($0)) })
        let enquire = try XapianEnquire(database: database, query: try XapianQuery.combine(.filter, [query, inGroup]))
        try enquire.boolWeight()
        try enquire.collapse(on: Schema.articleSlot, max: 1)
        var records: [ArticleRecord] = []
        for item in try enquire.run(offset: 0, limit: others.count, checkAtLeast: 0).items() {
            let number = Int(try database.document(item.document, slot: Schema.paragraphSlot).value) ?? 0
            if let record = try titleRecord(of: item.document, paragraph: number, article: item.key) ?? self.article(id: item.key) {
                records.append(record)
            }
        }
        return records.sorted { ($0.date ?? "", $0.id) < ($1.date ?? "", $1.id) }
    }

    /// The record of the article whose paragraph `number` is `document`, read from its
    /// title document without a term lookup (``DocumentCodec/titleDocument(of:paragraph:databases:)``;
    /// a term lookup on a sharded index asks every shard, one network round trip each
    /// for remote ones). Checked against the article id; nil when it does not hold.
    private func titleRecord(of document: UInt32, paragraph number: Int, article id: String) throws -> ArticleRecord? {
        guard let title = DocumentCodec.titleDocument(of: document, paragraph: number, databases: databaseCount) else { return nil }
        let data: String
        let value: String
        do {
            (data, value) = try database.document(title, slot: Schema.articleSlot)
        } catch let error as XapianError where error.kind == .documentNotFound {
            return nil
        }
        guard value == id, let record = try? ArticleRecord.decode(data), record.id == id else { return nil }
        return record
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
                let (text, stored) = try database.document(document, slot: Schema.quotesSlot)
                let quotes = QuoteRecord.decode(stored, paragraph: Paragraph(number: number, text: text))
                result.append(MatchedParagraph(number: number, text: text, quotes: quotes))
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
    /// One entry per person (``PersonGroups``): spelling variants and a bare name with
    /// its dominant bearer are one entry, shown by its most written key, counted once
    /// per article.
    public func persons(top: Int?, match: String?) throws -> [EntityCount] {
        try retryingOnModification {
            let needle = match.map { Tokenizer().terms($0).joined(separator: " ") } ?? ""
            let foldedNeedle = PersonGroups.fold(needle)
            var list: [EntityCount] = []
            func take(_ group: IndexSummary.PersonGroup) -> Bool {
                if let top, list.count >= top { return false }
                if !needle.isEmpty, !group.keys.contains(where: { $0.contains(needle) || PersonGroups.fold($0).contains(foldedNeedle) }) {
                    return true
                }
                list.append(EntityCount(key: group.key, name: PersonName.display(group.key), articles: group.articles))
                return true
            }
            // A line that holds neither the needle (as typed or folded) nor an old spelling cannot match: not parsed.
            // Byte searches: Foundation's `contains` was most of a `--match` over 100,000 names.
            let patterns = ([needle, foldedNeedle] + ["oe", "dj", "tj", "nj", "sj", "ch"]).map { Array($0.utf8) }
            func wanted(_ line: Substring) -> Bool {
                guard !needle.isEmpty else { return true }
                return line.utf8.withContiguousStorageIfAvailable { text in
                    patterns.contains { Self.bytes(text, contain: $0) }
                } ?? true
            }
            let summarised = try summaryRevisions().map {
                try IndexSummary.visitPersonGroups(in: database, revisions: $0, wanted: wanted, take)
            } ?? false
            if !summarised {
                let entries = try IndexSummary.entries(database, prefix: Schema.articlePersonPrefix)
                for group in try IndexSummary.personGroups(database, entries: entries) where take(group) {}
            }
            return list
        }
    }

    /// Whether `pattern` occurs in `text` (bytes compared as they are).
    static func bytes(_ text: UnsafeBufferPointer<UInt8>, contain pattern: [UInt8]) -> Bool {
        guard let first = pattern.first, pattern.count <= text.count else { return pattern.isEmpty }
        var i = 0
        let last = text.count - pattern.count
        while i <= last {
            if text[i] == first {
                var j = 1
                while j < pattern.count && text[i + j] == pattern[j] { j += 1 }
                if j == pattern.count { return true }
            }
            i += 1
        }
        return false
    }

    /// The agencies the index knows, regional ones ("kpu@sumatera-selatan") included.
    public func agencies(top: Int?, match: String?) throws -> [EntityCount] {
        try listEntities(agencies: true, top: top, match: match)
    }

    /// From the index's summary when it is current (``IndexSummary``), read only as far
    /// as `top` needs; else from the terms.
    private func listEntities(agencies: Bool, top: Int?, match: String?) throws -> [EntityCount] {
        try retryingOnModification {
            let needle = match.map { Tokenizer().terms($0).joined(separator: " ") }.flatMap { $0.isEmpty ? nil : $0 }
            var lexicon: EntityLexicon?
            func shown(_ entry: IndexSummary.Entry) -> String {
                if let name = entry.name { return name }
                guard agencies else { return PersonName.display(entry.key) }
                if lexicon == nil { lexicon = try? EntityLexicon.shared.get() }
                return lexicon?.agencyName(entry.key) ?? entry.key
            }
            var list: [EntityCount] = []
            func take(_ entry: IndexSummary.Entry) -> Bool {
                if let top, list.count >= top { return false }
                // The key is already folded as the tokenizer folds. A person's shown name
                // is its key in title case; an agency's may be a long form, tokenized to
                // be searched when the key does not hold the needle.
                if let needle, !entry.key.contains(needle) {
                    guard agencies, Tokenizer().terms(shown(entry)).joined(separator: " ").contains(needle) else { return true }
                }
                list.append(EntityCount(key: entry.key, name: shown(entry), articles: entry.articles))
                return true
            }
            let summarised = try summaryRevisions().map {
                try IndexSummary.visitEntries(in: database, agencies: agencies, revisions: $0, take)
            } ?? false
            if !summarised {
                let prefix = agencies ? Schema.articleAgencyPrefix : Schema.articlePersonPrefix
                for entry in try IndexSummary.entries(database, prefix: prefix) where take(entry) {}
            }
            return list
        }
    }

    /// The revision of every shard, for checking the index's summary against; nil when
    /// a shard is remote or left out (their revisions are not known here).
    func summaryRevisions() throws -> [UInt64]? {
        guard missingShards.isEmpty else { return nil }
        var revisions: [UInt64] = []
        for shard in connector.shards {
            guard case .local(let path) = shard.address else { return nil }
            revisions.append(try XapianMaintenance.revision(of: path))
        }
        return revisions
    }

    /// Counts and dates that describe the index.
    public func statistics() throws -> IndexStatistics {
        try retryingOnModification {
            let counts = try summaryRevisions().flatMap { try IndexSummary.counts(in: database, revisions: $0) }
            let documents = try counts?.documents ?? database.documentCount()
            let articles = try counts?.articles ?? database.frequency(of: Schema.titleDocumentTerm)
            let words = try counts?.terms ?? database.termCount(prefix: "")
            let update = try database.metadata(Schema.lastUpdateKey)
            return IndexStatistics(
                articles: articles, paragraphs: documents - articles, documents: documents,
                terms: words, bytes: connector.localBytes(),
                lastUpdate: update.isEmpty ? nil : update,
                shards: connector.shards.count, remoteShards: connector.shards.filter(\.isRemote).count)
        }
    }

    /// Runs `body`; when a writer moved the index on under it (`DatabaseModifiedError`),
    /// reopens once and runs it again. When a remote shard went away (its server
    /// stopped, or closed an idle connection), connects to every shard again and runs
    /// it again: a shard that is really gone is then reported by name
    /// (``SearchError/shardsUnreachable(_:)``), or left out with ``allowPartial``.
    func retryingOnModification<T>(_ body: () throws -> T) throws -> T {
        do {
            do {
                return try body()
            } catch let error as XapianError where error.kind == .databaseModified {
                try database.reopen()
                (articleGroups, articleTable, personGroupStore, personListStore, personAliasStore) = (nil, nil, nil, nil, nil)
                return try body()
            } catch let error as XapianError where hasRemote && error.isNetworkFailure {
                try reconnect()
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
    /// Databases the index is made of (1 unless sharded).
    public var shards: Int = 1
    /// How many of them other processes serve (their bytes are not in ``bytes``).
    public var remoteShards: Int = 0
}
