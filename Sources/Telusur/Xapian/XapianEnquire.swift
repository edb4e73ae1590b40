import CXapian

/// One search over a database (`Xapian::Enquire`): the query, the ranking, collapsing
/// and counting, and the page of results (`get_mset`).
final class XapianEnquire {
    private let handle: OpaquePointer
    private let database: XapianDatabase
    private let query: XapianQuery
    private var spies: [XapianSpy] = []
    private var counters: [XapianCounter] = []
    private var groupTables: [XapianDocumentGroups] = []

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

    /// How a counter reads a list value: its slot, the byte between elements and the
    /// prefix of a first element to leave out.
    struct ListValue {
        var slot: ValueSlot
        var separator: UInt8
        var skipFirst: String
    }

    /// Counts matching documents, distinct groups (by `groups` where it knows the
    /// document, else by the value of `keySlot`) and, with `list`, each element of the
    /// list value of each group's first document once (the shim's counting spy).
    func addCounter(keySlot: ValueSlot, list: ListValue?, groups: XapianDocumentGroups?) throws -> XapianCounter {
        var out: OpaquePointer?
        try (list?.skipFirst ?? "").withBytes { skip, skipLength in
            try XapianCall.run {
                tx_enquire_counter(handle, keySlot.rawValue, list?.slot.rawValue ?? UInt32.max,
                                   CChar(bitPattern: list?.separator ?? 0), skip, skipLength, groups?.handle, &out, $0)
            }
        }
        if let groups { groupTables.append(groups) }
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

    /// Every distinct value seen and how many matching documents had it (`tx_spy_values`).
    func values() throws -> [(value: String, count: Int)] {
        var list: OpaquePointer?
        try XapianCall.run { tx_spy_values(handle, &list, $0) }
        defer { tx_terms_free(list) }
        return TermList.read(list).map { ($0.term, $0.frequency) }
    }
}

/// Exact counts and facets of one match (the shim's `CountingSpy`, a `Xapian::MatchSpy`).
final class XapianCounter {
    private let handle: OpaquePointer

    init(handle: OpaquePointer) { self.handle = handle }
    deinit { tx_counter_free(handle) }

    /// Matching documents and distinct groups.
    var totals: (documents: Int, groups: Int) {
        var documents: UInt32 = 0, groups: UInt32 = 0
        tx_counter_totals(handle, &documents, &groups)
        return (Int(documents), Int(groups))
    }

    /// List elements starting with `prefix` and their group counts, most frequent first.
    func facets(prefix: String, limit: Int) throws -> [(value: String, count: Int)] {
        var list: OpaquePointer?
        try prefix.withBytes { p, n in
            try XapianCall.run { tx_counter_facets(handle, p, n, UInt32(clamping: limit), &list, $0) }
        }
        defer { tx_terms_free(list) }
        return TermList.read(list).map { ($0.term, $0.frequency) }
    }
}

/// Which group each document belongs to, by docid (`tx_groups`): `table[d]` is the
/// group number + 1 of document d, 0 when unknown. Made by the caller, who knows how
/// its documents are laid out (``DocumentCodec/articleTable(titles:lastDocument:)``);
/// valid for one revision of the database.
final class XapianDocumentGroups {
    let handle: OpaquePointer

    init(table: [UInt32]) throws {
        var out: OpaquePointer?
        try table.withUnsafeBufferPointer { t in try XapianCall.run { tx_groups_new(t.baseAddress, t.count, &out, $0) } }
        guard let out else { throw XapianError(status: TX_ERR_UNKNOWN, message: "no group table") }
        handle = out
    }

    deinit { tx_groups_free(handle) }
}
