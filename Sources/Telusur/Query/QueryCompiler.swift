/// Turns a ``QueryNode`` tree into a Xapian query over telusur's ``Schema``.
struct QueryCompiler {
    /// Most terms one wildcard expands to (the most frequent ones are kept).
    static let wildcardLimit = 100

    /// Resolves `person:` and `agency:` against the index, and remembers what it resolved.
    var entities: EntityResolver

    /// Where the clauses of an AND must meet: in one paragraph, or anywhere in the
    /// article (see ``articleScoped(_:compiled:filters:)``).
    var scope: QueryScope = .paragraph

    /// The wildcards that start more words than ``wildcardLimit``, as compiled.
    var cappedWildcards: [WildcardExpansion] = []

    mutating func compile(_ node: QueryNode?) throws -> XapianQuery {
        guard let node else { return try XapianQuery.matchAll() }
        return try build(node, prefix: "")
    }

    /// The positive words and phrases of `node` again, on the title (`S` prefix), or nil
    /// when there are none: added with `OP_AND_MAYBE`, they lift title matches without
    /// changing what matches.
    func titleBoost(_ node: QueryNode?) throws -> XapianQuery? {
        var parts: [XapianQuery] = []
        func collect(_ node: QueryNode) throws {
            switch node {
            case .term(let term):
                parts.append(try XapianQuery.term(Schema.titlePrefix + term))
            case .phrase(let words):
                let terms = try words.enumerated().map { try XapianQuery.term(Schema.titlePrefix + $0.element, position: $0.offset + 1) }
                parts.append(try XapianQuery.combine(.phrase, terms, window: words.count))
            case .and(let nodes), .or(let nodes):
                for child in nodes { try collect(child) }
            case .near(let nodes, _):
                for child in nodes { try collect(child) }
            default:
                break  // NOT, fields and wildcards add nothing to the boost
            }
        }
        if let node { try collect(node) }
        guard !parts.isEmpty else { return nil }
        return parts.count == 1 ? parts[0] : try XapianQuery.combine(.or, parts)
    }

    /// For a person or agency inside NEAR: the filter on its mention terms, and the
    /// words it is matched by, those of the names it resolves to (every key of a
    /// person's group) and those typed ("Jokowi" and "joko widodo"); nil for other clauses.
    private mutating func nameWords(of node: QueryNode) throws -> (mention: XapianQuery, words: [String])? {
        let typed: String
        let terms: [String]
        var names: [String] = []
        switch node {
        case .person(let name):
            typed = name
            terms = try entities.personTerms(name)
            names = terms.map { String($0.dropFirst(Schema.personPrefix.count)) }
        case .agency(let name):
            typed = name
            terms = [try entities.agencyTerm(name)]
            // "kpu@sumatera-selatan": the acronym; the region is checked by the mention term.
            let key = terms[0].dropFirst(Schema.agencyPrefix.count)
            names = [String(key.split(separator: "@").first ?? key)]
        default:
            return nil
        }
        let tokenizer = Tokenizer()
        var seen = Set<String>()
        let words = (names.flatMap { tokenizer.terms($0) } + tokenizer.terms(typed)).filter { seen.insert($0).inserted }
        guard !words.isEmpty else { return nil }
        let queries = try terms.map { try XapianQuery.term($0) }
        let mention = try (queries.count == 1 ? queries[0] : XapianQuery.combine(.or, queries)).scaled(by: 0)
        return (mention, words)
    }

    static func isSaid(_ node: QueryNode) -> Bool {
        if case .said = node { return true }
        return false
    }

    /// The ``wildcardLimit`` most frequent terms that start with `prefix` (ties in byte
    /// order), counted over every shard (`allterms_begin(prefix)`).
    static func expand(_ prefix: String, in database: XapianDatabase) throws -> (words: [String], of: Int) {
        let terms = try database.terms(prefix: prefix)
        let ranked = terms.sorted {
            $0.frequency != $1.frequency ? $0.frequency > $1.frequency : $0.term.utf8.lexicographicallyPrecedes($1.term.utf8)
        }
        return (ranked.prefix(wildcardLimit).map(\.term), terms.count)
    }

