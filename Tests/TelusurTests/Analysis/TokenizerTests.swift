import Testing
@testable import Telusur

@Suite("Tokenizer")
struct TokenizerTests {
    let tokenizer = Tokenizer()

    /// The terms of `text`, compounds and their parts included, in output order.
    func terms(_ text: String) -> [String] {
        tokenizer.tokenize(text).map(\.term)
    }

    /// The source text a token's byte range covers.
    func source(_ token: Token, in text: String) -> String {
        String(decoding: Array(text.utf8)[token.range], as: UTF8.self)
    }

    // MARK: 1. Case folding

    @Test("Rule 1: case is folded, Unicode-aware", arguments: [
        ("Bawaslu", "bawaslu"),
        ("BAWASLU", "bawaslu"),
        ("bawaslu", "bawaslu"),
        ("ΑΘΗΝΑ", "αθηνα"),
        ("СЛУГА", "слуга"),
        ("İstanbul", "istanbul"),
        ("ÆSIR", "æsir"),
    ])
    func caseFolding(input: String, expected: String) {
        #expect(terms(input) == [expected])
    }

    // MARK: 2. NFKC and diacritics

    @Test("Rule 2: NFKC, diacritics stripped", arguments: [
        ("café", "cafe"),
        ("cafe\u{301}", "cafe"),
        ("CAFÉ", "cafe"),
        ("CAFE\u{301}", "cafe"),
        ("ＫＰＵ", "kpu"),
        ("ﬁnal", "final"),
        ("Ñoño", "nono"),
        ("naïve", "naive"),
        ("Nguyễn", "nguyen"),
        ("Łódź", "łodz"),
        ("km²", "km2"),
        ("H₂O", "h2o"),
        ("２０２４", "2024"),
        ("𝐁𝐔𝐊𝐀", "buka"),
    ])
    func unicodeNormalization(input: String, expected: String) {
        #expect(terms(input) == [expected])
    }

    @Test("Rule 2: the ASCII fast path agrees with the Unicode reference fold")
    func asciiFastPathMatchesReference() {
        for value in UInt8(0x21)..<0x7F {
            let scalar = Unicode.Scalar(value)
            let (charClass, _, fold) = Tokenizer.describe(scalar)
            let text = "x" + String(scalar) + "y"
            switch charClass {
            case .letter, .digit:
                #expect(terms(text) == ["x" + String(decoding: fold, as: UTF8.self) + "y"])
            case .separator:
                #expect(terms(text) == ["x", "y"], "\(scalar) should separate")
            default:
                continue  // joiners have their own rules below
            }
        }
    }

    // MARK: 3. Apostrophes

    @Test("Rule 3: apostrophes between letters are kept and unified", arguments: [
        ("Ma'ruf", ["ma'ruf"]),
        ("Ma’ruf", ["ma'ruf"]),
        ("Ma‘ruf", ["ma'ruf"]),
        ("Maʼruf", ["ma'ruf"]),
        ("Ma′ruf", ["ma'ruf"]),
        ("Jum`at", ["jum'at"]),
        ("Qur’an", ["qur'an"]),
        ("Hawaiʻi", ["hawai'i"]),
        ("ʻZero", ["zero"]),
        ("‘Zero", ["zero"]),
        ("rakyat'", ["rakyat"]),
        ("'Zero' rakyat’", ["zero", "rakyat"]),
        ("a''b", ["a", "b"]),
        ("tahun 90'an", ["tahun", "90", "an"]),
    ])
    func apostrophes(input: String, expected: [String]) {
        #expect(terms(input) == expected)
    }

    // MARK: 4. Hyphens and compounds

    @Test("Rule 4: hyphenated words give the compound, then its parts", arguments: [
        ("covid-19", ["covid-19", "covid", "19"]),
        ("masing-masing", ["masing-masing", "masing", "masing"]),
        ("se-Sumatera", ["se-sumatera", "se", "sumatera"]),
        ("e-KTP", ["e-ktp", "e", "ktp"]),
        ("covid\u{2010}19", ["covid-19", "covid", "19"]),
        ("covid\u{2011}19", ["covid-19", "covid", "19"]),
        ("Juni-Juli 2025", ["juni-juli", "juni", "juli", "2025"]),
        ("- kata", ["kata"]),
        ("-kata kata-", ["kata", "kata"]),
        ("Rambutan – Penjabat", ["rambutan", "penjabat"]),
        ("Rambutan–Penjabat", ["rambutan", "penjabat"]),
        ("a—b", ["a", "b"]),
        ("a--b", ["a", "b"]),
        ("2019-2020", ["2019-2020", "2019", "2020"]),
    ])
    func hyphens(input: String, expected: [String]) {
        #expect(terms(input) == expected)
    }

