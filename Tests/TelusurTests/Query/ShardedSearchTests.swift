import Foundation
import Testing
@testable import Telusur

/// Searching shards, local or served by `xapian-tcpsrv` on loopback, gives exactly what
/// one database with the same articles gives: ids, order, scores, counts, facets,
/// snippets, near-duplicate groups, suggestions.
@Suite(.enabled(if: ShardedCorpus.isAvailable && TCPShardServer.isInstalled), .timeLimit(.minutes(5)))
struct ShardedSearchTests {
    /// Words, phrases, OR/NOT, grouping, NEAR, wildcards, fields, persons, agencies,
    /// misspellings ("did you mean").
    static let queries = [
        "pemilu", "presiden", "\"zero konflik\"", "presiden prabowo", "\"presiden prabowo\"",
        "presiden OR menteri", "jakarta -polisi", "pemerintah NOT daerah", "(kpu OR bawaslu) pemilu",
        "zero NEAR konflik", "pemerin*", "title:prabowo", "year:2025", "date:2025-01..2025-12",
        "person:\"Prabowo Subianto\"", "person:prabowo", "agency:KPK", "agency:DPR", "agency:Bawaslu",
        "indonesia", "bawasl", "presidn prabowo", "kata-kata", "xyzzyq",
        "person:prabowo NEAR/5 presiden", "agency:KPK NEAR/10 korupsi",
    ]

    /// Default options, facets, both date orders, several paragraphs, a later page, no grouping.
    static let variants: [SearchOptions] = {
        var list = [SearchOptions(), SearchOptions(facets: true), SearchOptions(limit: 20, sort: .date),
                    SearchOptions(limit: 20, sort: .newest), SearchOptions(paragraphsPerArticle: 3),
                    SearchOptions(limit: 5, offset: 5), SearchOptions(limit: 30, group: false)]
        var bare = SearchOptions(limit: 50, group: false)
        bare.entityFacets = false
        bare.fetchArticles = false
        list.append(bare)  // the benchmark's: one-word counts from term frequencies
        var byPerson = SearchOptions(facets: true)  // --timeline week --timeline-by person
        byPerson.allMonths = true
        byPerson.breakdown = .person
        byPerson.breakdownTop = 0
        list.append(byPerson)
        return list
    }()

