import Foundation
import Testing
@testable import Telusur

@Suite("PDFArticleReader")
struct PDFArticleReaderTests {
    /// The first seed press release: a known text, every paragraph.
    static func seed() throws -> [String] {
        let path = IngestFixture.projectRoot + "/seeds/000_b340dedaa94c42df.txt"
        return try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map {
            String($0.trimmingWhitespace())
        }.filter { !$0.isEmpty }
    }

    @Test("a press release written as a PDF comes back whole: token F1 at least 0.98, paragraphs, title, number, date")
    func roundTrip() throws {
        let paragraphs = try Self.seed()
        let directory = try IngestFixture.Directory()
        let path = directory.path + "/rilis.pdf"
        let title = "Rapat Koordinasi Forkopimda Bahas Teknis Pelaksanaan Pemilu 2024"
        let report = PDFWriter.write(path: path, label: "SIARAN PERS", title: title,
                                     number: "Nomor: 045/HUMAS/IX/2023", paragraphs: paragraphs)
        #expect(report.pages >= 3)
        #expect(!report.hyphenated.isEmpty)
        let result = IngestFixture.read([path])
        #expect(result.problems.isEmpty, "\(result.problems)")
        let article = try #require(result.articles.first)
        #expect(article.id == "rilis.pdf")
        #expect(article.title == title)
        let body = article.paragraphs.map(\.text)
        let known = (["SIARAN PERS", "Nomor: 045/HUMAS/IX/2023"] + paragraphs).joined(separator: "\n")
        let score = IngestReal.tokenF1(body.joined(separator: "\n"), known)
        print("PDF round trip: token F1 \(score), \(report.pages) pages, \(report.hyphenated.count) words hyphenated")
        #expect(score >= 0.98, "F1 \(score)")
        // Every paragraph of the text is one paragraph of the PDF's article.
        for paragraph in paragraphs {
            #expect(body.contains(paragraph), "missing: \(paragraph.prefix(80))")
        }
        // Running header and page numbers are gone; hyphenated words are whole again.
        #expect(!article.body.contains("Pemerintah Provinsi Sumatera Selatan\n"))
        #expect(!article.body.contains("Halaman"))
        for (head, rest) in report.hyphenated {
            #expect(article.body.contains(head + rest), "\(head)-\(rest)")
        }
        #expect(body.contains("Nomor: 045/HUMAS/IX/2023"))
        // "Kamis (21/09)" has no year: the creation date (today) stands in.
        #expect(article.date != nil)
    }

    @Test("a PDF without a text layer is reported as a scan, with what to do")
    func scan() throws {
        let directory = try IngestFixture.Directory()
        let path = directory.path + "/pindaian.pdf"
        PDFWriter.write(path: path, label: nil, title: "", number: nil, paragraphs: [], textLayer: false)
        let result = IngestFixture.read([path])
        #expect(result.articles.isEmpty)
        #expect(result.problems == [.scannedPDF(IngestSourceLocation(path: path), pages: 2)])
        #expect(result.problems.first?.description.contains("run OCR on it first") == true)
    }

    @Test("a password-protected PDF is a problem naming the file, with what to do")
    func encrypted() throws {
        let directory = try IngestFixture.Directory()
        let plain = directory.path + "/terbuka.pdf"
        PDFWriter.write(path: plain, label: nil, title: "Judul Rilis Yang Cukup Panjang", number: nil,
                        paragraphs: ["Satu paragraf isi rilis yang cukup panjang untuk dibaca."])
        let locked = directory.path + "/terkunci.pdf"
        // qpdf (Debian qpdf) encrypts it with a user password, AES-256.
        let qpdf = Process()
        qpdf.executableURL = URL(fileURLWithPath: "/usr/bin/qpdf")
        qpdf.arguments = ["--encrypt", "rahasia", "pemilik", "256", "--", plain, locked]
        try qpdf.run()
        qpdf.waitUntilExit()
        #expect(qpdf.terminationStatus == 0)
        let result = IngestFixture.read([locked])
        #expect(result.articles.isEmpty)
        #expect(result.problems == [.encryptedPDF(IngestSourceLocation(path: locked))])
        #expect(result.problems.first?.description == locked + ": the PDF is password-protected; save a copy without the password "
            + "(for example: qpdf --decrypt --password=… IN.pdf OUT.pdf) and index that")
    }

    @Test("a damaged PDF is a problem naming the file; the other files are read")
    func damaged() throws {
        let directory = try IngestFixture.Directory()
        let good = directory.path + "/baik.pdf"
        PDFWriter.write(path: good, label: nil, title: "Judul Rilis Yang Cukup Panjang", number: nil,
                        paragraphs: ["Satu paragraf isi rilis yang cukup panjang untuk dibaca."])
        let bytes = try Array(Data(contentsOf: URL(fileURLWithPath: good)))
        let broken = try directory.write("rusak.pdf", bytes: Array(bytes.prefix(bytes.count / 3)))
        let result = IngestFixture.read([broken, good])
        #expect(result.articles.map(\.id) == ["baik.pdf"])
        let problem = try #require(result.problems.first)
        #expect(problem.description.hasPrefix(broken + ": cannot be read as a PDF document ("), "\(problem)")
    }

    @Test("the real government PDFs index; the scan gets its message", .enabled(if: IngestReal.isPresent))
    func realPDFs() throws {
        let folder = try #require(IngestReal.directory) + "/pdf"
        let result = IngestFixture.read([folder])
        #expect(result.articles.count == 6)
        #expect(result.problems == [.scannedPDF(IngestSourceLocation(path: folder + "/diskominfo-kalbar-sop-permohonan-informasi-2024-scan.pdf"), pages: 2)])
        let byID = Dictionary(uniqueKeysWithValues: result.articles.map { ($0.id, $0) })
        let law = try #require(byID["uu-32-2002-penyiaran.pdf"])
        #expect(law.title == "UNDANG-UNDANG REPUBLIK INDONESIA NOMOR 32 TAHUN 2002 TENTANG PENYIARAN")
        #expect(law.paragraphs.count > 200)
        #expect(law.paragraphs.contains { $0.text.hasPrefix("b. bahwa spektrum frekuensi radio merupakan sumber daya alam terbatas") })
        let release = try #require(byID["SYNTHETIC-kemenag-depok-brus-smk-yaj-generated.pdf"])
        #expect(release.title == "Kemenag Depok Gelar BRUS, Ajak Pelajar Jadi Remaja Gaul, Cerdas, dan Berakhlak Mulia")
        #expect(release.date == "2026-08-12")
        #expect(release.paragraphs.first?.text.hasPrefix("DEPOK (KEMENAG) – Kantor Kementerian Agama Kota Depok") == true)
        for article in result.articles {
            #expect(!article.paragraphs.isEmpty)
            #expect(article.date != nil, "\(article.id)")
        }
    }
}
