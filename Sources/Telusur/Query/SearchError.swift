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
        }
    }
}
