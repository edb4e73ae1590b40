import Foundation
import Testing
@testable import Telusur

@Suite struct SearcherTests {
    static let articles = [
        Fixtures.article("lama", title: "Rapat lama", date: "2023-05-01", source: "kompas.com",
                         "Sumsel zero konflik pada pemilu.", "Bawaslu mengawasi."),
        Fixtures.article("baru", title: "Rapat baru", date: "2024-02-07", source: "editor.id",
                         "Sumsel zero konflik pada pemilu.", "KPU dan Bawaslu hadir.", "Zero konflik lagi."),
        Fixtures.article("lain", title: "Konflik di daerah", date: "2024-01-10", source: "kompas.com",
                         "Konflik zero tidak sama.", "Pemilu 2024."),
    ]

    @Test func phraseMatchesInOrderOnly() throws {
        let directory = TemporaryDirectory()
        let searcher = try Fixtures.index(Self.articles, in: directory)
        let forward = try searcher.search("\"zero konflik\"")
        #expect(Set(forward.hits.map(\.article.id)) == ["lama", "baru"])
        #expect(forward.total == MatchTotals(articles: 2, paragraphs: 3, exact: true))
        let backward = try searcher.search("\"konflik zero\"")
        #expect(backward.hits.map(\.article.id) == ["lain"])
    }

    @Test func wordsMustAllMatchInOneParagraph() throws {
        let directory = TemporaryDirectory()
        let searcher = try Fixtures.index(Self.articles, in: directory)
        var options = SearchOptions()
        options.within = .paragraph
        #expect(try searcher.search("kpu bawaslu", options: options).total.paragraphs == 1)
        #expect(try searcher.search("kpu konflik", options: options).total.articles == 0)
        // In the article (the default), each word may be in another paragraph.
        #expect(try searcher.search("kpu konflik").total.articles > 0)
    }

    @Test func titleIsSearchableAsParagraphZero() throws {
        let directory = TemporaryDirectory()
        let searcher = try Fixtures.index(Self.articles, in: directory)
        let results = try searcher.search("rapat")
        #expect(results.total.articles == 2)
        #expect(results.hits.allSatisfy { $0.paragraphs.first?.number == 0 })
        #expect(try searcher.search("title:konflik").hits.map(\.article.id) == ["lain"])
    }

    @Test func tiesGoToTheNewerArticle() throws {
        let directory = TemporaryDirectory()
        let searcher = try Fixtures.index(Self.articles, in: directory)
        // "sumsel" occurs once in one same-length paragraph of each: equal scores.
        #expect(try searcher.search("sumsel").hits.map(\.article.id) == ["baru", "lama"])
    }

    @Test func limitOffsetAndSort() throws {
        let directory = TemporaryDirectory()
        let searcher = try Fixtures.index(Self.articles, in: directory)
        let all = try searcher.search("konflik", options: SearchOptions(sort: .date))
        #expect(all.hits.map(\.article.id) == ["lama", "lain", "baru"])
        let newest = try searcher.search("konflik", options: SearchOptions(sort: .newest))
        #expect(newest.hits.map(\.article.id) == ["baru", "lain", "lama"])
        let page = try searcher.search("konflik", options: SearchOptions(limit: 1, offset: 1, sort: .date))
        #expect(page.hits.map(\.article.id) == ["lain"])
        #expect(page.hits.map(\.rank) == [2])
        #expect(page.total.articles == 3)
    }

    @Test func severalParagraphsPerArticle() throws {
        let directory = TemporaryDirectory()
        let searcher = try Fixtures.index(Self.articles, in: directory)
        let results = try searcher.search("\"zero konflik\"", options: SearchOptions(paragraphsPerArticle: 3))
        let baru = try #require(results.hits.first { $0.article.id == "baru" })
        #expect(Set(baru.paragraphs.map(\.number)) == [1, 3])
    }

    @Test func filtersBySourceAndDate() throws {
        let directory = TemporaryDirectory()
        let searcher = try Fixtures.index(Self.articles, in: directory)
        #expect(try searcher.search("konflik source:kompas.com").total.articles == 2)
        #expect(try searcher.search("konflik date:2024-02").hits.map(\.article.id) == ["baru"])
        #expect(try searcher.search("konflik year:2024").total.articles == 2)
        #expect(try searcher.search("id:lain").total.articles == 1)
        // NOT excludes whole articles: every article mentions pemilu somewhere.
        #expect(try searcher.search("konflik -pemilu").total.articles == 0)
        #expect(Set(try searcher.search("konflik -kpu").hits.map(\.article.id)) == ["lama", "lain"])
        #expect(Set(try searcher.search("konflik NOT \"kpu dan bawaslu\"").hits.map(\.article.id)) == ["lama", "lain"])
        #expect(Set(try searcher.search("NOT kpu").hits.map(\.article.id)) == ["lama", "lain"])
    }

