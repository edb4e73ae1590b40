import Foundation
import Testing
@testable import Telusur

@Suite struct QuoteExtractorTests {
    static let extractor = QuoteExtractor(recognizer: EntityRecognizer(lexicon: PersonRecognizerTests.lexicon))

    /// The quotes of an article of these paragraphs, as "kind|speaker|cue|text" lines
    /// (speaker = person key, else "desc:…", with "@agency" for a body).
    static func lines(_ paragraphs: [String]) -> [String] {
        extractor.quotes(in: article(paragraphs)).map(line)
    }

    static func article(_ paragraphs: [String]) -> Article {
        Article(id: "a", title: "Judul", date: "2024-02-07", source: "contoh.id",
                paragraphs: paragraphs.enumerated().map { Paragraph(number: $0.offset + 1, text: $0.element) })
    }

    static func line(_ quote: Quote) -> String {
        var who = quote.speaker.key ?? "desc:" + (quote.speaker.description ?? "")
        if let agency = quote.speaker.agency { who += "@" + agency }
        return "\(quote.paragraph) \(quote.kind.rawValue)|\(who)|\(quote.cue)|\(quote.text)"
    }

    // MARK: direct quotes, one rule per row

    @Test(arguments: [
        // cue after the quotation: verb + name
        (["“Kami siap menggelar pemilu,” kata Herman Deru."], ["1 direct|herman deru|kata|Kami siap menggelar pemilu"]),
        (["\"Kami siap menggelar pemilu,\" ucap Agus Fatoni."], ["1 direct|agus fatoni|ucap|Kami siap menggelar pemilu"]),
        (["Gubernur Agus Fatoni hadir.", "\"Pemilu adalah tugas kita bersama,\" papar Fatoni."],
         ["2 direct|agus fatoni|papar|Pemilu adalah tugas kita bersama"]),
        (["\"Kami tidak tahu,\" tulis Budi Santoso di Instagram."], ["1 direct|budi santoso|tulis|Kami tidak tahu"]),
        // cue after: -nya pronoun and verb + pronoun, resolved to the last person named
        (["Herman Deru membuka rapat itu.", "\"Kita harus siap,\" ujarnya."], ["2 direct|herman deru|ujarnya|Kita harus siap"]),
        (["Budi Santoso datang. \"Saya kecewa,\" katanya."], ["1 direct|budi santoso|katanya|Saya kecewa"]),
        (["Budi Santoso datang.", "\"Saya kecewa,\" kata dia."], ["2 direct|budi santoso|kata dia|Saya kecewa"]),
        (["Budi Santoso datang.", "\"Saya kecewa,\" dia menambahkan."], ["2 direct|budi santoso|dia menambahkan|Saya kecewa"]),
        // cue after: name + verb
        (["\"Saya kecewa,\" Budi Santoso menambahkan."], ["1 direct|budi santoso|menambahkan|Saya kecewa"]),
        // cue before the quotation
        (["Armansyah mengatakan, “Komunikasi di Sumsel hebat.”"], ["1 direct|armansyah|mengatakan|Komunikasi di Sumsel hebat."]),
        (["Budi Santoso: \"Kami menolak.\""], ["1 direct|budi santoso|:|Kami menolak."]),
        (["Menurut Budi Santoso, \"kenaikan itu wajar.\""], ["1 direct|budi santoso|menurut|kenaikan itu wajar."]),
        // a body and an unnamed speaker
        (["\"Kami sudah memeriksa saksi,\" kata KPK."], ["1 direct|desc:KPK@kpk|kata|Kami sudah memeriksa saksi"]),
        (["\"Airnya naik sejak pagi,\" kata seorang warga."], ["1 direct|desc:seorang warga|kata|Airnya naik sejak pagi"]),
    ] as [([String], [String])])
    func directCues(_ paragraphs: [String], _ expected: [String]) {
        #expect(Self.lines(paragraphs) == expected)
    }

    @Test(arguments: [
        // a quotation over two paragraphs: the first left open
        (["\"Kami sudah siap sejak awal tahun.", "\"Semua petugas sudah dilatih,\" kata Budi Santoso."],
         ["1 direct|budi santoso|kata|Kami sudah siap sejak awal tahun.", "2 direct|budi santoso|kata|Semua petugas sudah dilatih"]),
        // a paragraph that only continues the previous speaker's quote
        (["\"Kami sudah siap,\" kata Budi Santoso.", "\"Semua petugas sudah dilatih.\""],
         ["1 direct|budi santoso|kata|Kami sudah siap", "2 direct|budi santoso|kata|Semua petugas sudah dilatih."]),
        // a second quoted sentence after the cue in the same paragraph
        (["\"Kami sudah siap,\" kata Budi Santoso. \"Semua petugas sudah dilatih.\""],
         ["1 direct|budi santoso|kata|Kami sudah siap", "1 direct|budi santoso|kata|Semua petugas sudah dilatih."]),
        // an introduction ending in a colon
        (["Budi Santoso menjelaskan sebagai berikut:", "\"Semua petugas sudah dilatih.\""],
         ["2 direct|budi santoso|menjelaskan|Semua petugas sudah dilatih."]),
    ] as [([String], [String])])
    func continuedQuotes(_ paragraphs: [String], _ expected: [String]) {
        #expect(Self.lines(paragraphs) == expected)
    }

