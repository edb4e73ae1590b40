import Foundation

/// How an article becomes Xapian documents and how they read back: the one place that
/// builds telusur's terms, values and records (their names are in ``Schema``), keeps
/// Xapian's term limit, lays out the documents of an article and decodes what the
/// searcher reads. The Indexer analyses and writes; the Searcher and the counters
/// match and count; neither spells a prefix, a separator or a docid formula itself,
/// and the C shim knows none of them.
///
/// One Xapian document per paragraph; paragraph 0 is the title document, which carries
/// the article's record (``ArticleRecord``) as its data and the article-level terms.
/// Not thread-safe (it reuses its buffers): one per indexer.
struct DocumentCodec {
    /// The longest term Xapian's glass backend stores (245 bytes, prefix included).
    static let maximumTermBytes = XapianDocument.maximumTermBytes

    /// What the analysis of one article found, written with it.
    struct Analysis {
        /// The persons and agencies of the title (first) and of each paragraph.
        var entities: [ParagraphEntities]
        /// Quotes by paragraph number.
        var quotes: [Int: [Quote]]
        /// The SimHash of the paragraphs, when they are long enough to judge.
        var fingerprint: SimHash?
        /// The near-duplicate group (the article's own id when it has no twin).
        var group: String
        /// The content hash (``Indexer/contentHash(_:)``).
        var hash: String
        /// The indexing batch writing it (``Schema/batchSlot``).
        var batch: Int = 0
    }

    private let tokenizer = Tokenizer()
    private var termBytes: [UInt8] = []
    private var termLengths: [UInt32] = []
    private var termPositions: [UInt32] = []
    /// Every distinct word of the article being encoded (see ``scanWords(of:)``).
    private var articleWords = Set<[UInt8]>()
    /// Words written since the last ``takeSpelling()`` and their counts, for Xapian's
    /// spelling data.
    private var spelling: [String: UInt32] = [:]

    // MARK: - writing

