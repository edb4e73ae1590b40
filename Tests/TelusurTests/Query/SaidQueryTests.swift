import Foundation
import Testing
@testable import Telusur

/// `said:` and `Searcher.quotes`: who is quoted, what the quote itself says, bodies,
/// errors, and a sharded index answering as one database.
@Suite struct SaidQueryTests {
    static let articles = [
        Fixtures.article("a1", title: "Rapat pemilu", date: "2024-02-07",
                         "“Kami siap menggelar pemilu dengan aman,” kata Gubernur Herman Deru.",
                         "Herman Deru hadir di rapat itu. Pemilu digelar tahun depan.",
                         "“Jalan tol itu dibuka bulan depan,” ujarnya.",
                         "\"Penyidikan terus berjalan,\" kata KPK."),
        Fixtures.article("a2", title: "Jalan tol", date: "2024-03-01",
                         "Agus Fatoni meninjau jalan tol.",
                         "“Pemilu harus sukses,” papar Fatoni."),
    ]

    @Test func saidFindsTheParagraphsWithTheSpeakersQuotes() throws {
        let directory = TemporaryDirectory()
        let searcher = try Fixtures.index(Self.articles, in: directory)
        let deru = try searcher.search("said:\"Herman Deru\"", options: SearchOptions(paragraphsPerArticle: 5))
        #expect(deru.total.paragraphs == 2)  // ¶1 and ¶3 ("ujarnya"), not ¶2 which only names him
        #expect(Set(deru.hits.flatMap { $0.paragraphs.map(\.number) }) == [1, 3])
        // Titles and degrees as for person:, and a surname alone.
        #expect(try searcher.search("said:\"H. Herman Deru, SH\"").total.paragraphs == 2)
        #expect(try searcher.search("said:fatoni").total.paragraphs == 1)
    }

    @Test func wordsBesideSaidAreSearchedInTheQuote() throws {
        let directory = TemporaryDirectory()
        let searcher = try Fixtures.index(Self.articles, in: directory)
        // ¶2 has "pemilu" and names him, but his quotes with "pemilu" are only in ¶1.
        let results = try searcher.search("said:\"Herman Deru\" pemilu", options: SearchOptions(paragraphsPerArticle: 5))
        #expect(results.hits.flatMap { $0.paragraphs.map(\.number) } == [1])
        #expect(try searcher.search("said:\"Herman Deru\" \"jalan tol\"").total.paragraphs == 1)
        #expect(try searcher.search("said:\"Herman Deru\" fatoni").total.paragraphs == 0)
        // Without said: the same word is searched in the whole paragraph.
        #expect(try searcher.search("pemilu").total.paragraphs == 4)  // a1 title, ¶1, ¶2; a2 ¶2
    }

    @Test func saidAgencyFindsTheQuotesOfABody() throws {
        let directory = TemporaryDirectory()
        let searcher = try Fixtures.index(Self.articles, in: directory)
        let kpk = try searcher.quotes(try QueryParser().parse("said:agency:KPK"))
        #expect(kpk.total == 1)
        #expect(kpk.quotes.first?.quote.text == "Penyidikan terus berjalan")
        #expect(try searcher.quotes(try QueryParser().parse("said:agency:\"Komisi Pemberantasan Korupsi\"")).total == 1)
    }

    @Test func quotesAreListedNewestFirstAndPaged() throws {
        let directory = TemporaryDirectory()
        let searcher = try Fixtures.index(Self.articles, in: directory)
        let all = try searcher.quotes(try QueryParser().parse(""), limit: 100)
        #expect(all.total == 4)
        #expect(all.quotes.map(\.article.id) == ["a2", "a1", "a1", "a1"])
        let page = try searcher.quotes(try QueryParser().parse(""), limit: 2, offset: 1)
        #expect(page.total == 4)
        #expect(page.quotes.map(\.quote.text) == all.quotes[1...2].map(\.quote.text))
        // Words: only quotes whose own text has them.
        let pemilu = try searcher.quotes(try QueryParser().parse("pemilu"))
        #expect(pemilu.quotes.map(\.quote.speaker.key) == ["agus fatoni", "herman deru"])
        let deru = try searcher.quotes(try QueryParser().parse("said:\"Herman Deru\" pemilu"))
        #expect(deru.total == 1)
        #expect(deru.quotes.first?.quote.role == "Gubernur")
    }

