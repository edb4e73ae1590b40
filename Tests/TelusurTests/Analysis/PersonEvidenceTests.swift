import Foundation
import Testing
@testable import Telusur

/// Issue 13: a capitalised run is a person only when something vouches for it. The
/// invented names (Zorblat, Quimby) are in no list, so only the rule under test can
/// make them persons.
@Suite struct PersonEvidenceTests {
    let persons = PersonRecognizer(lexicon: PersonRecognizerTests.lexicon)
    let articles = EntityRecognizer(lexicon: PersonRecognizerTests.lexicon)

    func keys(_ text: String) -> [String] { persons.mentions(in: text).map(\.key) }

    @Test(arguments: [
        ("Kami sudah siap, kata Zorblat di Palembang.", ["zorblat"]),
        ("Menurut Zorblat, rapat itu penting.", ["zorblat"]),
        ("Zorblat Quimby mengatakan rapat itu penting.", ["zorblat quimby"]),
        ("Zorblat Quimby juga menegaskan hal itu.", ["zorblat quimby"]),
        ("Zorblat Quimby, telah menyatakan dukungan.", ["zorblat quimby"]),
        ("Zorblat Quimby selaku ketua panitia hadir.", ["zorblat quimby"]),
        ("Kami siap, tandas Zorblat.", ["zorblat"]),
    ])
    func aSpeechCueVouches(_ text: String, _ expected: [String]) {
        #expect(keys(text) == expected)
    }

    @Test func anAppositionVouches() {
        #expect(keys("Rapat dibuka Zorblat Quimby, Gubernur Sumatera Selatan, pagi ini.") == ["zorblat quimby"])
    }

    @Test func aSpeechVerbAfterOneWordVouchesOnlyForANameWordOrAClausesSubject() {
        // Bodies and brands speak too: "Facebook kembali menegaskan" (a locative) is no person.
        #expect(keys("Kami siap. Facebook kembali menegaskan dominasinya.").isEmpty)
        #expect(keys("Warga melihat Zorblat kembali menegaskan dominasinya.").isEmpty)
        #expect(keys("Bambang kembali menegaskan dukungannya.") == ["bambang"])
    }

    @Test(arguments: [
        ("Zorblat ingin rapat itu ditunda.", ["zorblat"]),
        ("Rapat itu lancar, dan Zorblat menilai hasilnya baik.", ["zorblat"]),
        ("Hasilnya baik. Zorblat kini memimpin rapat.", ["zorblat"]),
        ("Ia pulang, Zorblat tiba di Palembang.", ["zorblat"]),
    ])
    func aWordThatOpensItsClauseBeforeAVerbIsAPerson(_ text: String, _ expected: [String]) {
        #expect(keys(text) == expected)
    }

    @Test(arguments: [
        "Zorblat melalui jalan itu.",          // a preposition with a verb's prefix
        "Warga melihat Zorblat memimpin rapat.", // not the clause's first word
        "Zorblat, kota kecil itu, sepi.",        // no verb after it
        "Palembang ingin menjadi kota bersih.",  // a place list outweighs it
        "Zorblat Quimby tiba di Palembang.",     // the rule is for one word
    ])
    func withoutThatNoSubjectIsAPerson(_ text: String) {
        #expect(keys(text).isEmpty)
    }

    @Test func aWordOfAnAcronymsNameIsNoPerson() {
        #expect(keys("Laga AS Roma berakhir imbang.").isEmpty)
        #expect(keys("Tarif air PAM Jaya murah.").isEmpty)
    }

    @Test func aPhraseOfCommonWordsIsNoPerson() {
        #expect(keys("Ia dijerat UU Pemberantasan Tindak Pidana Korupsi, kata jaksa.").isEmpty)
        #expect(keys("Dukungan Koalisi Merah Putih menguat.").isEmpty)
    }

    @Test func whatTheCorpusWritesAfterDiOrAKindWordIsNoPerson() {
        #expect(PersonRecognizerTests.lexicon.locatives.contains("facebook"))
        #expect(keys("Kami sudah menghapus video itu, kata Facebook.").isEmpty)
        #expect(keys("Kemacetan di Kebon Sirih terjadi pagi ini.").isEmpty)
    }

    @Test func withoutEvidenceACapitalisedRunIsNoPerson() {
        #expect(keys("Zorblat Quimby tiba di Palembang.").isEmpty)
        #expect(keys("Warga melihat Zorblat di Palembang.").isEmpty)
    }

