import Foundation
import Testing
@testable import Telusur

/// The query language and result features on a small real index.
@Suite struct SearcherFeatureTests {
    static let release = [
        "Pemerintah Provinsi Sumatera Selatan menggelar rapat koordinasi bersama KPU dan Bawaslu menjelang Pemilu 2024 di Palembang.",
        "Rapat membahas teknis pelaksanaan pemungutan suara, distribusi logistik, dan potensi masalah di setiap kabupaten dan kota.",
        "Gubernur meminta seluruh jajaran menjaga netralitas aparatur sipil negara dan mencegah politik uang selama masa kampanye berlangsung.",
    ]

    static var articles: [Article] {
        [
            Fixtures.article("asli", title: "Rapat koordinasi pemilu di Palembang", date: "2024-02-01", source: "sumselprov.go.id",
                             release[0], release[1], release[2]),
            // The same release, republished word for word by another outlet.
            Fixtures.article("salinan", title: "Sumsel siapkan pemilu", date: "2024-02-02", source: "editor.id",
                             release[0], release[1], release[2]),
            Fixtures.article("banjir", title: "Banjir melanda Palembang", date: "2023-12-20", source: "kompas.com",
                             "Banjir merendam ratusan rumah di Palembang setelah hujan deras semalaman.",
                             "Bawaslu tidak terkait dengan banjir ini, kata warga."),
            Fixtures.article("judul", title: "Kampanye damai", date: "2023-11-01", source: "kompas.com",
                             "Para peserta pemilu berjanji menjaga suasana tetap sejuk."),
            Fixtures.article("teks", title: "Berita lain", date: "2023-11-02", source: "kompas.com",
                             "Peserta diminta menjaga kampanye damai dan tertib di lapangan."),
        ]
    }

    @Test func orNotAndParentheses() throws {
        let directory = TemporaryDirectory()
        let searcher = try Fixtures.index(Self.articles, in: directory)
        let options = SearchOptions(group: false)
        #expect(try searcher.search("banjir OR netralitas", options: options).total.articles == 3)
        #expect(try searcher.search("bawaslu -banjir", options: options).total.articles == 2)
        #expect(try searcher.search("bawaslu NOT banjir", options: options).total.articles == 2)
        var oneParagraph = options
        oneParagraph.within = .paragraph
        #expect(try searcher.search("(banjir OR netralitas) palembang", options: oneParagraph).total.articles == 1)
    }

    @Test func nearMatchesWithinTheDistanceInOneParagraph() throws {
        let directory = TemporaryDirectory()
        let searcher = try Fixtures.index(Self.articles, in: directory)
        let options = SearchOptions(group: false)
        // "rapat" and "bawaslu" are 6 words apart in the first paragraph.
        #expect(try searcher.search("rapat NEAR/6 bawaslu", options: options).total.paragraphs == 2)
        #expect(try searcher.search("rapat NEAR/3 bawaslu", options: options).total.paragraphs == 0)
        // Words in two different paragraphs never match NEAR.
        #expect(try searcher.search("banjir NEAR/50 warga", options: options).total.articles == 1)
        #expect(try searcher.search("semalaman NEAR/50 warga", options: options).total.articles == 0)
    }

    @Test func wildcardsExpandToIndexedWords() throws {
        let directory = TemporaryDirectory()
        let searcher = try Fixtures.index(Self.articles, in: directory)
        let results = try searcher.search("pemungut*", options: SearchOptions(group: false))
        #expect(results.total.articles == 2)
    }

    @Test func aTitleMatchRanksFirst() throws {
        let directory = TemporaryDirectory()
        let searcher = try Fixtures.index(Self.articles, in: directory)
        let results = try searcher.search("\"kampanye damai\"", options: SearchOptions(group: false))
        #expect(results.hits.first?.article.id == "judul")
        searcher.ranking.titleWeight = 0
        let plain = try searcher.search("\"kampanye damai\"", options: SearchOptions(group: false))
        #expect(Set(plain.hits.map(\.article.id)) == ["judul", "teks"])
    }

    @Test func nearDuplicatesAreOneResultUnlessUngrouped() throws {
        let directory = TemporaryDirectory()
        let searcher = try Fixtures.index(Self.articles, in: directory)
        let grouped = try searcher.search("netralitas")
        #expect(grouped.hits.count == 1)
        #expect(grouped.total.articles == 2)
        let hit = try #require(grouped.hits.first)
        #expect(Set([hit.article.id] + hit.duplicates.map(\.id)) == ["asli", "salinan"])
        let separate = try searcher.search("netralitas", options: SearchOptions(group: false))
        #expect(separate.hits.count == 2)
        #expect(separate.hits.allSatisfy { $0.duplicates.isEmpty })
    }

    @Test func didYouMeanComesFromTheIndexVocabulary() throws {
        let directory = TemporaryDirectory()
        let searcher = try Fixtures.index(Self.articles, in: directory)
        let results = try searcher.search("bawasl")
        #expect(results.total.articles == 0)
        #expect(results.suggestion == "bawaslu")
        #expect(try searcher.search("bawaslu").suggestion == nil)
    }

    @Test func similarFindsTheTwinFirstAndNeverItself() throws {
        let directory = TemporaryDirectory()
        let searcher = try Fixtures.index(Self.articles, in: directory)
        let results = try searcher.similar(to: "asli", options: SearchOptions(group: false))
        #expect(results.hits.first?.article.id == "salinan")
        #expect(!results.hits.contains { $0.article.id == "asli" })
        #expect(throws: SearchError.self) { try searcher.similar(to: "tidak-ada") }
    }

    @Test func facetsCountArticles() throws {
        let directory = TemporaryDirectory()
        let searcher = try Fixtures.index(Self.articles, in: directory)
        let results = try searcher.search("kampanye OR bawaslu", options: SearchOptions(facets: true, group: false))
        #expect(results.facets.sources.first == Facets.Count(value: "kompas.com", articles: 3))
        #expect(results.facets.years.map(\.value).sorted() == ["2023", "2024"])
        #expect(results.facets.months.first { $0.value == "2023-11" }?.articles == 2)
        #expect(results.facets.agencies.first { $0.value == "bawaslu" }?.articles == 3)
        let plain = try searcher.search("kampanye", options: SearchOptions(group: false))
        #expect(plain.facets.sources.isEmpty)
    }

    @Test func snippetsHighlightPhraseWordsOnlyWhereThePhraseMatched() throws {
        let directory = TemporaryDirectory()
        let searcher = try Fixtures.index(Self.articles, in: directory)
        let document = ResultsDocument(try searcher.search("\"politik uang\"", options: SearchOptions(group: false)))
        let paragraph = try #require(document.results.first?.paragraphs.first)
        #expect(paragraph.highlighted.contains("<mark>politik uang</mark>"))
    }
}
