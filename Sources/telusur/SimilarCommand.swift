import ArgumentParser
import Telusur

/// `telusur similar ID`
struct SimilarCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "similar",
        abstract: "Articles most like a given one (Xapian's relevance-set expansion); same output as search."
    )

    @OptionGroup var indexOption: IndexOption
    @OptionGroup var output: ResultOptions

    @Argument(help: "The article id.")
    var id: String

    func run() throws {
        try output.show {
            let searcher = try output.shardOption.searcher(indexOption.location)
            return (try searcher.similar(to: id, options: output.searchOptions), searcher)
        }
    }
}
