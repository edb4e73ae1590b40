import ArgumentParser
import Foundation
import Telusur

/// `telusur show ID [--json]`
struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Print one article whole, as indexed: its metadata, every paragraph in full, its persons and agencies.",
        discussion: """
            With --json: {"id", "title", "date", "source", "url", "paragraphs": [{"no", "text"}], "persons", "agencies"}.
            Exit status: 0 shown, 1 no article with that id, 2 error.
            """
    )

    @OptionGroup var indexOption: IndexOption

    @Flag(help: "Print one JSON object.")
    var json = false

    @Option(help: "Colour the title: auto (on a terminal), always or never.")
    var color: ColorChoice = .auto

    @OptionGroup var shardOption: ShardOption

    @Argument(help: "The article id, as search --ids prints it.")
    var id: String

    func run() throws {
        let found: Searcher.WholeArticle?
        do {
            let searcher = try shardOption.searcher(indexOption.location)
            found = try searcher.wholeArticle(id: id)
            reportMissing(searcher.missingShards, of: searcher)
        } catch let error as SearchError {
            throw CommandError(message: error.description)
        }
        guard let article = found else {
            printError("telusur: no article \"\(id)\" in \(indexOption.location.path); search --ids lists the ids")
            throw ExitCode(1)
        }
        if json {
            print(try ArticleDocument(article).json())
        } else {
            print(TerminalRenderer(style: color.enabled ? .color : .plain).render(wholeArticle: article), terminator: "")
        }
    }
}