    private mutating func build(_ node: QueryNode, prefix: String) throws -> XapianQuery {
        switch node {
        case .term(let term):
            return try XapianQuery.term(prefix + term)
        case .phrase(let words) where prefix == Schema.quoteWordPrefix:
            // Quote words carry no positions: all the words, in one paragraph's quotes.
            return try XapianQuery.combine(.and, try words.map { try XapianQuery.term(prefix + $0) })
        case .phrase(let words):
            let terms = try words.enumerated().map { try XapianQuery.term(prefix + $0.element, position: $0.offset + 1) }
            return try XapianQuery.combine(.phrase, terms, window: words.count)
        case .near(let nodes, _) where prefix == Schema.quoteWordPrefix:
            var parts: [XapianQuery] = []
            for node in nodes { parts.append(try build(node, prefix: prefix)) }
            return try XapianQuery.combine(.and, parts)
        case .near(let nodes, let distance):
            // Every positional leaf takes part; phrases inside NEAR are kept as phrases. A
            // person or agency takes part by the words of its name (entity terms carry no
            // positions), in a paragraph that mentions it.
            var parts: [XapianQuery] = []
            var mentions: [XapianQuery] = []
            for node in nodes {
                if let (mention, words) = try nameWords(of: node) {
                    mentions.append(mention)
                    let terms = try words.map { try XapianQuery.term(prefix + $0) }
                    parts.append(terms.count == 1 ? terms[0] : try XapianQuery.combine(.or, terms))
                } else {
                    parts.append(try build(node, prefix: prefix))
                }
            }
            let width = nodes.reduce(0) { total, node in
                if case .phrase(let words) = node { return total + words.count }
                return total + 1
            }
            let near = try XapianQuery.combine(.near, parts, window: distance + width - 1)
            return mentions.isEmpty ? near : try XapianQuery.combine(.filter, [near] + mentions)
        case .wildcard(let stem):
            // Expanded here over the whole index, not by Xapian's OP_WILDCARD: on several
            // shards Xapian expands it in each shard (each its own most frequent words),
            // so what matches and how it weighs would depend on how articles are spread.
            let (words, total) = try Self.expand(prefix + stem, in: entities.database)
            if total > words.count {
                cappedWildcards.append(WildcardExpansion(prefix: stem, searched: words.count, words: total))
            }
            // No word starts with it: the stem as a word, which the index does not have either.
            guard !words.isEmpty else { return try XapianQuery.term(prefix + stem) }
            return try XapianQuery.combine(.synonym, try words.map { try XapianQuery.term($0) })
        case .title(let inner):
            return try build(inner, prefix: Schema.titlePrefix)
        case .filter(let field, let value):
            let term: String
            switch field {
            case .source: term = Schema.sourceTerm(value)
            case .id: term = Schema.articleTerm(value)
            case .office: term = Schema.officePrefix + (try entities.recognizer().persons.lexicon.officeKey(Tokenizer().terms(value)))
            default: term = value
            }
            return try XapianQuery.term(term).scaled(by: 0)
        case .person(let name):
            let terms = try entities.personTerms(name)
            guard terms.count > 1 else { return try XapianQuery.term(terms[0]).scaled(by: 0) }
            return try XapianQuery.combine(.or, try terms.map { try XapianQuery.term($0) }).scaled(by: 0)
        case .agency(let name):
            return try XapianQuery.term(try entities.agencyTerm(name)).scaled(by: 0)
        case .said(let name):
            return try XapianQuery.term(try entities.saidTerm(name)).scaled(by: 0)
        case .dateRange(let from, let to):
            return try XapianQuery.valueRange(slot: Schema.dateSlot, from: from, to: to).scaled(by: 0)
        case .or(let nodes):
            var branches: [XapianQuery] = []
            for node in nodes { branches.append(try build(node, prefix: prefix)) }
            return try XapianQuery.combine(.or, branches)
        case .not(let inner):
            let all = try XapianQuery.matchAll()
            guard let excluded = try excludedArticles(try build(inner, prefix: prefix)) else { return all }
            return try XapianQuery.combine(.andNot, [all, excluded])
        case .and(let nodes):
            var positive: [XapianQuery] = []
            var negative: [XapianQuery] = []
            var clauses: [QueryNode] = []
            var clauseQueries: [XapianQuery] = []
            var filters: [XapianQuery] = []
            // Beside `said:`, words are looked for inside the quotes (`said:"Herman Deru" pemilu`).
            let prefix = prefix.isEmpty && nodes.contains(where: Self.isSaid) ? Schema.quoteWordPrefix : prefix
            for child in nodes {
                if case .not(let inner) = child {
                    negative.append(try build(inner, prefix: prefix))
                } else {
                    let query = try build(child, prefix: prefix)
                    positive.append(query)
                    if Self.isArticleFilter(child) {
                        filters.append(query)
                    } else {
                        clauses.append(child)
                        clauseQueries.append(query)
                    }
                }
            }
            // Inside `title:` and beside `said:` the clauses keep to one document.
            let acrossArticle = scope == .article && prefix.isEmpty && clauses.count > 1
            var query = acrossArticle ? try articleScoped(clauses, compiled: clauseQueries, filters: filters)
                : positive.isEmpty ? try XapianQuery.matchAll()
                : positive.count == 1 ? positive[0] : try XapianQuery.combine(.and, positive)
            if !negative.isEmpty,
               let excluded = try excludedArticles(negative.count == 1 ? negative[0] : try XapianQuery.combine(.or, negative)) {
                query = try XapianQuery.combine(.andNot, [query, excluded])
            }
            return query
        }
    }

    /// NOT and `-word` exclude whole articles, not only the paragraphs that match: a
    /// user who writes `pemilu -kampanye` means "not articles about kampanye". The
    /// negated part is matched first (unweighted, one document per article); the
    /// result is a boolean query for every document of those articles (their `XA` id
    /// terms), or nil when no article matches it.
    private func excludedArticles(_ negated: XapianQuery) throws -> XapianQuery? {
        let database = entities.database
        let enquire = try XapianEnquire(database: database, query: negated)
        try enquire.boolWeight()
        try enquire.collapse(on: Schema.articleSlot)
        let matches = try enquire.run(offset: 0, limit: max(1, try database.documentCount()), checkAtLeast: 0)
        let ids = Set(try matches.items().map(\.key)).filter { !$0.isEmpty }
        guard !ids.isEmpty else { return nil }
        let terms = try ids.sorted().map { try XapianQuery.term(Schema.term(Schema.articlePrefix, $0)) }
        return try (terms.count == 1 ? terms[0] : XapianQuery.combine(.or, terms)).scaled(by: 0)
    }
}