    @Test func articleMetadataComesFromTheIndex() throws {
        let directory = TemporaryDirectory()
        let searcher = try Fixtures.index(Self.articles, in: directory)
        let record = try #require(try searcher.article(id: "baru"))
        #expect(record == ArticleRecord(id: "baru", title: "Rapat baru", date: "2024-02-07", source: "editor.id",
                                        url: "https://contoh.id/baru", paragraphs: 3))
        #expect(try searcher.article(id: "tidak-ada") == nil)
    }

    @Test func missingIndexSaysHowToBuildOne() {
        let directory = TemporaryDirectory()
        #expect {
            _ = try Searcher(location: IndexLocation(option: directory.path + "/kosong"))
        } throws: { error in
            "\(error)".contains("telusur index")
        }
    }

    @Test func seesNewCommitsAfterRefresh() throws {
        let directory = TemporaryDirectory()
        let searcher = try Fixtures.index(Self.articles, in: directory)
        do {
            let indexer = try Indexer(location: searcher.location)
            try indexer.add(Fixtures.article("tambahan", "zero konflik tambahan"))
            try indexer.commit()
        }
        #expect(try searcher.refresh())
        #expect(try searcher.search("tambahan").total.articles == 1)
    }
}

@Suite struct SearcherArticleTests {
    @Test func readsAWholeArticleBack() throws {
        let directory = TemporaryDirectory()
        let searcher = try Fixtures.index(SearcherTests.articles, in: directory)
        let paragraphs = try searcher.paragraphs(ofArticle: "baru")
        #expect(paragraphs.map(\.number) == [1, 2, 3])
        #expect(paragraphs[1].text == "KPU dan Bawaslu hadir.")
        #expect(try searcher.paragraphs(ofArticle: "tidak-ada").isEmpty)
    }
}

@Suite struct CountingTests {
    /// One-word queries without facets are counted from term frequencies; every other
    /// query by matching. Both must give the same exact totals, also after updates.
    @Test func oneWordShortcutAgreesWithMatching() throws {
        let directory = TemporaryDirectory()
        let searcher = try Fixtures.index(SearcherTests.articles, in: directory)
        do {
            let indexer = try Indexer(location: searcher.location)
            try indexer.add(Fixtures.article("baru", title: "Rapat baru", "Konflik diganti.", "Zero konflik konflik."))
            try indexer.remove(id: "lama")
            try indexer.commit()
        }
        try searcher.refresh()
        var quick = SearchOptions()
        quick.entityFacets = false
        let full = SearchOptions(facets: true)
        for word in ["konflik", "zero", "rapat", "bawaslu", "sumsel", "tidakada"] {
            let fast = try searcher.search(word, options: quick).total
            let slow = try searcher.search(word, options: full).total
            #expect(fast == slow, "\(word)")
        }
        #expect(try searcher.search("konflik", options: quick).total == MatchTotals(articles: 2, paragraphs: 4, exact: true))
    }
}

@Suite struct NameCompletionTests {
    @Test func completesPersonsAndAgenciesTheIndexKnows() throws {
        let directory = TemporaryDirectory()
        let searcher = try Fixtures.index([
            Fixtures.article("a", "Gubernur Sumatera Selatan, H. Herman Deru, SH., MM. hadir bersama KPU Sumsel."),
        ], in: directory)
        #expect(try searcher.names(of: "person", startingWith: "her") == ["Herman Deru"])
        #expect(try searcher.names(of: "agency", startingWith: "kp").contains("KPU"))
        #expect(try searcher.names(of: "person", startingWith: "zzz").isEmpty)
    }
}

@Suite struct EmptyQueryTests {
    @Test(arguments: ["-", "()", "—", "\"\""])
    func aQueryWithoutWordsIsAnErrorNotEverything(_ text: String) throws {
        let directory = TemporaryDirectory()
        let searcher = try Fixtures.index(SearcherTests.articles, in: directory)
        #expect(throws: SearchError.self) { try searcher.search(text) }
    }
}
