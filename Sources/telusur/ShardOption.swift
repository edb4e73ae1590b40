import ArgumentParser
import Foundation
import Telusur

/// The option of every command that reads the index about shards that cannot be reached.
struct ShardOption: ParsableArguments {
    @Flag(help: "When shards of a sharded index cannot be reached, search the others and say which were missing.")
    var allowPartial = false

    @Flag(help: "Let `remote :PROGRAM` lines of the index's stub start their program (ssh … xapian-progsrv). Off by default: an index folder alone never runs a command.")
    var allowProgramShards = false

    /// Opens the index at `location` for reading.
    func searcher(_ location: IndexLocation) throws -> Searcher {
        try Searcher(location: location, allowPartial: allowPartial, allowPrograms: allowProgramShards)
    }
}

/// Says on standard error which shards were not searched (`--allow-partial`).
func reportMissing(_ missing: [UnreachableShard], of searcher: Searcher) {
    guard !missing.isEmpty else { return }
    let total = searcher.shards.count
    printError("telusur: searched \(total - missing.count) of \(total) shards; not searched (--allow-partial):")
    for shard in missing { printError("  \(shard)") }
}
