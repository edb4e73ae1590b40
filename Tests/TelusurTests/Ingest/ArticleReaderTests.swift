import Foundation
import Testing
@testable import Telusur

@Suite("ArticleReader")
struct ArticleReaderTests {
    static let lines = [
        IngestFixture.jsonLine(id: "a", title: "Pertama"),
        IngestFixture.jsonLine(id: "b", title: nil, body: "Gubernur meresmikan jembatan. Warga senang.\nParagraf dua."),
        IngestFixture.jsonLine(id: "c", date: nil),
    ]
    static let jsonl = lines.joined(separator: "\n") + "\n"

    static func checkThreeArticles(_ articles: [Article]) {
        #expect(articles.map(\.id) == ["a", "b", "c"])
        #expect(articles.map(\.title) == ["Pertama", "Gubernur meresmikan jembatan", "Judul"])
        #expect(articles.map(\.date) == ["2024-02-07", "2024-02-07", nil])
        #expect(articles.map(\.source) == ["contoh.id", "contoh.id", "contoh.id"])
        #expect(articles.allSatisfy { $0.paragraphs.map(\.number) == [1, 2] })
    }

    // MARK: Formats

    @Test("JSON Lines files", arguments: ["c.jsonl", "c.json", "c.ndjson"])
    func jsonLines(name: String) throws {
        let directory = try IngestFixture.Directory()
        let path = try directory.write(name, Self.jsonl)
        let result = IngestFixture.read([path])
        Self.checkThreeArticles(result.articles)
        #expect(result.problems.isEmpty)
        #expect(result.summary == IngestSummary(files: 1, articles: 3, problems: 0))
    }

    @Test("gzipped JSON Lines, whatever the name, when the content starts with 1f 8b",
          arguments: ["c.jsonl.gz", "c.gz", "c.jsonl", "c.data"])
    func gzip(name: String) throws {
        let directory = try IngestFixture.Directory()
        let path = try directory.write(name, bytes: IngestFixture.gzip(Array(Self.jsonl.utf8), blockSize: 100))
        let result = IngestFixture.read([path])
        Self.checkThreeArticles(result.articles)
        #expect(result.problems.isEmpty)
    }

    @Test("- reads JSON Lines from the standard input handle, plain or gzipped", arguments: [false, true])
    func standardInput(compressed: Bool) throws {
        let pipe = Pipe()
        let bytes = Array(Self.jsonl.utf8)
        pipe.fileHandleForWriting.write(Data(compressed ? IngestFixture.gzip(bytes) : bytes))
        try pipe.fileHandleForWriting.close()
        let result = IngestFixture.read(["-"], standardInput: pipe.fileHandleForReading)
        Self.checkThreeArticles(result.articles)
        #expect(result.summary == IngestSummary(files: 1, articles: 3, problems: 0))
    }

    @Test("problems on standard input are located at <stdin>:line")
    func standardInputProblem() throws {
        let pipe = Pipe()
        pipe.fileHandleForWriting.write(Data((Self.lines[0] + "\n{\n").utf8))
        try pipe.fileHandleForWriting.close()
        let result = IngestFixture.read(["-"], standardInput: pipe.fileHandleForReading)
        #expect(result.articles.map(\.id) == ["a"])
        #expect(result.problems.map(\.location) == [IngestSourceLocation(path: "<stdin>", line: 2)])
    }

