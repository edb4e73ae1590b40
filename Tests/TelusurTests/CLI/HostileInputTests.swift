import Foundation
import Testing
@testable import Telusur

/// The catalogue of hostile and broken input (README, "Reliability"), each kind through
/// the real executable next to a file of good articles: a bad input is reported with
/// its file (and line) and why, and skipped; everything else is indexed; odd but valid
/// text is indexed and searchable, and never breaks the terminal.
@Suite struct HostileInputTests {
    /// One kind of hostile input.
    struct Case: Sendable, CustomStringConvertible {
        /// What it is, as the README's catalogue names it.
        var name: String
        /// Writes the input into the directory and returns the paths to index.
        var setup: @Sendable (TemporaryDirectory) throws -> [String]
        /// Exit status of `telusur index`: 1 when something was skipped, 0 when all was indexed.
        var status: Int32
        /// Fragments the message on standard error must contain (file, line, reason).
        var messages: [String] = []
        /// Articles of the hostile input that must be indexed (besides the two good ones);
        /// -1 for "some" (a truncated file: those before the cut).
        var indexed: Int = 0
        /// Searches to run afterwards: arguments after `search --index DIR`, the exit
        /// status, text the output must contain, and text it must not contain.
        var probes: [Probe] = []

        var description: String { name }
    }

    struct Probe: Sendable {
        var query: [String]
        var status: Int32 = 0
        var contains: [String] = []
        var excludes: [String] = []
    }

    /// The two good articles indexed with every hostile input.
    static let good = """
        {"id":"baik-1","title":"Rapat Bawaslu","date":"2024-02-07","source":"contoh.id","body":"Bawaslu Sumsel menggelar rapat koordinasi."}
        {"id":"baik-2","title":"Zero konflik","date":"2024-02-08","source":"contoh.id","body":"Sumsel zero konflik pada pemilu."}

        """

    static func line(_ fields: [String: Any]) -> String {
        var object: [String: Any] = ["id": "x", "title": "Judul", "date": "2024-02-07", "source": "contoh.id"]
        for (key, value) in fields { object[key] = value }
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data()
        return String(decoding: data, as: UTF8.self)
    }

