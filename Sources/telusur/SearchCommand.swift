import ArgumentParser
import Foundation
import Telusur

/// How results are shown; shared by `search`, `person` and `agency`.
struct ResultOptions: ParsableArguments {
    @Option(help: "Articles to show (10; with --ids, all).")
    var limit: Int?

    @Option(help: "Articles to skip (for the next page).")
    var offset: Int = 0

    @Option(help: "Order: relevance, date (oldest first) or -date (newest first).")
    var sort: ResultOrder = .relevance

    @Option(help: ArgumentHelp("Where bare words must meet: anywhere in the article (the default) or all in one paragraph.", valueName: "article|paragraph"))
    var within: QueryScope = .article

    @Option(help: "Matching paragraphs to show per article.")
    var paragraphs: Int = 1

    @Flag(help: "Also count matching articles by source, year and month.")
    var facets = false

    @Option(help: ArgumentHelp("Values per facet (sources, persons, agencies by count; years and months the latest, in date order); 0 for all.", valueName: "N"))
    var facetLimit: Int = 10

    @Flag(help: "Print one JSON document (schema in README).")
    var json = false

    @Flag(help: "Print only the ids of the matching articles, one a line (all of them unless --limit).")
    var ids = false

    @Flag(help: "Print a CSV table (RFC 4180): a header, then a row per matching paragraph shown.")
    var csv = false

    @Flag(help: "Print a tab-separated table, as --csv.")
    var tsv = false

    @Flag(help: "Every matching article (with --csv, --tsv or --json), not only the first page.")
    var all = false

    @Flag(help: "Whole matching paragraphs instead of snippets (terminal and JSON).")
    var full = false

    @Option(help: ArgumentHelp("Matching articles per day, week (ISO), month or year: a bar chart (terminal) or a series (JSON), every period present.", valueName: "day|week|month|year"))
    var timeline: Timeline.Period?

    @Option(help: ArgumentHelp("With --timeline: a column (terminal) or a series (JSON) for each of the most frequent sources, persons or agencies among the matches.", valueName: "source|person|agency"))
    var timelineBy: Timeline.Breakdown?

    @Option(help: "With --timeline-by: how many values get a column (0: all).")
    var timelineTop = 5

    @Flag(help: "Show near-duplicate articles (the same release from several outlets) as separate results.")
    var noGroup = false

    @Option(help: "Colour matches: auto (on a terminal), always or never.")
    var color: ColorChoice = .auto

    @OptionGroup var ranking: RankingOption

    @OptionGroup var shardOption: ShardOption

    func validate() throws {
        guard (limit ?? 0) >= 0 else { throw ValidationError("--limit must be 0 or more") }
        guard offset >= 0 else { throw ValidationError("--offset must be 0 or more") }
        guard paragraphs >= 1 else { throw ValidationError("--paragraphs must be 1 or more") }
        guard facetLimit >= 0 else { throw ValidationError("--facet-limit must be 0 (all) or more") }
        guard timelineBy == nil || timeline != nil else {
            throw ValidationError("--timeline-by needs --timeline day|week|month|year")
        }
        guard timelineTop >= 0 else { throw ValidationError("--timeline-top must be 0 (all) or more") }
        guard [ids, json, csv, tsv].filter({ $0 }).count <= 1 else {
            throw ValidationError("choose one of --ids, --json, --csv and --tsv")
        }
    }

    var searchOptions: SearchOptions {
        var options = SearchOptions(limit: limit ?? (ids || all ? Int(UInt32.max) : 10), offset: offset, sort: sort,
                                    paragraphsPerArticle: paragraphs, facets: facets, group: !noGroup && !ids)
        options.facetLimit = facetLimit
        options.within = within
        if timeline != nil {
            options.facets = true
            options.allMonths = true
            options.breakdown = timelineBy
            options.breakdownTop = timelineTop
        }
        if ids {
            options.fetchArticles = false
            options.entityFacets = false
            options.suggest = false
        }
        return options
    }

    /// Parses `text`, searches and prints; exit status 1 when nothing matched.
    func run(_ text: String, index: IndexLocation) throws {
        let parsed: ParsedQuery
        do {
            parsed = try QueryParser().parse(text)
        } catch {
            throw CommandError(message: "\(error.message)\n\(error.pointer)")
        }
        try show {
            let searcher = try shardOption.searcher(index)
            searcher.ranking = ranking.ranking
            return (try searcher.search(parsed, options: searchOptions), searcher)
        }
    }

    /// The timeline asked for (`--timeline`, `--timeline-by`), or nil.
    func chart(of results: SearchResults) -> Timeline? {
        guard let timeline else { return nil }
        guard let timelineBy else { return Timeline(results.facets, period: timeline) }
        return Timeline(results.facets, period: timeline, by: timelineBy, name: timelineBy.displayName)
    }

    /// Runs a search and prints it as asked: ids, JSON or text.
    func show(_ search: () throws -> SearchResults) throws {
        try show { (try search(), nil) }
    }

