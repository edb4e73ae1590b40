/// One entry per person in `persons`, facets, completion and `person:` (``PersonGroups``).
extension Searcher {
    /// The groups of the index's person keys, read once per revision (from the summary, else the `XPA` terms).
    func personGroups() throws -> PersonGroups {
        if let personGroupStore { return personGroupStore }
        // From the index's summary when it is current: one metadata read, not a walk over the terms.
        let entries = try summaryRevisions().flatMap { try IndexSummary.entries(in: database, agencies: false, revisions: $0) }
            ?? IndexSummary.entries(database, prefix: Schema.articlePersonPrefix)
        let groups = PersonGroups(entries.map { ($0.key, $0.articles) })
        personGroupStore = groups
        return groups
    }

    /// Key → group key for the keys of groups of several, read once per revision: from
    /// the summary when it is current (a few thousand lines), else from ``personGroups()``.
    /// Facets need only this, not the whole grouping (100,000 names on the full corpus).
    func personAliases() throws -> [String: String] {
        if let personAliasStore { return personAliasStore }
        let aliases = try summaryRevisions().flatMap { try IndexSummary.personAliases(in: database, revisions: $0) }
            ?? personGroups().canonical.filter { $0.key != $0.value }
        personAliasStore = aliases
        return aliases
    }

    /// Person facet counts with each group's keys as one entry under its group key. An
    /// article naming two keys of one group counts for each (the facet lists are
    /// counted per value), which spelling variants and bare names rarely do.
    func groupedPersonFacets(_ counts: [Facets.Count]) throws -> [Facets.Count] {
        let aliases = try personAliases()
        var merged: [String: Int] = [:]
        var order: [String] = []
        for count in counts {
            let key = aliases[count.value] ?? count.value
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
        let aliases = try personAliases()
        var seen = Set<String>()
        return keys.map { aliases[$0] ?? $0 }.filter { seen.insert($0).inserted }
    }
}
