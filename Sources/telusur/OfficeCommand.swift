import ArgumentParser
import Foundation
import Telusur

/// `telusur office OFFICE [--date WHEN]`: who held an office, with the articles as evidence.
struct OfficeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "office",
        abstract: "Who held an office: the persons written with it, with dates and articles as evidence.",
        discussion: "Example: telusur office \"Kapolda Metro Jaya\" --date 2019-09 (Metro Jaya = DKI Jakarta)."
    )

    @OptionGroup var indexOption: IndexOption
    @OptionGroup var shardOption: ShardOption

    @Option(help: ArgumentHelp("Only articles of this day, month or year, or FROM..TO (as date:).", valueName: "WHEN"))
    var date: String?

    @Flag(help: "Print one JSON array.")
    var json = false

    @Argument(help: "The office, e.g. \"Gubernur Sumatera Selatan\", \"Kapolda Metro Jaya\".")
    var office: [String]

    func validate() throws {
        if let date, Searcher.dateRange(date) == nil {
            throw ValidationError("--date \(date.terminalSafe()) is no date: give YYYY, YYYY-MM, YYYY-MM-DD or FROM..TO, e.g. --date 2019-09")
        }
        guard !office.joined().trimmingCharacters(in: .whitespaces).isEmpty else {
            throw ValidationError("give an office, e.g. telusur office \"Gubernur Sumatera Selatan\"")
        }
    }

    func run() throws {
        do {
            let searcher = try shardOption.searcher(indexOption.location)
            let list = try searcher.holders(ofOffice: office.joined(separator: " "), range: date.flatMap(Searcher.dateRange))
            OfficeOutput.print(list, json: json, byPerson: true)
            reportMissing(searcher.missingShards, of: searcher)
            if list.isEmpty { throw ExitCode(1) }
        } catch let error as SearchError {
            throw CommandError(message: error.description)
        }
    }
}

/// How `office` and `person --offices` print holdings.
enum OfficeOutput {
    static func print(_ list: [OfficeHolding], json: Bool, byPerson: Bool) {
        if json {
            let array: [[String: Any]] = list.map { held in
                [
                    "office": ["key": held.office, "name": held.officeName],
                    "person": ["key": held.person, "name": held.personName],
                    "articles": held.articles,
                    "first": held.first as Any? ?? NSNull(),
                    "last": held.last as Any? ?? NSNull(),
                    "evidence": held.evidence.map { ["id": $0.id, "title": $0.title, "date": $0.date as Any? ?? NSNull()] },
                ]
            }
            let data = (try? JSONSerialization.data(withJSONObject: array, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])) ?? Data("[]".utf8)
            Swift.print(String(decoding: data, as: UTF8.self).jsonTerminalSafe)
            return
        }
        for held in list {
            let count = String(repeating: " ", count: max(0, 7 - String(held.articles).count)) + "\(held.articles)"
            let dates = "\(held.first ?? "?") … \(held.last ?? "?")"
            let who = byPerson ? held.personName : held.officeName
            Swift.print("\(count)  \(who.terminalSafe())  \(dates)")
            for record in held.evidence {
                Swift.print("         \((record.date ?? "undated").terminalSafe())  \(record.id.terminalSafe())  \(record.title.terminalSafe())")
            }
        }
    }
}
