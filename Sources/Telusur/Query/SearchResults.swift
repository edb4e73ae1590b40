/// How results are ordered.
public enum ResultOrder: String, CaseIterable, Sendable {
    /// Best match first (BM25 over paragraphs), ties newest first.
    case relevance
    /// Oldest first.
    case date
    /// Newest first.
    case newest = "-date"
}

/// What to fetch for one search.
public struct SearchOptions: Sendable, Equatable {
    /// Articles per page.
    public var limit: Int
    /// Articles to skip (for paging).
    public var offset: Int
    /// Ordering.
    public var sort: ResultOrder
    /// Matching paragraphs to show per article.
    public var paragraphsPerArticle: Int

    /// Count matching articles by source, year and month too.
    public var facets: Bool
    /// Count matching articles by person and agency (on by default; the benchmark turns it off).
    public var entityFacets: Bool = true
    /// Read each result's metadata and paragraphs (off: ids only, for `--ids` and the benchmark).
    public var fetchArticles: Bool = true
    /// Look for a spelling correction when little matches.
    public var suggest: Bool = true

    /// Show near-duplicate articles (the same release from several outlets) as one result.
    public var group: Bool

    /// Values per facet: sources, persons and agencies by count, years and months the
    /// latest ones in date order; 0 gives every value (a whole monthly series).
    public var facetLimit: Int = 10
    /// With ``facets``: every year and month, whatever ``facetLimit`` says (a timeline).
    public var allMonths: Bool = false

    /// Where bare words must meet: anywhere in the article (the default) or in one paragraph.
    public var within: QueryScope = .article

    /// Also count the matching articles of each day by source, person or agency
    /// (``Facets/breakdown``: `--timeline-by`), for the ``breakdownTop`` most frequent values.
    public var breakdown: Timeline.Breakdown?
    /// How many values ``breakdown`` follows (0: every one).
    public var breakdownTop: Int = 5
    /// Only articles written by these indexing batches (``Schema/batchSlot``): what
    /// `telusur alerts` calls new. nil: every article.
    public var indexedIn: ClosedRange<Int>? = nil

    public init(limit: Int = 10, offset: Int = 0, sort: ResultOrder = .relevance, paragraphsPerArticle: Int = 1,
                facets: Bool = false, group: Bool = true) {
        self.group = group
        self.limit = limit
        self.offset = offset
        self.sort = sort
        self.paragraphsPerArticle = paragraphsPerArticle
        self.facets = facets
    }
}

/// How many articles and paragraphs match a query.
public struct MatchTotals: Sendable, Equatable {
    /// Distinct matching articles.
    public var articles: Int
    /// Matching paragraphs (an article's title counts as its paragraph 0).
    public var paragraphs: Int
    /// True when both counts are exact (every candidate was checked), not estimates.
    public var exact: Bool
}

/// One matching paragraph of a result.
public struct MatchedParagraph: Sendable, Equatable {
    /// Its number in the article (0 = the title).
    public var number: Int
    /// Its text.
    public var text: String
    /// Its quotes, when it was read whole for an article (``Searcher/paragraphs(ofArticle:)``).
    public var quotes: [Quote] = []
}

/// One result: an article and its best paragraphs.
public struct ArticleHit: Sendable, Equatable {
    /// Position in the whole result list, from 1.
    public var rank: Int
    /// The article's metadata.
    public var article: ArticleRecord
    /// The BM25 weight of its best paragraph.
    public var score: Double
    /// Its best matching paragraphs, best first.
    public var paragraphs: [MatchedParagraph]
    /// Near-identical articles published elsewhere (empty with `--no-group`).
    public var duplicates: [ArticleRecord] = []
    /// The keys of the persons the article names (``PersonName``'s normalised form).
    public var persons: [String] = []
    /// The ids of the agencies the article names (gazetteer ids).
    public var agencies: [String] = []
}

/// The answer to one search.
public struct SearchResults: Sendable, Equatable {
    /// The query that produced it.
    public var query: ParsedQuery
    /// Counts over the whole index.
    public var total: MatchTotals
    /// The requested page.
    public var hits: [ArticleHit]
    /// Milliseconds spent in the search (parse excluded).
    public var elapsedMilliseconds: Double
    /// Counts of matching articles by facet value.
    public var facets: Facets
    /// The persons and agencies the query asked for, as resolved.
    public var entities: ResolvedEntities
    /// True when sources, years and months were counted too.
    public var includesAllFacets: Bool = false
    /// "Did you mean": the query with misspelt words corrected from the index's own
    /// vocabulary, when it finds nothing or little and the correction finds more.
    public var suggestion: String?
    /// The wildcards of the query that start more words than are searched
    /// (``WildcardExpansion``): the results are those of the most frequent words only.
    public var cappedWildcards: [WildcardExpansion] = []
    /// Shards that could not be reached and were not searched (only with
    /// `--allow-partial`): the totals and results are those of the others.
    public var missingShards: [UnreachableShard] = []
}

/// Matching articles counted by source, year, month, person and agency.
public struct Facets: Sendable, Equatable {
    /// One value and how many matching articles have it.
    public struct Count: Sendable, Equatable {
        public var value: String
        public var articles: Int
    }
    /// Most frequent first; empty unless asked for (``SearchOptions/facets``).
    public var sources: [Count] = []
    public var years: [Count] = []
    public var months: [Count] = []
    /// Days ("2019-09-17"), in date order; indexes built before day counts have none.
    public var days: [Count] = []
    /// Always filled: the people most written about among the matching articles.
    public var persons: [Count] = []
    /// Always filled: the bodies most written about among the matching articles.
    public var agencies: [Count] = []
    /// With ``SearchOptions/breakdown``: for each of the most frequent values of that
    /// kind, most articles first, its matching articles per day.
    public var breakdown: [Series] = []
    /// The persons quoted in the matching articles (who is quoted about this), most
    /// quoted first; only with ``SearchOptions/facets``.
    public var speakers: [Count] = []
    public init() {}

    /// One value (a source, a person key, an agency key) and its matching articles per
    /// day, in date order; undated articles are not in it.
    public struct Series: Sendable, Equatable {
        public var value: String
        public var articles: Int
        public var days: [Count]
    }
}

/// A wildcard that starts more words than one query searches (`kor*`): the most
/// frequent `searched` of its `words` were searched.
public struct WildcardExpansion: Sendable, Equatable {
    /// The prefix, as normalised ("kor" for `kor*`).
    public var prefix: String
    /// How many words were searched.
    public var searched: Int
    /// How many words of the index start with it.
    public var words: Int

    /// "kor*: searched the 100 most frequent of the 412 words that start with kor"
    public var message: String {
        "\(prefix)*: searched the \(searched) most frequent of the \(words) words that start with \(prefix)"
    }
}