    @Test func aTitleVouchesForASingleWord() {
        #expect(keys("Hadir Brigjen TNI Zorblat di Palembang.") == ["zorblat"])
    }

    @Test func aGivenNameVouches() {
        // "Nurul" is in the given names (gender-guesser's list and the corpus's titled names).
        #expect(keys("Nurul Quimby hadir di Palembang.") == ["nurul quimby"])
        // A given name after an initial.
        #expect(keys("M Nurul Quimby hadir di Palembang.") == ["m nurul quimby"])
        // A lone given name counts too; a lone unknown word does not.
        #expect(keys("Bambang juga mampu bekerja.") == ["bambang"])
    }

    @Test func aLoneWordOfVouchedNamesCounts() {
        #expect(keys("Menteri Koordinator Bidang Politik, Hukum, dan Keamanan Wiranto hadir.") == ["wiranto"])
    }

    @Test func headlineVerbsEndAName() {
        #expect(keys("Wiranto Bicarakan Permasalahan Papua") == ["wiranto"])
        #expect(keys("Wiranto Ditusuk di Pandeglang") == ["wiranto"])
        #expect(keys("Sri Mulyani Sentil Pejabat") == ["sri mulyani indrawati"])
        // Only a verb: "Duta Besar", "Mariana Utara" are no persons.
        #expect(keys("Duta Besar Kamboja untuk PBB hadir.").isEmpty)
        #expect(keys("Indonesia mengalahkan Mariana Utara.").isEmpty)
    }

    @Test func oldSpellingsOfGivenNamesCount() {
        #expect(PersonRecognizer.modernSpelling("soeharto") == "suharto")
        #expect(PersonRecognizer.modernSpelling("djoko") == "joko")
        #expect(PersonRecognizer.modernSpelling("tjahjo") == "cahjo")
        #expect(PersonRecognizer.modernSpelling("sjahrir") == "syahrir")
        #expect(keys("Djoko Quimby hadir di Palembang.") == ["djoko quimby"])
    }

    @Test func aSurnameTheCorpusVouchesForVouches() {
        // "Wiranto" is a word of names honorifics and ranks vouch for in the corpus.
        #expect(PersonRecognizerTests.lexicon.nameWords.contains("wiranto"))
        #expect(keys("Zorblat Wiranto hadir di Palembang.") == ["zorblat wiranto"])
    }

    @Test(arguments: [
        "Macet di Jalan Gatot Subroto pagi ini.",
        "Macet di jalan Nurul Quimby pagi ini.",
        "Laga di Stadion Jalak Harupat berakhir imbang.",
        "Pameran di Gedung Nurul Quimby dibuka.",
        "Ia dirawat di RSPAD Gatot Soebroto.",
        "Jalan Jenderal Sudirman ditutup.",
        "Ia dirawat di Rumah Sakit Pusat Angkatan Darat (RSPAD) Gatot Soebroto.",
        "Ia dirawat di Rumah Sakit Cipto Mangunkusumo.",
        "Konser di King Fahd International Stadium, Riyadh.",
    ])
    func aPlaceMarkerMakesAPlace(_ text: String) {
        #expect(keys(text).isEmpty, "\(keys(text))")
    }

    @Test func aPortfolioAfterAnOfficeIsNoName() {
        #expect(keys("Menteri Agraria dan Tata Ruang Nusron Wahid hadir.") == ["nusron wahid"])
    }

    @Test func aCountryIsNeverAPersonEvenWithACue() {
        #expect(keys("Kami menolak, kata Israel dalam pernyataannya.").isEmpty)
        #expect(keys("Jordania menegaskan dukungannya.").isEmpty)
    }

    @Test func aTownNeedsATitleOrCue() {
        // "Pontianak" is a city in the place lists: alone it is a place, after a title a person.
        #expect(PersonRecognizerTests.lexicon.places["pontianak"] != nil)
        #expect(keys("Banjir di Pontianak Quimby surut.").isEmpty)
        #expect(keys("Los Angeles diguncang gempa.").isEmpty)
        #expect(keys("Raja Ampat menarik wisatawan.").isEmpty)
    }

    @Test func namesListedBesideAVouchedNameAreNames() {
        #expect(Set(keys("Saksi yang hadir ialah Nurul Quimby, Zorblat, dan Yulianis.")) == ["nurul quimby", "zorblat", "yulianis"])
        // A country in the list stays a country.
        #expect(Set(keys("Hadir Nurul Quimby dan Israel.")) == ["nurul quimby"])
    }

