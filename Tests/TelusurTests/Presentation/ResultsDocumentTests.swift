import Foundation
import Testing
@testable import Telusur

@Suite struct ResultsDocumentTests {
    @Test func followsTheDocumentedSchema() throws {
        let directory = TemporaryDirectory()
        let searcher = try Fixtures.index([
            Fixtures.article("a", title: "Judul A", date: nil, source: nil, "Sumsel zero konflik."),
        ], in: directory)
        let json = try ResultsDocument(try searcher.search("\"zero konflik\"")).json()
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(Set(object.keys) == ["query", "total", "results", "facets", "suggestion", "missing_shards", "wildcards"])
        #expect((object["missing_shards"] as? [Any])?.isEmpty == true)
        #expect(object["query"] as? String == "\"zero konflik\"")
        let total = try #require(object["total"] as? [String: Any])
        #expect(total["articles"] as? Int == 1)
        #expect(total["paragraphs"] as? Int == 1)
        #expect(total["exact"] as? Bool == true)
        let results = try #require(object["results"] as? [[String: Any]])
        let first = try #require(results.first)
        #expect(Set(first.keys) == ["rank", "id", "title", "date", "source", "url", "score", "paragraphs", "duplicates", "persons", "agencies"])
        #expect(first["date"] is NSNull)
        #expect(first["source"] is NSNull)
        #expect(first["rank"] as? Int == 1)
        let paragraph = try #require((first["paragraphs"] as? [[String: Any]])?.first)
        #expect(paragraph["no"] as? Int == 1)
        #expect(paragraph["text"] as? String == "Sumsel zero konflik.")
        #expect(paragraph["highlighted"] as? String == "Sumsel <mark>zero konflik</mark>.")
    }
}
