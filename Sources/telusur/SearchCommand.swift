import ArgumentParser
import Foundation
import Telusur

/// How results are shown; shared by `search`, `person` and `agency`.
struct ResultOptions: ParsableArguments {
    @Option(help: "Articles to show.")
    var limit: Int = 10

    @Option(help: "Articles to skip (for the next page).")
    var offset: Int = 0

    @Option(help: "Order: relevance, date (oldest first) or -date (newest first).")
    var sort: ResultOrder = .relevance

    @Option(help: "Matching paragraphs to show per article.")
    var paragraphs: Int = 1

    @Flag(help: "Also count matching articles by source, year and month.")
    var facets = false

    @Flag(help: "Print one JSON document (schema in README).")
    var json = false

    @Option(help: "Colour matches: auto (on a terminal), always or never.")
    var color: ColorChoice = .auto

    func validate() throws {
        guard limit >= 0 else { throw ValidationError("--limit must be 0 or more") }
        guard offset >= 0 else { throw ValidationError("--offset must be 0 or more") }
        guard paragraphs >= 1 else { throw ValidationError("--paragraphs must be 1 or more") }
    }

    var searchOptions: SearchOptions {
        SearchOptions(limit: limit, offset: offset, sort: sort, paragraphsPerArticle: paragraphs, facets: facets)
    }

    /// Parses `text`, searches and prints; exit status 1 when nothing matched.
    func run(_ text: String, index: IndexLocation) throws {
        let parsed: ParsedQuery
        do {
            parsed = try QueryParser().parse(text)
        } catch {
            throw CommandError(message: "\(error.message)\n\(error.pointer)")
        }
        let results: SearchResults
        do {
            results = try Searcher(location: index).search(parsed, options: searchOptions)
        } catch let error as SearchError {
            throw CommandError(message: error.description)
        }
        if json {
            print(try ResultsDocument(results).json())
        } else {
            print(TerminalRenderer(style: color.enabled ? .color : .plain).render(results), terminator: "")
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
            Words must all match; "double quotes" make a phrase. An argument with spaces and
            no query syntax is a phrase, as in grep: telusur search "zero konflik".
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
