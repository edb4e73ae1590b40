extension Searcher {
    /// Whose names go with a query: the persons (or agencies) of the articles that match
    /// `query`, most matching articles first (`telusur persons --query 'agency:KPK
    /// date:2019-09'`: who appears with KPK that month). Counted as the search's own
    /// person and agency facets are, exactly, on one database or on shards.
    ///
    /// - Parameters:
    ///   - agencies: agencies instead of persons.
    ///   - top: at most this many (nil: all).
    ///   - match: keep names that contain this text (case ignored).
    public func entities(matching query: String, agencies: Bool, top: Int?, match: String?) throws -> [EntityCount] {
        var options = SearchOptions(limit: 0)
        options.fetchArticles = false
        options.suggest = false
        options.facetLimit = match == nil ? max(0, top ?? 0) : 0
        let facets = try search(query, options: options).facets
        let lexicon = try? EntityLexicon.shared.get()
        var list = (agencies ? facets.agencies : facets.persons).map { count in
            EntityCount(key: count.value,
                        name: agencies ? (lexicon?.agencyName(count.value) ?? count.value) : PersonName.display(count.value),
                        articles: count.articles)
        }
        if let match, !match.isEmpty {
            let wanted = match.lowercased()
            list = list.filter { $0.name.lowercased().contains(wanted) || $0.key.contains(wanted) }
        }
        if let top { list = Array(list.prefix(max(0, top))) }
        return list
    }
}