    static func write(_ directory: TemporaryDirectory, _ name: String, bytes: [UInt8]) throws -> String {
        let path = directory.path + "/" + name
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    static let cases: [Case] = [
        Case(name: "malformed JSON", setup: { d in
            [try d.write("bad.jsonl", line(["id": "ok", "body": "Kalimat pertama."]) + "\n{\"id\": \"rusak\", \"title\":\n")]
        }, status: 1, messages: ["bad.jsonl:2: not valid JSON (", "fix or remove the line"], indexed: 1),

        Case(name: "a JSON value that is not an object", setup: { d in
            [try d.write("bad.jsonl", "[1, 2, 3]\n\"teks\"\n")]
        }, status: 1, messages: ["bad.jsonl:1: an array instead of an article", "bad.jsonl:2: a string instead of an article"]),

        Case(name: "a missing field", setup: { d in
            [try d.write("bad.jsonl", #"{"id":"tanpa-isi","title":"Judul"}"# + "\n")]
        }, status: 1, messages: [#"bad.jsonl:1: "body" is missing or empty"#]),

        Case(name: "an empty field", setup: { d in
            [try d.write("bad.jsonl", line(["id": "  ", "body": "Isi."]) + "\n")]
        }, status: 1, messages: [#"bad.jsonl:1: "id" is missing or empty"#]),

        Case(name: "a mistyped field", setup: { d in
            [try d.write("bad.jsonl", #"{"id":42,"body":"Isi."}"# + "\n" + #"{"id":"a","body":"Isi.","date":20240207}"# + "\n")]
        }, status: 1, messages: [#"bad.jsonl:1: "id" is a number but must be a string"#,
                                 #"bad.jsonl:2: "date" is a number but must be a string or null"#]),

        Case(name: "an invalid date", setup: { d in
            [try d.write("bad.jsonl", line(["id": "tgl", "body": "Isi.", "date": "2024-02-30"]) + "\n")]
        }, status: 1, messages: [#"bad.jsonl:1: date "2024-02-30" is not a YYYY-MM-DD date"#]),

        Case(name: "duplicate ids in one batch", setup: { d in
            [try d.write("bad.jsonl", line(["id": "kembar", "body": "Versi satu."]) + "\n" + line(["id": "kembar", "body": "Versi dua."]) + "\n")]
        }, status: 1, messages: [#"bad.jsonl:2: id "kembar" was already read at "#, "bad.jsonl:1; the first was kept"], indexed: 1,
             probes: [Probe(query: ["versi"], contains: ["Versi satu."], excludes: ["Versi dua."])]),

        Case(name: "invalid UTF-8", setup: { d in
            [try write(d, "bad.jsonl", bytes: Array(#"{"id":"a","body":"caf"#.utf8) + [0xE9] + Array("\"}\n".utf8))]
        }, status: 1, messages: ["bad.jsonl:1: invalid UTF-8 at byte 22 of the line"]),

        Case(name: "a NUL byte in a JSON Lines line", setup: { d in
            [try write(d, "bad.jsonl", bytes: Array(#"{"id":"a","body":"x"#.utf8) + [0] + Array("y\"}\n".utf8))]
        }, status: 1, messages: ["bad.jsonl:1: not valid JSON (unescaped control character at column 20)"]),

        Case(name: "a NUL byte in a text file", setup: { d in
            [try write(d, "rilis.txt", bytes: Array("Teks biasa".utf8) + [0] + Array(" lagi\n".utf8))]
        }, status: 1, messages: ["rilis.txt: not a text file (a NUL byte at byte 11)"]),

        Case(name: "NUL and other control characters escaped in JSON (\\u0000, \\u001b)", setup: { d in
            [try d.write("ctl.jsonl", line(["id": "ctl", "title": "Judul\u{1B}[31mmerah", "body": "sebelum\u{0}sesudah bel\u{7}bunyi \u{1B}[2Jhapus"]) + "\n")]
        }, status: 0, indexed: 1, probes: [
            Probe(query: ["--color", "never", "sesudah"], contains: ["sebelum sesudah bel bunyi  [2Jhapus"], excludes: ["\u{0}", "\u{7}", "\u{1B}"]),
            Probe(query: ["--color", "always", "bunyi"], contains: ["\u{1B}[1;31mbunyi\u{1B}[0m"], excludes: ["\u{1B}[2J", "\u{1B}[31m"]),
        ]),

        Case(name: "a byte order mark", setup: { d in
            [try write(d, "bom.jsonl", bytes: [0xEF, 0xBB, 0xBF] + Array((line(["id": "bom", "body": "Tanda urutan bita."]) + "\n").utf8)),
             try write(d, "bom.txt", bytes: [0xEF, 0xBB, 0xBF] + Array("# Judul BOM\nTeks bertanda.\n".utf8))]
        }, status: 0, indexed: 2, probes: [Probe(query: ["bita"]), Probe(query: ["title:bom"])]),

        Case(name: "CRLF line ends", setup: { d in
            [try d.write("crlf.jsonl", line(["id": "crlf", "body": "Baris satu.\r\nBaris dua.\r\n"]) + "\r\n"),
             try d.write("crlf.txt", "# Judul CRLF\r\nBaris tiga.\r\nBaris empat.\r\n")]
        }, status: 0, indexed: 2, probes: [Probe(query: ["--json", "--paragraphs", "3", "baris"], contains: [#""text" : "Baris dua.""#], excludes: ["\\r"])]),

        // Issue 12, rows 17, 18 and 24.
        Case(name: "a lone UTF-16 surrogate escape", setup: { d in
            [try d.write("surrogat.jsonl", #"{"id":"s1","title":"Judul \ud800","body":"Isi."}"# + "\n"
                + #"{"id":"s2","title":"Emoji \ud83d\ude00","body":"Isi emoji."}"# + "\n")]
        }, status: 1, messages: ["surrogat.jsonl:1: not valid JSON (a lone UTF-16 surrogate escape at column 27"], indexed: 1),

        Case(name: "CR-only line ends", setup: { d in
            [try d.write("mac.jsonl", line(["id": "cr-1", "body": "Baris satu."]) + "\r" + line(["id": "cr-2", "body": "Baris dua."]) + "\r")]
        }, status: 0, indexed: 2, probes: [Probe(query: ["--ids", "baris"], contains: ["cr-1", "cr-2"])]),

        Case(name: "a duplicate key", setup: { d in
            [try d.write("ganda.jsonl", #"{"id":"g1","title":"Satu","title" : "Dua","body":"Isi."}"# + "\n"
                + #"{"id":"g2","title":"Kata \"title\": bukan kunci","body":"Isi."}"# + "\n")]
        }, status: 1, messages: [#"ganda.jsonl:1: not valid JSON (the key "title" appears twice"#], indexed: 1),

        Case(name: "gzip with trailing garbage", setup: { d in
            let gzip = IngestFixture.gzip(Array((line(["id": "ekor", "body": "Berita ekor."]) + "\n").utf8))
            return [try write(d, "ekor.jsonl.gz", bytes: gzip + Array("SAMPAH".utf8))]
        }, status: 1, messages: ["ekor.jsonl.gz: the gzip data is corrupt (6 bytes after the end of the gzip stream"], indexed: 1),

        Case(name: "a FIFO given by name", setup: { d in
            let path = d.path + "/pipa.jsonl"
            #expect(mkfifo(path, 0o600) == 0)
            return [path]
        }, status: 1, messages: ["pipa.jsonl: cannot be read (it is a named pipe (FIFO)"]),

        Case(name: "a file name that is not UTF-8", setup: { d in
            try FileManager.default.createDirectory(atPath: d.path + "/nama", withIntermediateDirectories: true)
            let bytes = Array((d.path + "/nama/caf").utf8) + [0xE9] + Array(".txt".utf8) + [0]
            let descriptor = bytes.withUnsafeBufferPointer { open(UnsafeRawPointer($0.baseAddress!).assumingMemoryBound(to: CChar.self), O_CREAT | O_WRONLY, 0o644) }
            _ = Glibc.write(descriptor, "Judul\n\nIsi.\n", 13)
            close(descriptor)
            return [d.path + "/nama"]
        }, status: 1, messages: ["nama/caf\u{FFFD}.txt: cannot be read (its name is not valid UTF-8"]),

        Case(name: "thousands of bad lines", setup: { d in
            [try d.write("kosong.jsonl", String(repeating: "{}\n", count: 5000))]
        }, status: 1, messages: ["kosong.jsonl:20:", "kosong.jsonl: 4980 more problems like those above, not shown (5000 in all)"]),

        Case(name: "a truncated .gz", setup: { d in
            let lines = (1...50).map { line(["id": "gz-\($0)", "body": "Berita nomor \($0) tentang pemilu."]) }.joined(separator: "\n") + "\n"
            let gzip = IngestFixture.gzip(Array(lines.utf8))
            return [try write(d, "potong.jsonl.gz", bytes: Array(gzip.prefix(gzip.count / 2)))]
        }, status: 1, messages: ["potong.jsonl.gz:", "the gzip data ends in the middle of the file (it is truncated); the lines before were read"],
             indexed: -1, probes: [Probe(query: ["id:gz-1"])]),

        Case(name: "a .gz file that is not gzip", setup: { d in
            [try d.write("palsu.jsonl.gz", line(["id": "palsu", "body": "Isi."]) + "\n")]
        }, status: 1, messages: ["palsu.jsonl.gz: named .gz but not gzip data"]),

        Case(name: "an empty file", setup: { d in
            [try d.write("kosong.jsonl", ""), try d.write("kosong.txt", "\n  \n")]
        }, status: 1, messages: ["kosong.jsonl: empty file, no articles in it", "kosong.txt: empty file"]),

        Case(name: "a binary file", setup: { d in
            [try write(d, "gambar.txt", bytes: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0xFF, 0xFE])]
        }, status: 1, messages: ["gambar.txt: not a text file (invalid UTF-8 at byte 1)"]),

        Case(name: "a 10 MB single paragraph", setup: { d in
            let paragraph = String(repeating: "kata panjang sekali ", count: 10 << 20 / 20) + "ujungunik"
            return [try d.write("besar.jsonl", line(["id": "besar", "body": paragraph]) + "\n")]
        }, status: 0, indexed: 1, probes: [Probe(query: ["ujungunik"], contains: ["¶321 …sekali kata panjang", "sekali ujungunik\n"])]),

        Case(name: "an article with 100,000 paragraphs", setup: { d in
            let body = (1...100_000).map { "Paragraf nomor \($0)." }.joined(separator: "\n")
            return [try d.write("banyak.jsonl", line(["id": "banyak", "body": body]) + "\n")]
        }, status: 0, indexed: 1, probes: [Probe(query: ["paragraf nomor 99999"], contains: ["¶10000 Paragraf nomor 99991.", "Paragraf nomor 99999."])]),

        Case(name: "a word longer than Xapian's 245-byte term limit", setup: { d in
            let word = String(repeating: "panjang", count: 60)  // 420 bytes
            return [try d.write("kata.jsonl", line(["id": "kata", "title": word, "body": "Awal \(word) akhir.", "source": word]) + "\n")]
        }, status: 0, indexed: 1, probes: [Probe(query: ["akhir"]), Probe(query: [String(repeating: "panjang", count: 60)])]),

        Case(name: "an id longer than 200 bytes", setup: { d in
            [try d.write("id.jsonl", line(["id": String(repeating: "i", count: 300), "body": "Isi."]) + "\n")]
        }, status: 1, messages: ["id.jsonl:1: id \"iiii", "is 300 bytes, longer than the 200 an index can hold"]),

        Case(name: "combining characters and emoji", setup: { d in
            let zalgo = "z" + String(repeating: "\u{0301}\u{0316}", count: 500) + "algo"
            return [try d.write("emoji.jsonl", line(["id": "emoji", "body": "Kafe cafe\u{0301} buka 👍🏽👨‍👩‍👧 senang🙂sekali \(zalgo) \u{0301}\u{0301}"]) + "\n")]
        }, status: 0, indexed: 1, probes: [
            Probe(query: ["café"], contains: ["emoji"]),
            Probe(query: ["senang", "sekali"], contains: ["emoji"]),
            Probe(query: ["👍🏽"], status: 2, contains: []),
        ]),

        Case(name: "right-to-left text", setup: { d in
            [try d.write("rtl.jsonl", line(["id": "rtl", "title": "مرحبا بالعالم", "body": "النص العربي \u{202E}terbalik\u{202C} שלום עולם"]) + "\n")]
        }, status: 0, indexed: 1, probes: [Probe(query: ["العربي"]), Probe(query: ["שלום עולם"]), Probe(query: ["terbalik"])]),

        Case(name: "an unreadable file", setup: { d in
            if getuid() == 0 { return ["/proc/self/mem"] }  // root reads any file; this one fails with EIO
            let path = try d.write("rahasia.jsonl", line(["id": "rahasia", "body": "Isi."]) + "\n")
            chmod(path, 0)
            return [path]
        }, status: 1, messages: [getuid() == 0 ? "/proc/self/mem: cannot be read (Input/output error)" : "rahasia.jsonl: permission denied"]),

        Case(name: "symbolic link loops in a directory", setup: { d in
            try d.write("pohon/a.txt", "Artikel di pohon.\n")
            try FileManager.default.createSymbolicLink(atPath: d.path + "/pohon/balik", withDestinationPath: "..")
            try FileManager.default.createSymbolicLink(atPath: d.path + "/pohon/diri.txt", withDestinationPath: "diri.txt")
            return [d.path + "/pohon"]
        }, status: 1, messages: ["pohon/diri.txt: cannot be read (Too many levels of symbolic links)"], indexed: 1,
             probes: [Probe(query: ["pohon"], contains: ["1 article"])]),

        Case(name: "a path that does not exist", setup: { d in
            [d.path + "/tidak-ada.jsonl"]
        }, status: 1, messages: ["tidak-ada.jsonl: no such file or directory; check the path"]),

        Case(name: "unclosed front matter", setup: { d in
            [try d.write("depan.md", "---\ntitle: Judul\nIsi tanpa penutup.\n")]
        }, status: 1, messages: ["depan.md:1: front matter opened with --- is never closed"]),

        Case(name: "a query of 10,000 terms", setup: { _ in [] }, status: 0, probes: [
            Probe(query: (1...10_000).map { "kata\($0)" }, status: 2, contains: ["query too long at column", "at most 1024 words"]),
            Probe(query: [(1...10_000).map { "kata\($0)" }.joined(separator: " ")], status: 2, contains: ["query too long"]),
        ]),

        Case(name: "a very long list of paths on the command line", setup: { d in
            try (1...3000).map { try d.write("banyak/b\($0).txt", "Berkas nomor \($0).\n") }
        }, status: 0, indexed: 3000, probes: [Probe(query: ["berkas"], contains: ["3000 articles"])]),

        Case(name: "deeply nested parentheses", setup: { _ in [] }, status: 0, probes: [
            Probe(query: [String(repeating: "(", count: 10_000) + "bawaslu" + String(repeating: ")", count: 10_000)], status: 2,
                  contains: ["parentheses nested too deeply at column 33; at most 32 levels"]),
            Probe(query: [String(repeating: "(", count: 32) + "bawaslu" + String(repeating: ")", count: 32)], status: 0),
            Probe(query: [String(repeating: "NOT ", count: 1000) + "bawaslu"], status: 0),
        ]),
    ]

    @Test(arguments: cases.map(\.name))
    func hostileInputIsReportedAndTheRestIndexed(name: String) throws {
        let hostile = try #require(Self.cases.first { $0.name == name })
        let directory = TemporaryDirectory()
        let index = directory.path + "/Index"
        let good = try directory.write("baik.jsonl", Self.good)
        let paths = try hostile.setup(directory)

        let run = try CommandRunner.run(["index", "--index", index, good] + paths)
        #expect(run.status == hostile.status, "\(run.stdout)\(run.stderr)")
        for message in hostile.messages {
            #expect(run.stderr.contains(message), "expected \"\(message)\" in:\n\(run.stderr)")
        }
        if hostile.messages.isEmpty { #expect(run.stderr.isEmpty, "\(run.stderr)") }
        // Every problem line names a file: "telusur: PATH[:LINE]: ...".
        for problem in run.stderr.split(separator: "\n") {
            #expect(problem.hasPrefix("telusur: /"), "\(problem)")
        }

        // The good articles are there, and the hostile ones that are valid.
        let searcher = try Searcher(location: IndexLocation(option: index))
        #expect(try searcher.article(id: "baik-1") != nil)
        #expect(try searcher.article(id: "baik-2") != nil)
        if hostile.indexed >= 0 {
            #expect(try searcher.statistics().articles == 2 + hostile.indexed)
        } else {
            #expect(try searcher.statistics().articles > 2)
        }
        #expect(try CommandRunner.run(["search", "--index", index, "zero konflik"]).status == 0)

        for probe in hostile.probes {
            let found = try CommandRunner.run(["search", "--index", index] + probe.query)
            let shown = probe.query.joined(separator: " ").prefix(80)
            #expect(found.status == probe.status, "search \(shown): \(found.stdout.prefix(500))\(found.stderr.prefix(500))")
            for text in probe.contains {
                #expect((found.stdout + found.stderr).contains(text), "search \(shown): expected \"\(text)\" in \(found.stdout.prefix(2000))\(found.stderr.prefix(500))")
            }
            for text in probe.excludes {
                #expect(!found.stdout.contains(text), "search \(shown): unexpected \(text.debugDescription)")
            }
            // Whatever the input, the output stays readable: no giant echo of the input.
            #expect(found.stdout.utf8.count + found.stderr.utf8.count < 20_000, "search \(shown): \(found.stdout.utf8.count) bytes")
        }
    }
}
