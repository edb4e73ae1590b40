/// Resolves `person:` and `agency:` values against what the index knows.
///
/// A person is normalised like the index does (titles, degrees, case dropped). A
/// partial name resolves to the indexed name that contains all its words when there is
/// one such name, or one with at least three times the articles of the bare name and
/// of the next candidate; when the index has no such name either, several candidates
/// are an error that lists them.
/// The persons and agencies a query asked for, as resolved against the index: what
/// results highlight.
public struct ResolvedEntities: Sendable, Equatable {
    /// Normalised person names.
    public var persons: [String] = []
    /// Agencies, with the region when the query gave one.
    public var agencies: [AgencyReference] = []
    public init() {}
}

/// An agency id and an optional region id.
public struct AgencyReference: Sendable, Equatable, Hashable {
    public var agency: String
    public var region: String?
}

struct EntityResolver {
    let database: XapianDatabase
    /// Loads the recognizer when a query first needs it.
    let recognizer: () throws -> EntityRecognizer
    /// The persons the index knows (the searcher keeps them per revision).
    var personDirectory: (() throws -> PersonDirectory)? = nil
    var resolved = ResolvedEntities()

    /// The index's person keys grouped by person; nil: each key alone.
    var groups: (() throws -> PersonGroups)? = nil

    /// The index terms for a person: every key of its group (``PersonGroups``: old and
    /// modern spellings, a bare name and its dominant bearer), the resolved key first.
    mutating func personTerms(_ text: String) throws -> [String] {
        let key = try recognizer().persons.queryKey(text)
        guard !key.isEmpty else { throw SearchError.unknownPerson(name: text, candidates: []) }
        let name = try resolvePerson(key, typed: text)
        var keys = [name]
        if let groups = try groups?(), let lead = groups.group(of: name) {
            keys = groups.keys(of: lead)
        }
        resolved.persons.append(contentsOf: keys)
        return keys.map { Schema.personPrefix + $0 }
    }

    private func resolvePerson(_ key: String, typed: String) throws -> String {
        let exact = try database.frequency(of: Schema.articlePersonPrefix + key)
        let words = Set(key.split(separator: " ").map(String.init))
        // Names that hold every typed word, most written-about first.
        var candidates: [(name: String, articles: Int)] = []
        let first = key.split(separator: " ").first.map(String.init) ?? key
        let directory = try personDirectory?() ?? PersonDirectory(try database.terms(prefix: Schema.articlePersonPrefix))
        // Only names that have the first typed word as a word can hold every typed word.
        for index in directory.names(withWord: first) {
            let (name, count) = directory.entries[index]
            let nameWords = Set(name.split(separator: " ").map(String.init))
            if name != key, words.isSubset(of: nameWords) { candidates.append((name, count)) }
        }
        candidates.sort { $0.articles != $1.articles ? $0.articles > $1.articles : $0.name < $1.name }
        // One dominant bearer of the typed name: "Firli" is Firli Bahuri (177 articles)
        // even beside a bare "Firli" entry (12), as long as no other Firli comes close.
        if let top = candidates.first, top.articles >= Self.dominance * max(exact, 1),
           candidates.count == 1 || top.articles >= Self.dominance * candidates[1].articles {
            return top.name
        }
        if exact > 0 { return key }
        switch candidates.count {
        case 0: return key  // nothing indexed under that name: the search finds nothing
        case 1: return candidates[0].name
        default: throw SearchError.ambiguousPerson(name: typed, candidates: Array(candidates.prefix(10)))
        }
    }

    /// How many times more articles the full name needs than the bare one and the runner-up.
    static let dominance = 3
    /// The index term for who is quoted (`said:`): "XQP" + person, or "XQG" + agency for
    /// `said:agency:KPU`. A partial name resolves among the quoted persons as `person:`
    /// does among the mentioned ones.
    mutating func saidTerm(_ text: String) throws -> String {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed.lowercased().hasPrefix("agency:") {
            let name = String(trimmed.dropFirst("agency:".count))
            guard let (agency, _) = try recognizer().agencies.queryAgency(name) else {
                throw SearchError.unknownAgency(name: name)
            }
            resolved.agencies.append(AgencyReference(agency: agency, region: nil))
            return Schema.term(Schema.quoteAgencyPrefix, agency)
        }
        let key = try recognizer().persons.queryKey(text)
        guard !key.isEmpty else { throw SearchError.unknownPerson(name: text, candidates: []) }
        let name = try resolveSpeaker(key, typed: text)
        resolved.persons.append(name)
        return Schema.term(Schema.quoteSpeakerPrefix, name)
    }

    private func resolveSpeaker(_ key: String, typed: String) throws -> String {
        if try database.frequency(of: Schema.quoteSpeakerPrefix + key) > 0 { return key }
        let words = Set(key.split(separator: " ").map(String.init))
        var candidates: [(name: String, articles: Int)] = []
        for (term, count) in try database.terms(prefix: Schema.quoteSpeakerPrefix) {
            let name = String(term.dropFirst(Schema.quoteSpeakerPrefix.count))
            if words.isSubset(of: Set(name.split(separator: " ").map(String.init))) { candidates.append((name, count)) }
        }
        candidates.sort { $0.articles != $1.articles ? $0.articles > $1.articles : $0.name < $1.name }
        switch candidates.count {
        case 0: return key  // nobody quoted under that name: the search finds nothing
        case 1: return candidates[0].name
        default: throw SearchError.ambiguousPerson(name: typed, candidates: Array(candidates.prefix(10)))
        }
    }

    /// The index term for an agency, with its region when one was typed.
    mutating func agencyTerm(_ text: String) throws -> String {
        guard let (agency, region) = try recognizer().agencies.queryAgency(text) else {
            throw SearchError.unknownAgency(name: text)
        }
        resolved.agencies.append(AgencyReference(agency: agency, region: region))
        return Schema.agencyPrefix + agency + (region.map { "@" + $0 } ?? "")
    }
}

/// The persons an index knows (its `XPA` terms) with their article counts, and which
/// names hold each word, so resolving a name looks at the names that share its first
/// word instead of every name (`telusur batch` resolves a thousand names in a row).
struct PersonDirectory {
    /// Each person's key ("herman deru") and number of articles, in term order.
    let entries: [(name: String, articles: Int)]
    private let byWord: [String: [Int]]

    init(_ terms: [(term: String, frequency: Int)]) {
        var entries: [(name: String, articles: Int)] = []
        var byWord: [String: [Int]] = [:]
        entries.reserveCapacity(terms.count)
        for (term, count) in terms {
            let name = String(term.dropFirst(Schema.articlePersonPrefix.count))
            for word in Set(name.split(separator: " ")) { byWord[String(word), default: []].append(entries.count) }
            entries.append((name, count))
        }
        self.entries = entries
        self.byWord = byWord
    }

    /// The entries whose name has `word` as one of its words.
    func names(withWord word: String) -> [Int] { byWord[word] ?? [] }
}
