import Foundation
import Testing
@testable import Telusur

@Suite struct PersonRecognizerTests {
    static let lexicon = try! EntityLexicon.shared.get()
    let recognizer = PersonRecognizer(lexicon: PersonRecognizerTests.lexicon)

    @Test(arguments: [
        ("Gubernur Sumatera Selatan, H. Herman Deru, SH., MM. Beliau meminta", ["herman deru"], "H. Herman Deru, SH., MM."),
        ("Kepala Badan Kesatuan Bangsa dan Politik (Kesbangpol) Provinsi Sumsel, Dr. H. M Alfajri Zabidi, S.Pd., MM., M.P. D.i. menyampaikan",
         ["m alfajri zabidi"], "Dr. H. M Alfajri Zabidi, S.Pd., MM., M.P. D.i."),
        ("Rambutan – Penjabat Bupati Banyuasin, H. Hani Syopiar Rustam, SH., MH menghadiri Rapat", ["hani syopiar rustam"], "H. Hani Syopiar Rustam, SH., MH"),
        ("Hal ini disampaikan oleh Kepala Badan Intelijen Negara Daerah (Kabinda) Sumsel Brigjen TNI Armansyah di Kantor Gubernur, Palembang.",
         ["armansyah"], "Brigjen TNI Armansyah"),
        ("Dalam kesempatan yang sama, Pj Gubernur Sumatera Selatan (Sumsel) Agus Fatoni menyebut rapat ini", ["agus fatoni"], "Agus Fatoni"),
        ("Herman Deru menghimbau kembali bahwa pelaksanaan rakor ini", ["herman deru"], "Herman Deru"),
    ])
    func findsNamesWithoutTitles(_ text: String, _ keys: [String], _ surface: String) {
        let mentions = recognizer.mentions(in: text)
        #expect(mentions.map(\.key) == keys)
        if let first = mentions.first {
            let bytes = Array(text.utf8)[first.range]
            #expect(String(decoding: bytes, as: UTF8.self) == surface)
        }
    }

    @Test(arguments: [
        "Sama halnya dengan arahan pimpinan.",
        "Provinsi Sumatera Selatan menjadi pelopor pertama di Indonesia.",
        "Digelar di Hotel Whydam, Jakabaring, Kecamatan Rambutan, Kamis (21/09).",
        "Melihat komunikasi yang dijalin antar Forkopimda.",
        "Badan Pengawas Pemilu Kota Palembang.",
        "Pada Januari lalu, Republik Indonesia menggelar Pemilu.",
        "Rapat Koordinasi Forkopimda Provinsi Sumatera Selatan.",
    ])
    func rejectsWordsThatAreNotNames(_ text: String) {
        #expect(recognizer.mentions(in: text).isEmpty, "\(recognizer.mentions(in: text).map(\.key))")
    }

    @Test func queryKeyDropsTitlesDegreesAndCase() {
        #expect(recognizer.queryKey("Dr. Herman Deru, SH") == "herman deru")
        #expect(recognizer.queryKey("HERMAN DERU") == "herman deru")
        #expect(recognizer.queryKey("Gubernur H. Herman Deru") == "herman deru")
        #expect(recognizer.queryKey("Jokowi") == "joko widodo")
    }

    @Test func aliasesMapToTheCanonicalName() {
        #expect(recognizer.mentions(in: "Presiden Jokowi meresmikan jalan tol.").map(\.key) == ["joko widodo"])
    }
}

@Suite struct AgencyRecognizerTests {
    let recognizer = AgencyRecognizer(lexicon: PersonRecognizerTests.lexicon)

    @Test(arguments: [
        ("Ketua KPU, Bawaslu dan Kesbangpol Se-Sumatera Selatan", ["kpu", "bawaslu", "kesbangpol"]),
        ("Badan Kesatuan Bangsa dan Politik (Kesbangpol) Provinsi Sumsel", ["kesbangpol", "kesbangpol"]),
        ("Komisi Pemilihan Umum menetapkan", ["kpu"]),
        ("Badan Pengawas Pemilu mengawasi", ["bawaslu"]),
        ("KPU Sumsel dan Bawaslu Kota Palembang", ["kpu", "bawaslu"]),
        ("Kementerian Dalam Negeri dan Kemendagri", ["kemendagri", "kemendagri"]),
        ("anak bin ayah, ma dan pa", []),
    ])
    func findsBodiesByAnyName(_ text: String, _ ids: [String]) {
        #expect(recognizer.mentions(in: text).map(\.agency) == ids)
    }

    @Test func recordsTheRegionTheTextGives() {
        let mentions = recognizer.mentions(in: "KPU Sumsel dan Bawaslu Kota Palembang serta KPU")
        #expect(mentions.map(\.region) == ["sumatera-selatan", "kota-palembang", nil])
        let text = "KPU Sumsel dan"
        #expect(String(decoding: Array(text.utf8)[mentions[0].range], as: UTF8.self) == "KPU Sumsel")
    }

