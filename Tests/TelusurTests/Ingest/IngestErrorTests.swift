import Foundation
import Testing
@testable import Telusur

@Suite("IngestError")
struct IngestErrorTests {
    static let line = IngestSourceLocation(path: "corpus.jsonl", line: 17)
    static let file = IngestSourceLocation(path: "seeds/a.txt")

    static let messages: [(IngestError, String)] = [
        (.notFound(file), "seeds/a.txt: no such file or directory; check the path"),
        (.permissionDenied(file), "seeds/a.txt: permission denied; make it readable (chmod a+r) or leave it out"),
        (.cannotRead(file, reason: "Input/output error"),
         "seeds/a.txt: cannot be read (Input/output error); check the file and the disk, then try again"),
        (.emptyFile(file), "seeds/a.txt: empty file, no articles in it; write articles into it or leave it out"),
        (.binaryFile(file, reason: "a NUL byte at byte 3"),
         "seeds/a.txt: not a text file (a NUL byte at byte 3); save it as UTF-8 text or leave it out"),
        (.notGzip(IngestSourceLocation(path: "x.jsonl.gz")),
         "x.jsonl.gz: named .gz but not gzip data (it does not start with 1f 8b); compress it with gzip or rename it without .gz"),
        (.truncatedGzip(IngestSourceLocation(path: "x.jsonl.gz", line: 201)),
         "x.jsonl.gz:201: the gzip data ends in the middle of the file (it is truncated); the lines before were read, copy or compress the file again"),
        (.corruptGzip(IngestSourceLocation(path: "x.gz", line: 3), reason: "invalid block type"),
         "x.gz:3: the gzip data is corrupt (invalid block type); the lines before were read, copy or compress the file again"),
        (.lineTooLong(line, limit: 128 << 20),
         "corpus.jsonl:17: line longer than 128 MiB; check that the file is JSON Lines or split the article, the other lines were read"),
        (.fileTooLarge(file, limit: 100),
         "seeds/a.txt: larger than 100 bytes, too long for one article; split it into several files"),
        (.invalidUTF8(line, byteOffset: 42),
         "corpus.jsonl:17: invalid UTF-8 at byte 42 of the line; convert the file to UTF-8, the other lines were read"),
        (.malformedJSON(line, reason: "unexpected end of line"),
         "corpus.jsonl:17: not valid JSON (unexpected end of line); fix or remove the line, the other lines were read"),
        (.notAnObject(line, found: "an array"),
         "corpus.jsonl:17: an array instead of an article; each line must hold one JSON object like {\"id\": \"…\", \"body\": \"…\"}, the other lines were read"),
        (.missingField(line, field: "id"),
         "corpus.jsonl:17: \"id\" is missing or empty; give every article a non-empty \"id\" string, the other lines were read"),
        (.wrongFieldType(line, field: "id", expected: "a string", found: "a number"),
         "corpus.jsonl:17: \"id\" is a number but must be a string; fix the value, the other lines were read"),
        (.invalidDate(line, value: "21/09/2023"),
         "corpus.jsonl:17: date \"21/09/2023\" is not a YYYY-MM-DD date; write it like 2024-02-07, or leave the date out if it is unknown"),
        (.emptyBody(line),
         "corpus.jsonl:17: the article has no text, its body is blank; add the text or remove the article"),
        (.duplicateID(line, id: "a1", firstSeen: IngestSourceLocation(path: "old.jsonl", line: 3)),
         "corpus.jsonl:17: id \"a1\" was already read at old.jsonl:3; the first was kept, give this article an id of its own"),
        (.unclosedFrontMatter(IngestSourceLocation(path: "a.md", line: 1)),
         "a.md:1: front matter opened with --- is never closed; add a line --- after its key: value lines"),
    ]

    @Test("messages say where, what and what to do", arguments: messages)
    func message(error: IngestError, expected: String) {
        #expect(error.description == expected)
        #expect(expected.hasPrefix(error.location.description + ": "))
    }

    @Test("locations print as path:line or path")
    func locationDescription() {
        #expect(IngestSourceLocation(path: "a/b.jsonl", line: 3).description == "a/b.jsonl:3")
        #expect(IngestSourceLocation(path: "a/b.jsonl").description == "a/b.jsonl")
    }

    @Test("errno values become the matching problem", arguments: [
        (ENOENT, IngestError.notFound(file)),
        (ENOTDIR, .notFound(file)),
        (EACCES, .permissionDenied(file)),
        (EPERM, .permissionDenied(file)),
        (EIO, .cannotRead(file, reason: String(cString: strerror(EIO)))),
    ])
    func errnoMapping(code: Int32, expected: IngestError) {
        #expect(IngestError(errno: code, at: Self.file) == expected)
    }
}
