import CXapian

/// One search over a database (`Xapian::Enquire`): the query, the ranking, collapsing
/// and counting, and the page of results (`get_mset`).
final class XapianEnquire {
    private let handle: OpaquePointer
    private let database: XapianDatabase
    private let query: XapianQuery
    private var spies: [XapianSpy] = []
    private var counters: [XapianCounter] = []
    private var maps: [XapianArticleMap] = []

    init(database: XapianDatabase, query: XapianQuery) throws {
        var out: OpaquePointer?
        try XapianCall.run { tx_enquire_new(database.handle, query.handle, &out, $0) }
        guard let out else { throw XapianError(status: TX_ERR_UNKNOWN, message: "no enquire created") }
        handle = out
        self.database = database
        self.query = query
    }

    deinit {
        tx_enquire_free(handle)
        // spies are freed after the enquire that refers to them (their own deinit).
    }

    /// Keeps at most `max` documents per distinct value of `slot` (`set_collapse_key`).
    func collapse(on slot: ValueSlot, max: Int = 1) throws {
        try XapianCall.run { tx_enquire_collapse(handle, slot.rawValue, UInt32(clamping: max), $0) }
    }

    /// Ranks with BM25 (`BM25Weight(k1, k2, k3, b, min_normlen)`).
    func bm25(k1: Double, k2: Double = 0, k3: Double = 1, b: Double, minNormLength: Double = 0.5) throws {
        try XapianCall.run { tx_enquire_bm25(handle, k1, k2, k3, b, minNormLength, $0) }
    }

    /// Every match weighs 0 (`BoolWeight`): for a pass that only counts.
    func boolWeight() throws {
        try XapianCall.run { tx_enquire_bool_weight(handle, $0) }
    }

    /// Relevance first, ties by the value of `slot` (`set_sort_by_relevance_then_value`).
    func sortByRelevance(thenBy slot: ValueSlot, descending: Bool) throws {
        try XapianCall.run { tx_enquire_sort(handle, 0, slot.rawValue, descending ? 1 : 0, $0) }
    }

    /// The value of `slot` first, ties by relevance (`set_sort_by_value_then_relevance`).
    func sortByValue(_ slot: ValueSlot, descending: Bool) throws {
        try XapianCall.run { tx_enquire_sort(handle, 1, slot.rawValue, descending ? 1 : 0, $0) }
    }

    /// Counts every matching document by its value in `slot` (`ValueCountMatchSpy`).
    func addSpy(on slot: ValueSlot) throws -> XapianSpy {
        var out: OpaquePointer?
        try XapianCall.run { tx_enquire_spy(handle, slot.rawValue, &out, $0) }
        guard let out else { throw XapianError(status: TX_ERR_UNKNOWN, message: "no spy created") }
        let spy = XapianSpy(handle: out)
        spies.append(spy)
        return spy
    }

    /// Counts matching documents, distinct articles (by `articleSlot`) and, when
    /// `facetSlot` is given, each article's facet values once.
    func addCounter(articleSlot: ValueSlot, facetSlot: ValueSlot?, map: XapianArticleMap?) throws -> XapianCounter {
        var out: OpaquePointer?
        try XapianCall.run {
            tx_enquire_counter(handle, articleSlot.rawValue, facetSlot?.rawValue ?? UInt32.max, map?.handle, &out, $0)
        }
        if let map { maps.append(map) }
        guard let out else { throw XapianError(status: TX_ERR_UNKNOWN, message: "no counter created") }
        let counter = XapianCounter(handle: out)
        counters.append(counter)
        return counter
    }

    /// Runs the match and returns one page (`get_mset(offset, limit, checkatleast)`).
    func run(offset: Int, limit: Int, checkAtLeast: Int) throws -> XapianMatches {
        var out: OpaquePointer?
        try XapianCall.run {
            tx_enquire_run(handle, UInt32(clamping: offset), UInt32(clamping: limit), UInt32(clamping: checkAtLeast), &out, $0)
        }
        guard let out else { throw XapianError(status: TX_ERR_UNKNOWN, message: "no results") }
        return XapianMatches(handle: out)
    }
}

/// One page of matches (`Xapian::MSet`).
final class XapianMatches {
    private let handle: OpaquePointer

    /// One match: its document, BM25 weight and collapse key (the article id).
    struct Item {
        var document: UInt32
        var weight: Double
        var key: String
    }

    init(handle: OpaquePointer) { self.handle = handle }
    deinit { tx_results_free(handle) }

