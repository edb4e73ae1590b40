import ArgumentParser
import Foundation
import Telusur

/// `telusur quotes`: who said what.
struct QuotesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "quotes",
        abstract: "List quotations and their speakers.",
        discussion: """
            With --input, reads articles from files (JSON Lines, .txt, .md) and lists their quotes without an index.
            """
    )

    @Option(name: .long, help: ArgumentHelp("Read articles from this file or directory instead of the index (repeatable).", valueName: "PATH"))
    var input: [String] = []

    @Flag(help: "Print one JSON document (schema in README).")
    var json = false

    @Option(help: "Quotes to show (20).")
    var limit: Int = 20

    @Option(help: "Quotes to skip (for the next page).")
    var offset: Int = 0

    func run() throws {
        guard !input.isEmpty else { throw CommandError(message: "give --input PATH (index search comes next)") }
        let extractor: QuoteExtractor
        switch EntityLexicon.shared {
        case .success(let lexicon): extractor = QuoteExtractor(recognizer: EntityRecognizer(lexicon: lexicon))
        case .failure(let error): throw CommandError(message: error.description)
        }
        var entries: [QuotesDocument.Entry] = []
        _ = try ArticleReader(paths: input).read(article: { article in
            let info = QuotesDocument.ArticleInfo(id: article.id, title: article.title, date: article.date,
                                                  source: article.source, url: article.url)
            for quote in extractor.quotes(in: article) { entries.append(QuotesDocument.Entry(quote, article: info)) }
        }, problem: { printError("telusur: \($0)") })
        let total = entries.count
        entries = Array(entries.dropFirst(offset).prefix(limit))
        if json {
            print(try QuotesDocument(total: total, quotes: entries).encoded())
        } else {
            for entry in entries {
                let who = entry.speaker.map { "\($0.name) [\($0.key)]" } ?? entry.speakerDescription ?? "?"
                print("\(entry.article.id) ¶\(entry.paragraph) \(entry.kind.rawValue) \(who)\(entry.role.map { " (\($0))" } ?? "") <\(entry.cue)>: \(entry.text)".terminalSafe())
            }
        }
    }
}
