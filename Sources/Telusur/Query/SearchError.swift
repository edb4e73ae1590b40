/// Why a search (or a read of the index) failed.
public enum SearchError: Error, Sendable, CustomStringConvertible {
    /// There is no index at the path.
    case indexMissing(index: String)
    /// The index exists but could not be opened.
    case cannotOpen(index: String, reason: XapianError)
    /// The query could not be parsed.
    case query(QueryError)
    /// A partial person name matches several indexed names.
    case ambiguousPerson(name: String, candidates: [(name: String, articles: Int)])
    /// A `person:` value with no name in it.
    case unknownPerson(name: String, candidates: [String])
    /// An `agency:` value that names no body in the gazetteer.
    case unknownAgency(name: String)
    /// The query has nothing to search for (only punctuation, or only operators).
    case emptyQuery(String)
    /// No article with that id in the index.
    case articleMissing(id: String)
    /// The curated entity data could not be loaded.
    case entityData(EntityDataError)
    /// Xapian failed while searching.
    case failed(index: String, reason: XapianError)
    /// The index's stub (its list of shards) cannot be read.
    case badIndex(IndexingError)
    /// Shards that could not be opened or reached (the search was not run; with
    /// `--allow-partial` it runs on the others instead).
    case shardsUnreachable([UnreachableShard])
    /// A stub line `remote :PROGRAM ARGS` would start a program, and the user did not
    /// allow it (`--allow-program-shards`).
    case programShardRefused(IndexShard)
    /// Not one shard of the index could be opened or reached.
    case noShardReachable(index: String, [UnreachableShard])
    /// The index was built before schema version 2 and cannot be searched this way
    /// (facets on remote shards need the article in the facet value).
    case oldIndex(index: String)

    /// One line per shard, and what to do.
    private static func describe(_ missing: [UnreachableShard]) -> String {
        let served = missing.contains { if case .tcp = $0.shard.address { return true } else { return false } }
        let started = missing.contains { if case .program = $0.shard.address { return true } else { return false } }
        let advice = served ? "start it with `telusur shard-server` or search the others with --allow-partial"
            : started ? "check that its command runs (ssh access, xapian-progsrv on the far side), or search the others with --allow-partial"
            : "check that the shard is there, or search the others with --allow-partial"
        if missing.count == 1, let only = missing.first {
            return "shard \(only.shard) is unreachable: \(only.reason); \(advice)"
        }
        return "\(missing.count) shards are unreachable:\n" + missing.map { "  \($0)" }.joined(separator: "\n")
            + "\n" + advice.replacingOccurrences(of: "start it", with: "start them")
    }

    public var description: String {
        switch self {
        case .indexMissing(let index):
            return "no index at \(index); build one with `telusur index PATH...` (or point --index / $TELUSUR_INDEX at one)"
        case .cannotOpen(let index, let reason):
            return "cannot open index \(index): \(reason.message); check the path or rebuild it with `telusur index`"
        case .query(let error):
            return error.message
        case .ambiguousPerson(let name, let candidates):
            let list = candidates.map { "  \(PersonName.display($0.name)) (\($0.articles) article\($0.articles == 1 ? "" : "s"))" }
            return "person \"\(name)\" is ambiguous; did you mean one of:\n" + list.joined(separator: "\n")
                + "\nwrite the full name, e.g. person:\"\(PersonName.display(candidates.first?.name ?? name))\""
        case .unknownPerson(let name, _):
            return "person:\"\(name)\" has no name in it (only titles or degrees); write a name, e.g. person:\"Herman Deru\""
        case .unknownAgency(let name):
            return "unknown agency \"\(name)\"; `telusur agencies --match \(name.split(separator: " ").first ?? "")` lists the known ones"
        case .entityData(let error):
            return error.description
        case .emptyQuery(let text):
            return "the query \"\(text)\" has no word to search for; type words, \"a phrase\" or a field such as source:kompas.com"
        case .articleMissing(let id):
            return "no article with id \"\(id)\" in the index; `telusur search --ids ...` prints the ids it has"
        case .failed(let index, let reason):
            return "search in \(index) failed: \(reason.message)"
        case .badIndex(let error):
            return error.description
        case .shardsUnreachable(let missing):
            return Self.describe(missing)
        case .programShardRefused(let shard):
            return "shard \(shard) would run a program; telusur never runs a command named by an index "
                + "folder on its own, since a folder someone sent you could run anything. If you wrote "
                + "that line or trust it, run again with --allow-program-shards"
        case .noShardReachable(let index, let missing):
            return "no shard of \(index) can be reached:\n"
                + missing.map { "  \($0)" }.joined(separator: "\n")
                + "\nstart the remote ones with `telusur shard-server` and check the paths of the local ones"
        case .oldIndex(let index):
            return "index \(index) was built by an older telusur (schema 1): its facets cannot be counted on remote shards; re-index it"
        }
    }
}