    @Test func sentenceOpenersComeOffTheFront() {
        #expect(keys("Seandainya Nurul Quimby menjadi ketua umum.") == ["nurul quimby"])
        #expect(keys("Mundurnya Nurul Quimby disyukuri.") == ["nurul quimby"])
    }

    @Test func officesWrittenAsOneWordComeOffTheName() {
        #expect(keys("Menkopolhukam Wiranto menegaskan hal itu.") == ["wiranto"])
        #expect(keys("Menko Polhukam Wiranto menegaskan hal itu.") == ["wiranto"])
        #expect(keys("Menkokesra Agung Laksono hadir.") == ["agung laksono"])
        #expect(keys("kata Wakil Sekretaris Jenderal PDI Perjuangan.").isEmpty)
    }

    @Test func aPartyBeforeANameDoesNotSwallowIt() {
        #expect(keys("Ketua Umum Partai Golkar Aburizal Bakrie hadir.") == ["aburizal bakrie"])
        #expect(keys("Politisi Partai Golkar Nurul Arifin menilai kekisruhan itu.") == ["nurul arifin"])
        #expect(keys("Mahasiswa Universitas Gadjah Mada berdemo.").isEmpty)
        #expect(keys("Rektor Universitas Gadjah Mada hadir.").isEmpty)
        #expect(keys("Gubernur DKI Jakarta Zorblat Quimby meninjau banjir.") == ["zorblat quimby"])
    }

    @Test func aNameVouchedForOnceCountsInTheWholeArticle() {
        let entities = articles.recognize([
            "Zorblat Quimby Hadir di Palembang",
            "Zorblat Quimby mengatakan ia hadir karena rapat itu penting.",
        ])
        #expect(entities[0].persons == ["zorblat quimby"])
        #expect(entities[1].persons == ["zorblat quimby"])
        #expect(articles.recognize(["Zorblat Quimby Hadir di Palembang"])[0].persons.isEmpty)
    }

    @Test func anAliasCutFromAHeadlineIsStillTheFullName() {
        let entities = articles.recognize(["Jokowi Tinjau Banjir di Palembang", "Presiden meninjau banjir dan tinjau pengungsian."])
        #expect(entities[0].persons == ["joko widodo"])
    }

    @Test func theEvidenceDataLoads() {
        let lexicon = PersonRecognizerTests.lexicon
        #expect(lexicon.givenNames.count > 5000)
        #expect(lexicon.givenNames.contains("budi"))
        #expect(!lexicon.givenNames.contains("jakarta"))
        #expect(lexicon.commonWords.contains("seandainya"))
        #expect(lexicon.places["israel"] == .country)
        #expect(lexicon.places["los angeles"] == .town)
        #expect(lexicon.places.values.contains(.village))
        #expect(lexicon.speechBefore.contains("kata"))
        #expect(lexicon.placeWords.contains("jalan"))
    }
}

/// `person:` with a bare first name or surname (issue 13).
@Suite struct DominantBearerTests {
    @Test func aBareNameResolvesToItsDominantBearer() throws {
        let directory = TemporaryDirectory()
        var articles = (1...6).map { Fixtures.article("f\($0)", "Ketua KPK Firli Bahuri hadir di Palembang.") }
        articles.append(Fixtures.article("bare", "Kata Firli, rapat itu penting."))
        articles.append(Fixtures.article("other", "Bupati Firli Zorblat hadir."))
        let searcher = try Fixtures.index(articles, in: directory)
        let results = try searcher.search("person:Firli", options: SearchOptions(limit: 20, group: false))
        // The bare "Firli" is one entry with its dominant bearer (PersonGroups), so it is found too.
        #expect(Set(results.hits.map(\.article.id)) == Set((1...6).map { "f\($0)" } + ["bare"]))
        let full = try searcher.search("person:\"Firli Bahuri\"", options: SearchOptions(limit: 20, group: false))
        #expect(Set(full.hits.map(\.article.id)) == Set((1...6).map { "f\($0)" } + ["bare"]))
    }

    @Test func withoutADominantBearerTheCandidatesAreListed() throws {
        let directory = TemporaryDirectory()
        let articles = [
            Fixtures.article("a", "Gubernur Budi Santoso hadir."),
            Fixtures.article("b", "Bupati Budi Hartono hadir."),
        ]
        let searcher = try Fixtures.index(articles, in: directory)
        #expect(throws: SearchError.self) { try searcher.search("person:Budi") }
    }
}

