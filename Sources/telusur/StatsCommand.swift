import ArgumentParser
import Foundation
import Telusur

/// `telusur stats`
struct StatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats",
        abstract: "Show what the index holds: articles, paragraphs, terms, size, last update."
    )

    @OptionGroup var indexOption: IndexOption

    @Flag(help: "Print one JSON object.")
    var json = false

    @OptionGroup var shardOption: ShardOption

    func run() throws {
        let stats: IndexStatistics
        do {
            let searcher = try shardOption.searcher(indexOption.location)
            stats = try searcher.statistics()
            reportMissing(searcher.missingShards, of: searcher)
        } catch let error as SearchError {
            throw CommandError(message: error.description)
        }
        if json {
            print(try StatisticsDocument(stats, index: indexOption.location).json().jsonTerminalSafe)
        } else {
            print(TerminalRenderer(style: .plain).render(statistics: stats, index: indexOption.location), terminator: "")
        }
    }
}