    /// Xapian's estimate of the number of matches (exact only when every document was checked).
    var estimated: Int {
        var lower: UInt32 = 0, estimated: UInt32 = 0, upper: UInt32 = 0
        tx_results_counts(handle, &lower, &estimated, &upper)
        return Int(estimated)
    }

    /// The matches on this page, best first.
    func items() throws -> [Item] {
        let count = tx_results_size(handle)
        var items: [Item] = []
        items.reserveCapacity(count)
        for i in 0..<count {
            var id: UInt32 = 0
            var weight = 0.0
            var key: UnsafePointer<CChar>?
            var length = 0
            try XapianCall.run { tx_results_item(handle, i, &id, &weight, &key, &length, $0) }
            let text = key.map { String(decoding: UnsafeRawBufferPointer(start: $0, count: length), as: UTF8.self) } ?? ""
            items.append(Item(document: id, weight: weight, key: text))
        }
        return items
    }

    /// The value in `slot` of match `index`'s document; the first call fetches every
    /// match's document at once (`MSet::fetch`, one exchange with a remote shard).
    func value(at index: Int, slot: ValueSlot) throws -> String {
        var value: UnsafePointer<CChar>?
        var length = 0
        try XapianCall.run { tx_results_item_value(handle, index, slot.rawValue, &value, &length, $0) }
        return value.map { String(decoding: UnsafeRawBufferPointer(start: $0, count: length), as: UTF8.self) } ?? ""
    }
}

/// Counts of matching documents by value (`Xapian::ValueCountMatchSpy`).
final class XapianSpy {
    private let handle: OpaquePointer

    init(handle: OpaquePointer) { self.handle = handle }
    deinit { tx_spy_free(handle) }

    /// Documents seen and how many distinct values they had.
    var totals: (documents: Int, distinct: Int) {
        var documents: UInt32 = 0, distinct: UInt32 = 0
        tx_spy_totals(handle, &documents, &distinct)
        return (Int(documents), Int(distinct))
    }

    /// Each element of the values seen (split at U+001F, the article element skipped)
    /// and how many distinct values had it, and how many values had no article
    /// element (``Schema/facetSlot``; the shim's `tx_spy_facet_counts`).
    func facetCounts() throws -> (counts: [(value: String, count: Int)], unmarked: Int) {
        var list: OpaquePointer?
        var unmarked: UInt32 = 0
        try XapianCall.run { tx_spy_facet_counts(handle, &list, &unmarked, $0) }
        defer { tx_terms_free(list) }
        return (TermList.read(list).map { ($0.term, $0.frequency) }, Int(unmarked))
    }

}

/// Exact counts and facets of one match (the shim's `CountingSpy`, a `Xapian::MatchSpy`).
final class XapianCounter {
    private let handle: OpaquePointer

    init(handle: OpaquePointer) { self.handle = handle }
    deinit { tx_counter_free(handle) }

    /// Matching documents and distinct articles.
    var totals: (documents: Int, articles: Int) {
        var documents: UInt32 = 0, articles: UInt32 = 0
        tx_counter_totals(handle, &documents, &articles)
        return (Int(documents), Int(articles))
    }

    /// Facet values starting with `prefix` and their article counts, most frequent first.
    func facets(prefix: String, limit: Int) throws -> [(value: String, count: Int)] {
        var list: OpaquePointer?
        try prefix.withBytes { p, n in
            try XapianCall.run { tx_counter_facets(handle, p, n, UInt32(clamping: limit), &list, $0) }
        }
        defer { tx_terms_free(list) }
        return TermList.read(list).map { ($0.term, $0.frequency) }
    }
}

/// Which article each document belongs to, from docids alone (the shim's `ArticleMap`,
/// built from the postlist of the title-document term). Valid for one revision of the
/// database: rebuild it after a reopen.
final class XapianArticleMap {
    let handle: OpaquePointer

    init(database: XapianDatabase, titleTerm: String) throws {
        var out: OpaquePointer?
        try titleTerm.withBytes { p, n in try XapianCall.run { tx_database_article_map(database.handle, p, n, &out, $0) } }
        guard let out else { throw XapianError(status: TX_ERR_UNKNOWN, message: "no article map") }
        handle = out
    }

    deinit { tx_article_map_free(handle) }

    /// Where `document` stands in its article, from docids alone: 0 the title, 1 the
    /// lead, 2 a later paragraph; nil when the map does not know the document.
    func position(of document: UInt32) -> Int? {
        var position: UInt32 = 3
        tx_article_map_position(handle, document, &position)
        return position == 3 ? nil : Int(position)
    }
}
