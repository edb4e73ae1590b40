import ArgumentParser
import Foundation
import Telusur

/// `telusur quotes [QUERY...]`: who said what.
struct QuotesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "quotes",
        abstract: "List quotations and their speakers: every quote, or those matching a query.",
        discussion: """
            said:"Herman Deru" finds his quotes, said:"Herman Deru" pemilu those where he mentions pemilu,
            said:agency:KPU those of a body; other words and fields work as in search.
            With --input, reads articles from files instead of the index and lists all their quotes.
            Exit status: 0 something matched, 1 nothing matched, 2 error.
            """
    )

    @OptionGroup var indexOption: IndexOption
    @OptionGroup var shardOption: ShardOption

    @Argument(help: "The query (optional): words, \"phrases\", operators and fields, said: included (see README).")
    var query: [String] = []

    @Option(name: .long, help: ArgumentHelp("Read articles from this file or directory instead of the index (repeatable); no query then.", valueName: "PATH"))
    var input: [String] = []

    @Option(help: "Order: newest (first) or relevance.")
    var sort: QuoteOrder = .newest

    @Option(help: "Quotes to show (20).")
    var limit: Int = 20

    @Option(help: "Quotes to skip (for the next page).")
    var offset: Int = 0

    @Flag(help: "Print one JSON document (schema in README).")
    var json = false

    @Flag(help: "Print CSV with a header line, for spreadsheets.")
    var csv = false

    @Option(help: "Colour matches: auto (on a terminal), always or never.")
    var color: ColorChoice = .auto

    func validate() throws {
        guard limit >= 0 else { throw ValidationError("--limit must be 0 or more") }
        guard offset >= 0 else { throw ValidationError("--offset must be 0 or more") }
        guard !(json && csv) else { throw ValidationError("--json and --csv exclude each other; give one") }
        guard input.isEmpty || query.isEmpty else {
            throw ValidationError("--input lists every quote of the files; a query needs an index (drop --input)")
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
        let results: QuoteResults
        if input.isEmpty {
            do {
                let searcher = try shardOption.searcher(indexOption.location)
                results = try searcher.quotes(parsed, order: sort, limit: limit, offset: offset)
            } catch let error as SearchError {
                throw CommandError(message: error.description)
            }
        } else {
            results = try extract()
        }
        if json {
            print(try QuotesDocument(results).encoded())
        } else if csv {
            print(QuotesDocument(results).csv(), terminator: "")
        } else {
            print(TerminalRenderer(style: color.enabled ? .color : .plain).render(results, query: parsed, offset: offset), terminator: "")
        }
        if results.total == 0 { throw ExitCode(1) }
    }

    /// Every quote of the --input files, in the order read.
    private func extract() throws -> QuoteResults {
        let extractor: QuoteExtractor
        switch EntityLexicon.shared {
        case .success(let lexicon): extractor = QuoteExtractor(recognizer: EntityRecognizer(lexicon: lexicon))
        case .failure(let error): throw CommandError(message: error.description)
        }
        var total = 0
        var page: [QuoteMatch] = []
        var problems = 0
        _ = try ArticleReader(paths: input).read(article: { article in
            let record = ArticleRecord(article)
            for quote in extractor.quotes(in: article) {
                if total >= offset, page.count < limit { page.append(QuoteMatch(quote: quote, article: record)) }
                total += 1
            }
        }, problem: { problem in
            problems += 1
            printError("telusur: \(problem)")
        })
        return QuoteResults(total: total, quotes: page, entities: ResolvedEntities())
    }
}

extension QuoteOrder: ExpressibleByArgument {}
