import Foundation
import Testing
@testable import Telusur

@Suite("InputWalker")
struct InputWalkerTests {
    static func entries(_ paths: [String]) -> [InputWalker.Entry] {
        var entries: [InputWalker.Entry] = []
        InputWalker(paths: paths).walk { entries.append($0) }
        return entries
    }

    @Test("file kinds from names", arguments: [
        ("a.jsonl", InputWalker.FileKind.jsonLines(compressed: false)),
        ("A.JSON", .jsonLines(compressed: false)),
        ("a.ndjson", .jsonLines(compressed: false)),
        ("a.jsonl.gz", .jsonLines(compressed: true)),
        ("dump.gz", .jsonLines(compressed: true)),
        ("a.txt", .text(compressed: false)),
        ("a.md", .text(compressed: false)),
        ("a.markdown", .text(compressed: false)),
        ("a.txt.gz", .text(compressed: true)),
        ("halaman.HTML", .html), ("a.htm", .html), ("rss.xml", .feed), ("a.atom", .feed),
        ("rilis.pdf", .pdf), ("rilis.docx", .docx), ("rilis.odt", .odt),
    ])
    func kinds(name: String, expected: InputWalker.FileKind) {
        #expect(InputWalker.FileKind(fileName: name) == expected)
    }

    @Test("names that are not read in a directory", arguments: ["a.doc", "README", "a.jsonl.bak", "gz", "txt"])
    func unsupported(name: String) {
        #expect(InputWalker.FileKind(fileName: name) == nil)
    }

    @Test("directories are walked recursively in sorted order; hidden and unsupported entries are skipped")
    func directory() throws {
        let directory = try IngestFixture.Directory()
        let root = try directory.makeDirectory("news")
        try directory.write("news/b.txt", "b")
        try directory.write("news/a/z.jsonl", "{}")
        try directory.write("news/a/y.md", "y")
        try directory.write("news/c.pdf", "%PDF")
        try directory.write("news/.hidden.txt", "h")
        try directory.write("news/.git/x.txt", "x")
        try directory.write("news/0.jsonl.gz", "")
        let entries = Self.entries([root + "/"])
        #expect(entries == [
            .skipped(path: root + "/.git", reason: "hidden (its name starts with .)"),
            .skipped(path: root + "/.hidden.txt", reason: "hidden (its name starts with .)"),
            .file(.init(path: root + "/0.jsonl.gz", defaultID: "0.jsonl.gz", kind: .jsonLines(compressed: true))),
            .file(.init(path: root + "/a/y.md", defaultID: "a/y.md", kind: .text(compressed: false))),
            .file(.init(path: root + "/a/z.jsonl", defaultID: "a/z.jsonl", kind: .jsonLines(compressed: false))),
            .file(.init(path: root + "/b.txt", defaultID: "b.txt", kind: .text(compressed: false))),
            .file(.init(path: root + "/c.pdf", defaultID: "c.pdf", kind: .pdf)),
        ])
    }

    @Test("a file given is read whatever its name, with its name as id; - is standard input")
    func explicitFiles() throws {
        let directory = try IngestFixture.Directory()
        let file = try directory.write("sub/.notes.data", "x")
        #expect(Self.entries([file, "-"]) == [
            .file(.init(path: file, defaultID: ".notes.data", kind: .unknown)), .standardInput,
        ])
    }

    @Test("symbolic link loops end; a directory reached twice is walked once")
    func symlinkLoop() throws {
        let directory = try IngestFixture.Directory()
        let root = try directory.makeDirectory("news")
        try directory.write("news/a/x.txt", "x")
        try FileManager.default.createSymbolicLink(atPath: root + "/a/loop", withDestinationPath: root)
        try FileManager.default.createSymbolicLink(atPath: root + "/b", withDestinationPath: root + "/a")
        try FileManager.default.createSymbolicLink(atPath: root + "/c.txt", withDestinationPath: root + "/a/x.txt")
        #expect(Self.entries([root]) == [
            .file(.init(path: root + "/a/x.txt", defaultID: "a/x.txt", kind: .text(compressed: false))),
            .file(.init(path: root + "/c.txt", defaultID: "c.txt", kind: .text(compressed: false))),
        ])
    }

    @Test("missing paths and dangling links are problems")
    func missing() throws {
        let directory = try IngestFixture.Directory()
        let root = try directory.makeDirectory("news")
        try FileManager.default.createSymbolicLink(atPath: root + "/gone.txt", withDestinationPath: root + "/nowhere")
        let missing = directory.path + "/tidak-ada.jsonl"
        #expect(Self.entries([missing, root]) == [
            .problem(.notFound(IngestSourceLocation(path: missing))),
            .problem(.notFound(IngestSourceLocation(path: root + "/gone.txt"))),
        ])
    }
}
