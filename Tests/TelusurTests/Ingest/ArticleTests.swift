import Testing
@testable import Telusur

@Suite("Article")
struct ArticleTests {
    @Test("derived titles", arguments: [
        ("Gubernur meresmikan jembatan baru di Palembang.", "Gubernur meresmikan jembatan baru di Palembang"),
        ("Banjir melanda Banyuasin. Warga mengungsi ke masjid terdekat.", "Banjir melanda Banyuasin"),
        ("Dr. H. Alfajri hadir di rapat Kesbangpol. Ia membuka acara.", "Dr. H. Alfajri hadir di rapat Kesbangpol"),
        ("Kepala dinas, S.Pd. Budi, membuka acara itu. Lalu pulang.", "Kepala dinas, S.Pd. Budi, membuka acara itu"),
        ("Siapa yang menang pilkada? Semua menunggu hasil.", "Siapa yang menang pilkada?"),
        ("“Kita siap,” katanya. Lalu rapat ditutup.", "“Kita siap,” katanya"),
        ("Pemilu 2024 digelar pada tanggal 14 Februari dan diikuti oleh banyak partai politik peserta.",
         "Pemilu 2024 digelar pada tanggal 14 Februari dan diikuti oleh banyak partai…"),
        ("Satu dua tiga empat lima enam tujuh delapan sembilan sepuluh sebelas duabelas, tigabelas.",
         "Satu dua tiga empat lima enam tujuh delapan sembilan sepuluh sebelas duabelas…"),
        ("Rapat digelar hari ini. Semua hadir.", "Rapat digelar hari ini"),
        ("Rapat dibuka pukul 09.00 WIB oleh gubernur", "Rapat dibuka pukul 09.00 WIB oleh gubernur"),
        ("Judul", "Judul"),
    ])
    func derivedTitle(paragraph: String, expected: String) {
        #expect(Article.derivedTitle(fromFirstParagraph: paragraph) == expected)
    }

    @Test("a derived title is at most 120 characters, cut at a word boundary")
    func derivedTitleLength() {
        let word = String(repeating: "panjang", count: 5)  // 35 characters
        let paragraph = Array(repeating: word, count: 12).joined(separator: " ")
        let title = Article.derivedTitle(fromFirstParagraph: paragraph)
        #expect(title.count <= Article.maximumDerivedTitleLength)
        #expect(title == [word, word, word].joined(separator: " ") + "…")

        let oneWord = String(repeating: "x", count: 300)
        let cut = Article.derivedTitle(fromFirstParagraph: oneWord)
        #expect(cut.count == Article.maximumDerivedTitleLength)
        #expect(cut.hasSuffix("…"))
    }

    @Test("dates", arguments: [
        ("2023-09-21", true), ("2024-02-29", true), ("2000-02-29", true), ("0001-01-01", true),
        ("2023-02-29", false), ("1900-02-29", false), ("2023-04-31", false), ("2023-13-01", false),
        ("2023-00-10", false), ("2023-01-00", false), ("2023-1-01", false), ("21/09/2023", false),
        ("2023-09-21T10:00", false), ("", false), ("0000-01-01", false), ("2023/09/21", false),
        ("２０２３-09-21", false),
    ])
    func dates(text: String, isValid: Bool) {
        #expect(Article.isValidDate(text) == isValid)
    }

    @Test("paragraphs are the non-blank lines, trimmed and numbered from 1")
    func paragraphs() {
        let text = "  Satu.  \r\n\r\n\u{00A0}\u{3000}\n\tDua\u{00A0}\nTiga"
        #expect(Article.paragraphs(in: text[...]) == [
            Paragraph(number: 1, text: "Satu."),
            Paragraph(number: 2, text: "Dua"),
            Paragraph(number: 3, text: "Tiga"),
        ])
        #expect(Article.paragraphs(in: " \n\r\n "[...]).isEmpty)
        #expect(Article.paragraphs(in: ""[...]).isEmpty)
    }

    @Test("text is NFC-normalised, and NFC text is left alone")
    func nfc() {
        #expect("Cafe\u{301} “x”".nfcNormalized.unicodeScalars.elementsEqual("Caf\u{E9} “x”".unicodeScalars))
        #expect("Kamis (21/09) – Palembang".nfcNormalized == "Kamis (21/09) – Palembang")
    }

    @Test("the body joins the paragraphs with newlines")
    func body() {
        let article = Article(id: "a", title: "t", paragraphs: [
            Paragraph(number: 1, text: "Satu"), Paragraph(number: 2, text: "Dua"),
        ])
        #expect(article.body == "Satu\nDua")
    }
}