    // MARK: indirect quotes

    @Test(arguments: [
        (["Menurut Sri Mulyani, defisit anggaran masih aman."], ["1 indirect|sri mulyani indrawati|menurut|defisit anggaran masih aman."]),
        (["Budi Santoso hadir.", "Menurutnya, defisit anggaran masih aman."], ["2 indirect|budi santoso|menurutnya|defisit anggaran masih aman."]),
        (["Kapolri Tito Karnavian mengatakan bahwa situasi sudah kondusif."],
         ["1 indirect|muhammad tito karnavian|mengatakan|situasi sudah kondusif."]),
        (["Budi Santoso hadir.", "Dia menjelaskan, situasi sudah kondusif."], ["2 indirect|budi santoso|dia menjelaskan|situasi sudah kondusif."]),
        (["Herman Deru meminta kepada seluruh jajaran agar bersama mengamankan pemilu."],
         ["1 indirect|herman deru|meminta|kepada seluruh jajaran agar bersama mengamankan pemilu."]),
        (["Agus Fatoni menyebut rapat ini sangat penting."], ["1 indirect|agus fatoni|menyebut|rapat ini sangat penting."]),
        (["KPK menyatakan bahwa penyidikan terus berjalan."], ["1 indirect|desc:KPK@kpk|menyatakan|penyidikan terus berjalan."]),
    ] as [([String], [String])])
    func indirectCues(_ paragraphs: [String], _ expected: [String]) {
        #expect(Self.lines(paragraphs) == expected)
    }

    // MARK: speakers the recogniser names by one word, and people without a name

    @Test(arguments: [
        // a one-word speaker becomes the full name the article writes (office and acronym left out)
        (["Menteri Pertahanan RI Sjafrie Sjamsoeddin meninjau markas baru di Baubau.", "\"Fasilitasnya lengkap,\" ujar Sjafrie."],
         ["2 direct|sjafrie sjamsoeddin|ujar|Fasilitasnya lengkap"]),
        // the run written most often, when every run holds it ("Hotman Paris Show" is one more word)
        (["Pengacara Hotman Paris menanggapi santai rencana itu.", "Menurut Hotman, laporan tersebut tak memiliki dasar yang kuat.",
          "Ia hadir di acara Hotman Paris Show."],
         ["2 indirect|hotman paris|menurut|laporan tersebut tak memiliki dasar yang kuat."]),
        // two different full names with the word: left as it is
        (["Wakil Ketua KPK Laode M. Syarief mengecam ide itu.", "Elza Syarief juga datang.", "\"Ini menggelikan,\" kata Syarief."],
         ["3 direct|syarief|kata|Ini menggelikan"]),
        // a lone given name after a comma, before the verb
        (["Dalam siaran pers, Eva mengungkapkan, pelabuhan itu kurang besar."],
         ["1 indirect|eva|mengungkapkan|pelabuhan itu kurang besar."]),
        // people described, not named, also in lower case after a comma
        (["Penyelidik PBB mengatakan, serangan udara itu telah melukai banyak warga sipil."],
         ["1 indirect|desc:Penyelidik PBB|mengatakan|serangan udara itu telah melukai banyak warga sipil."]),
        (["Dalam orasinya, puluhan mahasiswa meminta Kapolres agar berlaku adil terhadap seluruh warga."],
         ["1 indirect|desc:puluhan mahasiswa|meminta|Kapolres agar berlaku adil terhadap seluruh warga."]),
        (["Para pedagang meminta polisi menindak tegas pelaku pungli."],
         ["1 indirect|desc:Para pedagang|meminta|polisi menindak tegas pelaku pungli."]),
        // an office pointing back at the last speaker ("terang Politikus Partai Golkar itu")
        (["\"Surat itu telah dibacakan,\" ujar Wakil Ketua Komisi VIII DPR Ace Hasan Syadzily.",
          "\"Kami mendapat masukan,\" terang Politikus Partai Golkar itu."],
         ["1 direct|ace hasan syadzily|ujar|Surat itu telah dibacakan", "2 direct|ace hasan syadzily|terang|Kami mendapat masukan"]),
        // a capitalised word that is no name, and a thing as subject: nothing
        (["Selain itu, Kebijakan mengungkapkan, pelabuhan itu kurang besar."], [String]()),
        (["Aturan baru ini menegaskan bahwa pelabuhan harus diperluas."], [String]()),
    ] as [([String], [String])])
    func shortAndDescribedSpeakers(_ paragraphs: [String], _ expected: [String]) {
        #expect(Self.lines(paragraphs) == expected)
    }

