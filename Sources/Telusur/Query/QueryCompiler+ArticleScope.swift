/// Article scope (`--within article`): the clauses of an AND must each match somewhere in
/// the article, not all in one paragraph. Phrases and NEAR still hold within one
/// paragraph each, because they are one clause.
extension QueryCompiler {
    /// How much more a paragraph where every clause meets weighs than one where only some
    /// do: a BM25 weight of one term is bounded by its idf × (k1 + 1), so at this factor
    /// the paragraphs (and so the articles) where the words meet come first.
    static let meetingBoost = 1000.0

    /// Most articles restricted by their id terms; beyond it, bare words fall back to
    /// the title documents (see ``articleScoped(_:compiled:filters:)``).
    static let idFilterLimit = 2000

    /// True for the clauses that every document of an article shares (source, id,
    /// dates): they stay plain filters, whatever the scope.
    static func isArticleFilter(_ node: QueryNode) -> Bool {
        switch node {
        case .filter, .dateRange: return true
        default: return false
        }
    }

    /// The AND of `clauses` (compiled as `compiled`) at article level, with `filters`
    /// (compiled clauses every document of an article shares) applied to each document.
    ///
    /// The articles are found first: those whose title document has the `W` term of
    /// every bare word (one boolean match) and, for every other clause (phrase, NEAR,
    /// wildcard, field, OR group), a document matching it (one collapsed match each);
    /// the sets are intersected. The result matches the documents of those articles
    /// that match any clause, restricted by their `XA` id terms; documents that match
    /// every clause get ``meetingBoost`` times their weight again.
    func articleScoped(_ clauses: [QueryNode], compiled: [XapianQuery], filters: [XapianQuery]) throws -> XapianQuery {
        var words: [XapianQuery] = []
        var others: [XapianQuery] = []
        for (node, query) in zip(clauses, compiled) {
            if case .term(let word) = node {
                words.append(try XapianQuery.term(Schema.articleWordPrefix + word))
            } else {
                others.append(query)
            }
        }
        var sets: [Set<String>] = []
        if !words.isEmpty {
            sets.append(try articles(matching: words.count == 1 ? words[0] : try XapianQuery.combine(.and, words), filters: filters))
        }
        for query in others where sets.last.map({ !$0.isEmpty }) ?? true {
            sets.append(try articles(matching: query, filters: filters))
        }
        var found = sets.first ?? []
        for set in sets.dropFirst() { found.formIntersection(set) }
        guard !found.isEmpty else {
            let all = try XapianQuery.matchAll()
            return try XapianQuery.combine(.andNot, [all, all])
        }
        let meeting = try XapianQuery.combine(.and, compiled).scaled(by: Self.meetingBoost)
        if found.count > Self.idFilterLimit && others.isEmpty {
            // Too many articles for a filter of their id terms (Xapian skips through an OR
            // of n terms in n steps: `yang dan` took 34 s). Every clause is a word: the
            // paragraphs where all meet, and the title document of every article that has
            // all the words (its `W` terms) stands for the others.
            var articleLevel = try XapianQuery.combine(.and, words + [try XapianQuery.term(Schema.titleDocumentTerm)]).scaled(by: 0)
            if !filters.isEmpty { articleLevel = try XapianQuery.combine(.and, [articleLevel] + filters) }
            var together = try XapianQuery.combine(.and, compiled)
            if !filters.isEmpty { together = try XapianQuery.combine(.and, [together] + filters) }
            return try XapianQuery.combine(.or, [try together.scaled(by: Self.meetingBoost), articleLevel])
        }
        let ids = try found.sorted().map { try XapianQuery.term(Schema.term(Schema.articlePrefix, $0)) }
        let inArticles = ids.count == 1 ? ids[0] : try XapianQuery.combine(.or, ids)
        let anyClause = try XapianQuery.combine(.or, compiled)
        var query = try XapianQuery.combine(.filter, [anyClause, inArticles])
        if !filters.isEmpty { query = try XapianQuery.combine(.and, [query] + filters) }
        return try XapianQuery.combine(.andMaybe, [query, meeting])
    }

    /// The ids of the articles with a document that matches `query` and `filters`
    /// (unweighted, one document per article).
    private func articles(matching query: XapianQuery, filters: [XapianQuery]) throws -> Set<String> {
        let database = entities.database
        let restricted = filters.isEmpty ? query : try XapianQuery.combine(.filter, [query] + filters)
        let enquire = try XapianEnquire(database: database, query: restricted)
        try enquire.boolWeight()
        try enquire.collapse(on: Schema.articleSlot)
        let matches = try enquire.run(offset: 0, limit: max(1, try database.documentCount()), checkAtLeast: 0)
        return Set(try matches.items().map(\.key)).subtracting([""])
    }
}
