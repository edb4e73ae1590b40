import ArgumentParser
import Foundation
import Telusur

/// `telusur recognize`: the entity recognizer alone, for benchmarks (Benchmarks/entities/idner.py).
///
/// Reads JSON Lines on standard input. Each line is one article as a JSON array of its
/// texts (title first, then paragraphs) and gives one line out:
/// `{"persons":["joko widodo"],"agencies":["kpk"]}`, the keys the index would store.
/// With `--names`, each line is a JSON string, a name as a user would type it, and gives
/// `{"key":"joko widodo"}`, the key `person:` would look up.
struct RecognizeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "recognize",
        abstract: "Print the persons and agencies of each article read as JSON Lines on standard input.",
        shouldDisplay: false
    )

    @Flag(help: "Read names (JSON strings) and print their normalised keys.")
    var names = false

    func run() throws {
        let recognizer: EntityRecognizer
        switch EntityLexicon.shared {
        case .success(let lexicon): recognizer = EntityRecognizer(lexicon: lexicon)
        case .failure(let error): throw CommandError(message: error.description)
        }
        var number = 0
        while let line = readLine(strippingNewline: true) {
            number += 1
            if line.allSatisfy(\.isWhitespace) { continue }
            let value: Any
            do {
                value = try JSONSerialization.jsonObject(with: Data(line.utf8), options: [.fragmentsAllowed])
            } catch {
                throw CommandError(message: "standard input line \(number): not JSON; give one JSON array of texts per line (or one JSON string with --names)")
            }
            let object: [String: Any]
            if names {
                guard let name = value as? String else {
                    throw CommandError(message: "standard input line \(number): expected a JSON string (a name)")
                }
                object = ["key": recognizer.persons.queryKey(name)]
            } else {
                guard let texts = value as? [String] else {
                    throw CommandError(message: "standard input line \(number): expected a JSON array of strings (title, then paragraphs)")
                }
                let entities = recognizer.recognize(texts)
                var persons: [String] = []
                var agencies: [String] = []
                for paragraph in entities {
                    for person in paragraph.persons where !persons.contains(person) { persons.append(person) }
                    for agency in paragraph.agencies where !agencies.contains(agency) { agencies.append(agency) }
                }
                object = ["persons": persons, "agencies": agencies]
            }
            // JSON escapes every control character: nothing from input reaches a terminal raw.
            let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])
            print(String(decoding: data, as: UTF8.self))
        }
    }
}