/// Issue 13, agencies: a region joins a body only when it qualifies it.
@Suite struct AgencyRegionTests {
    let agencies = AgencyRecognizer(lexicon: PersonRecognizerTests.lexicon)

    @Test func aRegionAcrossACommaOrAfterABuildingIsNotTheBodys() {
        #expect(agencies.mentions(in: "Rapat di Gedung DPR, Jakarta, Senin.").map(\.region) == [nil])
        #expect(agencies.mentions(in: "Ia diperiksa di Mabes Polri Jakarta Selatan.").map(\.region) == [nil])
        #expect(agencies.mentions(in: "Rapat di Kantor Pemprov DKI Jakarta.").map(\.region) == ["dki-jakarta"])
        #expect(agencies.mentions(in: "Pemerintah Provinsi (Pemprov) DKI Jakarta menetapkan.").last?.region == "dki-jakarta")
        #expect(agencies.mentions(in: "Komisi Pemberantasan Korupsi (KPK), Jakarta.").map(\.region) == [nil, nil])
        #expect(agencies.mentions(in: "KPU Sumsel menetapkan hasil.").map(\.region) == ["sumatera-selatan"])
        #expect(agencies.mentions(in: "Bawaslu Kota Palembang mengawasi.").map(\.region) == ["kota-palembang"])
    }

    @Test func metroJayaIsJakartasPoliceCommand() {
        let mention = agencies.mentions(in: "Kapolda Metro Jaya hadir di Polda Metro Jaya.").last
        #expect(mention?.agency == "polda")
        #expect(mention?.region == "dki-jakarta")
    }
}

/// Issue 13, offices held: the office written with a mention.
@Suite struct OfficeRecognitionTests {
    let persons = PersonRecognizer(lexicon: PersonRecognizerTests.lexicon)

    func offices(_ text: String) -> [String?] { persons.mentions(in: text).map(\.office) }

    @Test func theOfficeBeforeANameComesWithoutRanksAndWithTheRegionsName() {
        #expect(offices("Kapolda Metro Jaya Irjen Pol Gatot Eddy Pramono meninjau lokasi.") == ["kapolda dki jakarta"])
        #expect(offices("Gubernur Sumsel H. Herman Deru membuka rapat.") == ["gubernur sumatera selatan"])
        #expect(offices("Hadir Brigjen TNI Zorblat di Palembang.") == [nil])
    }

    @Test func theOfficeInAnApposition() {
        #expect(offices("Rapat dibuka Zorblat Quimby, Pj Gubernur Sumsel, pagi ini.") == ["pj gubernur sumatera selatan"])
    }

    @Test func officeNamesShowRegionsAndAcronyms() {
        let lexicon = PersonRecognizerTests.lexicon
        #expect(lexicon.officeName("kapolda dki jakarta") == "Kapolda DKI Jakarta")
        #expect(lexicon.officeName("ketua kpk") == "Ketua KPK")
        #expect(lexicon.officeKey(["gubernur", "sumsel"]) == "gubernur sumatera selatan")
    }

    @Test func theArticleKeepsEachPersonsOfficeOnce() {
        let articles = EntityRecognizer(lexicon: PersonRecognizerTests.lexicon)
        let found = articles.recognize(["Judul", "Gubernur Sumsel Herman Deru hadir. Gubernur Sumsel Herman Deru pulang."])
        #expect(found[1].offices == [PersonOffice(person: "herman deru", office: "gubernur sumatera selatan")])
    }
}

/// The dictionary that keeps words out of the clause rule (issue 13).
@Suite struct DictionaryWordsTests {
    let persons = PersonRecognizer(lexicon: PersonRecognizerTests.lexicon)

    @Test func dictionaryWordsAndBrandsAreNoSubjects() {
        #expect(PersonRecognizerTests.lexicon.dictionaryWords.contains("gerilyawan"))
        #expect(persons.mentions(in: "Gerilyawan membunuh dua polisi.").isEmpty)
        #expect(persons.mentions(in: "Besoknya akan kita suplai lagi.").isEmpty)
        #expect(persons.mentions(in: "StatesWest menawarkan saham.").isEmpty)
        #expect(persons.mentions(in: "Zorblat menawarkan saham.").map(\.key) == ["zorblat"])
    }

    @Test func aLowerCaseOfficeAfterACommaIsAnApposition() {
        #expect(persons.mentions(in: "Zorblat, wakil presiden perusahaan itu, hadir.").map(\.key) == ["zorblat"])
    }
}
