import Foundation

/// The `--json` output of a search: one JSON document (schema in README).
public struct ResultsDocument: Encodable, Sendable {
    /// Counts over the whole index.
    public struct Total: Encodable, Sendable {
        public var articles: Int
        public var paragraphs: Int
        public var exact: Bool
    }

    /// One paragraph of a result; `highlighted` marks matches with `<mark>` and `</mark>`.
    public struct Paragraph: Encodable, Sendable {
        public var no: Int
        public var text: String
        public var highlighted: String
    }

    /// One article.
    public struct Result: Encodable, Sendable {
        public var rank: Int
        public var id: String
        public var title: String
        public var date: String?
        public var source: String?
        public var url: String?
        public var score: Double
        public var paragraphs: [Paragraph]
        /// Near-identical articles from other outlets, as {id, title, date, source, url}.
        public var duplicates: [Duplicate]
        /// The persons and agencies the article names, as {name, key}.
        public var persons: [Entity] = []
        public var agencies: [Entity] = []

        enum CodingKeys: String, CodingKey { case rank, id, title, date, source, url, score, paragraphs, duplicates, persons, agencies }

        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(rank, forKey: .rank)
            try c.encode(id, forKey: .id)
            try c.encode(title, forKey: .title)
            // Unknown metadata is null, never a missing key, so consumers can rely on the shape.
            try c.encode(date, forKey: .date)
            try c.encode(source, forKey: .source)
            try c.encode(url, forKey: .url)
            try c.encode((score * 10_000).rounded() / 10_000, forKey: .score)
            try c.encode(paragraphs, forKey: .paragraphs)
            try c.encode(duplicates, forKey: .duplicates)
            try c.encode(persons, forKey: .persons)
            try c.encode(agencies, forKey: .agencies)
        }
    }

    /// A person or agency of a result: its name as shown and its key as in queries.
    public struct Entity: Encodable, Sendable, Equatable {
        public var name: String
        public var key: String
    }

    /// Another outlet's copy of a result.
    public struct Duplicate: Encodable, Sendable {
        public var id: String
        public var title: String
        public var date: String?
        public var source: String?
        public var url: String?

        enum CodingKeys: String, CodingKey { case id, title, date, source, url }

        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(id, forKey: .id)
            try c.encode(title, forKey: .title)
            try c.encode(date, forKey: .date)
            try c.encode(source, forKey: .source)
            try c.encode(url, forKey: .url)
        }
    }

    /// One facet value: its name (as shown), key (as in queries) and matching articles.
    public struct FacetValue: Encodable, Sendable {
        public var name: String
        public var key: String
        public var articles: Int
    }

    /// Matching articles counted by value; `sources`, `years`, `months`, `days` only with `--facets`.
    public struct FacetCounts: Encodable, Sendable {
        public var persons: [FacetValue]
        public var agencies: [FacetValue]
        /// The persons quoted in the matching articles (`--facets`).
        public var speakers: [FacetValue]?
        public var sources: [FacetValue]?
        public var years: [FacetValue]?
        public var months: [FacetValue]?
        public var days: [FacetValue]?
    }

    /// A shard that was not searched (`--allow-partial`): the stub line, where it is
    /// written, and why it could not be reached.
    public struct MissingShard: Encodable, Sendable {
        public var shard: String
        public var stub: String?
        public var line: Int
        public var error: String
    }

    /// Matching articles per period, every period present (`--timeline`), or absent.
    public struct TimelineSeries: Encodable, Sendable {
        public struct Point: Encodable, Sendable {
            public var period: String
            public var articles: Int
        }
        /// One value of the breakdown (`--timeline-by`) and its articles per period.
        public struct Line: Encodable, Sendable {
            public var value: String
            public var name: String
            public var articles: Int
            public var series: [Point]
        }
        public var period: String
        public var series: [Point]
        /// "source", "person" or "agency" with `--timeline-by`, else absent.
        public var by: String?
        /// With ``by``: the most frequent values, most articles first.
        public var breakdown: [Line]?
    }

    public var query: String
    public var total: Total
    public var timeline: TimelineSeries?
    public var results: [Result]
    public var facets: FacetCounts
    /// "Did you mean": a corrected query that finds more, or null.
    public var suggestion: String?
    /// Shards not searched; empty when every shard was.
    public var missingShards: [MissingShard]
    /// Wildcards that start more words than were searched: `{prefix, searched, words}`.
    public var wildcards: [Wildcard]

    /// A capped wildcard: `searched` most frequent of the `words` that start with `prefix`.
    public struct Wildcard: Encodable, Sendable {
        public var prefix: String
        public var searched: Int
        public var words: Int
    }

    enum CodingKeys: String, CodingKey {
        case query, total, results, facets, suggestion, timeline, wildcards
        case missingShards = "missing_shards"
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(query, forKey: .query)
        try c.encode(total, forKey: .total)
        try c.encode(results, forKey: .results)
        try c.encode(facets, forKey: .facets)
        try c.encode(suggestion, forKey: .suggestion)
        try c.encode(missingShards, forKey: .missingShards)
        try c.encode(wildcards, forKey: .wildcards)
        if let timeline { try c.encode(timeline, forKey: .timeline) }
    }

    /// Builds the document from search results; snippets are cut as on the terminal,
    /// or, with `full`, every matching paragraph is given whole.
    public init(_ results: SearchResults, full: Bool = false, timeline: Timeline? = nil) {
        self.timeline = timeline.map { line in
            TimelineSeries(
                period: line.period.rawValue, series: line.bars.map { TimelineSeries.Point(period: $0.period, articles: $0.articles) },
                by: line.breakdown?.rawValue,
                breakdown: line.breakdown.map { _ in
                    line.lines.map { value in
                        TimelineSeries.Line(value: value.value, name: value.name, articles: value.articles,
                                            series: value.bars.map { TimelineSeries.Point(period: $0.period, articles: $0.articles) })
                    }
                })
        }
        let lexicon = try? EntityLexicon.shared.get()
        let highlighter = Highlighter(query: results.query, entities: results.entities)
        query = results.query.text
        facets = FacetCounts(results.facets, all: results.includesAllFacets)
        suggestion = results.suggestion
        wildcards = results.cappedWildcards.map { Wildcard(prefix: $0.prefix, searched: $0.searched, words: $0.words) }
        missingShards = results.missingShards.map {
            MissingShard(shard: $0.shard.name, stub: $0.shard.stub, line: $0.shard.line, error: $0.reason)
        }
        total = Total(articles: results.total.articles, paragraphs: results.total.paragraphs, exact: results.total.exact)
        self.results = results.hits.map { hit in
            Result(
                rank: hit.rank, id: hit.article.id, title: hit.article.title, date: hit.article.date,
                source: hit.article.source, url: hit.article.url, score: hit.score,
                paragraphs: hit.paragraphs.map { paragraph in
                    let ranges = highlighter.ranges(in: paragraph.text)
                    let snippet = full ? Snippet(whole: paragraph.text, ranges: ranges) : Snippet(text: paragraph.text, ranges: ranges)
                    return Paragraph(
                        no: paragraph.number, text: snippet.text,
                        highlighted: Highlighter.wrap(snippet.text, ranges: snippet.ranges, open: "<mark>", close: "</mark>"))
                },
                duplicates: hit.duplicates.map { Duplicate(id: $0.id, title: $0.title, date: $0.date, source: $0.source, url: $0.url) },
                persons: hit.persons.map { Entity(name: PersonName.display($0), key: $0) },
                agencies: hit.agencies.map { Entity(name: lexicon?.agencyName($0) ?? $0, key: $0) })
        }
    }

    /// The document as pretty-printed JSON text.
    public func json() throws -> String {
        try JSONOutput.text(self)
    }
}

extension ResultsDocument.FacetCounts {
    init(_ facets: Facets, all: Bool) {
        let lexicon = try? EntityLexicon.shared.get()
        func values(_ counts: [Facets.Count], name: (String) -> String = { $0 }) -> [ResultsDocument.FacetValue] {
            counts.map { ResultsDocument.FacetValue(name: name($0.value), key: $0.value, articles: $0.articles) }
        }
        persons = values(facets.persons, name: PersonName.display)
        agencies = values(facets.agencies) { lexicon?.agencyName($0) ?? $0 }
        speakers = all ? values(facets.speakers, name: PersonName.display) : nil
        sources = all ? values(facets.sources) : nil
        years = all ? values(facets.years) : nil
        months = all ? values(facets.months) : nil
        days = all ? values(facets.days) : nil
    }
}
