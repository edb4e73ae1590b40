import ArgumentParser
import Foundation
import Telusur

/// `telusur remove ID...`
struct RemoveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "remove",
        abstract: "Remove articles from the index by id (all their paragraphs, in one commit).",
        discussion: """
            An id is the "id" of a JSON Lines record, or the path of a text file relative to the directory given when it was indexed (see `telusur search id:ID`).

            Exit status: 0 all removed, 1 some id was not in the index (the others were removed), 2 error (no index, or it is locked: see --wait).
            """
    )

    @OptionGroup var indexOption: IndexOption
    @OptionGroup var lock: LockOption

    @Flag(name: .shortAndLong, help: "Print only problems and errors.")
    var quiet = false

    @Argument(help: ArgumentHelp("Ids of the articles to remove.", valueName: "ID"))
    var ids: [String]

    func run() throws {
        let location = indexOption.location
        let indexer = try lock.acquire {
            guard location.exists else { throw IndexingError.missing(index: location.path) }
            return try Indexer(location: location)
        }
        var missing: [String] = []
        var removed = 0
        do {
            for id in ids {
                // Ingest stores ids in NFC; an id typed in another normal form is the same id.
                if try indexer.remove(id: id.precomposedStringWithCanonicalMapping) {
                    removed += 1
                } else {
                    missing.append(id)
                }
            }
            try indexer.commit()
        } catch let error as IndexingError {
            throw CommandError(message: error.description)
        }
        for id in missing {
            printError("telusur: no article with id \"\(id)\" in index \(location.path); nothing removed for it (check the id with `telusur search id:ID`)")
        }
        if !quiet { print("removed \(removed) article\(removed == 1 ? "" : "s") from \(location.path)") }
        if !missing.isEmpty { throw ExitCode(1) }
    }
}
