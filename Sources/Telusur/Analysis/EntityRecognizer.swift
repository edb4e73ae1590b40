import Dispatch

/// The persons and agencies of one paragraph, as index keys.
public struct ParagraphEntities: Sendable, Equatable {
    /// Normalised person names ("herman deru"), each once.
    public var persons: [String] = []
    /// Agency ids, each once, and "id@region" for each regional mention ("kpu@sumatera-selatan").
    public var agencies: [String] = []
    /// Offices written with a person ("Gubernur Sumsel Herman Deru"), each pair once.
    public var offices: [PersonOffice] = []
}

/// A person and an office written with them, both normalised keys.
public struct PersonOffice: Sendable, Equatable, Hashable {
    public var person: String
    public var office: String
}

/// Recognises persons and agencies in a whole article, so that a later surname-only
/// mention ("Fatoni") is linked to the full name found in the same article ("Agus
/// Fatoni").
public struct EntityRecognizer: Sendable {
    public let persons: PersonRecognizer
    public let agencies: AgencyRecognizer

    public init(lexicon: EntityLexicon) {
        persons = PersonRecognizer(lexicon: lexicon)
        agencies = AgencyRecognizer(lexicon: lexicon)
    }

    /// Entities of each text (the title first, then the paragraphs, as given).
    public func recognize(_ texts: [String]) -> [ParagraphEntities] {
        // Words the article also writes in lower case are common words, not names:
        // "Teknis Pelaksanaan" in a quoted title next to "teknis pelaksanaan" in the text.
        let tokens = texts.map(PersonRecognizer.words(of:))
        let candidates = zip(texts, tokens).map { text, tokens in persons.candidates(in: text, tokens: tokens) }
        let common = lowercaseWords(texts, tokens, among: Set(candidates.joined().flatMap { $0.key.split(separator: " ").map(String.init) }))
        // A headline in title case glues verbs to names ("Firli Bahuri Terpilih Jadi"):
        // keep the longest run of words the article never writes in lower case.
        let found = candidates.map { mentions in
            mentions.compactMap { mention -> PersonMention? in
                if persons.lexicon.personAliases[mention.key] != nil { return mention }
                let words = mention.key.split(separator: " ").map(String.init)
                guard words.contains(where: common.contains) else { return mention }
                var best: ArraySlice<String> = []
                var start = 0
                for (i, word) in words.enumerated() where common.contains(word) {
                    if i - start > best.count { best = words[start..<i] }
                    start = i + 1
                }
                if words.count - start > best.count { best = words[start...] }
                guard !best.isEmpty else { return nil }
                var trimmed = mention
                trimmed.key = best.joined(separator: " ")
                trimmed.name = best.joined(separator: " ")
                // "Jokowi Tinjau …" → "Jokowi", which is Joko Widodo.
                if let alias = persons.lexicon.personAliases[trimmed.key] {
                    trimmed.key = EntityLexicon.key(alias, Tokenizer())
                    trimmed.name = alias
                }
                return trimmed
            }
        }
        // A name vouched for once in the article counts everywhere in it.
        let vouched = Set(found.joined().filter(\.vouched).map(\.key))
        let full = vouched.filter { $0.contains(" ") }
        // Each word of a full name points at the names containing it.
        var byWord: [String: Set<String>] = [:]
        for name in full {
            for word in name.split(separator: " ") where word.count > 2 { byWord[String(word), default: []].insert(name) }
        }
        return zip(zip(texts, tokens), found).map { pair, mentions in
            let (text, tokens) = pair
            var entities = ParagraphEntities()
            var seen = Set<String>()
            for mention in mentions {
                guard let key = resolve(mention, full: full, byWord: byWord, vouched: vouched) else { continue }
                if seen.insert(key).inserted { entities.persons.append(key) }
                if let office = mention.office, !office.isEmpty {
                    let held = PersonOffice(person: key, office: office)
                    if !entities.offices.contains(held) { entities.offices.append(held) }
                }
            }
            var agencySeen = Set<String>()
            for mention in agencies.mentions(in: text, tokens: tokens) {
                // The body and the body it is a unit of (Binda → BIN), each with the region.
                var ids = [mention.agency]
                if let parent = persons.lexicon.agencyByID[mention.agency]?.parent { ids.append(parent) }
                for id in ids {
                    if agencySeen.insert(id).inserted { entities.agencies.append(id) }
                    if let region = mention.region {
                        let qualified = id + "@" + region
                        if agencySeen.insert(qualified).inserted { entities.agencies.append(qualified) }
                    }
                }
            }
            return entities
        }
    }

    /// Which of `wanted` the texts also write in lower case.
    private func lowercaseWords(_ texts: [String], _ tokens: [[Token]], among wanted: Set<String>) -> Set<String> {
        var words = Set<String>()
        guard !wanted.isEmpty else { return words }
        for (text, tokens) in zip(texts, tokens) {
            let utf8 = text.utf8
            for token in tokens where token.kind == .word && wanted.contains(token.term) {
                let first = utf8[utf8.index(utf8.startIndex, offsetBy: token.range.lowerBound)]
                if (0x61...0x7a).contains(first) { words.insert(token.term) }
            }
        }
        return words
    }

    /// A partial name ("Fatoni", "Herman Deru" beside "Herman Deru Putra") becomes the
    /// one vouched full name of the article that contains all its words; any other name
    /// is kept only when it is vouched for somewhere in the article.
    private func resolve(_ mention: PersonMention, full: Set<String>, byWord: [String: Set<String>],
                         vouched: Set<String>) -> String? {
        let words = mention.key.split(separator: " ").map(String.init)
        var candidates: Set<String>?
        for word in words {
            let names = byWord[word] ?? []
            candidates = candidates.map { $0.intersection(names) } ?? names
        }
        candidates?.remove(mention.key)
        if let candidates, candidates.count == 1, let name = candidates.first,
           name.split(separator: " ").count > words.count {
            return name
        }
        return vouched.contains(mention.key) || persons.lexicon.personAliases[mention.key] != nil ? mention.key : nil
    }
}
