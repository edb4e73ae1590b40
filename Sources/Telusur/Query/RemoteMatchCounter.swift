/// Exact totals and facets of one match, counted with Xapian's own
/// `ValueCountMatchSpy`, which remote shards can run (the shim's counting spy cannot
/// leave the process: `xapian-tcpsrv` knows nothing of it).
///
/// Without facets the spy watches the article slot: its total is the matching
/// paragraphs and its number of distinct values the matching articles. With facets it
/// watches the facet slot, whose string starts with the article id (see
/// ``Schema/facetSlot``): one distinct string per matching article, each split (in the
/// shim) and its values counted once. The strings of every matching article come back
/// over the network, so a faceted search that matches much costs more on remote shards.
struct RemoteMatchCounter {
    /// Matching documents (paragraphs and titles).
    let documents: Int
    /// Matching articles.
    let articles: Int
    /// Facet value ("s:kompas.com", "p:herman deru") → matching articles.
    private var counts: [String: Int] = [:]

    /// Runs an unweighted match of `query` over every candidate and counts it.
    ///
    /// - Throws: ``XapianError``; ``SearchError/oldIndex(index:)`` when the facet strings
    ///   do not start with the article (an index built before schema version 2).
    init(database: XapianDatabase, query: XapianQuery, facets: Bool, index: String) throws {
        let enquire = try XapianEnquire(database: database, query: query)
        try enquire.boolWeight()
        let spy = try enquire.addSpy(on: facets ? Schema.facetSlot : Schema.articleSlot)
        _ = try enquire.run(offset: 0, limit: 0, checkAtLeast: try database.documentCount())
        let totals = spy.totals
        documents = totals.documents
        guard facets else {
            articles = totals.distinct
            return
        }
        articles = totals.distinct
        let (elements, unmarked) = try spy.facetCounts()
        guard unmarked == 0 else { throw SearchError.oldIndex(index: index) }
        for (value, count) in elements { counts[value] = count }
    }

    /// Values starting with `prefix` and their article counts, most first, ties in byte
    /// order (as the shim's counting spy orders them), at most `limit`.
    func facets(prefix: String, limit: Int) -> [(value: String, count: Int)] {
        let matching = counts.filter { $0.key.hasPrefix(prefix) }.map { (value: $0.key, count: $0.value) }
        let sorted = matching.sorted {
            $0.count != $1.count ? $0.count > $1.count : $0.value.utf8.lexicographicallyPrecedes($1.value.utf8)
        }
        return limit == 0 ? sorted : Array(sorted.prefix(limit))  // 0: every value
    }
}
