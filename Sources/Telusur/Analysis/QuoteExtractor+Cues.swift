/// The word lists of the quote rules, all as folded tokens. The cue verbs were checked
/// against the corpus: the words right after a closing quotation mark in
/// `/work/shared/corpus/*.jsonl.gz` (kata 16,882, ujar 9,478, katanya 3,473, ujarnya
/// 3,360, tulis 2,189, ucap 2,155, ungkap 1,952, tutur 1,772, jelas 1,404, tuturnya
/// 1,076, ucapnya 1,040, jelasnya 1,003, tambah 990, komentar 776, lanjut 777, sahut
/// 768, ungkapnya 737, pungkas 662, …; see Benchmarks/quotes/README.md).
extension QuoteExtractor {
    /// Cue verbs written after a quotation, before the speaker (`," kata X`); each
    /// also with -nya for "he/she" (`," katanya`).
    static let afterVerbBases: Set<String> = [
        "kata", "ujar", "ucap", "tutur", "jelas", "tegas", "ungkap", "imbuh", "tambah", "terang", "papar", "sebut",
        "tandas", "pungkas", "lanjut", "pesan", "harap", "pinta", "tanya", "tulis", "sahut", "seru", "tutup", "balas",
        "timpal", "jawab", "sambung", "komentar", "cetus", "kilah", "aku", "ajak", "urai", "beber", "celetuk", "kenang",
        "tukas", "sergah", "ingat", "bilang", "katakan", "akui", "ucapkan", "puji", "simpul", "bunyi", "keluh",
    ]

    /// Whether `term` is an after-quote cue, and whether it is the -nya form (a pronoun).
    static func afterVerb(_ term: String) -> (pronoun: Bool, base: String)? {
        if afterVerbBases.contains(term) { return (false, term) }
        if term.hasSuffix("nya") {
            let base = String(term.dropLast(3))
            if afterVerbBases.contains(base) { return (true, base) }
        }
        return nil
    }

    /// Speech verbs that follow their subject (`X mengatakan, "…"`, `X menjelaskan bahwa …`,
    /// `"…," dia menambahkan`).
    static let meVerbs: Set<String> = [
        "mengatakan", "menyatakan", "menegaskan", "menjelaskan", "mengungkapkan", "menambahkan", "menuturkan",
        "menyebut", "menyebutkan", "menyampaikan", "meminta", "mengimbau", "menghimbau", "berharap", "menerangkan",
        "memaparkan", "mengaku", "mengakui", "menilai", "menekankan", "mengingatkan", "memastikan", "mengklaim",
        "berkata", "bertanya", "menanyakan", "membenarkan", "mengungkap", "menyarankan", "mengajak", "melanjutkan",
        "menandaskan", "berujar", "bertutur", "menjawab", "menulis", "mengutarakan", "menyerukan", "mengharapkan",
        "mengusulkan", "membeberkan", "menguraikan", "berpesan", "mengimbuhkan", "menginstruksikan", "menduga",
        "meyakini", "mengemukakan", "mengisahkan", "menceritakan", "bercerita", "menuding", "menyinggung",
        "menanggapi", "menampik", "membantah", "menyangkal", "mengeklaim", "mengharap", "memperingatkan",
        "menggarisbawahi", "mengaku", "menimpali", "menyahut", "menuturkan", "menyoroti", "berpendapat", "beralasan",
        "meluruskan", "mengeluhkan", "menuduh", "mengungkap", "bilang",
    ]

    /// Verbs of asking and urging: an `agar`/`supaya` clause after them is what was said.
    static let requestVerbs: Set<String> = [
        "meminta", "mengimbau", "menghimbau", "menyampaikan", "berharap", "mengharapkan", "mengingatkan", "mengajak",
        "menginstruksikan", "menyarankan", "mengusulkan", "berpesan", "menyerukan", "menegaskan", "menekankan",
        "mengharap", "memperingatkan",
    ]

