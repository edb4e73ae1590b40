import Foundation
import Testing
@testable import Telusur

/// Hands out fixed bytes a few at a time, to split lines across chunks.
private final class ChunkedSource: ByteChunkSource {
    private var bytes: ArraySlice<UInt8>
    private let chunkSize: Int
    private let failure: ByteSourceError?

    init(_ bytes: [UInt8], chunkSize: Int, failure: ByteSourceError? = nil) {
        self.bytes = bytes[...]
        self.chunkSize = chunkSize
        self.failure = failure
    }

    func read(appendingTo buffer: inout [UInt8]) -> Result<Int, ByteSourceError> {
        if bytes.isEmpty, let failure {
            return .failure(failure)
        }
        let chunk = bytes.prefix(chunkSize)
        bytes = bytes.dropFirst(chunk.count)
        buffer += chunk
        return .success(chunk.count)
    }
}

@Suite("JSONLinesReader")
struct JSONLinesReaderTests {
    static let reader = JSONLinesReader(path: "c.jsonl", maximumLineLength: 1 << 20)

    static func location(_ line: Int) -> IngestSourceLocation {
        IngestSourceLocation(path: "c.jsonl", line: line)
    }

    static func parse(_ line: String, number: Int = 2) -> JSONLinesReader.LineOutcome {
        reader.parseLine(Array(line.utf8)[...], number: number)
    }

    /// Reads `bytes` split in chunks of `chunkSize`.
    static func read(
        _ bytes: [UInt8],
        chunkSize: Int = 5,
        maximumLineLength: Int = 1 << 20,
        failure: ByteSourceError? = nil
    ) -> (articles: [(Article, IngestSourceLocation)], problems: [IngestError]) {
        var articles: [(Article, IngestSourceLocation)] = []
        var problems: [IngestError] = []
        JSONLinesReader(path: "c.jsonl", maximumLineLength: maximumLineLength).read(
            from: ChunkedSource(bytes, chunkSize: chunkSize, failure: failure),
            article: { articles.append(($0, $1)) },
            problem: { problems.append($0) }
        )
        return (articles, problems)
    }

