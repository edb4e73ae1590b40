import Foundation
import Testing
@testable import Telusur

/// Where an article was read from (``Article/origin``), which `--prune` relies on.
@Suite("Article origin") struct ArticleOriginTests {
    @Test("paths are made absolute and resolved by name", arguments: [
        ("/srv/rilis/a.txt", "/srv/rilis/a.txt"),
        ("/srv//rilis/./a.txt", "/srv/rilis/a.txt"),
        ("/srv/rilis/../rilis/sub/../a.txt", "/srv/rilis/a.txt"),
        ("/srv/rilis/", "/srv/rilis"),
        ("/..", "/"),
    ])
    func originPath(given: String, expected: String) {
        #expect(Article.originPath(of: given) == expected)
    }

    @Test("a relative path is taken from the current directory")
    func relativePath() {
        let cwd = FileManager.default.currentDirectoryPath
        #expect(Article.originPath(of: "rilis/a.txt") == Article.originPath(of: cwd + "/rilis/a.txt"))
    }

    @Test("the reader records each article's file, and nothing for standard input")
    func readerRecordsOrigin() throws {
        let directory = try IngestFixture.Directory()
        try directory.write("rilis/a.txt", "Satu.\n")
        try directory.write("rilis/feed.jsonl", IngestFixture.jsonLine(id: "f1") + "\n")
        let result = IngestFixture.read([directory.path + "/rilis/"])
        #expect(result.articles.map(\.origin) == [directory.path + "/rilis/a.txt", directory.path + "/rilis/feed.jsonl"])

        let pipe = Pipe()
        pipe.fileHandleForWriting.write(Data((IngestFixture.jsonLine(id: "s1") + "\n").utf8))
        try pipe.fileHandleForWriting.close()
        #expect(IngestFixture.read(["-"], standardInput: pipe.fileHandleForReading).articles.map(\.origin) == [nil])
    }

    @Test("origin is provenance, not content: equality and hashing ignore it")
    func equalityIgnoresOrigin() {
        let a = Article(id: "a", title: "t", paragraphs: [Paragraph(number: 1, text: "x")], origin: "/a.jsonl")
        let b = Article(id: "a", title: "t", paragraphs: [Paragraph(number: 1, text: "x")], origin: "/b.jsonl")
        #expect(a == b)
        #expect(Set([a, b]).count == 1)
        #expect(Indexer.contentHash(a) != Indexer.contentHash(b))  // a moved article is re-written with its new origin
    }
}
