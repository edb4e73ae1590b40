import Foundation
import Testing
@testable import Telusur

/// The summary a writer leaves in the index (``IndexSummary``) says what counting the
/// terms says, on one database and on shards, and is never used once the index moved on
/// without it.
@Suite struct IndexSummaryTests {
    private static func paths(_ corpus: ShardedCorpus, sharded: Bool) -> [String] {
        sharded ? (0..<corpus.shardCount).map(corpus.shardPath) : [corpus.single.path]
    }

    @Test(.enabled(if: ShardedCorpus.isAvailable), arguments: [false, true])
    func aCommittedIndexHoldsASummaryEqualToItsTerms(sharded: Bool) throws {
        let corpus = try ShardedCorpus(shards: 3, slice: 60, name: "summary-\(sharded)")
        let location = sharded ? corpus.sharded : corpus.single
        let searcher = try Searcher(location: location)
        let revisions = try Self.paths(corpus, sharded: sharded).map { try XapianMaintenance.revision(of: $0) }
        let counted = try IndexSummary.counted(from: searcher.database, revisions: revisions)
        let counts = try #require(try IndexSummary.counts(in: searcher.database, revisions: revisions))
        #expect(counts.articles == counted.articles && counts.articles == corpus.articles.count)
        #expect(counts.documents == counted.documents)
        #expect(counts.terms == counted.terms && counts.terms > 1000)
        let persons = try #require(try IndexSummary.entries(in: searcher.database, agencies: false, revisions: revisions))
        let agencies = try #require(try IndexSummary.entries(in: searcher.database, agencies: true, revisions: revisions))
        #expect(persons == counted.persons && persons.count > 20)
        #expect(agencies.map { IndexSummary.Entry(key: $0.key, articles: $0.articles) } == counted.agencies && !agencies.isEmpty)
        // Agencies keep their shown names, so listing them needs no gazetteer.
        let lexicon = try EntityLexicon.shared.get()
        #expect(agencies.allSatisfy { $0.name == lexicon.agencyName($0.key) })
        #expect(try searcher.agencies(top: 15, match: nil).map(\.name) == counted.agencies.prefix(15).map { lexicon.agencyName($0.key) })
        // The aliases facets merge by are the grouping's, and persons lists the groups.
        let aliases = try #require(try IndexSummary.personAliases(in: searcher.database, revisions: revisions))
        #expect(aliases == (try searcher.personGroups().canonical.filter { $0.key != $0.value }))
        let groups = try IndexSummary.personGroups(searcher.database, entries: counted.persons)
        #expect(try searcher.persons(top: 10, match: nil).map(\.key) == groups.prefix(10).map(\.key))
        // What the commands print comes from it, in the order counting gives.
        #expect(try searcher.statistics().terms == counted.terms)
        // Another revision, or the same revisions of other databases, is not described by it.
        #expect(try IndexSummary.counts(in: searcher.database, revisions: revisions.map { $0 + 1 }) == nil)
    }

    @Test func aCommitThatDidNotWriteTheSummaryMakesReadersCountAgain() throws {
        let directory = TemporaryDirectory("summary-stale")
        let searcher = try Fixtures.index([
            Fixtures.article("a", "Gubernur Sumatera Selatan Herman Deru meninjau pasar."),
        ], in: directory)
        let path = searcher.location.path
        #expect(try IndexSummary.counts(in: searcher.database, revisions: [XapianMaintenance.revision(of: path)]) != nil)
        // An older telusur (or any other writer) adds an article and leaves the summary as it was.
        do {
            let writer = try XapianWriter(path: path)
            let document = try XapianDocument()
            try document.addTerm(Schema.titleDocumentTerm, wdf: 0)
            try document.addTerm(Schema.articlePersonPrefix + "orang baru", wdf: 0)
            try writer.begin()
            _ = try writer.add(document)
            try writer.commit()
        }
        let reader = try Searcher(location: searcher.location)
        #expect(try IndexSummary.counts(in: reader.database, revisions: [XapianMaintenance.revision(of: path)]) == nil)
        #expect(try reader.statistics().articles == 2)
        #expect(try reader.persons(top: nil, match: nil).map(\.key).sorted() == ["herman deru", "orang baru"])
        // The next telusur commit writes a summary that describes the index again.
        do {
            let indexer = try Indexer(location: searcher.location)
            try indexer.commit()
        }
        let after = try Searcher(location: searcher.location)
        let revisions = [try XapianMaintenance.revision(of: path)]
        #expect(try IndexSummary.entries(in: after.database, agencies: false, revisions: revisions)?.map(\.key).sorted()
            == ["herman deru", "orang baru"])
    }

    @Test func removingAnArticleUpdatesTheSummaryAndANoOpRunDoesNotCommit() throws {
        let directory = TemporaryDirectory("summary-remove")
        let searcher = try Fixtures.index([
            Fixtures.article("a", "Gubernur Sumatera Selatan Herman Deru meninjau pasar."),
            Fixtures.article("b", "Ketua KPU Arief Budiman menyampaikan jadwal pemilu."),
        ], in: directory)
        let path = searcher.location.path
        let revision = try XapianMaintenance.revision(of: path)
        do {
            let indexer = try Indexer(location: searcher.location)
            try indexer.commit()
        }
        #expect(try XapianMaintenance.revision(of: path) == revision, "a summary that is current is not written again")
        do {
            let indexer = try Indexer(location: searcher.location)
            #expect(try indexer.remove(id: "a"))
            try indexer.commit()
        }
        let after = try Searcher(location: searcher.location)
        let revisions = [try XapianMaintenance.revision(of: path)]
        #expect(try IndexSummary.entries(in: after.database, agencies: false, revisions: revisions)?.map(\.key) == ["arief budiman"])
        #expect(try after.persons(top: nil, match: nil).map(\.key) == ["arief budiman"])
        #expect(try after.statistics().articles == 1)
    }
}