    @Test("a text file with front matter")
    func textWithFrontMatter() throws {
        let directory = try IngestFixture.Directory()
        let path = try directory.write("rilis.txt", """
            ---
            title: Rapat Koordinasi Pemilu
            date: 2023-09-21
            source: sumselprov.go.id
            ---
            Paragraf satu.
            Paragraf dua.
            """)
        let result = IngestFixture.read([path])
        #expect(result.problems.isEmpty)
        #expect(result.articles == [Article(
            id: "rilis.txt", title: "Rapat Koordinasi Pemilu", date: "2023-09-21", source: "sumselprov.go.id",
            paragraphs: [Paragraph(number: 1, text: "Paragraf satu."), Paragraph(number: 2, text: "Paragraf dua.")]
        )])
    }

    @Test("a Markdown file with a heading", arguments: ["rilis.md", "rilis.markdown"])
    func markdownHeading(name: String) throws {
        let directory = try IngestFixture.Directory()
        let path = try directory.write(name, "# Gubernur Resmikan Jembatan\n\nIsi berita.\n")
        let result = IngestFixture.read([path])
        #expect(result.articles == [Article(
            id: name, title: "Gubernur Resmikan Jembatan", paragraphs: [Paragraph(number: 1, text: "Isi berita.")]
        )])
    }

    @Test("a text file without a title gets one from its first paragraph, which stays a paragraph")
    func textWithoutTitle() throws {
        let directory = try IngestFixture.Directory()
        let path = try directory.write("rilis.txt", "Banjir melanda Banyuasin. Warga mengungsi.\nDua.\n")
        let result = IngestFixture.read([path])
        #expect(result.articles.map(\.title) == ["Banjir melanda Banyuasin"])
        #expect(result.articles.first?.paragraphs.count == 2)
    }

    @Test("a gzipped text file is one article")
    func gzippedText() throws {
        let directory = try IngestFixture.Directory()
        let path = try directory.write("rilis.md.gz", bytes: IngestFixture.gzip(Array("# Judul\nIsi.\n".utf8)))
        #expect(IngestFixture.read([path]).articles == [
            Article(id: "rilis.md.gz", title: "Judul", paragraphs: [Paragraph(number: 1, text: "Isi.")]),
        ])
    }

    @Test("with format text, standard input is one text article")
    func standardInputAsText() throws {
        let pipe = Pipe()
        pipe.fileHandleForWriting.write(Data("# Judul\nIsi.\n".utf8))
        try pipe.fileHandleForWriting.close()
        let result = IngestFixture.read(["-"], format: .text, standardInput: pipe.fileHandleForReading)
        #expect(result.articles == [Article(id: "stdin", title: "Judul", paragraphs: [Paragraph(number: 1, text: "Isi.")])])
    }

    @Test("a directory is read recursively; hidden and unsupported files are named with their reason, not reported")
    func directoryRecursion() throws {
        let directory = try IngestFixture.Directory()
        let root = try directory.makeDirectory("rilis")
        try directory.write("rilis/2023/a.txt", "Satu.")
        try directory.write("rilis/2024/b.md", "# B\nDua.")
        try directory.write("rilis/c.jsonl", Self.jsonl)
        try directory.write("rilis/d.jsonl.gz", bytes: IngestFixture.gzip(Array((IngestFixture.jsonLine(id: "d") + "\n").utf8)))
        try directory.write("rilis/.draft.txt", "Draf.")
        try directory.write("rilis/.cache/e.txt", "Cache.")
        try directory.write("rilis/foto.jpg", bytes: [0xFF, 0xD8, 0xFF])
        try directory.write("rilis/catatan", "tanpa ekstensi")
        let result = IngestFixture.read([root])
        #expect(result.problems.isEmpty)
        #expect(result.articles.map(\.id) == ["2023/a.txt", "2024/b.md", "a", "b", "c", "d"])
        #expect(result.summary.files == 4)
        #expect(result.summary.articles == 6)
        #expect(result.summary.skipped.map(\.path) == [
            root + "/.cache", root + "/.draft.txt", root + "/catatan", root + "/foto.jpg",
        ])
        #expect(result.summary.skipped.map(\.reason) == [
            "hidden (its name starts with .)", "hidden (its name starts with .)",
            "its name shows no format telusur reads (.jsonl, .txt, .md, .html, .xml, .pdf, .docx, .odt); "
                + "rename it, or name the file itself on the command line",
            "a JPEG image, not a format telusur reads",
        ])
    }

    @Test("ids of text files do not depend on how the directory is spelled")
    func stableIDs() throws {
        let directory = try IngestFixture.Directory()
        let root = try directory.makeDirectory("rilis")
        try directory.write("rilis/sub/a.txt", "Satu.")
        let spellings = [root, root + "/", root + "/./", directory.path + "/rilis/../rilis"]
        for spelling in spellings {
            #expect(IngestFixture.read([spelling]).articles.map(\.id) == ["sub/a.txt"])
        }
        #expect(IngestFixture.read([root + "/sub/a.txt"]).articles.map(\.id) == ["a.txt"])
    }

    @Test("a file named with another extension is told apart by its content")
    func sniffing() throws {
        let directory = try IngestFixture.Directory()
        let json = try directory.write("ekspor.data", "\n  " + Self.jsonl)
        let text = try directory.write("rilis.rtf", "Banjir melanda Banyuasin.\n")
        let binary = try directory.write("foto.bin", bytes: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0])
        let result = IngestFixture.read([json, text, binary])
        #expect(result.articles.map(\.id) == ["a", "b", "c", "rilis.rtf"])
        #expect(result.problems == [.binaryFile(IngestSourceLocation(path: binary), reason: "invalid UTF-8 at byte 1")])
    }

    @Test("format jsonl reads every file as JSON Lines; format text reads every file as one article")
    func forcedFormat() throws {
        let directory = try IngestFixture.Directory()
        let path = try directory.write("ekspor.txt", Self.jsonl)
        #expect(IngestFixture.read([path], format: .jsonl).articles.map(\.id) == ["a", "b", "c"])
        let asText = IngestFixture.read([path], format: .text)
        #expect(asText.articles.map(\.id) == ["ekspor.txt"])
        #expect(asText.articles.first?.paragraphs.count == 3)
    }

    @Test("a 10 MB line is read whole")
    func longLine() throws {
        let directory = try IngestFixture.Directory()
        let paragraph = String(repeating: "Pemilu damai di Sumatera Selatan. ", count: 1000)
        let body = Array(repeating: paragraph, count: 300).joined(separator: "\n")
        let text = IngestFixture.jsonLine(id: "panjang", body: body) + "\n" + Self.lines[0]
        #expect(text.utf8.count > 10_000_000)
        let path = try directory.write("panjang.jsonl", text)
        let result = IngestFixture.read([path])
        #expect(result.problems.isEmpty)
        #expect(result.articles.map(\.id) == ["panjang", "a"])
        #expect(result.articles.first?.paragraphs.count == 300)
    }

    // MARK: Problems

    @Test("JSON Lines problems are reported per line and the rest of the file is read")
    func lineProblems() throws {
        let directory = try IngestFixture.Directory()
        var lines = [
            Self.lines[0],
            #"{"id": "x", "body": "#,
            #"["not", "an", "object"]"#,
            #"{"body": "tanpa id"}"#,
            #"{"id": "y"}"#,
            #"{"id": 7, "body": "x"}"#,
            #"{"id": "z", "date": 20240207, "body": "x"}"#,
            #"{"id": "w", "date": "7 Februari 2024", "body": "x"}"#,
            #"{"id": "v", "body": "  \n "}"#,
            "",
            Self.lines[0],
            Self.lines[2],
        ].map { Array($0.utf8) }
        lines.insert(Array(#"{"id": "u", "body": ""#.utf8) + [0xE2, 0x82] + Array(#""}"#.utf8), at: 9)
        let path = try directory.write("c.jsonl", bytes: Array(lines.joined(separator: [0x0A])))
        let result = IngestFixture.read([path])
        func at(_ line: Int) -> IngestSourceLocation { IngestSourceLocation(path: path, line: line) }
        #expect(result.articles.map(\.id) == ["a", "c"])
        #expect(result.problems.count == 10)
        guard result.problems.count == 10 else { return }
        if case .malformedJSON(let location, _) = result.problems[0] {
            #expect(location == at(2))
        } else {
            Issue.record("line 2 is not reported as malformed JSON: \(result.problems[0])")
        }
        #expect(Array(result.problems[1...]) == [
            .notAnObject(at(3), found: "an array"),
            .missingField(at(4), field: "id"),
            .missingField(at(5), field: "body"),
            .wrongFieldType(at(6), field: "id", expected: "a string", found: "a number"),
            .wrongFieldType(at(7), field: "date", expected: "a string or null", found: "a number"),
            .invalidDate(at(8), value: "7 Februari 2024"),
            .emptyBody(at(9)),
            .invalidUTF8(at(10), byteOffset: 22),
            .duplicateID(at(12), id: "a", firstSeen: at(1)),
        ])
        #expect(result.summary == IngestSummary(files: 1, articles: 2, problems: 10))
    }

    @Test("a duplicate id in another file is reported and the first article kept")
    func duplicateAcrossFiles() throws {
        let directory = try IngestFixture.Directory()
        let first = try directory.write("1.jsonl", Self.lines[0])
        let second = try directory.write("2.jsonl", IngestFixture.jsonLine(id: "a", title: "Lain"))
        let result = IngestFixture.read([first, second])
        #expect(result.articles.map(\.title) == ["Pertama"])
        #expect(result.problems == [.duplicateID(
            IngestSourceLocation(path: second, line: 1), id: "a", firstSeen: IngestSourceLocation(path: first, line: 1)
        )])
    }

    @Test("a truncated .gz is one problem at the line reached; the articles before it are kept")
    func truncatedGzip() throws {
        let directory = try IngestFixture.Directory()
        let text = (1...300).map { IngestFixture.jsonLine(id: "t\($0)") + "\n" }.joined()
        let compressed = IngestFixture.gzip(Array(text.utf8), blockSize: 4096)
        let path = try directory.write("c.jsonl.gz", bytes: Array(compressed[..<(compressed.count / 2)]))
        let result = IngestFixture.read([path])
        let read = result.articles.count
        #expect(read > 100 && read < 200)
        #expect(result.articles.map(\.id) == (1...read).map { "t\($0)" })
        #expect(result.problems == [.truncatedGzip(IngestSourceLocation(path: path, line: read + 1))])
    }

    @Test("a truncated real .gz is one problem", .enabled(if: IngestFixture.corpusDirectory != nil))
    func truncatedRealGzip() throws {
        let corpus = try #require(IngestFixture.corpusDirectory)
        let compressed = try Data(contentsOf: URL(fileURLWithPath: corpus + "/kompas-2025.jsonl.gz"))
        let directory = try IngestFixture.Directory()
        let path = try directory.write("kompas.jsonl.gz", bytes: Array(compressed.prefix(200_000)))
        let result = IngestFixture.read([path])
        #expect(result.articles.count > 50)
        #expect(result.problems == [.truncatedGzip(IngestSourceLocation(path: path, line: result.articles.count + 1))])
    }

    @Test("a corrupt .gz is one problem at the line reached")
    func corruptGzip() throws {
        let directory = try IngestFixture.Directory()
        var compressed = IngestFixture.gzip(Array(Self.jsonl.utf8))
        compressed[12] ^= 0xFF
        let path = try directory.write("c.jsonl.gz", bytes: compressed)
        let result = IngestFixture.read([path])
        #expect(result.articles.isEmpty)
        #expect(result.problems == [.corruptGzip(IngestSourceLocation(path: path, line: 1), reason: "invalid stored block lengths")])
    }

    @Test("a file named .gz that is not gzip is a problem")
    func notGzip() throws {
        let directory = try IngestFixture.Directory()
        let path = try directory.write("c.jsonl.gz", Self.jsonl)
        let result = IngestFixture.read([path])
        #expect(result.articles.isEmpty)
        #expect(result.problems == [.notGzip(IngestSourceLocation(path: path))])
    }

    @Test("empty files are problems", arguments: ["c.jsonl", "c.txt", "c.md", "c.jsonl.gz", "c.data"])
    func emptyFile(name: String) throws {
        let directory = try IngestFixture.Directory()
        let path = try directory.write(name, "")
        let result = IngestFixture.read([path])
        #expect(result.problems == [.emptyFile(IngestSourceLocation(path: path))])
        #expect(result.summary == IngestSummary(files: 1, articles: 0, problems: 1))
    }

    @Test("an empty gzip stream is an empty file")
    func emptyGzip() throws {
        let directory = try IngestFixture.Directory()
        let path = try directory.write("c.jsonl.gz", bytes: IngestFixture.gzip([]))
        #expect(IngestFixture.read([path]).problems == [.emptyFile(IngestSourceLocation(path: path))])
    }

    @Test("a path that does not exist is a problem naming it; the other paths are read")
    func missingPath() throws {
        let directory = try IngestFixture.Directory()
        let path = try directory.write("c.jsonl", Self.jsonl)
        let missing = directory.path + "/tidak-ada.jsonl"
        let result = IngestFixture.read([missing, path])
        #expect(result.problems == [.notFound(IngestSourceLocation(path: missing))])
        #expect(result.problems.first?.description.contains(missing) == true)
        #expect(result.articles.count == 3)
        #expect(result.summary == IngestSummary(files: 1, articles: 3, problems: 1))
    }

    @Test("a file without read permission is a problem", .enabled(if: getuid() != 0, "root may read any file"))
    func permissionDenied() throws {
        let directory = try IngestFixture.Directory()
        let path = try directory.write("c.jsonl", Self.jsonl)
        #expect(chmod(path, 0) == 0)
        let result = IngestFixture.read([path])
        #expect(result.problems == [.permissionDenied(IngestSourceLocation(path: path))])
        #expect(result.summary.files == 0)
    }

    @Test("a directory without read permission is a problem", .enabled(if: getuid() != 0, "root may read any directory"))
    func directoryPermissionDenied() throws {
        let directory = try IngestFixture.Directory()
        let root = try directory.makeDirectory("rahasia")
        try directory.write("rahasia/a.txt", "Satu.")
        #expect(chmod(root, 0) == 0)
        defer { chmod(root, 0o755) }
        #expect(IngestFixture.read([root]).problems == [.permissionDenied(IngestSourceLocation(path: root))])
    }

    @Test("a file that fails to read is a problem", .enabled(if: FileManager.default.fileExists(atPath: "/proc/self/mem")))
    func unreadable() {
        // /proc/self/mem opens, but reading its first page fails with EIO.
        let result = IngestFixture.read(["/proc/self/mem"])
        #expect(result.problems == [.cannotRead(IngestSourceLocation(path: "/proc/self/mem"), reason: String(cString: strerror(EIO)))])
    }

    @Test("text file problems skip the file", arguments: [
        ("a.txt", [UInt8]("Teks\u{0}".utf8), "a NUL byte at byte 5"),
        ("a.md", Array("Teks ".utf8) + [0xC0, 0xAF], "invalid UTF-8 at byte 6"),
    ])
    func binaryText(name: String, bytes: [UInt8], reason: String) throws {
        let directory = try IngestFixture.Directory()
        let path = try directory.write(name, bytes: bytes)
        #expect(IngestFixture.read([path]).problems == [.binaryFile(IngestSourceLocation(path: path), reason: reason)])
    }

    @Test("a text article larger than the limit is a problem")
    func fileTooLarge() throws {
        let directory = try IngestFixture.Directory()
        let path = try directory.write("a.txt", String(repeating: "kata ", count: 1000))
        let result = IngestFixture.read([path], maximumRecordSize: 1000)
        #expect(result.problems == [.fileTooLarge(IngestSourceLocation(path: path), limit: 1000)])
    }

    @Test("an error thrown by the article callback stops reading and is rethrown")
    func callbackErrorStopsReading() throws {
        struct Stop: Error {}
        let directory = try IngestFixture.Directory()
        let path = try directory.write("c.jsonl", Self.jsonl)
        var seen: [String] = []
        #expect(throws: Stop.self) {
            _ = try ArticleReader(paths: [path]).read(
                article: { seen.append($0.id); if seen.count == 2 { throw Stop() } },
                problem: { _ in }
            )
        }
        #expect(seen == ["a", "b"])
    }

    // MARK: Real input

    @Test("the two seed press releases")
    func seeds() throws {
        let result = IngestFixture.read([IngestFixture.projectRoot + "/seeds"])
        #expect(result.problems.isEmpty)
        #expect(result.summary.files == 2)
        #expect(result.articles.map(\.id) == ["000_b340dedaa94c42df.txt", "002_f25fde0d847e90ce.txt"])
        #expect(result.articles.map(\.paragraphs.count) == [7, 12])
        #expect(result.articles.map(\.title) == [
            "Rambutan – Penjabat Bupati Banyuasin, H. Hani Syopiar Rustam, SH., MH menghadiri Rapat…",
            "Palembang, Sumsel, EDITOR.ID,- Provinsi Sumatera Selatan menjadi pelopor pertama di Indonesia yang…",
        ])
        for article in result.articles {
            #expect(article.title.count <= Article.maximumDerivedTitleLength)
            #expect(article.date == nil)
            #expect(article.paragraphs.first?.text.hasPrefix(article.title.dropLast()) == true)
        }
    }

    @Test("the first 200 lines of the real corpus", .enabled(if: IngestFixture.corpusDirectory != nil))
    func corpusSlice() throws {
        let corpus = try #require(IngestFixture.corpusDirectory)
        // Take the first 200 lines by stopping the reader: this also checks that
        // a throwing callback stops a gzip stream cleanly.
        struct Enough: Error {}
        var expected: [Article] = []
        do {
            _ = try ArticleReader(paths: [corpus + "/clickid-2019.jsonl.gz"]).read(
                article: { expected.append($0); if expected.count == 200 { throw Enough() } },
                problem: { Issue.record("\($0)") }
            )
        } catch is Enough {}
        #expect(expected.count == 200)

        // The same 200 lines written out as a file of their own read the same.
        let file = try FileChunkReader.open(path: corpus + "/clickid-2019.jsonl.gz").get()
        let gzip = GzipReader(upstream: file, pending: [])
        var bytes: [UInt8] = []
        while bytes.count(where: { $0 == UInt8(ascii: "\n") }) < 200, case .success(let count) = gzip.read(appendingTo: &bytes), count > 0 {}
        let lines = bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).prefix(200)
        let directory = try IngestFixture.Directory()
        let path = try directory.write("slice.jsonl.gz", bytes: IngestFixture.gzip(Array(lines.joined(separator: [0x0A]))))
        let result = IngestFixture.read([path])
        #expect(result.problems.isEmpty)
        #expect(result.articles == expected)
        for article in result.articles {
            #expect(article.id.hasPrefix("clickid-"))
            #expect(!article.title.isEmpty)
            #expect(article.date.map(Article.isValidDate) == true)
            #expect(article.source != nil && article.url != nil)
            #expect(!article.paragraphs.isEmpty)
            #expect(article.paragraphs.enumerated().allSatisfy { $0.element.number == $0.offset + 1 && !$0.element.text.isEmpty })
        }
    }
}