    /// Verbs whose object is the reported clause itself (`X menyebut rapat ini penting`).
    static let clauseVerbs: Set<String> = [
        "menyebut", "menilai", "berharap", "mengaku", "memastikan", "mengklaim", "mengeklaim", "menduga", "meyakini",
        "membantah", "menampik", "mengharapkan", "mengatakan", "menyatakan", "menuturkan", "menyebutkan",
        "menegaskan", "membenarkan", "menambahkan", "berpendapat", "beralasan", "meluruskan", "menuduh", "bilang",
        "mengeluhkan", "meminta", "mengungkapkan", "menyampaikan", "menekankan", "menginstruksikan",
    ]

    /// Objects after a verb that make it no report ("meminta maaf", "meminta keterangan").
    static let notReported: Set<String> = [
        "maaf", "keterangan", "izin", "waktu", "bantuan", "alasannya", "alasan", "pandangannya", "duka", "rasa", "terima",
        "belasungkawa", "apresiasi", "keprihatinan", "selamat", "keunggulan", "kekalahan", "kesalahan", "satu", "dua", "tiga",
        "empat", "lima", "enam", "tujuh", "delapan", "sembilan", "sepuluh", "beberapa", "sejumlah", "permintaan", "pesan",
        "pernyataan", "ucapan", "laporan", "aspirasi", "pandangan", "sambutan", "materi", "informasi", "kabar", "kata",
    ]

    /// Words joining two names into one plural subject.
    static let joiners: Set<String> = ["dan", "maupun", "serta", "bersama"]

    /// Words opening an appositive after a name ("Bahrun selaku Kepala Desa …").
    static let appositiveMarks: Set<String> = ["selaku", "sebagai", "yang"]

    /// Plural pronouns: no one speaker.
    static let plural: Set<String> = ["mereka", "kami", "kita", "keduanya", "semua"]

    /// Words that end an anaphoric description ("kata pelatih asal Jepang itu").
    static let demonstratives: Set<String> = ["itu", "ini", "tersebut"]

    /// Words that mark a description as pointing back at someone named before.
    static let anaphoraMarks: Set<String> = ["asal", "kelahiran", "berusia", "mantan"]

    /// Sentence openers that are no subject.
    static let notSubjects: Set<String> = [
        "hal", "ini", "itu", "yang", "dan", "namun", "tetapi", "sementara", "selain", "adapun", "kemudian", "lalu",
        "sebelumnya", "saat", "ketika", "dalam", "di", "pada", "oleh", "untuk", "dengan", "menurut", "bahkan", "selanjutnya",
    ]

    /// Words that introduce the reported clause.
    static let complementizers: Set<String> = ["bahwa", "agar", "supaya"]

    /// Pronouns that stand for the last person named.
    static let pronouns: Set<String> = ["dia", "ia", "beliau"]

    /// Words that may stand between a subject and its verb ("Budi juga mengatakan").
    static let adverbs: Set<String> = [
        "juga", "pun", "kembali", "lalu", "lantas", "kemudian", "sebelumnya", "sendiri", "telah", "sudah", "sempat",
        "pernah", "justru", "bahkan", "hanya", "tetap", "masih", "secara", "terpisah", "lebih", "lanjut", "pula",
        "sekali", "lagi", "selanjutnya", "akhirnya", "turut", "langsung", "tegas",
        "singkat", "pada", "kesempatan", "itu", "tersebut", "dalam", "saat", "ini", "berulang", "kali", "tak",
    ]

    /// Words before a verb that make it no statement of the subject ("yang mengatakan").
    static let notBeforeVerb: Set<String> = ["yang", "untuk", "guna", "agar", "bisa", "dapat", "ingin", "mau", "akan", "dan"]

    /// After a verb, a pointer back at what was just quoted ("menyampaikan hal itu").
    static let pointers: Set<String> = ["itu", "ini", "tersebut", "demikian", "sebagai", "hal"]

    /// Words that end the speaker phrase after a cue ("kata Budi dalam …", "… saat …").
    static let phraseStops: Set<String> = [
        "dalam", "saat", "di", "ketika", "kepada", "usai", "seusai", "pada", "melalui", "lewat", "via", "dengan", "sambil",
        "seraya", "sebelum", "setelah", "sesudah", "kala", "tatkala", "yang", "kemarin", "soal", "terkait", "mengenai",
        "tentang", "sembari", "selepas", "jelang", "menjelang", "sewaktu", "waktu", "ditemui", "dikutip", "dilansir",
        "seperti", "sebagaimana", "mengutip", "menanggapi", "atas", "senin", "selasa", "rabu", "kamis", "jumat", "sabtu",
        "minggu", "ahad", "tadi", "hari", "malam", "pagi", "siang", "sore", "kepadanya", "lalu", "sebagai", "kemudian",
        "pun", "menambahkan", "mengatakan", "menjelaskan", "belum", "ini", "itu", "tersebut", "sekaligus",
    ]

