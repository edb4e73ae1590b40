/// One entry per person in `persons`, facets, completion and `person:` (``PersonGroups``).
extension Searcher {
    /// The groups of the index's person keys, read once per revision from its `XPA` terms.
    func personGroups() throws -> PersonGroups {
        if let personGroupStore { return personGroupStore }
        let entries = try database.terms(prefix: Schema.articlePersonPrefix).map {
            (key: String($0.term.dropFirst(Schema.articlePersonPrefix.count)), articles: $0.frequency)
        }
        let groups = PersonGroups(entries)
        personGroupStore = groups
        return groups
    }

    /// Articles that name any of `keys`: their `XPA` terms (one per article, on its
    /// title document) matched together, so an article under two spellings counts once.
    func articles(namingAnyOf keys: [String]) throws -> Int {
        if keys.count == 1 { return try database.frequency(of: Schema.articlePersonPrefix + keys[0]) }
        let query = try XapianQuery.combine(.or, try keys.map { try XapianQuery.term(Schema.articlePersonPrefix + $0) })
        let enquire = try XapianEnquire(database: database, query: query)
        try enquire.boolWeight()
        return try enquire.run(offset: 0, limit: 0, checkAtLeast: try database.documentCount()).estimated
    }

    /// Person facet counts with each group's keys as one entry under its group key. An
    /// article naming two keys of one group counts for each (the facet lists are
    /// counted per value), which spelling variants and bare names rarely do.
    func groupedPersonFacets(_ counts: [Facets.Count]) throws -> [Facets.Count] {
        let groups = try personGroups()
        var merged: [String: Int] = [:]
        var order: [String] = []
        for count in counts {
            let key = groups.group(of: count.value) ?? count.value
            if merged[key] == nil { order.append(key) }
            merged[key, default: 0] += count.articles
        }
        guard order.count != counts.count else { return counts }
        return order.map { Facets.Count(value: $0, articles: merged[$0] ?? 0) }
            .sorted { $0.articles != $1.articles ? $0.articles > $1.articles : $0.value.utf8.lexicographicallyPrecedes($1.value.utf8) }
    }

    /// An article's person keys as group keys, each once.
    func groupedPersons(_ keys: [String]) throws -> [String] {
        guard !keys.isEmpty else { return keys }
        let groups = try personGroups()
        var seen = Set<String>()
        return keys.map { groups.group(of: $0) ?? $0 }.filter { seen.insert($0).inserted }
    }
}
