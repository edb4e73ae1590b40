/// Exact totals and facet counts of one query, however they are counted: one shape for
/// every way (as tantivy's `Collector`s are), so a new way to count is a new type and
/// not a branch in ``Searcher``. ``Searcher/counter(for:compiled:facets:filtered:)`` picks one.
protocol MatchCounter {
    /// Matching documents (paragraphs, titles counted as paragraph 0) and articles.
    var totals: (documents: Int, articles: Int) { get }
    /// The values of one facet kind with their article counts, most first, ties in byte
    /// order, at most `limit` (0 = every value); values without their kind's marker.
    func facets(_ kind: DocumentCodec.FacetKind, limit: Int) throws -> [Facets.Count]
}

/// A one-word query without facets: the index already knows both counts, the word's
/// term frequency (paragraphs) and that of its article-level "W" term (articles), so
/// nothing is matched. Works on any shards, remote ones included.
struct TermFrequencyCounter: MatchCounter {
    let totals: (documents: Int, articles: Int)

    init(database: XapianDatabase, word: String) throws {
        totals = (try database.frequency(of: word), try database.frequency(of: Schema.articleWordPrefix + word))
    }

    func facets(_ kind: DocumentCodec.FacetKind, limit: Int) throws -> [Facets.Count] { [] }
}

/// Counts with the shim's counting spy over an unweighted match of every candidate:
/// each document, each article once (by the docid table on one database, by the
/// article value on several local shards), and each article's facet values once, from
/// the facet list of its first matching document (``Schema/facetSlot``).
struct LocalMatchCounter: MatchCounter {
    let totals: (documents: Int, articles: Int)
    private let counter: XapianCounter

    init(database: XapianDatabase, query: XapianQuery, facets: Bool, articles: XapianDocumentGroups?) throws {
        let enquire = try XapianEnquire(database: database, query: query)
        try enquire.boolWeight()
        let list = facets
            ? XapianEnquire.ListValue(slot: Schema.facetSlot, separator: DocumentCodec.facetListSeparator,
                                      skipFirst: DocumentCodec.facetListSkip)
            : nil
        counter = try enquire.addCounter(keySlot: Schema.articleSlot, list: list, groups: articles)
        _ = try enquire.run(offset: 0, limit: 0, checkAtLeast: try database.documentCount())
        let counted = counter.totals
        totals = (counted.documents, counted.groups)
    }

    func facets(_ kind: DocumentCodec.FacetKind, limit: Int) throws -> [Facets.Count] {
        try counter.facets(prefix: kind.rawValue, limit: limit).map {
            Facets.Count(value: String($0.value.dropFirst(kind.rawValue.count)), articles: $0.count)
        }
    }
}

/// Counts with Xapian's own `ValueCountMatchSpy`, which remote shards can run (the
/// shim's counting spy cannot leave the process: `xapian-tcpsrv` knows nothing of it),
/// and which sees each article's whole facet list, so it also counts one kind of value
/// per day (`--timeline-by`), on any shards.
///
/// Without facets the spy watches the article slot: its total is the matching
/// paragraphs and its number of distinct values the matching articles. With facets it
/// watches the facet slot, whose list starts with the article id (see
/// ``Schema/facetSlot``): one distinct list per matching article, each split by
/// ``DocumentCodec/facetValues(in:)`` and its values counted once. The lists of every
/// matching article come back over the network, so a faceted search that matches much
/// costs more on remote shards.
struct FacetListMatchCounter: MatchCounter {
    let totals: (documents: Int, articles: Int)
    /// Facet value with its marker ("s:kompas.com", "p:herman deru") → matching articles.
    private var counts: [Substring: Int] = [:]
    /// With a breakdown kind: value with its marker → day ("d:2019-09-17") → matching articles.
    private var byDay: [Substring: [Substring: Int]] = [:]

    /// - Parameter breakdown: also count each value of this kind by day.
    /// - Throws: ``XapianError``; ``SearchError/oldIndex(index:)`` when the facet lists
    ///   do not start with the article (an index built before schema version 2).
    init(database: XapianDatabase, query: XapianQuery, facets: Bool, breakdown: DocumentCodec.FacetKind? = nil,
         index: String) throws {
        let enquire = try XapianEnquire(database: database, query: query)
        try enquire.boolWeight()
        let spy = try enquire.addSpy(on: facets || breakdown != nil ? Schema.facetSlot : Schema.articleSlot)
        _ = try enquire.run(offset: 0, limit: 0, checkAtLeast: try database.documentCount())
        let seen = spy.totals
        totals = (seen.documents, seen.distinct)
        guard facets || breakdown != nil else { return }
        let dayMarker = DocumentCodec.FacetKind.day.rawValue
        for (list, _) in try spy.values() {
            let (values, marked) = DocumentCodec.facetValues(in: list)
            guard marked else { throw SearchError.oldIndex(index: index) }
            let distinct = Set(values)
            for value in distinct { counts[value, default: 0] += 1 }
            if let breakdown, let day = distinct.first(where: { $0.hasPrefix(dayMarker) }) {
                for value in distinct where value.hasPrefix(breakdown.rawValue) { byDay[value, default: [:]][day, default: 0] += 1 }
            }
        }
    }

    func facets(_ kind: DocumentCodec.FacetKind, limit: Int) throws -> [Facets.Count] {
        let matching = counts.filter { $0.key.hasPrefix(kind.rawValue) }
        let sorted = matching.sorted {
            $0.value != $1.value ? $0.value > $1.value : $0.key.utf8.lexicographicallyPrecedes($1.key.utf8)
        }
        let kept = limit == 0 ? sorted[...] : sorted.prefix(limit)
        return kept.map { Facets.Count(value: String($0.key.dropFirst(kind.rawValue.count)), articles: $0.value) }
    }

    /// The `top` most frequent values of `kind` (0: all), each with its articles per day in date order.
    func series(_ kind: DocumentCodec.FacetKind, top: Int) throws -> [Facets.Series] {
        let dayMarker = DocumentCodec.FacetKind.day.rawValue.count
        return try facets(kind, limit: top).map { value in
            let days = byDay[Substring(kind.rawValue + value.value)] ?? [:]
            return Facets.Series(value: value.value, articles: value.articles, days: days.sorted { $0.key < $1.key }.map {
                Facets.Count(value: String($0.key.dropFirst(dayMarker)), articles: $0.value)
            })
        }
    }
}