    // MARK: not quotes

    @Test(arguments: [
        "Dia berharap kondisi ini tetap terjaga sesuai tagline \"zero konflik\" di Sumsel.",
        "Rapat itu membahas “Teknis Pelaksanaan dan Potensi Masalah Pada Pemilu Tahun 2024,” digelar di Hotel Whydam.",
        "Film \"Dilan 1991\" ditonton dua juta orang pekan ini.",
        "Pemain berjuluk \"Si Kancil\" itu mencetak dua gol.",
        "Budi Santoso menyampaikan hal itu saat berkunjung ke Palembang.",
        "Menurut rencana, jalan tol itu dibuka tahun depan.",
        "Warga yang mengatakan bahwa air naik diminta mengungsi.",
    ])
    func notQuotes(_ text: String) {
        #expect(Self.lines([text]).isEmpty, "\(Self.lines([text]))")
    }

    @Test func officeIsKeptWithTheQuote() throws {
        let article = Self.article([
            "\"Stimulus itu berlaku Juni,\" ujar Sekretaris Kemenko Perekonomian Susiwijono Moegiarso dalam keterangan resmi.",
        ])
        let quote = try #require(Self.extractor.quotes(in: article).first)
        #expect(quote.speaker.key == "susiwijono moegiarso")
        #expect(quote.role == "Sekretaris Kemenko Perekonomian")
    }

    // MARK: the seeds

    static func seed(_ name: String) throws -> Article {
        let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("seeds/" + name).path
        var found: [Article] = []
        _ = ArticleReader(paths: [path]).read(article: { found.append($0) }, problem: { _ in })
        return try #require(found.first)
    }

    /// Every quote the issue lists for the seeds, as kind, speaker and the start of the text.
    @Test(arguments: [
        ("000_b340dedaa94c42df.txt", Quote.Kind.direct, "m alfajri zabidi", "katanya", "Penyamaan regulasi ini"),
        ("000_b340dedaa94c42df.txt", .direct, "herman deru", "pesan", "Gunakan sebaik mungkin"),
        ("000_b340dedaa94c42df.txt", .direct, "herman deru", "harapnya", "Kita sebagai Pejabat"),
        ("000_b340dedaa94c42df.txt", .indirect, "m alfajri zabidi", "menyampaikan", "agar semua Kepala"),
        ("000_b340dedaa94c42df.txt", .indirect, "herman deru", "beliau meminta", "kepada seluruh jajaran"),
        ("000_b340dedaa94c42df.txt", .indirect, "herman deru", "menghimbau", "pelaksanaan rakor ini"),
        ("002_f25fde0d847e90ce.txt", .direct, "armansyah", "ucap", "Mungkin kita yang pertama"),
        ("002_f25fde0d847e90ce.txt", .direct, "armansyah", "jelasnya", "Kalau membaca"),
        ("002_f25fde0d847e90ce.txt", .direct, "agus fatoni", "papar", "Pemilu adalah tugas kita"),
        ("002_f25fde0d847e90ce.txt", .indirect, "armansyah", "menjelaskan", "perkembangan situasi politik"),
        ("002_f25fde0d847e90ce.txt", .indirect, "agus fatoni", "menyebut", "rapat ini sangatlah penting"),
    ])
    func seedQuotes(_ file: String, _ kind: Quote.Kind, _ speaker: String, _ cue: String, _ start: String) throws {
        let quotes = Self.extractor.quotes(in: try Self.seed(file))
        let match = quotes.first { $0.kind == kind && $0.text.hasPrefix(start) }
        #expect(match?.speaker.key == speaker, "\(quotes.map(Self.line))")
        #expect(match?.cue == cue)
    }

    @Test func seedsHaveNoOtherDirectQuotes() throws {
        // "zero konflik", "Zero Konflik" and the meetings' titles are not quotes.
        let first = Self.extractor.quotes(in: try Self.seed("000_b340dedaa94c42df.txt")).filter { $0.kind == .direct }
        let second = Self.extractor.quotes(in: try Self.seed("002_f25fde0d847e90ce.txt")).filter { $0.kind == .direct }
        #expect(first.count == 3)
        #expect(second.count == 3)
        #expect(first[1].role == nil && first[0].speaker.name == "M Alfajri Zabidi")
    }
}
