import Foundation
import Testing
@testable import Telusur

@Suite("OfficeArticleReader")
struct OfficeArticleReaderTests {
    enum Format: String, CaseIterable { case docx, odt }

    @Test("a known text written as DOCX or ODT comes back: every paragraph in order, the heading, the title and created date",
          arguments: Format.allCases)
    func roundTrip(format: Format) throws {
        let paragraphs = try PDFArticleReaderTests.seed()
        let directory = try IngestFixture.Directory()
        let path = directory.path + "/rilis." + format.rawValue
        let title = "Rapat Koordinasi Forkopimda & Pemilu 2024"
        let heading = "Teknis Pelaksanaan dan Potensi Masalah"
        switch format {
        case .docx: try OfficeWriter.docx(path: path, title: title, created: "2023-09-21T08:00:00Z", heading: heading, paragraphs: paragraphs)
        case .odt: try OfficeWriter.odt(path: path, title: title, created: "2023-09-21T08:00:00", heading: heading, paragraphs: paragraphs)
        }
        let result = IngestFixture.read([path])
        #expect(result.problems.isEmpty, "\(result.problems)")
        let article = try #require(result.articles.first)
        #expect(article.id == "rilis." + format.rawValue)
        #expect(article.title == title)
        #expect(article.date == "2023-09-21")
        #expect(article.paragraphs.map(\.text) == [heading] + paragraphs)
        #expect(IngestReal.tokenF1(article.body, ([heading] + paragraphs).joined(separator: "\n")) == 1)
    }

    @Test("an ODT named .docx is read as ODT: content first, name second")
    func contentFirst() throws {
        let directory = try IngestFixture.Directory()
        let path = directory.path + "/sebenarnya-odt.docx"
        try OfficeWriter.odt(path: path, title: "Judul ODT", created: nil, heading: "Bagian", paragraphs: ["Isi rilis."])
        let result = IngestFixture.read([path])
        #expect(result.problems.isEmpty)
        #expect(result.articles.first?.title == "Judul ODT")
    }

    @Test("with no title in the properties, the heading is the title and not a paragraph")
    func headingAsTitle() throws {
        let directory = try IngestFixture.Directory()
        let path = directory.path + "/tanpa-judul.docx"
        try OfficeWriter.docx(path: path, title: nil, created: nil, heading: "Judul Dari Heading",
                              paragraphs: ["Jakarta, 5 Februari 2024 - Paragraf pertama.", "Paragraf kedua."])
        let article = try #require(IngestFixture.read([path]).articles.first)
        #expect(article.title == "Judul Dari Heading")
        #expect(article.paragraphs.map(\.text) == ["Jakarta, 5 Februari 2024 - Paragraf pertama.", "Paragraf kedua."])
        #expect(article.date == "2024-02-05")
    }

    @Test("a .docx that is not a ZIP, and a Word package without its document, are problems naming the file")
    func notADocument() throws {
        let directory = try IngestFixture.Directory()
        let text = try directory.write("palsu.docx", "ini bukan dokumen Word")
        // A Word package without word/document.xml.
        let renamed = directory.path + "/salah.docx"
        try OfficeWriter.zip(path: renamed, entries: [("[Content_Types].xml", "<Types/>")])
        let result = IngestFixture.read([text, renamed])
        #expect(result.articles.isEmpty)
        #expect(result.problems.map(\.description) == [
            text + ": cannot be read as a DOCX document (not a ZIP archive, or a damaged one); check that the file is complete and really a DOCX document, or leave it out; the other files were read",
            renamed + ": cannot be read as a DOCX document (it has no word/document.xml; is it really a Word text?); check that the file is complete and really a DOCX document, or leave it out; the other files were read",
        ])
    }

    @Test("the two real DOCX releases index with their headline, paragraphs and date", .enabled(if: IngestReal.isPresent))
    func realDocuments() throws {
        let folder = try #require(IngestReal.directory) + "/docx"
        let result = IngestFixture.read([folder])
        #expect(result.problems.isEmpty)
        let byID = Dictionary(uniqueKeysWithValues: result.articles.map { ($0.id, $0) })
        let geber = try #require(byID["SYNTHETIC-kemenag-depok-geber-mas-generated.docx"])
        #expect(geber.title == "Kemenag Depok Lanjutkan GEBER MAS dengan Ziarah dan Tabur Bunga di TMP Kalimulya")
        #expect(geber.paragraphs.count == 8)
        #expect(geber.paragraphs.first?.text.hasPrefix("CILODONG (KEMENAG) – Kantor Kementerian Agama Kota Depok") == true)
        #expect(geber.date == "2026-08-18")
        let brus = try #require(byID["SYNTHETIC-kemenag-depok-brus-hidayatullah-generated.docx"])
        #expect(brus.paragraphs.count == 6)
        #expect(brus.paragraphs.last?.text == "Kontributor : (Nama)")
    }
}
