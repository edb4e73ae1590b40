import Foundation
import Testing
@testable import Telusur

@Suite struct ShardedIndexerTests {
    /// Ids that the router sends to shards 0, 1 and 2 of three.
    static func ids(count: Int = 3) -> [String] {
        let router = ShardRouter(count: count)
        return (0..<count).map { shard in (0...).lazy.map { "artikel-\($0)" }.first { router.shard(for: $0) == shard }! }
    }

    @Test func buildsShardsAndAStubAndKeepsTheirNumber() throws {
        let directory = TemporaryDirectory()
        let location = IndexLocation(option: directory.path + "/Index")
        do {
            let indexer = try Indexer(location: location, options: Indexer.Options(shards: 3))
            #expect(indexer.shardCount == 3)
            try indexer.add(Fixtures.article("a", "Satu."))
            try indexer.commit()
        }
        let stub = try String(contentsOfFile: location.path + "/shards.stub", encoding: .utf8)
        #expect(stub.contains("auto shard-00\nauto shard-01\nauto shard-02\n"))
        #expect(location.exists && location.isSharded)
        #expect(try Indexer(location: location).shardCount == 3)  // no --shards: the index's own number
        #expect(try Indexer(location: location, options: Indexer.Options(shards: 3)).shardCount == 3)
        do {
            _ = try Indexer(location: location, options: Indexer.Options(shards: 4))
            Issue.record("--shards 4 accepted on a 3-shard index")
        } catch IndexingError.shardCountMismatch(_, let existing, let requested) {
            #expect((existing, requested) == (3, 4))
            #expect(IndexingError.shardCountMismatch(index: "I", existing: 3, requested: 4).description
                    .hasPrefix("index I has 3 shards and --shards asks for 4"))
        }
        let plain = IndexLocation(option: directory.path + "/Plain")
        _ = try Indexer(location: plain)
        #expect(throws: IndexingError.self) { try Indexer(location: plain, options: Indexer.Options(shards: 2)) }
        #expect(try Indexer(location: plain, options: Indexer.Options(shards: 1)).shardCount == 1)
    }

    @Test func articlesGoToTheirShardAndReindexingLeavesOneCopy() throws {
        let directory = TemporaryDirectory()
        let location = IndexLocation(option: directory.path + "/Index")
        let ids = Self.ids()
        do {
            let indexer = try Indexer(location: location, options: Indexer.Options(shards: 3))
            for id in ids { try indexer.add(Fixtures.article(id, "Kalimat lama tentang \(id).", "Paragraf dua.")) }
            try indexer.commit()
        }
        // Each article is in its own shard and no other.
        for (shard, id) in ids.enumerated() {
            for other in 0..<3 {
                let single = try Searcher(location: IndexLocation(option: location.path + "/" + ShardLayout.shardName(other)))
                #expect((try single.article(id: id) != nil) == (other == shard), "\(id) in shard \(other)")
            }
        }
        // A changed article replaces itself in its shard: one copy, the new text.
        do {
            let indexer = try Indexer(location: location)
            #expect(try indexer.add(Fixtures.article(ids[1], "Kalimat baru.")) == .replaced)
            #expect(try indexer.add(Fixtures.article(ids[2], "Kalimat lama tentang \(ids[2]).", "Paragraf dua.")) == .unchanged)
            try indexer.commit()
        }
        let searcher = try Searcher(location: location)
        let copies = try searcher.search("id:\(ids[1])")
        #expect(copies.total == MatchTotals(articles: 1, paragraphs: 2, exact: true))
        #expect(try searcher.search("baru").hits.map(\.article.id) == [ids[1]])
        #expect(try searcher.search("lama").total.articles == 2)
        #expect(try searcher.statistics().articles == 3)
        // Removal finds the shard too.
        do {
            let indexer = try Indexer(location: location)
            #expect(try indexer.remove(id: ids[0]))
            #expect(try !indexer.remove(id: "tidak-ada"))
            try indexer.commit()
        }
        #expect(try Searcher(location: location).statistics().articles == 2)
    }

    @Test func nearDuplicatesAreFoundAcrossShards() throws {
        let directory = TemporaryDirectory()
        let location = IndexLocation(option: directory.path + "/Index")
        let ids = Self.ids()
        let body = SearcherFeatureTests.release  // long enough for a fingerprint
        do {
            let indexer = try Indexer(location: location, options: Indexer.Options(shards: 3))
            try indexer.add(Fixtures.article(ids[0], title: "Rapat di Palembang", date: "2024-02-01", source: "satu.id", body[0], body[1], body[2]))
            try indexer.add(Fixtures.article(ids[2], title: "Sumsel siapkan pemilu", date: "2024-02-02", source: "dua.id", body[0], body[1], body[2]))
            try indexer.commit()
        }
        let results = try Searcher(location: location).search("netralitas")
        #expect(results.total.articles == 2)
        let hit = try #require(results.hits.first)
        #expect(results.hits.count == 1)
        #expect(Set([hit.article.id] + hit.duplicates.map(\.id)) == [ids[0], ids[2]])
    }

    @Test func aStubWithARemoteShardIsNotWritten() throws {
        let directory = TemporaryDirectory()
        let stub = try directory.write("mixed.stub", "auto a\nremote 127.0.0.1:9\n")
        do {
            _ = try Indexer(location: IndexLocation(option: stub))
            Issue.record("wrote to a remote shard")
        } catch IndexingError.remoteShard(_, let shard) {
            #expect(shard.line == 2)
        }
    }
}
