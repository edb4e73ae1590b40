import ArgumentParser
import Foundation
import Telusur

/// `telusur batch FILE`: a name list looked up line by line.
struct BatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "batch",
        abstract: "Look up a list of names or queries, one a line: matching articles, first and last date, top sources, co-occurring persons.",
        discussion: """
            Empty lines and lines starting with # are skipped. A name the index cannot resolve to one person \
            (or agency) is listed as unresolved with the names it could mean. - reads the list from standard input.

            Exit status: 0 every line found, 1 some line unresolved or in error, 2 error (no index, the file cannot be read).
            """
    )

    @OptionGroup var indexOption: IndexOption
    @OptionGroup var shardOption: ShardOption

    @Option(help: "What each line is: person (person:\"…\"), agency (agency:\"…\") or query (the search language).")
    var kind: NameKind = .person

    @Flag(help: "Print a CSV table (RFC 4180): line, text, status, resolved, articles, first, last, sources, persons, candidates.")
    var csv = false

    @Flag(help: "Print a JSON array, one object per line of the list.")
    var json = false

    @Argument(help: ArgumentHelp("The list: one name or query a line (- for standard input).", valueName: "FILE"))
    var file: String

    func validate() throws {
        guard !(csv && json) else { throw ValidationError("give --csv or --json, not both") }
    }

    func run() throws {
        let data: Data?
        if file == "-" { data = FileHandle.standardInput.readDataToEndOfFile() } else { data = FileManager.default.contents(atPath: file) }
        guard let data else { throw CommandError(message: "\(file.terminalSafe()): cannot be read; give a text file with one name a line") }
        guard let text = String(data: data, encoding: .utf8) else {
            throw CommandError(message: "\(file.terminalSafe()): not UTF-8 text; save the list as UTF-8, one name a line")
        }
        let entries: [NameListEntry] = try AlertsCommand.failing {
            let lines = try NameListLookup.lines(of: text, file: file == "-" ? "(standard input)" : file)
            let lookup = NameListLookup(searcher: try shardOption.searcher(indexOption.location))
            return try lines.map { try lookup.lookup($0.text, line: $0.number, kind: kind) }
        }
        if json {
            print(try JSONOutput.text(entries))
        } else if csv {
            print(Self.table(entries).text(.csv), terminator: "")
        } else {
            for entry in entries { print(Self.line(entry)) }
        }
        if entries.contains(where: { $0.status != .found }) { throw ExitCode(1) }
    }

    static func counts(_ list: [NameListEntry.Count]) -> String {
        list.map { "\($0.value) \($0.articles)" }.joined(separator: "; ")
    }

    static func table(_ entries: [NameListEntry]) -> ResultsTable {
        ResultsTable(
            header: ["line", "text", "status", "resolved", "articles", "first", "last", "sources", "persons", "candidates"],
            rows: entries.map { entry in
                [String(entry.line), entry.text, entry.status.rawValue, entry.resolved ?? "", String(entry.articles),
                 entry.first ?? "", entry.last ?? "", counts(entry.sources), counts(entry.persons),
                 entry.message.map { counts(entry.candidates).isEmpty ? $0 : counts(entry.candidates) + " (" + $0 + ")" } ?? counts(entry.candidates)]
            })
    }

    /// One line of text per entry.
    static func line(_ entry: NameListEntry) -> String {
        let head = "\(entry.line)\t\(entry.text.terminalSafe())"
        switch entry.status {
        case .found:
            var out = head + "\t\(entry.articles) article\(entry.articles == 1 ? "" : "s")"
            if let first = entry.first, let last = entry.last { out += "\t\(first)…\(last)" }
            if !entry.sources.isEmpty { out += "\tsources: " + counts(entry.sources).terminalSafe() }
            if !entry.persons.isEmpty { out += "\twith: " + counts(entry.persons).terminalSafe() }
            return out
        case .unresolved:
            let candidates = entry.candidates.isEmpty ? "no candidates" : "candidates: " + counts(entry.candidates).terminalSafe()
            return head + "\tunresolved\t" + candidates + (entry.message.map { " (\($0.terminalSafe()))" } ?? "")
        case .error:
            return head + "\terror\t" + (entry.message ?? "").terminalSafe()
        }
    }
}

extension NameKind: ExpressibleByArgument {}
