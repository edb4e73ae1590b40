/// One quote that matched, with its article.
public struct QuoteMatch: Sendable {
    /// The quote (its paragraph number, speaker, text…).
    public var quote: Quote
    /// The article's stored metadata.
    public var article: ArticleRecord

    public init(quote: Quote, article: ArticleRecord) {
        self.quote = quote
        self.article = article
    }
}

/// The quotes that matched a query: one page and how many there are.
public struct QuoteResults: Sendable {
    /// Every quote that matched.
    public var total: Int
    /// The page asked for.
    public var quotes: [QuoteMatch]
    /// What `person:`/`said:` and `agency:` resolved to.
    public var entities: ResolvedEntities

    public init(total: Int, quotes: [QuoteMatch], entities: ResolvedEntities) {
        self.total = total
        self.quotes = quotes
        self.entities = entities
    }
}

/// The order of `telusur quotes`.
public enum QuoteOrder: String, CaseIterable, Sendable {
    /// Newest article first (the default).
    case newest
    /// Best-matching paragraph first, ties newest first.
    case relevance
}

extension Searcher {
    /// The quotes matching `query`: the paragraphs with a quote (``Schema/quoteDocumentTerm``)
    /// that match it, and of their quotes those by every `said:` speaker of the query and,
    /// when the query has words, those whose own text has one of them.
    ///
    /// Every matching paragraph is read once (its ``Schema/quotesSlot``), so that `total`
    /// counts quotes exactly, not paragraphs.
    public func quotes(_ query: ParsedQuery, order: QuoteOrder = .newest, limit: Int = 20, offset: Int = 0) throws -> QuoteResults {
        let recognizer: EntityRecognizer
        switch EntityLexicon.shared {
        case .success(let lexicon): recognizer = EntityRecognizer(lexicon: lexicon)
        case .failure(let error): throw SearchError.entityData(error)
        }
        var compiler = QueryCompiler(entities: EntityResolver(database: database, recognizer: { recognizer }))
        let matched = try compiler.compile(query.root)
        var saidResolver = EntityResolver(database: database, recognizer: { recognizer })
        let said = try Self.saidNodes(query.root).map { try saidResolver.saidTerm($0) }
        let words = QuoteWordFilter(query)
        let marker = try XapianQuery.term(Schema.quoteDocumentTerm).scaled(by: 0)
        let enquire = try XapianEnquire(database: database, query: try XapianQuery.combine(.and, [matched, marker]))
        switch order {
        case .newest: try enquire.sortByValue(Schema.orderSlot, descending: true)
        case .relevance: try enquire.sortByRelevance(thenBy: Schema.orderSlot, descending: true)
        }
        var total = 0
        var page: [QuoteMatch] = []
        var articles: [String: ArticleRecord] = [:]
        let batch = 1000
        var start = 0
        while true {
            let items = try enquire.run(offset: start, limit: batch, checkAtLeast: 0).items()
            for item in items {
                let (text, stored) = try database.document(item.document, slot: Schema.quotesSlot)
                let number = DocumentCodec.paragraphNumber(try database.document(item.document, slot: Schema.paragraphSlot).value)
                let quotes = QuoteRecord.decode(stored, paragraph: Paragraph(number: number, text: text)).filter { quote in
                    let terms = Set([quote.speaker.key.map { Schema.term(Schema.quoteSpeakerPrefix, $0) },
                                     quote.speaker.agency.map { Schema.term(Schema.quoteAgencyPrefix, $0) }].compactMap { $0 })
                    return said.allSatisfy(terms.contains) && words.accepts(quote.text)
                }
                guard !quotes.isEmpty else { continue }
                for quote in quotes {
                    defer { total += 1 }
                    guard total >= offset, page.count < limit else { continue }
                    let id = try database.document(item.document, slot: Schema.articleSlot).value
                    if articles[id] == nil { articles[id] = try article(id: id) }
                    guard let record = articles[id] else { continue }
                    page.append(QuoteMatch(quote: quote, article: record))
                }
            }
            if items.count < batch { break }
            start += batch
        }
        return QuoteResults(total: total, quotes: page, entities: compiler.entities.resolved)
    }

    /// The `said:` values that every match must satisfy (those ANDed at the top).
    static func saidNodes(_ node: QueryNode?) -> [String] {
        switch node {
        case .said(let name)?: return [name]
        case .and(let nodes)?: return nodes.flatMap { saidNodes($0) }
        default: return []
        }
    }
}

/// Keeps the quotes whose own text has one of the query's words or phrases (all of
/// them pass when the query has none).
struct QuoteWordFilter {
    private let terms: Set<String>
    private let prefixes: [String]
    private let phrases: [[String]]
    private let tokenizer = Tokenizer()

    init(_ query: ParsedQuery) {
        var terms = Set<String>()
        var prefixes: [String] = []
        for term in query.highlightTerms {
            if term.hasSuffix("*") { prefixes.append(String(term.dropLast())) } else { terms.insert(term) }
        }
        self.terms = terms
        self.prefixes = prefixes
        phrases = query.highlightPhrases
    }

    func accepts(_ text: String) -> Bool {
        guard !terms.isEmpty || !prefixes.isEmpty || !phrases.isEmpty else { return true }
        let words = tokenizer.tokenize(text).filter { $0.kind != .compound }.map(\.term)
        if words.contains(where: { terms.contains($0) || prefixes.contains(where: $0.hasPrefix) }) { return true }
        for phrase in phrases where !phrase.isEmpty && words.count >= phrase.count {
            for start in 0...(words.count - phrase.count) where Array(words[start..<start + phrase.count]) == phrase { return true }
        }
        return false
    }
}
