import Foundation
import Testing
@testable import Telusur

@Suite struct DocumentCodecTests {
    private func article(id: String = "a1", source: String? = "Kompas.com", date: String? = "2019-10-10",
                         paragraphs: [String] = ["Satu dua tiga.", "Empat lima."]) -> Article {
        Article(id: id, title: "Judul berita", date: date, source: source, url: nil,
                paragraphs: paragraphs.enumerated().map { Paragraph(number: $0.offset + 1, text: $0.element) })
    }

    @Test func facetListStartsWithTheArticleAndDecodesBackByKind() {
        let list = DocumentCodec.facetList(of: article(), persons: ["herman deru", "wiranto"], agencies: ["kpu", "kpu@sumatera-selatan"])
        let (values, marked) = DocumentCodec.facetValues(in: list)
        #expect(marked)
        #expect(values == ["s:kompas.com", "y:2019", "m:2019-10", "d:2019-10-10", "p:herman deru", "p:wiranto", "g:kpu"])
        #expect(DocumentCodec.values(.person, in: list) == ["herman deru", "wiranto"])
        // Regional agencies are searchable, not counted as facets of their own.
        #expect(DocumentCodec.values(.agency, in: list) == ["kpu"])
        #expect(DocumentCodec.values(.year, in: list) == ["2019"])
    }

    @Test func aListWithoutItsArticleIsReportedAsUnmarked() {
        let (values, marked) = DocumentCodec.facetValues(in: "s:kompas.com\u{1F}y:2019")
        #expect(!marked)
        #expect(values == ["s:kompas.com", "y:2019"])
    }

    @Test(arguments: [
        (document: UInt32(10), paragraph: 3, databases: 1, title: UInt32?(7)),
        (document: UInt32(10), paragraph: 0, databases: 1, title: UInt32?(10)),
        // Two shards interleave: the title is 2 × 3 documents earlier.
        (document: UInt32(10), paragraph: 3, databases: 2, title: UInt32?(4)),
        (document: UInt32(3), paragraph: 3, databases: 1, title: UInt32?.none),
    ])
    func titleDocumentOfAParagraph(document: UInt32, paragraph: Int, databases: Int, title: UInt32?) {
        #expect(DocumentCodec.titleDocument(of: document, paragraph: paragraph, databases: databases) == title)
    }

    @Test func articleTableMapsEveryDocumentToTheLastTitleAtOrBeforeIt() {
        // Titles at 1, 4 and 5; document 7 is the last.
        let table = DocumentCodec.articleTable(titles: [1, 4, 5], lastDocument: 7)
        #expect(table == [0, 1, 1, 1, 2, 3, 3, 3])
        #expect(DocumentCodec.articleTable(titles: [], lastDocument: 2) == [0, 0, 0])
    }

    @Test func positionInTheArticleFromTheTableAlone() {
        // Titles at 1 and 5: documents 1–4 are one article (title, lead, two more), 5–6 the next.
        let table = DocumentCodec.articleTable(titles: [1, 5], lastDocument: 6)
        #expect((1...6).map { DocumentCodec.position(of: UInt32($0), in: table) } == [0, 1, 2, 2, 0, 1])
        #expect(DocumentCodec.position(of: 9, in: table) == nil)
    }

    @Test func fingerprintValueRoundTrips() throws {
        var codec = DocumentCodec()
        let words = (0..<60).map { "kata\($0)" }.joined(separator: " ")
        let scanned = codec.scanWords(of: article(paragraphs: [words]))
        let hash = try #require(scanned)
        let decoded = try #require(DocumentCodec.fingerprint(in: DocumentCodec.fingerprintValue(hash, group: "grup 1")))
        #expect(decoded.fingerprint.hex == hash.hex)
        #expect(decoded.group == "grup 1")
        #expect(DocumentCodec.fingerprint(in: "bukan") == nil)
    }

    @Test func paragraphNumbersRoundTrip() {
        #expect(DocumentCodec.paragraphNumber(DocumentCodec.paragraphValue(12)) == 12)
        #expect(DocumentCodec.paragraphNumber("x") == 0)
    }

    /// Every term is built here, so Xapian's 245-byte limit is kept here: a document
    /// made of a source, a word and an origin too long for a term still commits.
    @Test func termsTooLongForXapianAreLeftOutWhereTheyAreBuilt() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("codec-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let long = String(repeating: "a", count: 300)
        var tooLong = article(id: "panjang", source: long + ".com", paragraphs: ["Kata " + String(repeating: "Ü", count: 130) + " biasa."])
        tooLong.origin = "/" + long
        var codec = DocumentCodec()
        let fingerprint = codec.scanWords(of: tooLong)
        let documents = try codec.documents(
            for: tooLong,
            analysis: .init(entities: Array(repeating: ParagraphEntities(), count: 2), quotes: [:],
                            fingerprint: fingerprint, group: tooLong.id, hash: "0"))
        #expect(documents.count == 2)
        let writer = try XapianWriter(path: directory.path)
        try writer.begin()
        for document in documents { _ = try writer.add(document) }
        try writer.commit()
        #expect(try writer.documentCount() == 2)
    }
}
