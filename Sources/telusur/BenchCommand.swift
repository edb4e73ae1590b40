import ArgumentParser
import Foundation
import Telusur

/// `telusur bench`: the benchmark harness's "cli peer" query command.
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Time a query file for the peer benchmark harness (one JSON line per timed query).",
        discussion: "See Benchmarks/README.md. Timing covers parse, search, exact counts and reading the top ids."
    )

    @OptionGroup var indexOption: IndexOption

    @Option(help: ArgumentHelp("The query file: one query a line, # comments.", valueName: "FILE"))
    var queries: String

    @Option(help: "Timed rounds over the whole file.")
    var `repeat`: Int = 20

    @Option(help: "Untimed rounds first.")
    var warmup: Int = 1

    @Option(help: "Articles per query.")
    var limit: Int = 10

    @Flag(help: "Time full searches, as `search --facets` runs them (facets, snippets, groups), not ids and counts only.")
    var full = false

    @Option(help: ArgumentHelp("Where bare words must meet: in one paragraph (the default, as the peers' paragraph documents) or anywhere in the article.", valueName: "article|paragraph"))
    var within: QueryScope = .paragraph

    @OptionGroup var ranking: RankingOption

    @OptionGroup var shardOption: ShardOption

    func run() throws {
        do {
            let searcher = try shardOption.searcher(indexOption.location)
            reportMissing(searcher.missingShards, of: searcher)
            searcher.ranking = ranking.ranking
            let entries = try BenchmarkRunner.load(queries)
            print(#"{"_meta": {"engine": "telusur", "version": "0.1.0"}}"#)
            try BenchmarkRunner(searcher: searcher, limit: limit, full: full, within: within).run(entries, repeat: self.repeat, warmup: warmup) { line in
                print(try JSONOutput.text(line, layout: .compact))
            }
        } catch let error as SearchError {
            throw CommandError(message: error.description)
        } catch let error as BenchmarkError {
            throw CommandError(message: error.description)
        } catch let error as CocoaError {
            throw CommandError(message: "cannot read the query file \(queries): \(error.localizedDescription)")
        }
    }
}