    @Test(arguments: ["said:", "said: pemilu", "said:agency:"])
    func emptySaidIsAQueryError(_ text: String) {
        #expect(throws: QueryError.self) { try QueryParser().parse(text) }
    }

    @Test func unknownBodyAndAmbiguousNameAreSearchErrors() throws {
        let directory = TemporaryDirectory()
        let searcher = try Fixtures.index(Self.articles + [
            Fixtures.article("a3", "“Kami juga siap,” kata Herman Deru Putra."),
        ], in: directory)
        #expect(throws: SearchError.self) { try searcher.search("said:agency:XYZQ") }
        #expect(throws: SearchError.self) { try searcher.search("said:deru") }
        // Nobody quoted under the name: nothing found, no error (as person:).
        #expect(try searcher.search("said:\"Sri Mulyani\"").total.paragraphs == 0)
    }

    @Test func parserReadsSaid() throws {
        #expect(try QueryParser().parse("said:\"Herman Deru\" pemilu").root
            == .and([.said("Herman Deru"), .term("pemilu")]))
        #expect(try QueryParser().parse("said:agency:KPU").root == .said("agency:KPU"))
        #expect(try QueryParser().parse("said:agency:\"KPU Sumsel\"").root == .said("agency:KPU Sumsel"))
    }
}

/// `said:` on shards gives what one database gives.
@Suite(.enabled(if: ShardedCorpus.isAvailable), .timeLimit(.minutes(5)))
struct ShardedSaidTests {
    @Test func saidAndQuotesOnShardsAreAsOnOneDatabase() throws {
        let corpus = try ShardedCorpus(shards: 3, slice: 120)
        let one = try Searcher(location: corpus.single)
        let sharded = try Searcher(location: corpus.sharded)
        let all = try one.quotes(try QueryParser().parse(""), limit: 10_000)
        #expect(all.total > 50)
        let shardedAll = try sharded.quotes(try QueryParser().parse(""), limit: 10_000)
        #expect(shardedAll.total == all.total)
        #expect(shardedAll.quotes.map { "\($0.article.id)#\($0.quote.paragraph)#\($0.quote.text)" }
            == all.quotes.map { "\($0.article.id)#\($0.quote.paragraph)#\($0.quote.text)" })
        // The most quoted speakers, each alone and with a word of one of their quotes.
        var counts: [String: Int] = [:]
        for match in all.quotes { if let key = match.quote.speaker.key { counts[key, default: 0] += 1 } }
        let top = counts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.prefix(5).map(\.key)
        #expect(top.count == 5)
        for key in top {
            let word = try #require(all.quotes.first { $0.quote.speaker.key == key }.flatMap { Tokenizer().terms($0.quote.text).last })
            for query in ["said:\"\(key)\"", "said:\"\(key)\" \(word)"] {
                let expected = try one.search(query)
                #expect(expected.total.paragraphs > 0, "\(query)")
                #expect(firstDifference(try sharded.search(query), expected) == nil, "\(query)")
                let quotes = try one.quotes(try QueryParser().parse(query), limit: 1000)
                let onShards = try sharded.quotes(try QueryParser().parse(query), limit: 1000)
                #expect(onShards.total == quotes.total && quotes.total > 0, "\(query)")
            }
        }
        // The speakers facet counts the same on shards.
        let word = try #require(all.quotes.first.flatMap { Tokenizer().terms($0.quote.text).first })
        let faceted = try one.search(try QueryParser().parse(word), options: SearchOptions(facets: true))
        #expect(!faceted.facets.speakers.isEmpty)
        #expect(try sharded.search(try QueryParser().parse(word), options: SearchOptions(facets: true)).facets.speakers == faceted.facets.speakers)
    }
}