    /// Runs a search and prints it as asked; says which shards were not searched.
    func show(_ search: () throws -> (SearchResults, Searcher?)) throws {
        let results: SearchResults
        do {
            let (found, searcher) = try search()
            results = found
            if let searcher { reportMissing(results.missingShards, of: searcher) }
        } catch let error as SearchError {
            throw CommandError(message: error.description)
        }
        if ids || csv || tsv {
            // The table and the ids have no room for it: a capped wildcard is said on stderr.
            for wildcard in results.cappedWildcards {
                FileHandle.standardError.write(Data(("telusur: " + wildcard.message.terminalSafe() + "\n").utf8))
            }
        }
        if ids {
            // Ids are refused at ingest when they hold a control character; an index from
            // elsewhere may still have one: never a raw newline that splits one id in two.
            for hit in results.hits { print(hit.article.id.terminalSafe()) }
        } else if json {
            print(try ResultsDocument(results, full: full, timeline: chart(of: results)).json())
        } else if csv || tsv {
            print(ResultsTable(results).text(csv ? .csv : .tsv), terminator: "")
        } else {
            let style: TerminalRenderer.Style = color.enabled ? .color : .plain
            if let chart = chart(of: results) {
                print(chart.render(style: style), terminator: "")
            }
            print(TerminalRenderer(style: style).render(results, full: full), terminator: "")
        }
        if results.total.articles == 0 { throw ExitCode(1) }
    }
}

/// `telusur search QUERY...`
struct SearchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Search the index; results are articles ranked by their best paragraph.",
        discussion: """
            Bare words must all occur in the article, each in any paragraph (--within paragraph: \
            all in one); paragraphs where they meet rank first. "double quotes" make a phrase and \
            NEAR keeps words close, each within one paragraph; NOT and -word exclude whole articles \
            (telusur search pemilu -kampanye). An argument with spaces and no query syntax is \
            a phrase, as in grep: telusur search "zero konflik". After --, every argument is a query word.

            Output: the terminal (snippets; --full for whole paragraphs), --json, --csv or --tsv \
            (--all for every match), --ids; --timeline day|week|month|year adds matches per period, \
            --timeline-by source|person|agency one column per frequent value.

            Exit status: 0 something matched, 1 nothing matched, 2 error.
            """
    )

    @OptionGroup var indexOption: IndexOption
    @OptionGroup var output: ResultOptions

    @Argument(help: "The query: words, \"phrases\", operators and fields (see README).")
    var query: [String]

    func validate() throws {
        guard !query.joined().trimmingCharacters(in: .whitespaces).isEmpty else {
            throw ValidationError("give a query, e.g. telusur search \"zero konflik\"")
        }
    }

    func run() throws {
        try output.run(CommandLineQuery.join(query), index: indexOption.location)
    }
}

extension ResultOrder: ExpressibleByArgument {}
extension QueryScope: ExpressibleByArgument {}
extension Timeline.Period: ExpressibleByArgument {}
extension Timeline.Breakdown: ExpressibleByArgument {}

/// `--bm25 K1,B[,TITLE]`: ranking parameters, for measuring them (Benchmarks/ranking).
struct RankingOption: ParsableArguments {
    @Option(name: .customLong("bm25"), help: ArgumentHelp("BM25 k1,b and title weight (default \(RankingOption.describe(Searcher.Ranking()))).", valueName: "K1,B[,TITLE]"))
    var value: String?

    static func describe(_ r: Searcher.Ranking) -> String { "\(r.k1),\(r.b),\(r.titleWeight)" }

    /// Largest k1 and title weight accepted.
    static let maximum = 1000.0

    func validate() throws { _ = try parsed() }

    var ranking: Searcher.Ranking { (try? parsed()) ?? Searcher.Ranking() }

    private func parsed() throws -> Searcher.Ranking {
        guard let value else { return Searcher.Ranking() }
        let numbers = value.split(separator: ",").map { Double($0.trimmingCharacters(in: .whitespaces)) }
        guard (2...3).contains(numbers.count), numbers.allSatisfy({ ($0 ?? -1) >= 0 }) else {
            throw ValidationError("--bm25 takes K1,B or K1,B,TITLE: non-negative numbers, e.g. --bm25 1.2,0.75")
        }
        // Xapian's BM25 wants b in 0…1; a huge or infinite k1 or weight gives NaN scores.
        guard numbers[0]! <= Self.maximum, numbers[1]! <= 1, numbers.count < 3 || numbers[2]! <= Self.maximum else {
            throw ValidationError("--bm25 \(value): k1 and TITLE must be from 0 to \(Int(Self.maximum)) and b from 0 to 1, e.g. --bm25 1.2,0.75,2")
        }
        var ranking = Searcher.Ranking(k1: numbers[0]!, b: numbers[1]!)
        if numbers.count == 3 { ranking.titleWeight = numbers[2]! }
        return ranking
    }
}
