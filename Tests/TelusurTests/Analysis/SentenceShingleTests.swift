import Testing
@testable import Telusur

@Suite struct SentenceShingleTests {
    @Test(arguments: [
        ("Gubernur datang. Warga senang!", ["Gubernur datang.", "Warga senang!"]),
        // Titles and initials are not sentence ends.
        ("Gubernur H. Herman Deru, S.Pd. hadir. Dr. Ali bicara.", ["Gubernur H. Herman Deru, S.Pd. hadir.", "Dr. Ali bicara."]),
        // A closing quote stays with its sentence; a lower-case word after a full stop does not start one.
        ("\"Kami siap.\" Kata dia. pukul 10.00 WIB.", ["\"Kami siap.\"", "Kata dia. pukul 10.00 WIB."]),
        ("Tanpa titik di akhir", ["Tanpa titik di akhir"]),
    ])
    func splitsSentences(text: String, expected: [String]) {
        #expect(SentenceShingle.split(text) == expected)
    }

    @Test func shinglesIgnoreCaseAccentsAndPunctuationButNeedSixWords() {
        let a = SentenceShingle.shingle(of: "Pemerintah meresmikan jembatan baru di Palembang.")
        let b = SentenceShingle.shingle(of: "pemerintah MERESMIKAN jembatan baru, di Palembang")
        #expect(a != nil)
        #expect(a == b)
        #expect(a != SentenceShingle.shingle(of: "Pemerintah meresmikan jembatan lama di Palembang."))
        #expect(SentenceShingle.shingle(of: "Baca juga: berita lain.") == nil)
        #expect(SentenceShingle.key(of: "Baca juga: berita lain.")?.words == 4)
        #expect(DocumentCodec.sentenceTerm(a!).utf8.count == 18)
        #expect(DocumentCodec.shingle(inTerm: DocumentCodec.sentenceTerm(a!)) == a)
    }
}
