import Testing
@testable import Telusur

@Suite("TextArticleReader")
struct TextArticleReaderTests {
    static let reader = TextArticleReader(path: "news/a.md", defaultID: "a.md", maximumFileSize: 1 << 20)
    static let file = IngestSourceLocation(path: "news/a.md")

    static func parse(_ text: String) -> Result<Article, IngestError> {
        reader.parse(Array(text.utf8))
    }

    @Test("front matter gives title, date, source, url and id")
    func frontMatter() {
        let text = """
            ---
            title: "Rapat Forkopimda: Bahas Pemilu"
            date: 2023-09-21
            Source: sumselprov.go.id
            url: https://sumselprov.go.id/berita/1
            id: sumsel-001
            tags: pemilu
            # a comment
            ---

            Paragraf pertama.
              Paragraf kedua.  
            """
        #expect(Self.parse(text) == .success(Article(
            id: "sumsel-001", title: "Rapat Forkopimda: Bahas Pemilu", date: "2023-09-21",
            source: "sumselprov.go.id", url: "https://sumselprov.go.id/berita/1",
            paragraphs: [Paragraph(number: 1, text: "Paragraf pertama."), Paragraph(number: 2, text: "Paragraf kedua.")]
        )))
    }

    @Test("a Markdown heading is the title and not a paragraph; other lines stay as they are")
    func heading() {
        let text = "\n# Gubernur Resmikan Jembatan #\n\nIsi berita.\n## Latar\n#Pemilu2024 ramai.\n"
        #expect(Self.parse(text) == .success(Article(
            id: "a.md", title: "Gubernur Resmikan Jembatan",
            paragraphs: [
                Paragraph(number: 1, text: "Isi berita."), Paragraph(number: 2, text: "## Latar"),
                Paragraph(number: 3, text: "#Pemilu2024 ramai."),
            ]
        )))
    }

    @Test("the front matter title wins over the heading, which is still not a paragraph")
    func frontMatterTitleAndHeading() {
        let text = "---\ntitle: Dari depan\n---\n# Dari judul\nIsi."
        #expect(Self.parse(text) == .success(Article(
            id: "a.md", title: "Dari depan", paragraphs: [Paragraph(number: 1, text: "Isi.")]
        )))
    }

    @Test("without front matter or heading the title comes from the first paragraph, which stays")
    func derivedTitle() {
        let text = "\u{FEFF}Banjir melanda Banyuasin. Warga mengungsi.\r\nParagraf dua.\r\n"
        #expect(Self.parse(text) == .success(Article(
            id: "a.md", title: "Banjir melanda Banyuasin",
            paragraphs: [
                Paragraph(number: 1, text: "Banjir melanda Banyuasin. Warga mengungsi."),
                Paragraph(number: 2, text: "Paragraf dua."),
            ]
        )))
    }

    @Test("text is NFC-normalised")
    func nfc() throws {
        let article = try Self.parse("# Cafe\u{301}\nKopi cafe\u{301}.").get()
        #expect(article.title.unicodeScalars.elementsEqual("Caf\u{E9}".unicodeScalars))
        #expect(article.paragraphs[0].text.unicodeScalars.elementsEqual("Kopi caf\u{E9}.".unicodeScalars))
    }

    @Test("problems", arguments: [
        ("---\ndate: 21/09/2023\n---\nIsi.", IngestError.invalidDate(IngestSourceLocation(path: "news/a.md", line: 2), value: "21/09/2023")),
        ("---\ntitle: x\nIsi.\n", .unclosedFrontMatter(IngestSourceLocation(path: "news/a.md", line: 1))),
        ("---\ntitle: x\n---\n# Judul\n\n", .emptyBody(file)),
        (" \n\t\r\n", .emptyFile(file)),
        ("", .emptyFile(file)),
        ("teks\u{0}biner", .binaryFile(file, reason: "a NUL byte at byte 5")),
    ])
    func problem(text: String, expected: IngestError) {
        #expect(Self.parse(text) == .failure(expected))
    }

    @Test("invalid UTF-8 makes it a binary file")
    func invalidUTF8() {
        let bytes = Array("Teks ".utf8) + [0xFF, 0xFE] + Array(" lagi".utf8)
        #expect(Self.reader.parse(bytes) == .failure(.binaryFile(Self.file, reason: "invalid UTF-8 at byte 6")))
    }

    @Test("headings", arguments: [
        ("# Judul", "Judul"), ("#\tJudul ##", "Judul"), ("  # C#", "C#"), ("#", ""),
    ])
    func headings(line: String, expected: String) {
        #expect(TextArticleReader.heading(line[...]) == expected[...])
    }

    @Test("lines that are not level-1 headings", arguments: ["## Sub", "#hashtag", "Judul #"])
    func notHeadings(line: String) {
        #expect(TextArticleReader.heading(line[...]) == nil)
    }
}