    @Test("a full record becomes an article")
    func fullRecord() {
        let line = #"{"id": "k-1", "title": " Judul ", "date": "2025-05-28", "source": "kompas.com", "#
            + #""url": "https://kmp.im/x", "body": "Satu.\n\n  Dua.  \nTiga.", "extra": [1, {"a": 2}]}"#
        #expect(Self.parse(line) == .article(Article(
            id: "k-1", title: "Judul", date: "2025-05-28", source: "kompas.com", url: "https://kmp.im/x",
            paragraphs: [
                Paragraph(number: 1, text: "Satu."), Paragraph(number: 2, text: "Dua."),
                Paragraph(number: 3, text: "Tiga."),
            ]
        )))
    }

    @Test("a missing, null or empty title is derived; null date, source and url are nil", arguments: [
        #"{"id": "a", "body": "Banjir melanda Banyuasin. Warga mengungsi."}"#,
        #"{"id": "a", "title": null, "date": null, "source": null, "url": null, "body": "Banjir melanda Banyuasin. Warga mengungsi."}"#,
        #"{"id": "a", "title": "  ", "source": "", "body": "Banjir melanda Banyuasin. Warga mengungsi."}"#,
    ])
    func derivedTitle(line: String) {
        #expect(Self.parse(line) == .article(Article(
            id: "a", title: "Banjir melanda Banyuasin",
            paragraphs: [Paragraph(number: 1, text: "Banjir melanda Banyuasin. Warga mengungsi.")]
        )))
    }

    @Test("text is NFC-normalised")
    func nfc() {
        guard case .article(let article) = Self.parse(#"{"id": "e\u0301", "body": "Cafe\u0301"}"#) else {
            Issue.record("no article")
            return
        }
        #expect(article.id.unicodeScalars.elementsEqual("\u{E9}".unicodeScalars))
        #expect(article.paragraphs[0].text.unicodeScalars.elementsEqual("Caf\u{E9}".unicodeScalars))
    }

    @Test("blank lines are skipped", arguments: ["", "   ", "\t \r"])
    func blank(line: String) {
        #expect(Self.parse(line) == .blank)
    }

    @Test("bad lines are problems at their line", arguments: [
        (#"{"body": "x"}"#, IngestError.missingField(location(2), field: "id")),
        (#"{"id": "", "body": "x"}"#, .missingField(location(2), field: "id")),
        (#"{"id": null, "body": "x"}"#, .missingField(location(2), field: "id")),
        (#"{"id": "a"}"#, .missingField(location(2), field: "body")),
        (#"{"id": "a", "body": ""}"#, .missingField(location(2), field: "body")),
        (#"{"id": "a", "body": " \n \n\t"}"#, .emptyBody(location(2))),
        (#"{"id": 17, "body": "x"}"#, .wrongFieldType(location(2), field: "id", expected: "a string", found: "a number")),
        (#"{"id": "a", "body": ["x"]}"#, .wrongFieldType(location(2), field: "body", expected: "a string", found: "an array")),
        (#"{"id": "a", "date": 20240207, "body": "x"}"#,
         .wrongFieldType(location(2), field: "date", expected: "a string or null", found: "a number")),
        (#"{"id": "a", "title": true, "body": "x"}"#,
         .wrongFieldType(location(2), field: "title", expected: "a string or null", found: "true or false")),
        (#"{"id": "a", "url": {"href": "x"}, "body": "x"}"#,
         .wrongFieldType(location(2), field: "url", expected: "a string or null", found: "an object")),
        (#"{"id": "a", "date": "21/09/2023", "body": "x"}"#, .invalidDate(location(2), value: "21/09/2023")),
        (#"{"id": "a", "date": "2023-02-29", "body": "x"}"#, .invalidDate(location(2), value: "2023-02-29")),
        (#"[{"id": "a", "body": "x"}]"#, .notAnObject(location(2), found: "an array")),
        (#""id""#, .notAnObject(location(2), found: "a string")),
        ("42", .notAnObject(location(2), found: "a number")),
        ("null", .notAnObject(location(2), found: "null")),
    ])
    func problem(line: String, expected: IngestError) {
        #expect(Self.parse(line) == .problem(expected))
    }

    @Test("malformed JSON is a problem that says what is wrong and where", arguments: [
        (#"{"id": "a", "body": "x""#, "unexpected end of line during JSON parse"),
        (#"{"id": "a", "body": "x"} trailing"#, "invalid value at column 26"),
        (#"{id: "a"}"#, "invalid value at column 2"),
        ("not json at all", "invalid value at column 2"),
        (#"{"id": "a", "body": "x\q"}"#, "invalid escape sequence at column 23"),
    ])
    func malformed(line: String, reason: String) {
        #expect(Self.parse(line) == .problem(.malformedJSON(Self.location(2), reason: reason)))
    }

    @Test("invalid UTF-8 is a problem that gives the byte")
    func invalidUTF8() {
        let line = Array(#"{"id": "a", "body": "x"#.utf8) + [0xC3, 0x28] + Array(#""}"#.utf8)
        #expect(Self.reader.parseLine(line[...], number: 4) == .problem(.invalidUTF8(Self.location(4), byteOffset: 23)))
    }

    @Test("lines split across chunks, CRLF, a BOM and a last line without newline are read")
    func streaming() {
        let text = "\u{FEFF}" + IngestFixture.jsonLine(id: "a") + "\r\n\r\n"
            + IngestFixture.jsonLine(id: "b") + "\n" + IngestFixture.jsonLine(id: "c")
        for chunkSize in [1, 3, 7, 64, 100_000] {
            let result = Self.read(Array(text.utf8), chunkSize: chunkSize)
            #expect(result.problems.isEmpty)
            #expect(result.articles.map(\.0.id) == ["a", "b", "c"])
            #expect(result.articles.map(\.1) == [Self.location(1), Self.location(3), Self.location(4)])
        }
    }

    @Test("a bad line is reported and the following lines are still read")
    func continuesAfterProblems() {
        let text = [
            IngestFixture.jsonLine(id: "a"), "{oops", IngestFixture.jsonLine(id: "b", date: "kemarin"),
            "", IngestFixture.jsonLine(id: "c"),
        ].joined(separator: "\n")
        let result = Self.read(Array(text.utf8))
        #expect(result.articles.map(\.0.id) == ["a", "c"])
        #expect(result.problems.map(\.location) == [Self.location(2), Self.location(3)])
        #expect(result.problems.last == .invalidDate(Self.location(3), value: "kemarin"))
    }

    @Test("long lines are read whole; a line over the limit is skipped and the next read")
    func longLines() {
        let body = String(repeating: "kata ", count: 200_000)  // 1 MB
        let text = IngestFixture.jsonLine(id: "big", body: body) + "\n" + IngestFixture.jsonLine(id: "small") + "\n"
        let whole = Self.read(Array(text.utf8), chunkSize: 4096)
        #expect(whole.problems.isEmpty)
        #expect(whole.articles.map(\.0.id) == ["big", "small"])
        #expect(whole.articles.first?.0.paragraphs.first?.text.utf8.count == body.utf8.count - 1)

        for chunkSize in [4096, 10_000_000] {
            let limited = Self.read(Array(text.utf8), chunkSize: chunkSize, maximumLineLength: 100_000)
            #expect(limited.problems == [.lineTooLong(Self.location(1), limit: 100_000)])
            #expect(limited.articles.map(\.0.id) == ["small"])
            #expect(limited.articles.first?.1 == Self.location(2))
        }
    }

    @Test("a file of blank lines is empty")
    func blankFile() {
        #expect(Self.read(Array(" \n\r\n\n".utf8)).problems == [.emptyFile(IngestSourceLocation(path: "c.jsonl"))])
        #expect(Self.read([]).problems == [.emptyFile(IngestSourceLocation(path: "c.jsonl"))])
    }

    @Test("a failed read ends the file at the line reached, keeping the lines before")
    func failedRead() {
        let text = IngestFixture.jsonLine(id: "a") + "\n" + IngestFixture.jsonLine(id: "b") + "\n{\"id\": \"c\", \"bo"
        let result = Self.read(Array(text.utf8), failure: .truncatedGzip)
        #expect(result.articles.map(\.0.id) == ["a", "b"])
        #expect(result.problems == [.truncatedGzip(Self.location(3))])
    }
}
