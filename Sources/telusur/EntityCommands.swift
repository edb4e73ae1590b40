import ArgumentParser
import Foundation
import Telusur

/// `telusur person NAME`
struct PersonCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "person",
        abstract: "Articles that mention a person (titles, degrees and case ignored; a partial name resolves).",
        discussion: "Same output as search; --offices lists the offices written with the person. Example: telusur person \"Dr. Herman Deru, SH\""
    )

    @OptionGroup var indexOption: IndexOption
    @OptionGroup var output: ResultOptions

    @Flag(help: "List the offices written with the person instead (first and last date, latest articles; --json for JSON).")
    var offices = false

    @Argument(help: "The name.")
    var name: [String]

    func run() throws {
        guard offices else {
            try output.run(CommandLineQuery.field(.person, name), index: indexOption.location)
            return
        }
        do {
            let searcher = try output.shardOption.searcher(indexOption.location)
            let list = try searcher.offices(ofPerson: name.joined(separator: " "))
            OfficeOutput.print(list, json: output.json, byPerson: false)
            reportMissing(searcher.missingShards, of: searcher)
            if list.isEmpty { throw ExitCode(1) }
        } catch let error as SearchError {
            throw CommandError(message: error.description)
        }
    }
}

/// `telusur agency NAME`
struct AgencyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "agency",
        abstract: "Articles that mention a public body, by acronym or any long form, optionally in a region.",
        discussion: "Same output as search. Examples: telusur agency Bawaslu; telusur agency \"KPU Sumsel\""
    )

    @OptionGroup var indexOption: IndexOption
    @OptionGroup var output: ResultOptions

    @Argument(help: "The body, e.g. KPU, \"Badan Pengawas Pemilu\", \"KPU Sumsel\".")
    var name: [String]

    func run() throws {
        try output.run(CommandLineQuery.field(.agency, name), index: indexOption.location)
    }
}

/// Options of `persons` and `agencies`.
struct ListOptions: ParsableArguments {
    @Option(help: "Show only the N most written-about.")
    var top: Int?

    @Option(help: "Keep names that contain TEXT.")
    var match: String?

    @Option(help: ArgumentHelp("Count only the articles that match this query (who appears with KPK in 2019-09: --query 'agency:KPK date:2019-09').", valueName: "QUERY"))
    var query: String?

    @Flag(help: "Print one JSON array.")
    var json = false

    /// The list: from the whole index, or from the articles that match ``query``.
    func entities(_ searcher: Searcher, agencies: Bool) throws -> [Searcher.EntityCount] {
        if let query { return try searcher.entities(matching: query, agencies: agencies, top: top, match: match) }
        return agencies ? try searcher.agencies(top: top, match: match) : try searcher.persons(top: top, match: match)
    }

    func print(_ list: [Searcher.EntityCount]) throws {
        if json {
            Swift.print(try EntityListDocument(list).json().jsonTerminalSafe)
        } else {
            for item in list {
                Swift.print(String(repeating: " ", count: max(0, 7 - String(item.articles).count)) + "\(item.articles)  \(item.name.terminalSafe())"
                            + (item.name.lowercased() == item.key ? "" : "  [\(item.key.terminalSafe())]"))
            }
        }
    }
}

/// `telusur persons`
struct PersonsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "persons",
        abstract: "List the persons the index knows, with the number of articles that mention each."
    )

    @OptionGroup var indexOption: IndexOption
    @OptionGroup var list: ListOptions
    @OptionGroup var shardOption: ShardOption

    func run() throws {
        do {
            let searcher = try shardOption.searcher(indexOption.location)
            try list.print(try list.entities(searcher, agencies: false))
            reportMissing(searcher.missingShards, of: searcher)
        } catch let error as SearchError {
            throw CommandError(message: error.description)
        }
    }
}

/// `telusur agencies`
struct AgenciesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "agencies",
        abstract: "List the agencies the index knows (regional ones too), with article counts."
    )

    @OptionGroup var indexOption: IndexOption
    @OptionGroup var list: ListOptions
    @OptionGroup var shardOption: ShardOption

    func run() throws {
        do {
            let searcher = try shardOption.searcher(indexOption.location)
            try list.print(try list.entities(searcher, agencies: true))
            reportMissing(searcher.missingShards, of: searcher)
        } catch let error as SearchError {
            throw CommandError(message: error.description)
        }
    }
}