    /// Nouns after "menurut" that are no speaker ("Menurut rencana, …", "menurut data …").
    static let notSpeakers: Set<String> = [
        "rencana", "data", "catatan", "laporan", "jadwal", "aturan", "undang", "ketentuan", "survei", "hasil",
        "informasi", "keterangan", "pantauan", "penelitian", "riset", "studi", "berita", "situs", "laman", "kabar",
        "perhitungan", "hitungan", "analisis", "pengamatan", "pandangan", "versi", "sistem", "kalender", "perkiraan",
        "prediksi", "regulasi", "peraturan", "pasal", "ramalan", "statistik", "kajian", "temuan", "ukuran", "standar",
        "pengalaman", "pendapat", "sejarah", "tradisi", "legenda", "mitos", "kepercayaan", "mereka", "saya", "kami",
        "kita", "aku", "anda", "kamu", "hukum", "agama", "islam", "ilmu", "teori", "definisi", "kbbi", "wikipedia",
        "beberapa", "sebagian", "banyak", "para", "sumber",
    ]

    /// Lower-case words inside an office ("Kepala Badan Kesatuan Bangsa dan Politik").
    static let roleConnectors: Set<String> = ["dan", "se", "untuk", "bidang", "urusan", "dari"]

    /// First words of an office besides the lexicon's offices.
    static let officeHeads: Set<String> = [
        "kepala", "ketua", "wakil", "sekretaris", "direktur", "juru", "kabid", "kasat", "kapolres", "kapolda", "kapolri",
        "menteri", "gubernur", "bupati", "wali", "walikota", "camat", "lurah", "dirut", "komisioner", "anggota",
        "koordinator", "pengamat", "pakar", "ahli", "dosen", "peneliti", "analis", "kuasa", "pengacara", "jubir", "kabag",
        "plt", "pj", "plh", "pelaksana", "ketum", "sekjen", "kadis", "kadiv", "karo", "danrem", "dandim", "pangdam",
        "panglima", "presiden", "wapres", "rektor", "dekan", "guru", "pelatih", "manajer", "ceo", "pendiri", "pemilik",
        "staf", "humas", "kasi", "kasubdit", "kanit", "penjabat", "pengamat", "director", "managing", "kabinda", "deputi", "asisten", "inspektur", "kapuspen",
        "kabagops", "kasatreskrim", "dirreskrimum", "dirreskrimsus", "kabidhumas", "kasubbag", "wakapolri", "ketua umum",
    ]

    /// Nouns for people who speak without a name ("penyelidik PBB", "para pedagang").
    static let describedPeople: Set<String> = [
        "penyelidik", "warga", "mahasiswa", "pedagang", "petugas", "pengunjuk", "massa", "korban", "saksi", "keluarga",
        "orang", "pengemudi", "sopir", "buruh", "nelayan", "petani", "siswa", "guru", "dokter", "perawat", "relawan",
        "pendukung", "penggemar", "netizen", "warganet", "penumpang", "pengunjung", "pelaku", "tersangka", "terdakwa",
        "penyidik", "jaksa", "hakim", "aktivis", "demonstran", "peserta", "penonton", "wisatawan", "tetangga",
    ]

    /// Words before such a noun: "para penyelidik", "puluhan mahasiswa", "seorang warga".
    static let quantifiers: Set<String> = [
        "para", "seorang", "sejumlah", "puluhan", "ratusan", "ribuan", "beberapa", "banyak", "kedua", "ketiga",
    ]

    /// Bytes allowed between a closing mark and its cue: spaces, NBSP, commas, stops, dashes.
    static let cueGapBytes: Set<UInt8> = [0x20, 0xC2, 0xA0, 0x2C, 0x2E, 0x2D, 0xE2, 0x80, 0x93, 0x94, 0x09]
}
