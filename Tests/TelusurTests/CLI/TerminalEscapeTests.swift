import Foundation
import Testing
@testable import Telusur

/// Issue 12, rows 2–4 and the property test: no control character from an article
/// (title, body, source, url, id) reaches the output of any command, in plain or in
/// colour, except the newlines, tabs and colour codes telusur writes itself.
@Suite struct TerminalEscapeTests {
    /// The control characters in `output` that telusur did not put there: everything
    /// in C0/C1 and DEL, once our own SGR colour codes, newlines, CSV row ends and tabs are set aside.
    static func foreignControls(in output: String) -> [String] {
        var found: [String] = []
        let scalars = Array(output.unicodeScalars)
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == "\u{1B}", index + 1 < scalars.count, scalars[index + 1] == "[" {
                var end = index + 2
                while end < scalars.count, ("0"..."9").contains(scalars[end]) || scalars[end] == ";" { end += 1 }
                if end < scalars.count, scalars[end] == "m" { index = end + 1; continue }
            }
            // A CSV's row ends (CRLF, as RFC 4180 says) are telusur's own too.
            let rowEnd = scalar == "\r" && index + 1 < scalars.count && scalars[index + 1] == "\n"
            if !rowEnd && scalar != "\n" && scalar != "\t" && (scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)) {
                let context = String(String.UnicodeScalarView(scalars[max(0, index - 10)..<min(scalars.count, index + 10)]))
                found.append(String(format: "U+%04X in %@", scalar.value, context.debugDescription))
            }
            index += 1
        }
        return found
    }

    static let hostile = [
        "\u{1B}[2J", "\u{1B}]52;c;cm0gLXJmIH4=\u{07}", "\u{1B}]0;judul jendela\u{07}",
        "\u{1B}]8;;https://jahat.example\u{1B}\\tautan\u{1B}]8;;\u{1B}\\", "\u{9B}31m", "\u{00}", "\u{08}\u{7F}",
    ]

    /// Every output path of the executable on `index`, plain and in colour.
    static func outputs(_ index: String, query: String) throws -> [(String, String)] {
        var runs: [(String, [String], String?)] = [
            ("search", ["search", "--index", index, query], nil),
            ("search colour", ["search", "--index", index, "--color", "always", query], nil),
            ("facets", ["search", "--index", index, "--facets", query], nil),
            ("facets colour", ["search", "--index", index, "--facets", "--color", "always", query], nil),
            ("ids", ["search", "--index", index, "--ids", query], nil),
            ("json", ["search", "--index", index, "--json", "--facets", query], nil),
            ("persons", ["persons", "--index", index], nil),
            ("persons json", ["persons", "--index", index, "--json"], nil),
            ("agencies", ["agencies", "--index", index], nil),
            ("stats", ["stats", "--index", index], nil),
            ("csv", ["search", "--index", index, "--csv", query], nil),
            ("tsv", ["search", "--index", index, "--tsv", query], nil),
            ("agencies json", ["agencies", "--index", index, "--json"], nil),
            ("stats json", ["stats", "--index", index, "--json"], nil),
            ("quotes", ["quotes", "--index", index], nil),
            ("quotes json", ["quotes", "--index", index, "--json"], nil),
            ("quotes csv", ["quotes", "--index", index, "--csv"], nil),
            ("batch", ["batch", "--index", index, "--kind", "query", "-"], "\(query)\n"),
            ("batch json", ["batch", "--index", index, "--kind", "query", "--json", "-"], "\(query)\n"),
            ("batch csv", ["batch", "--index", index, "--kind", "query", "--csv", "-"], "\(query)\n"),
            ("alert add", ["alert", "add", "--index", index, "semua", query], nil),
            ("alerts json", ["alerts", "--index", index, "--json"], nil),
            ("alert list json", ["alert", "list", "--index", index, "--json"], nil),
            ("pickup survey json", ["pickup", "--index", index, "--survey", "--json"], nil),
            ("repl", ["repl", "--index", index], "\(query)\n:open 1\n:facets on\n\(query)\n"),
            ("repl colour", ["repl", "--index", index, "--color", "always"], "\(query)\n:open 1\n:open 2\n:facets on\n\(query)\n"),
        ]
        runs.append(("similar", ["similar", "--index", index, "x"], nil))
        return try runs.map { name, arguments, input in
            let run = try CommandRunner.run(arguments, stdin: input)
            return (name, run.stdout + run.stderr)
        }
    }

    /// The reproduction of rows 2 and 3: escapes in every field of a JSON line.
    @Test func escapesInEveryFieldNeverReachTheOutput() throws {
        let directory = TemporaryDirectory()
        var lines = ""
        for (number, escape) in Self.hostile.enumerated() {
            let object: [String: String] = [
                "id": "berita-\(number)", "title": "Pemilu \(escape) damai", "source": "sumber\(escape).id",
                "url": "https://contoh.id/\(escape)", "date": "2024-02-0\(number + 1)",
                "body": "Pemilu \(escape) berjalan damai di Sumsel.\n\nKPU Sumsel \(escape) bersiap.\n\n"
                    + "\u{201C}Pemilu \(escape) harus damai dan jujur,\u{201D} kata Herman Deru.",
            ]
            let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
            lines += String(decoding: data, as: UTF8.self) + "\n"
        }
        let file = try directory.write("jahat.jsonl", lines)
        let index = directory.path + "/idx"
        let built = try CommandRunner.run(["index", "--index", index, file])
        #expect(built.status == 0, "\(built.stderr)")
        for (name, output) in try Self.outputs(index, query: "pemilu") {
            #expect(Self.foreignControls(in: output).isEmpty, "\(name): \(Self.foreignControls(in: output).prefix(3))")
            if name.hasPrefix("search") || name.hasPrefix("repl") || name.hasPrefix("facets") {
                #expect(output.contains("amai"), "\(name) printed nothing useful: \(output.prefix(300))")
            }
        }
        let quotes = try CommandRunner.run(["quotes", "--index", index, "--json"])
        #expect(quotes.stdout.contains("\\u009b31m"), "quotes --json escapes U+009B: \(quotes.stdout.prefix(300))")
        // JSON keeps the text exactly (escaped, so it decodes back to what was indexed).
        let json = try CommandRunner.run(["search", "--index", index, "--json", "pemilu"])
        let decoded = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let titles = (decoded["results"] as? [[String: Any]] ?? []).compactMap { $0["title"] as? String }
        #expect(titles.contains("Pemilu \u{9B}31m damai"), "\(titles)")
    }

    /// Every CSV a command prints (search, quotes, batch) goes through one writer: a
    /// title or source that a spreadsheet would run as a formula gets a leading `'`.
    @Test func formulasInEveryCSVAreDefused() throws {
        let directory = TemporaryDirectory()
        let object: [String: String] = [
            "id": "rumus", "title": "=HYPERLINK(\"https://jahat.example\",\"Pemilu\")", "source": "@sumber",
            "date": "2024-02-01",
            "body": "Pemilu berjalan damai.\n\n\u{201C}Pemilu harus damai dan jujur,\u{201D} kata Herman Deru.",
        ]
        let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
        let file = try directory.write("rumus.jsonl", String(decoding: data, as: UTF8.self) + "\n")
        let index = directory.path + "/idx"
        #expect(try CommandRunner.run(["index", "--index", index, file]).status == 0)
        let search = try CommandRunner.run(["search", "--index", index, "--csv", "pemilu"]).stdout
        let tsv = try CommandRunner.run(["search", "--index", index, "--tsv", "pemilu"]).stdout
        let quotes = try CommandRunner.run(["quotes", "--index", index, "--csv"]).stdout
        for (name, output) in [("search", search), ("tsv", tsv), ("quotes", quotes)] {
            #expect(output.contains("'=HYPERLINK("), "\(name): \(output)")
            #expect(output.contains("'@sumber"), "\(name): \(output)")
            #expect(!output.contains(",=HYPERLINK") && !output.contains("\t=HYPERLINK") && !output.contains(",@sumber"), "\(name)")
        }
        #expect(quotes.contains("Herman Deru"), "\(quotes)")
    }

    /// Row 4: an id with a control character is refused where it is read, so `--ids |
    /// xargs -d '\n' telusur remove` can never remove an innocent article.
    @Test func anIDWithAControlCharacterIsRefusedAtIngest() throws {
        let directory = TemporaryDirectory()
        let body = #""title":"Hapus","body":"Berita hapus.""#
        let file = try directory.write("ids.jsonl", """
            {"id":"a",\(body)}
            {"id":"b",\(body)}
            {"id":"a\\nb",\(body)}
            {"id":"c\\u001b[2J",\(body)}
            {"id":"d\\u0000",\(body)}

            """)
        let index = directory.path + "/idx"
        let built = try CommandRunner.run(["index", "--index", index, file])
        #expect(built.status == 1)
        #expect(built.stderr.contains("ids.jsonl:3: id \"a\\u000Ab\" holds a control character (U+000A)"), "\(built.stderr)")
        #expect(built.stderr.contains("ids.jsonl:4:") && built.stderr.contains("ids.jsonl:5:"))
        let ids = try CommandRunner.run(["search", "--index", index, "--ids", "hapus"])
        #expect(ids.stdout.split(separator: "\n").sorted() == ["a", "b"])
    }

    /// The property test: random titles, sources, ids and paragraphs (any scalar, control
    /// characters dense), indexed through the library so even ids that ingest refuses
    /// are in the index, as in an index someone else built; no output path lets one through.
    @Test(arguments: [1, 2, 3])
    func randomTextNeverReachesTheTerminalRaw(seed: UInt64) throws {
        var random = SplitMix(seed: seed)
        func text(_ length: Int) -> String {
            var scalars = String.UnicodeScalarView()
            for _ in 0..<length {
                switch random.next() % 6 {
                case 0: scalars.append(Unicode.Scalar(UInt8(random.next() % 0x20)))
                case 1: scalars.append(Unicode.Scalar(UInt32(0x7F + random.next() % 0x21))!)
                case 2: scalars.append(Unicode.Scalar(UInt32(0x20 + random.next() % 0x5F))!)
                case 3: scalars.append(Unicode.Scalar(UInt32(0xA0 + random.next() % 0x2000)) ?? " ")
                default: scalars.append(contentsOf: "pemilu ".unicodeScalars)
                }
            }
            return String(scalars)
        }
        let directory = TemporaryDirectory()
        let articles = (0..<12).map { number in
            Article(id: "id\(number)" + text(4), title: "Pemilu " + text(20), date: "2024-02-0\(number % 9 + 1)",
                    source: text(8), url: "https://contoh.id/" + text(6),
                    paragraphs: [Paragraph(number: 1, text: "Pemilu " + text(60)), Paragraph(number: 2, text: text(80))])
        }
        _ = try Fixtures.index(articles, in: directory)
        for (name, output) in try Self.outputs(directory.path + "/index", query: "pemilu") {
            #expect(Self.foreignControls(in: output).isEmpty, "seed \(seed), \(name): \(Self.foreignControls(in: output).prefix(3))")
        }
    }
}

/// A small, seeded random number generator, so a failing case can be run again.
struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