    /// Reads the article's words once: collects its distinct words (for the "W" terms
    /// of the title document) and returns the SimHash of the paragraphs (the title left
    /// out: outlets rewrite headlines), or nil when they are too short to judge.
    mutating func scanWords(of article: Article) -> SimHash? {
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

    /// The documents of `article`, title document first, then one per paragraph in
    /// order (``titleDocument(of:paragraph:databases:)`` relies on that order). Call
    /// ``scanWords(of:)`` for the same article first.
    mutating func documents(for article: Article, analysis: Analysis) throws -> [XapianDocument] {
        let persons = Self.union(analysis.entities.map(\.persons))
        let agencies = Self.union(analysis.entities.map(\.agencies))
        let speakers = Self.union(analysis.quotes.keys.sorted().map { analysis.quotes[$0, default: []].compactMap(\.speaker.key) })
        let facets = Self.facetList(of: article, persons: persons, agencies: agencies, speakers: speakers)
        let shared = Self.sharedTerms(of: article)

        let title = try XapianDocument()
        try addText(article.title, to: title, prefixes: ["", Schema.titlePrefix])
        try addArticleWords(to: title)
        for term in shared { try add(term, to: title) }
        try addEntities(analysis.entities[0], to: title)
        for person in persons { try add(Schema.articlePersonPrefix + person, to: title) }
        for agency in agencies { try add(Schema.articleAgencyPrefix + agency, to: title) }
        for held in Set(analysis.entities.flatMap(\.offices)) {
            try add(Schema.officeHolderPrefix + held.office + Schema.officeSeparator + held.person, to: title)
            try add(Schema.personOfficePrefix + held.person + Schema.officeSeparator + held.office, to: title)
        }
        if let fingerprint = analysis.fingerprint {
            for band in fingerprint.bands { try add(Schema.fingerprintBandPrefix + band, to: title) }
            try title.setValue(Self.fingerprintValue(fingerprint, group: analysis.group), slot: Schema.fingerprintSlot)
        }
        try add(Schema.term(Schema.groupPrefix, analysis.group), to: title)
        let shingles = Self.shingles(of: article, tokenizer: tokenizer)
        for shingle in shingles { try add(Self.sentenceTerm(shingle), to: title) }
        try title.setValue(String(shingles.count), slot: Schema.sentenceCountSlot)
        try add(Schema.titleDocumentTerm, to: title)
        try add(Schema.paragraphTerm(article: article.id, number: 0), to: title)
        if let origin = article.origin.flatMap(Self.originTerm) { try add(origin, to: title) }
        try setValues(of: title, article: article, paragraph: 0, facets: facets, analysis: analysis)
        try title.setValue(analysis.hash, slot: Schema.hashSlot)
        try title.setData(try ArticleRecord(article).encoded())

        var documents = [title]
        documents.reserveCapacity(article.paragraphs.count + 1)
        for (paragraph, found) in zip(article.paragraphs, analysis.entities.dropFirst()) {
            let document = try XapianDocument()
            try addText(paragraph.text, to: document, prefixes: [""])
            for term in shared { try add(term, to: document) }
            try addEntities(found, to: document)
            if let quoted = analysis.quotes[paragraph.number] { try addQuotes(quoted, to: document) }
            try add(Schema.paragraphTerm(article: article.id, number: paragraph.number), to: document)
            try setValues(of: document, article: article, paragraph: paragraph.number, facets: facets, analysis: analysis)
            try document.setData(paragraph.text)
            documents.append(document)
        }
        return documents
    }

    /// The words written since the last call and how often, for `add_spelling`.
    mutating func takeSpelling() -> [String: UInt32] {
        defer { spelling.removeAll(keepingCapacity: true) }
        return spelling
    }

    /// Adds a boolean term, or leaves it out when Xapian could not hold it (it would
    /// refuse it at commit and roll back the whole batch; no query word is that long).
    private func add(_ term: String, to document: XapianDocument, wdf: UInt32 = 0) throws {
        guard term.utf8.count <= Self.maximumTermBytes else { return }
        try document.addTerm(term, wdf: wdf)
    }

    /// Tokenizes `text` and adds each term at its position once per prefix, in one shim call.
    private mutating func addText(_ text: String, to document: XapianDocument, prefixes: [String]) throws {
        termBytes.removeAll(keepingCapacity: true)
        termLengths.removeAll(keepingCapacity: true)
        termPositions.removeAll(keepingCapacity: true)
        for prefix in prefixes {
            let prefixBytes = Array(prefix.utf8)
            tokenizer.forEachToken(in: text) { bytes, position, _, kind in
                if prefix.isEmpty, kind == .word, bytes.count >= 3, bytes.count <= 40 {
                    spelling[String(decoding: bytes, as: UTF8.self), default: 0] += 1
                }
                guard prefixBytes.count + bytes.count <= Self.maximumTermBytes else { return }
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

    /// The words ``scanWords(of:)`` collected, once each, on the title document: the
    /// term frequency of "W" + word is then the exact number of articles that contain
    /// the word, so a one-word query is counted without a match.
    private mutating func addArticleWords(to document: XapianDocument) throws {
        termBytes.removeAll(keepingCapacity: true)
        termLengths.removeAll(keepingCapacity: true)
        let prefix = Array(Schema.articleWordPrefix.utf8)
        for word in articleWords where prefix.count + word.count <= Self.maximumTermBytes {
            termBytes.append(contentsOf: prefix)
            termBytes.append(contentsOf: word)
            termLengths.append(UInt32(prefix.count + word.count))
        }
        if !termLengths.isEmpty { try document.addTerms(bytes: termBytes, lengths: termLengths) }
    }

    private func addEntities(_ entities: ParagraphEntities, to document: XapianDocument) throws {
        for person in entities.persons { try add(Schema.personPrefix + person, to: document) }
        for agency in entities.agencies { try add(Schema.agencyPrefix + agency, to: document) }
        var offices = Set<String>()
        for held in entities.offices where offices.insert(held.office).inserted {
            try add(Schema.officePrefix + held.office, to: document)
        }
    }

    /// The quote terms and the quotes value of a paragraph: "XQUOTE", "XQP" + speaker,
    /// "XQG" + agency, "XQW" + each distinct word of the quotes (boolean, without
    /// positions: they would add a tenth to the index; a phrase beside `said:` matches
    /// its words, and `telusur quotes` checks the phrase in each quote), and
    /// ``Schema/quotesSlot``.
    private func addQuotes(_ quotes: [Quote], to document: XapianDocument) throws {
        guard !quotes.isEmpty else { return }
        try add(Schema.quoteDocumentTerm, to: document)
        var seen = Set<String>()
        for quote in quotes {
            var terms: [String] = []
            if let key = quote.speaker.key { terms.append(Schema.term(Schema.quoteSpeakerPrefix, key)) }
            if let agency = quote.speaker.agency { terms.append(Schema.term(Schema.quoteAgencyPrefix, agency)) }
            for term in terms where seen.insert(term).inserted { try add(term, to: document) }
        }
        // As boolean terms (wdf 0): they must not lengthen the paragraph, which would change
        // how every other search ranks it.
        var words = Set<String>()
        for quote in quotes {
            tokenizer.forEachToken(in: quote.text) { term, _, _, _ in words.insert(String(decoding: term, as: UTF8.self)) }
        }
        for word in words { try add(Schema.quoteWordPrefix + word, to: document) }
        try document.setValue(try QuoteRecord.encode(quotes), slot: Schema.quotesSlot)
    }

    private func setValues(of document: XapianDocument, article: Article, paragraph: Int, facets: String,
                           analysis: Analysis) throws {
        try document.setValue(facets, slot: Schema.facetSlot)
        try document.setValue(analysis.group, slot: Schema.groupSlot)
        try document.setValue(Self.batchValue(analysis.batch), slot: Schema.batchSlot)
        try document.setValue(article.id, slot: Schema.articleSlot)
        try document.setValue(article.date ?? "", slot: Schema.dateSlot)
        try document.setValue(Schema.orderValue(date: article.date, id: article.id), slot: Schema.orderSlot)
        try document.setValue(Schema.oldestFirstValue(date: article.date, id: article.id), slot: Schema.oldestFirstSlot)
        try document.setValue(Self.paragraphValue(paragraph), slot: Schema.paragraphSlot)
        if let source = article.source { try document.setValue(source, slot: Schema.sourceSlot) }
    }

    /// Boolean terms every document of the article carries: its id and source. (Dates
    /// are filtered through the date value slot, so they need no terms.) A source too
    /// long for a term is left out by ``add(_:to:wdf:)``; its value is kept.
    private static func sharedTerms(of article: Article) -> [String] {
        var terms = [Schema.articleTerm(article.id)]
        if let source = article.source, !source.isEmpty { terms.append(Schema.sourceTerm(source)) }
        return terms
    }

    /// The distinct sentence shingles of the article's paragraphs (not its title:
    /// outlets rewrite headlines), in first-seen order.
    static func shingles(of article: Article, tokenizer: Tokenizer) -> [UInt64] {
        var seen = Set<UInt64>()
        var ordered: [UInt64] = []
        for paragraph in article.paragraphs {
            for sentence in SentenceShingle.sentences(of: paragraph.text, tokenizer: tokenizer) {
                if let shingle = sentence.shingle, seen.insert(shingle).inserted { ordered.append(shingle) }
            }
        }
        return ordered
    }

    /// The term of a sentence shingle (18 bytes).
    static func sentenceTerm(_ shingle: UInt64) -> String {
        Schema.sentencePrefix + SentenceShingle.hex(shingle)
    }

    /// The shingle of a sentence term, nil when it is not one.
    static func shingle(inTerm term: String) -> UInt64? {
        guard term.hasPrefix(Schema.sentencePrefix) else { return nil }
        return UInt64(term.dropFirst(Schema.sentencePrefix.count), radix: 16)
    }

    /// The origin term of a path, nil when the path is too long for a term.
    static func originTerm(_ path: String) -> String? {
        let term = Schema.term(Schema.originPrefix, path)
        return term.utf8.count <= maximumTermBytes ? term : nil
    }

    /// Each value once, in first-seen order.
    private static func union(_ lists: [[String]]) -> [String] {
        var seen = Set<String>()
        return lists.joined().filter { seen.insert($0).inserted }
    }

    // MARK: - facets

    /// The kinds of value an article is counted under, and the marker each has in
    /// ``Schema/facetSlot``.
    enum FacetKind: String, CaseIterable, Sendable {
        case source = "s:"
        case year = "y:"
        case month = "m:"
        /// The whole date, for day and week timelines.
        case day = "d:"
        case person = "p:"
        case agency = "g:"
        /// A person quoted in the article (``QuoteExtractor``): the "speakers" facet.
        case speaker = "q:"

        /// The marker and the value, as the counters return it.
        func key(_ value: String) -> String { rawValue + value }
    }

    /// The article's facet values as stored on its documents (see ``Schema/facetSlot``):
    /// first the article itself, so the string is one of a kind per article, then the
    /// source, year, month, day, persons, national agencies and the persons quoted,
    /// separated by U+001F.
    static func facetList(of article: Article, persons: [String], agencies: [String], speakers: [String] = []) -> String {
        var values: [String] = [Schema.facetArticlePrefix + article.id]
        if let source = article.source, !source.isEmpty { values.append(FacetKind.source.key(source.lowercased())) }
        if let date = article.date, date.utf8.count == 10 {
            values.append(FacetKind.year.key(String(date.prefix(4))))
            values.append(FacetKind.month.key(String(date.prefix(7))))
            values.append(FacetKind.day.key(date))
        }
        values += persons.map(FacetKind.person.key)
        values += agencies.filter { !$0.contains("@") }.map(FacetKind.agency.key)
        values += speakers.map(FacetKind.speaker.key)
        return values.joined(separator: String(Schema.facetSeparator))
    }

    /// The facet values of a stored list, the article element left out; `marked` is
    /// false when the list does not start with its article (an index older than schema
    /// version 2, whose counts over remote shards would be wrong).
    static func facetValues(in list: String) -> (values: [Substring], marked: Bool) {
        var elements = list.split(separator: Schema.facetSeparator, omittingEmptySubsequences: true)
        let marked = elements.first?.hasPrefix(Schema.facetArticlePrefix) ?? false
        if marked { elements.removeFirst() }
        return (elements, marked)
    }

    /// The values of one kind in a stored list, without their marker.
    static func values(_ kind: FacetKind, in list: String) -> [String] {
        facetValues(in: list).values.filter { $0.hasPrefix(kind.rawValue) }.map { String($0.dropFirst(kind.rawValue.count)) }
    }

    /// What a counter needs to read ``Schema/facetSlot`` (the shim knows no separator).
    static let facetListSeparator = UInt8(ascii: "\u{1F}")
    static let facetListSkip = Schema.facetArticlePrefix

    // MARK: - values

    /// A batch number as ``Schema/batchSlot`` and ``Schema/batchKey`` hold it: ten
    /// decimal digits, so that values sort as numbers and a range of them is a batch range.
    static func batchValue(_ number: Int) -> String {
        let digits = String(max(0, number))
        return String(repeating: "0", count: max(0, 10 - digits.count)) + digits
    }

    /// The batch number of a stored value (0 when there is none: an index older than batches).
    static func batchNumber(_ value: String) -> Int { Int(value) ?? 0 }

    /// The paragraph number as ``Schema/paragraphSlot`` holds it (decimal text, 0 = title).
    static func paragraphValue(_ number: Int) -> String { String(number) }

    /// The paragraph number of a stored value (0 when it is not one).
    static func paragraphNumber(_ value: String) -> Int { Int(value) ?? 0 }

    /// The fingerprint value of a title document: "<simhash as 16 hex digits> <group id>".
    static func fingerprintValue(_ fingerprint: SimHash, group: String) -> String {
        fingerprint.hex + " " + group
    }

    /// The fingerprint and group of a stored fingerprint value, nil when it is not one.
    static func fingerprint(in value: String) -> (fingerprint: SimHash, group: String)? {
        guard let space = value.firstIndex(of: " "), let hash = SimHash(hex: value[..<space]) else { return nil }
        return (hash, String(value[value.index(after: space)...]))
    }

    // MARK: - layout

    /// The title document of the article whose paragraph `number` is `document`: in a
    /// database an article's documents are consecutive, title first (``documents(for:analysis:)``),
    /// and Xapian interleaves the document numbers of `databases` combined databases,
    /// so the title is `number × databases` documents earlier. nil when that is before
    /// the first document. (The caller checks the article id: replacing an article's
    /// paragraphs in place can break the layout.)
    static func titleDocument(of document: UInt32, paragraph number: Int, databases: Int) -> UInt32? {
        let offset = number * max(1, databases)
        guard offset < document else { return nil }
        return document - UInt32(offset)
    }

    /// A table from document number to article number + 1 (0: before any title), for
    /// the shim's counter, from the sorted document numbers of one database's title
    /// documents: a paragraph belongs to the last title at or before it.
    static func articleTable(titles: [UInt32], lastDocument: UInt32) -> [UInt32] {
        var table = [UInt32](repeating: 0, count: Int(lastDocument) + 1)
        for (index, start) in titles.enumerated() {
            let end = index + 1 < titles.count ? Int(titles[index + 1]) : table.count
            let number = UInt32(index + 1)
            var document = Int(start)
            while document < end && document < table.count {
                table[document] = number
                document += 1
            }
        }
        return table
    }

    /// Where `document` stands in its article by the table alone (no document read):
    /// 0 the title (added first), 1 the lead, 2 any later paragraph; nil when the table
    /// does not know the document (added after it was built).
    static func position(of document: UInt32, in table: [UInt32]) -> Int? {
        let d = Int(document)
        guard d < table.count, table[d] != 0 else { return nil }
        if d < 2 || table[d - 1] != table[d] { return 0 }
        if d < 3 || table[d - 2] != table[d] { return 1 }
        return 2
    }
}
