import Testing
@testable import Telusur

/// Ids the index cannot hold are problems where they are read, not failures later.
@Suite("Article limits") struct ArticleLimitsTests {
    @Test("an id longer than 200 bytes is a located problem; 200 bytes is fine")
    func longID() throws {
        let directory = try IngestFixture.Directory()
        let fits = String(repeating: "a", count: Article.maximumIDLength)
        let tooLong = String(repeating: "é", count: 101)  // 202 bytes
        let path = try directory.write("feed.jsonl", IngestFixture.jsonLine(id: fits) + "\n" + IngestFixture.jsonLine(id: tooLong) + "\n")
        let result = IngestFixture.read([path])
        #expect(result.articles.map(\.id) == [fits])
        #expect(result.problems == [.idTooLong(IngestSourceLocation(path: path, line: 2), id: tooLong, limit: 200)])
        #expect(result.problems.first?.description.contains(":2: id \"éééé") == true)
    }
}