    @Test func remoteAndLocalShardsSearchLikeOneDatabase() throws {
        let corpus = try ShardedCorpus(shards: 3)
        let servers = [try TCPShardServer(database: corpus.shardPath(1)), try TCPShardServer(database: corpus.shardPath(2))]
        let one = try Searcher(location: corpus.single)
        let local = try Searcher(location: corpus.sharded)
        let mixed = try Searcher(location: try corpus.mixedStub(servers: servers))
        #expect(local.shards.count == 3)
        #expect(mixed.shards.filter(\.isRemote).count == 2)

        var matched = 0
        for query in Self.queries {
            for options in Self.variants {
                let expected = try one.search(query, options: options)
                let onLocal = try local.search(query, options: options)
                let onMixed = try mixed.search(query, options: options)
                #expect(firstDifference(onLocal, expected) == nil, "local shards: \(query) \(options)")
                #expect(firstDifference(onMixed, expected) == nil, "remote shards: \(query) \(options)")
                if expected.total.articles > 0 { matched += 1 }
            }
        }
        #expect(matched > Self.queries.count * Self.variants.count / 2)  // the comparison is about real results

        // The rest of what reads the index.
        let someID = try #require(try one.search("presiden").hits.first?.article.id)
        #expect(firstDifference(try mixed.similar(to: someID), try one.similar(to: someID)) == nil)
        #expect(try mixed.persons(top: 30, match: nil) == (try one.persons(top: 30, match: nil)))
        #expect(try mixed.agencies(top: 30, match: "k") == (try one.agencies(top: 30, match: "k")))
        #expect(try mixed.paragraphs(ofArticle: someID) == (try one.paragraphs(ofArticle: someID)))
        let (expected, sharded) = (try one.statistics(), try mixed.statistics())
        let counts: [Int] = [sharded.articles, sharded.paragraphs, sharded.documents, sharded.terms]
        #expect(counts == [expected.articles, expected.paragraphs, expected.documents, expected.terms])
        #expect(sharded.shards == 3 && sharded.remoteShards == 2)
        #expect(try one.search("bawasl").suggestion == "bawaslu")

        // A shard served over a pipe by a program (as `ssh HOST xapian-progsrv PATH` would).
        let piped = IndexLocation(option: try corpus.directory.write(
            "piped.stub", "auto sharded/shard-00\nauto sharded/shard-01\nremote :/usr/bin/xapian-progsrv \(corpus.shardPath(2))\n"))
        let throughProgram = try Searcher(location: piped, allowPrograms: true)
        for query in ["presiden", "\"zero konflik\"", "person:prabowo"] {
            #expect(firstDifference(try throughProgram.search(query, options: SearchOptions(facets: true)),
                                    try one.search(query, options: SearchOptions(facets: true))) == nil, "\(query)")
        }
    }

    @Test func anUnreachableShardIsNamedOrLeftOut() throws {
        let corpus = try ShardedCorpus(shards: 3, slice: 30)
        let servers = [try TCPShardServer(database: corpus.shardPath(1)), try TCPShardServer(database: corpus.shardPath(2))]
        let stub = try corpus.mixedStub(servers: servers)
        let session = try Searcher(location: stub)
        let partialSession = try Searcher(location: stub, allowPartial: true)
        let all = try session.search("indonesia")
        #expect(all.total.articles > 0)
        #expect(try partialSession.search("indonesia").missingShards.isEmpty)

        let gone = servers[1].port
        servers[1].stop()
        // A new searcher: the shard is named, with its stub line.
        do {
            _ = try Searcher(location: stub)
            Issue.record("opened a stub with a shard down")
        } catch SearchError.shardsUnreachable(let missing) {
            #expect(missing.map(\.shard.name) == ["remote 127.0.0.1:\(gone)"])
            #expect(missing.first?.shard.line == 4)
            let message = SearchError.shardsUnreachable(missing).description
            #expect(message.contains("shard remote 127.0.0.1:\(gone) (line 4 of \(stub.path)) is unreachable"))
            #expect(message.contains("--allow-partial"))
        }
        // The open session notices at its next search, the same way.
        #expect(throws: SearchError.self) { try session.search("indonesia") }
        do {
            _ = try session.search("indonesia")
        } catch SearchError.shardsUnreachable(let missing) {
            #expect(missing.map(\.shard.line) == [4])
        }
        // With allowPartial: the other shards' results, and the missing one named.
        let partial = try partialSession.search("indonesia")
        #expect(partial.missingShards.map(\.shard.line) == [4])
        #expect(partial.total.articles > 0 && partial.total.articles < all.total.articles)
        let ids = Set(partial.hits.map(\.article.id))
        let router = ShardRouter(count: 3)
        #expect(ids.allSatisfy { router.shard(for: $0) != 2 })
        let fresh = try Searcher(location: stub, allowPartial: true)
        #expect(try fresh.search("indonesia").timeless == partial.timeless)

        // The shard back on its port: refresh() (what the REPL calls before each search)
        // connects to it again.
        let back = try TCPShardServer(database: corpus.shardPath(2), port: gone)
        #expect(try partialSession.refresh())
        #expect(partialSession.missingShards.isEmpty)
        #expect(try partialSession.search("indonesia").timeless == all.timeless)
        _ = back
    }

    @Test func aServerThatClosesTheConnectionIsReconnected() throws {
        let corpus = try ShardedCorpus(shards: 2, slice: 20)
        var server = try TCPShardServer(database: corpus.shardPath(1))
        let stubText = { (port: Int) in "auto sharded/shard-00\nremote 127.0.0.1:\(port)\n" }
        let stub = IndexLocation(option: try corpus.directory.write("one.stub", stubText(server.port)))
        let searcher = try Searcher(location: stub)
        let before = try searcher.search("indonesia").timeless
        // The server goes away and comes back (as after xapian-tcpsrv's idle timeout,
        // which closes the connection): the next search reconnects on its own.
        let port = server.port
        server.stop()
        server = try TCPShardServer(database: corpus.shardPath(1), port: port)
        #expect(try searcher.search("indonesia").timeless == before)
        _ = server
    }
}
