import Foundation
import Testing
@testable import Telusur

@Suite struct IndexerTests {
    @Test func indexesOneDocumentPerParagraphPlusTitle() throws {
        let directory = TemporaryDirectory()
        let searcher = try Fixtures.index([
            Fixtures.article("a", "Satu paragraf.", "Dua paragraf."),
            Fixtures.article("b", "Tiga."),
        ], in: directory)
        let stats = try searcher.statistics()
        #expect(stats.articles == 2)
        #expect(stats.paragraphs == 3)
        #expect(stats.documents == 5)
        #expect(stats.lastUpdate != nil)
    }

    @Test func reindexingReplacesWithoutDuplicatesAndDropsOldParagraphs() throws {
        let directory = TemporaryDirectory()
        let location = IndexLocation(option: directory.path + "/index")
        do {
            let indexer = try Indexer(location: location)
            #expect(try indexer.add(Fixtures.article("a", "zero konflik satu", "zero konflik dua", "paragraf lama")) == .added)
            try indexer.commit()
        }
        do {
            let indexer = try Indexer(location: location)
            #expect(try indexer.add(Fixtures.article("a", "zero konflik satu", "zero konflik dua", "paragraf lama")) == .unchanged)
            #expect(try indexer.add(Fixtures.article("a", "zero konflik baru")) == .replaced)
            try indexer.commit()
            #expect(indexer.totals.unchanged == 1)
            #expect(indexer.totals.replaced == 1)
        }
        let searcher = try Searcher(location: location)
        let results = try searcher.search("\"zero konflik\"")
        #expect(results.total.articles == 1)
        #expect(results.total.paragraphs == 1)
        #expect(try searcher.search("lama").total.paragraphs == 0)
        #expect(try searcher.statistics().paragraphs == 1)
    }

    @Test func sameIdTwiceInOneRunKeepsTheLast() throws {
        let directory = TemporaryDirectory()
        let searcher = try Fixtures.index([
            Fixtures.article("a", "versi pertama"),
            Fixtures.article("a", "versi kedua"),
        ], in: directory)
        #expect(try searcher.search("versi").total.paragraphs == 1)
        #expect(try searcher.search("kedua").total.articles == 1)
        #expect(try searcher.search("pertama").total.articles == 0)
    }

    @Test func removeDeletesEveryParagraph() throws {
        let directory = TemporaryDirectory()
        let location = IndexLocation(option: directory.path + "/index")
        do {
            let indexer = try Indexer(location: location)
            try indexer.add(Fixtures.article("a", "satu", "dua"))
            try indexer.add(Fixtures.article("b", "satu"))
            try indexer.commit()
            #expect(try indexer.remove(id: "a"))
            #expect(try !indexer.remove(id: "zzz"))
            try indexer.commit()
        }
        let searcher = try Searcher(location: location)
        #expect(try searcher.search("satu").total.articles == 1)
        #expect(try searcher.statistics().articles == 1)
    }

    @Test func uncommittedBatchIsNotVisibleAndIsDiscarded() throws {
        let directory = TemporaryDirectory()
        let location = IndexLocation(option: directory.path + "/index")
        do {
            let indexer = try Indexer(location: location)
            try indexer.add(Fixtures.article("a", "tersimpan"))
            try indexer.commit()
            try indexer.add(Fixtures.article("b", "hilang"))
            // no commit: the batch is abandoned when the indexer goes away
        }
        let searcher = try Searcher(location: location)
        #expect(try searcher.statistics().articles == 1)
        #expect(try searcher.search("hilang").total.articles == 0)
    }

    @Test func secondWriterGetsALockError() throws {
        let directory = TemporaryDirectory()
        let location = IndexLocation(option: directory.path + "/index")
        let first = try Indexer(location: location)
        _ = first
        #expect {
            _ = try Indexer(location: location)
        } throws: { error in
            guard case IndexingError.locked(let index) = error else { return false }
            return index == location.path && "\(error)".contains("locked by another telusur process")
        }
    }

    @Test func tooLongIdIsRefusedAndTheRestIndexed() throws {
        let directory = TemporaryDirectory()
        let location = IndexLocation(option: directory.path + "/index")
        let indexer = try Indexer(location: location)
        #expect(throws: IndexingError.self) {
            try indexer.add(Fixtures.article(String(repeating: "x", count: 300), "panjang"))
        }
        try indexer.add(Fixtures.article("ok", "pendek"))
        try indexer.commit()
        #expect(indexer.totals.added == 1)
    }

    @Test func contentHashIsStableAndSensitive() {
        let a = Fixtures.article("a", "satu")
        #expect(Indexer.contentHash(a) == Indexer.contentHash(a))
        #expect(Indexer.contentHash(a) != Indexer.contentHash(Fixtures.article("a", "satu.")))
        #expect(Indexer.contentHash(a).count == 16)
    }
}