    @Test func readsQueries() {
        #expect(recognizer.queryAgency("kpu")! == ("kpu", nil))
        #expect(recognizer.queryAgency("Badan Pengawas Pemilu")! == ("bawaslu", nil))
        #expect(recognizer.queryAgency("KPU Sumsel")! == ("kpu", "sumatera-selatan"))
        #expect(recognizer.queryAgency("zzz") == nil)
    }
}

@Suite struct EntityRecognizerTests {
    let recognizer = EntityRecognizer(lexicon: PersonRecognizerTests.lexicon)

    @Test func linksSurnameOnlyMentionsToTheFullName() {
        let entities = recognizer.recognize([
            "Pj Gubernur Sumatera Selatan (Sumsel) Agus Fatoni menyebut rapat ini penting.",
            "Fatoni juga mengapresiasi Kominda serta Bupati dan Walikota se-Sumsel.",
            "“Kalau membaca komunikasi malam ini kita yakin bisa antisipasi ini,” jelasnya.",
        ])
        #expect(entities[0].persons == ["agus fatoni"])
        #expect(entities[1].persons == ["agus fatoni"])
        #expect(entities[2].persons.isEmpty)
    }

    @Test func seedsYieldTheirPeopleAndBodies() throws {
        let text = try String(contentsOfFile: Repository.seeds + "/002_f25fde0d847e90ce.txt", encoding: .utf8)
        let paragraphs = text.split(separator: "\n").map(String.init)
        let entities = recognizer.recognize(paragraphs)
        let persons = Set(entities.flatMap(\.persons))
        #expect(persons == ["armansyah", "agus fatoni"])
        let agencies = Set(entities.flatMap(\.agencies))
        #expect(agencies.isSuperset(of: ["kpu", "bawaslu", "forkopimda"]))
    }
}

@Suite struct PersonRecognizerCorpusLessonsTests {
    let recognizer = PersonRecognizer(lexicon: PersonRecognizerTests.lexicon)

    @Test(arguments: [
        ("Gubernur DKI Jakarta Anies Baswedan meninjau banjir.", ["anies baswedan"]),
        ("Presiden Amerika Serikat Donald Trump bertemu", ["donald trump"]),
        ("Pertandingan Liga Champions di New York berlangsung.", []),
        ("Menteri Perhubungan Budi Karya Sumadi menyebut", ["budi karya sumadi"]),
        ("Manchester United kalah dari Real Madrid.", []),
        ("Armansyah di Kantor Gubernur, Palembang.", []),
    ])
    func placesLeaguesAndPortfoliosAreNotPeople(_ text: String, _ keys: [String]) {
        #expect(recognizer.mentions(in: text).map(\.key) == keys)
    }
}

@Suite struct EntityBenchmarkLessonsTests {
    let recognizer = EntityRecognizer(lexicon: PersonRecognizerTests.lexicon)

    @Test func aUnitAlsoCountsForItsParentBody() {
        let entities = recognizer.recognize(["Kepala Badan Intelijen Negara Daerah (Kabinda) Sumsel Brigjen TNI Armansyah."])
        #expect(entities[0].agencies.contains("binda"))
        #expect(entities[0].agencies.contains("bin"))
        let navy = recognizer.recognize(["TNI AL membebaskan delapan nelayan."])
        #expect(navy[0].agencies.contains("tni"))
    }

    @Test func headlineVerbsAreCutFromNames() {
        let entities = recognizer.recognize([
            "Firli Bahuri Terpilih Jadi Ketua KPK",
            "Firli Bahuri terpilih secara aklamasi. Ia jadi ketua baru.",
        ])
        #expect(entities[0].persons == ["firli bahuri"])
    }

    @Test func aBareSurnameIsNotSomeoneElsesFullName() {
        let entities = recognizer.recognize(["\"Kami sudah siap,\" kata Fatoni, Jaksa Penuntut Umum."])
        #expect(!entities[0].persons.contains("agus fatoni"))
    }

    @Test func ticketsYieldBothCandidates() {
        let entities = recognizer.recognize(["Pasangan Jokowi-Ma'ruf unggul di Sumsel."])
        #expect(Set(entities[0].persons).isSuperset(of: ["joko widodo", "ma'ruf amin"]))
    }
}

@Suite struct AliasSpellingTests {
    let recognizer = EntityRecognizer(lexicon: PersonRecognizerTests.lexicon)

    @Test func anAcronymAliasCountsInItsOwnSpellingOnly() {
        #expect(recognizer.recognize(["Ketua Umum Partai Demokrat SBY hadir."])[0].persons.contains("susilo bambang yudhoyono"))
        #expect(!recognizer.recognize(["Perbaikan jalan di km Sby 233+500."])[0].persons.contains("susilo bambang yudhoyono"))
    }
}
