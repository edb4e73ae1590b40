import ArgumentParser
import Foundation
import Telusur

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

    @Option(help: "Articles to show.")
    var limit: Int = 10

    @Option(help: "Articles to skip (for the next page).")
    var offset: Int = 0

    @Option(help: "Order: relevance, date (oldest first) or -date (newest first).")
    var sort: ResultOrder = .relevance

    @Option(help: "Matching paragraphs to show per article.")
    var paragraphs: Int = 1

    @Flag(help: "Print one JSON document (schema in README).")
    var json = false

    @Option(help: "Colour matches: auto (on a terminal), always or never.")
    var color: ColorChoice = .auto

    @Argument(help: "The query: words, \"phrases\" (see README for the syntax).")
    var query: [String]

    func validate() throws {
        guard limit >= 0 else { throw ValidationError("--limit must be 0 or more") }
        guard offset >= 0 else { throw ValidationError("--offset must be 0 or more") }
        guard paragraphs >= 1 else { throw ValidationError("--paragraphs must be 1 or more") }
        guard !query.joined().trimmingCharacters(in: .whitespaces).isEmpty else {
            throw ValidationError("give a query, e.g. telusur search \"zero konflik\"")
        }
    }

    func run() throws {
        let text = CommandLineQuery.join(query)
        let parsed: ParsedQuery
        do {
            parsed = try QueryParser().parse(text)
        } catch {
            throw CommandError(message: "\(error.message)\n\(error.pointer)")
        }
        let results: SearchResults
        do {
            let searcher = try Searcher(location: indexOption.location)
            results = try searcher.search(parsed, options: SearchOptions(limit: limit, offset: offset, sort: sort, paragraphsPerArticle: paragraphs))
        } catch let error as SearchError {
            throw CommandError(message: error.description)
        }
        if json {
            print(try ResultsDocument(results).json())
        } else {
            let renderer = TerminalRenderer(style: color.enabled ? .color : .plain)
            print(renderer.render(results), terminator: "")
        }
        if results.total.articles == 0 { throw ExitCode(1) }
    }
}

extension ResultOrder: ExpressibleByArgument {}
