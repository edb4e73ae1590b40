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
            let object: [String: Any] = [
                "index": indexOption.location.path, "articles": stats.articles, "paragraphs": stats.paragraphs,
                "terms": stats.terms, "bytes": stats.bytes, "last_update": stats.lastUpdate ?? NSNull(),
                "shards": stats.shards, "remote_shards": stats.remoteShards,
            ]
            let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])
            print(String(decoding: data, as: UTF8.self).jsonTerminalSafe)
        } else {
            print(TerminalRenderer(style: .plain).render(statistics: stats, index: indexOption.location), terminator: "")
        }
    }
}
