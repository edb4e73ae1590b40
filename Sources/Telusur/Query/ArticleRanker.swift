/// Ranks articles by the evidence of their paragraphs, for every relevance-ordered
/// search (CLI, REPL, server, `person`, `agency`; `quotes` ranks quotes by the same
/// paragraph weights).
///
/// Xapian weighs paragraphs (BM25, one document each); an article's score is made here
/// from its best ``perArticle`` matching paragraphs:
///
/// - the best paragraph, plus the next ones with a decaying weight (``decay``), so an
///   article that returns to the query in several paragraphs beats a one-line mention;
/// - the title (paragraph 0, which matches only when it holds every query word or the
///   phrase) counted whole, not decayed, and again with ``titleBonus``;
/// - the lead (paragraph 1) with ``leadBonus``;
/// - bare words next to each other (in order, or within ``proximityWindow`` words) in a
///   paragraph or the title, through `OP_AND_MAYBE` parts added to the query by
///   ``evidenceQuery(_:root:entities:)``, which lift such paragraphs without changing what
///   matches;
/// - length normalisation that does not reward paragraphs shorter than the average
///   (BM25's `min_normlen` = 1, ``Searcher/Ranking/minNormLength``).
///
/// The first ``window`` articles of Xapian's order (by best paragraph) are ranked again;
/// equal scores go to the article with the title match, then more matching paragraphs,
/// then Xapian's order (newer first, then id), the same on one database or shards.
struct ArticleRanker {
    /// Matching paragraphs of an article that count.
    static let perArticle = 8
    /// How many articles, at least, are ranked again.
    static let window = 30
    /// Weight of the second, third … best paragraphs: decay, decay², …
    var decay = 0.7
    /// Added to the score, times the title's own weight, when the title matches.
    var titleBonus = 0.5
    /// Added to the score, times the lead's own weight, when the lead matches.
    var leadBonus = 0.5
    /// Weight of the phrase part (bare words adjacent and in order), relative to the words.
    var phraseWeight = 1.0
    /// Weight of the window part (bare words within ``proximityWindow`` words).
    var nearWeight = 0.5
    /// Words apart that still count as near.
    var proximityWindow = 8

    /// One article as ranked: its collapse key, score and matching documents, best first.
    struct Ranked {
        var key: String
        var score: Double
        var documents: [UInt32]
        var titleMatched: Bool
        var matched: Int
    }

    /// `compiled` with the proximity and entity evidence added (`OP_AND_MAYBE`): for each
    /// AND of two or more bare words, the words as a phrase and within a window, in a
    /// paragraph and in the title; for `person:`/`agency:`, the resolved name's words as
    /// a phrase (so a paragraph or title that names the person weighs, where the
    /// entity term itself is boolean). `meetingBoost` scales the proximity parts as the
    /// compiler scaled the paragraphs where every word meets (article scope): they match
    /// only there, so without it the boost drowns them and adjacent words count no more
    /// than words far apart.
    func evidenceQuery(_ compiled: XapianQuery, root: QueryNode?, entities: ResolvedEntities,
                       meetingBoost: Double = 1) throws -> XapianQuery {
        var parts: [XapianQuery] = []
        func phrase(_ words: [String], prefix: String, window: Int) throws -> XapianQuery {
            let terms = try words.enumerated().map { try XapianQuery.term(prefix + $0.element, position: $0.offset + 1) }
            return try XapianQuery.combine(window == words.count ? .phrase : .near, terms, window: window)
        }
        func collect(_ node: QueryNode) throws {
            switch node {
            case .and(let nodes):
                let words = nodes.compactMap { node -> String? in
                    if case .term(let word) = node { return word }
                    return nil
                }
                if words.count >= 2 && words.count <= 8 {
                    for prefix in ["", Schema.titlePrefix] {
                        parts.append(try phrase(words, prefix: prefix, window: words.count).scaled(by: phraseWeight * meetingBoost))
                        parts.append(try phrase(words, prefix: prefix, window: proximityWindow).scaled(by: nearWeight * meetingBoost))
                    }
                }
                for child in nodes { try collect(child) }
            case .or(let nodes):
                for child in nodes { try collect(child) }
            default:
                break
            }
        }
        if let root { try collect(root) }
        let tokenizer = Tokenizer()
        let names = entities.persons + entities.agencies.map(\.agency)
        for name in names {
            let words = tokenizer.terms(name)
            guard !words.isEmpty, words.count <= 8 else { continue }
            for prefix in ["", Schema.titlePrefix] {
                parts.append(words.count == 1 ? try XapianQuery.term(prefix + words[0])
                             : try phrase(words, prefix: prefix, window: words.count))
            }
        }
        guard !parts.isEmpty else { return compiled }
        let evidence = parts.count == 1 ? parts[0] : try XapianQuery.combine(.or, parts)
        return try XapianQuery.combine(.andMaybe, [compiled, evidence])
    }

    /// The articles of `matches` (collapsed to at most ``perArticle`` paragraphs each),
    /// ranked by their evidence; `paragraph(i)` tells match i's place in its article
    /// (0 the title, 1 the lead, more for later paragraphs).
    func rank(_ items: [XapianMatches.Item], paragraph: (Int) throws -> Int) throws -> [Ranked] {
        struct Evidence {
            var order: Int
            var documents: [UInt32] = []
            var weights: [Double] = []
            var title: Double?
            var lead: Double?
        }
        var articles: [String: Evidence] = [:]
        var keys: [String] = []
        for (i, item) in items.enumerated() {
            if articles[item.key] == nil {
                articles[item.key] = Evidence(order: keys.count)
                keys.append(item.key)
            }
            let number = try paragraph(i)
            articles[item.key]?.documents.append(item.document)
            if number == 0 {
                articles[item.key]?.title = item.weight
            } else {
                if number == 1 { articles[item.key]?.lead = item.weight }
                articles[item.key]?.weights.append(item.weight)
            }
        }
        var ranked: [(Ranked, Int)] = []
        for key in keys {
            guard let evidence = articles[key] else { continue }
            // Xapian returns an article's paragraphs best first.
            var score = 0.0
            var factor = 1.0
            for weight in evidence.weights {
                score += factor * weight
                factor *= decay
            }
            if let title = evidence.title { score += title * (1 + titleBonus) }
            if let lead = evidence.lead { score += lead * leadBonus }
            ranked.append((Ranked(key: key, score: score, documents: evidence.documents,
                                  titleMatched: evidence.title != nil, matched: evidence.documents.count), evidence.order))
        }
        ranked.sort { a, b in
            if a.0.score != b.0.score { return a.0.score > b.0.score }
            if a.0.titleMatched != b.0.titleMatched { return a.0.titleMatched }
            if a.0.matched != b.0.matched { return a.0.matched > b.0.matched }
            return a.1 < b.1
        }
        return ranked.map(\.0)
    }
}