    @Test("Rule 4: a compound shares its first part's position and spans all parts")
    func compoundPositions() {
        let text = "kasus covid-19 naik"
        #expect(tokenizer.tokenize(text) == [
            Token(term: "kasus", position: 1, range: 0..<5, kind: .word),
            Token(term: "covid-19", position: 2, range: 6..<14, kind: .compound, partCount: 2),
            Token(term: "covid", position: 2, range: 6..<11, kind: .word),
            Token(term: "19", position: 3, range: 12..<14, kind: .number),
            Token(term: "naik", position: 4, range: 15..<19, kind: .word),
        ])
    }

    // MARK: 5. Numbers

    @Test("Rule 5: numbers keep decimal commas and thousand dots", arguments: [
        ("1,5", [("1,5", Token.Kind.number)]),
        ("17.000", [("17.000", .number)]),
        ("6.750", [("6.750", .number)]),
        ("1.234.567,89", [("1.234.567,89", .number)]),
        ("Rp 1,5 triliun", [("rp", .word), ("1,5", .number), ("triliun", .word)]),
        ("2024.", [("2024", .number)]),
        ("2024,", [("2024", .number)]),
        ("(2024).", [("2024", .number)]),
        ("1,5,", [("1,5", .number)]),
        ("Rp5.000,-", [("rp5.000", .word)]),
        ("2x", [("2x", .word)]),
        ("covid19", [("covid19", .word)]),
        ("2024.Dia", [("2024", .number), ("dia", .word)]),
    ])
    func numbers(input: String, expected: [(String, Token.Kind)]) {
        let tokens = tokenizer.tokenize(input)
        #expect(tokens.map(\.term) == expected.map(\.0))
        #expect(tokens.map(\.kind) == expected.map(\.1))
    }

    // MARK: 6. Slashes

    @Test("Rule 6: slashes split", arguments: [
        ("kabupaten/kota", ["kabupaten", "kota"]),
        ("7/2/2024", ["7", "2", "2024"]),
        ("Bupati/Walikota", ["bupati", "walikota"]),
        ("Selasa (27/5/2025)", ["selasa", "27", "5", "2025"]),
    ])
    func slashes(input: String, expected: [String]) {
        #expect(terms(input) == expected)
    }

    // MARK: 7. Dotted abbreviations

    @Test("Rule 7: dotted abbreviations are joined, other dots split", arguments: [
        ("S.H.", ["sh"]),
        ("SH.", ["sh"]),
        ("M.M.", ["mm"]),
        ("S.Pd.", ["spd"]),
        ("M.Si.", ["msi"]),
        ("D.i.", ["di"]),
        ("a.n.", ["an"]),
        ("U.S.A.", ["usa"]),
        ("Ph.D.", ["phd"]),
        ("Sp.OG", ["spog"]),
        ("Dr.", ["dr"]),
        ("H.", ["h"]),
        ("Ir.", ["ir"]),
        ("S.H.Kepala", ["sh", "kepala"]),
        ("baik.Palembang", ["baik", "palembang"]),
        ("EDITOR.ID", ["editor", "id"]),
        ("kompas.com", ["kompas", "com"]),
        ("www.bps.go.id", ["www", "bps", "go", "id"]),
        ("ini.Dia", ["ini", "dia"]),
        ("Rp.5.000", ["rp", "5.000"]),
        ("S.Pd-nya", ["s", "pd-nya", "pd", "nya"]),
    ])
    func abbreviations(input: String, expected: [String]) {
        #expect(terms(input) == expected)
    }

    @Test("Rule 7: an abbreviation takes one position and matches its undotted form")
    func abbreviationMatchesUndotted() {
        let tokens = tokenizer.tokenize("Rustam, S.H., M.H. hadir")
        #expect(tokens.map(\.term) == ["rustam", "sh", "mh", "hadir"])
        #expect(tokens.map(\.position) == [1, 2, 3, 4])
        #expect(terms("S.H.") == terms("SH"))
        #expect(source(tokens[1], in: "Rustam, S.H., M.H. hadir") == "S.H")
    }

    // MARK: 8. Separators

    @Test("Rule 8: everything but letters, digits and marks separates", arguments: [
        ("satu dua\u{A0}tiga", ["satu", "dua", "tiga"]),
        ("“Stimulus” \"Ekonomi\"", ["stimulus", "ekonomi"]),
        ("(Rakortas)", ["rakortas"]),
        ("palembang_jurnalis", ["palembang", "jurnalis"]),
        ("halo😀dunia", ["halo", "dunia"]),
        ("👍🏽 ❤️ 👨‍👩‍👧", []),
        ("a\tb\nc\r\nd", ["a", "b", "c", "d"]),
        ("a\u{0}b\u{1}c\u{7F}d", ["a", "b", "c", "d"]),
        ("harga: 5%; naik!", ["harga", "5", "naik"]),
        ("a\u{200B}b", ["a", "b"]),
        ("Ban\u{AD}yuasin", ["banyuasin"]),
        ("ayo…pergi • sana", ["ayo", "pergi", "sana"]),
        ("½", []),
    ])
    func separators(input: String, expected: [String]) {
        #expect(terms(input) == expected)
    }

    // MARK: 9. Term length

    @Test("Rule 9: long terms are cut at a scalar boundary", arguments: [
        (String(repeating: "a", count: 10_000), 200),
        (String(repeating: "é", count: 10_000), 200),
        (String(repeating: "ж", count: 10_000), 200),
        (String(repeating: "中", count: 10_000), 198),
        (String(repeating: "a\u{301}", count: 10_000), 200),
        (String(repeating: "a", count: 199) + "-b", 199),
        (String(repeating: "1.", count: 5_000) + "1", 199),
    ])
    func truncation(input: String, expectedBytes: Int) throws {
        let tokens = tokenizer.tokenize(input)
        let first = try #require(tokens.first)
        #expect(first.term.utf8.count == expectedBytes)
        for token in tokens {
            #expect(!token.term.isEmpty)
            #expect(token.term.utf8.count <= Tokenizer.maxTermBytes)
            #expect(!token.term.hasSuffix("-") && !token.term.hasSuffix("."))
        }
    }

    // MARK: 10. Robustness

    @Test("Rule 10: odd input never crashes", arguments: [
        ("", []),
        ("...,;!? -- ––", []),
        ("😀😀😀", []),
        ("\u{301}\u{302} \u{301}", []),
        ("بِسْمِ اللَّهِ", ["بسم", "الله"]),
        ("שָׁלוֹם עולם", ["שלום", "עולם"]),
        ("中文 한국어", ["中文", "한국어"]),
        ("\u{FFFD}\u{FEFF}kata", ["kata"]),
        ("𝐁𝐔𝐊𝐀 𝐛𝐮𝐤𝐚 𝐁𝐔𝐊𝐀", ["buka", "buka", "buka"]),
        ("𐐔𐐯𐑅𐐨𐑉𐐯𐐻 𐐔𐐯𐑅𐐨𐑉𐐯𐐻", ["𐐼𐐯𐑅𐐨𐑉𐐯𐐻", "𐐼𐐯𐑅𐐨𐑉𐐯𐐻"]),
    ])
    func oddInput(input: String, expected: [String]) {
        #expect(terms(input) == expected)
    }

    @Test("Rule 10: a 1 MB paragraph and hostile chains stay bounded")
    func largeInput() {
        let sentence = "Penjabat Bupati Banyuasin, H. Hani Syopiar Rustam, SH., MH menghadiri rapat covid-19. "
        let paragraph = String(repeating: sentence, count: 1_000_000 / sentence.utf8.count + 1)
        let tokens = tokenizer.tokenize(paragraph)
        #expect(tokens.count > 100_000)
        #expect(tokens.last?.range.upperBound ?? 0 <= paragraph.utf8.count)

        for chain in [String(repeating: "a-", count: 50_000), String(repeating: "S.", count: 50_000)] {
            var lastPosition = 0
            var count = 0
            tokenizer.forEachToken(in: chain) { term, position, _, _ in
                #expect(term.count > 0 && term.count <= Tokenizer.maxTermBytes)
                #expect(position >= lastPosition)
                lastPosition = position
                count += 1
            }
            #expect(count > 0)
        }
    }

    @Test("Rule 10: arbitrary bytes give valid, bounded tokens")
    func randomInput() {
        var generator = SystemRandomNumberGenerator()
        let alphabet: [String] = ["a", "Z", "1", ".", ",", "-", "'", "’", "é", "e\u{301}", " ",
                                  "ʼ", "—", "😀", "中", "ß", "\u{0}", "/", "_", "İ", "ﬁ", "\u{200E}"]
        for _ in 0..<200 {
            var text = String(decoding: (0..<64).map { _ in UInt8.random(in: 0...255, using: &generator) },
                              as: UTF8.self)
            for _ in 0..<64 { text += alphabet.randomElement(using: &generator) ?? "" }
            var lastPosition = 0
            for token in tokenizer.tokenize(text) {
                #expect(!token.term.isEmpty && token.term.utf8.count <= Tokenizer.maxTermBytes)
                #expect(token.range.lowerBound >= 0 && token.range.upperBound <= text.utf8.count)
                #expect(token.position >= lastPosition)
                lastPosition = token.position
            }
        }
    }

    // MARK: Seed sentences, ranges and the other entry points

    @Test("Seed sentences give sensible terms", arguments: [
        ("Penjabat Bupati Banyuasin, H. Hani Syopiar Rustam, SH., MH menghadiri",
         ["penjabat", "bupati", "banyuasin", "h", "hani", "syopiar", "rustam", "sh", "mh", "menghadiri"]),
        ("Dr. H. M Alfajri Zabidi, S.Pd., MM., M.P. D.i.",
         ["dr", "h", "m", "alfajri", "zabidi", "spd", "mm", "mp", "di"]),
    ])
    func seedSentences(input: String, expected: [String]) {
        let tokens = tokenizer.tokenize(input)
        #expect(tokens.map(\.term) == expected)
        #expect(tokens.map(\.position) == Array(1...expected.count))
    }

    @Test("Ranges slice back to the source, which normalises to the term", arguments: [
        "Wakil Presiden Ma’ruf Amin hadir",
        "Penjabat Bupati Banyuasin, H. Hani Syopiar Rustam, SH., MH menghadiri",
        "Dr. H. M Alfajri Zabidi, S.Pd., MM., M.P. D.i. kasus covid‑19 naik 17.000 café ＫＰＵ",
    ])
    func rangesSliceBack(input: String) throws {
        let tokens = tokenizer.tokenize(input)
        let maruf = tokens.first { $0.term == "ma'ruf" }
        if let maruf { #expect(source(maruf, in: input) == "Ma’ruf") }
        for token in tokens {
            #expect(tokenizer.normalize(source(token, in: input)) == token.term)
        }
    }

    @Test("forEachToken reports what tokenize returns")
    func forEachTokenMatchesTokenize() {
        let text = "Kasus covid-19 di se-Sumatera naik 1,5 persen, kata Ma’ruf (S.Pd.) 😀"
        var seen: [Token] = []
        tokenizer.forEachToken(in: text) { term, position, range, kind in
            seen.append(Token(term: String(decoding: term, as: UTF8.self), position: position,
                              range: range, kind: kind))
        }
        let expected = tokenizer.tokenize(text).map { token -> Token in
            var token = token
            token.partCount = 1
            return token
        }
        #expect(seen == expected)
        #expect(Tokenizer.benchmarkThroughput([text, text]) == (text.utf8.count * 2, expected.count * 2))
    }

    @Test("normalize folds a value the way the tokenizer does", arguments: [
        ("Ma’ruf Amin", "ma'ruf amin"),
        ("  Joko   Widodo ", "joko widodo"),
        ("e-KTP", "e-ktp"),
        ("S.H.", "sh"),
        ("ＫＰＵ", "kpu"),
        ("Zoë", "zoe"),
        ("...", ""),
        ("", ""),
    ])
    func normalize(input: String, expected: String) {
        #expect(tokenizer.normalize(input) == expected)
    }
}
