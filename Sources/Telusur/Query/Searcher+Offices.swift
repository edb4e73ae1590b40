/// One office written with one person, from the articles that write them together.
public struct OfficeHolding: Sendable, Equatable {
    /// The office's key ("kapolda dki jakarta") and how it is shown ("Kapolda DKI Jakarta").
    public var office: String
    public var officeName: String
    /// The person's key and shown name.
    public var person: String
    public var personName: String
    /// Articles that write the person with the office (in the period, when one was given).
    public var articles: Int
    /// Dates of the earliest and the latest of them ("YYYY-MM-DD"), nil when undated.
    public var first: String?
    public var last: String?
    /// The latest of them, newest first (at most ``Searcher/officeEvidence``).
    public var evidence: [ArticleRecord]
}

/// Offices held (issue 13): which offices the index saw with a person, and who held an
/// office when. Read from the title documents' `XKP` (person#office) and `XKH`
/// (office#person) terms, which ``DocumentCodec`` writes for every office that stood
/// with a name ("Gubernur Sumsel H. Herman Deru", "Agus Fatoni, Pj Gubernur Sumsel").
extension Searcher {
    /// Articles given as evidence per holding.
    public static let officeEvidence = 3

    /// The normalised key of an office as typed ("Kapolda Metro Jaya" → "kapolda dki jakarta").
    public func officeKey(_ text: String) throws -> String {
        try recognizer().persons.lexicon.officeKey(Tokenizer().terms(text))
    }

    /// The offices written with a person (every key of its group, ``PersonGroups``), most
    /// articles first, each with its first and last date.
    /// - Throws: ``SearchError/ambiguousPerson(name:candidates:)`` as `person:` does.
    public func offices(ofPerson name: String) throws -> [OfficeHolding] {
        try retryingOnModification {
            var resolver = EntityResolver(database: database, recognizer: { try self.recognizer() }, groups: { try self.personGroups() })
            let keys = try resolver.personTerms(name).map { String($0.dropFirst(Schema.personPrefix.count)) }
            let lexicon = try recognizer().persons.lexicon
            var terms: [String: [String]] = [:]
            for key in keys {
                let prefix = Schema.personOfficePrefix + key + Schema.officeSeparator
                for (term, _) in try database.terms(prefix: prefix) {
                    let office = String(term.dropFirst(prefix.count))
                    terms[office, default: []].append(Schema.officeHolderPrefix + office + Schema.officeSeparator + key)
                }
            }
            let person = keys.first ?? ""
            var list: [OfficeHolding] = []
            for (office, officeTerms) in terms {
                guard let seen = try holding(officeTerms, range: nil) else { continue }
                list.append(OfficeHolding(office: office, officeName: lexicon.officeName(office), person: person,
                                          personName: PersonName.display(person), articles: seen.articles,
                                          first: seen.first, last: seen.last, evidence: seen.evidence))
            }
            return list.sorted { $0.articles != $1.articles ? $0.articles > $1.articles : $0.office < $1.office }
        }
    }

    /// Who held an office: the persons written with it, one entry per person, most
    /// articles first; with `range` ("YYYY-MM-DD" bounds, see ``dateRange(_:)``) only
    /// the articles dated in it count, and persons without any are left out.
    public func holders(ofOffice text: String, range: (from: String, to: String)?) throws -> [OfficeHolding] {
        try retryingOnModification {
            let office = try officeKey(text)
            let lexicon = try recognizer().persons.lexicon
            let groups = try personGroups()
            let prefix = Schema.officeHolderPrefix + office + Schema.officeSeparator
            var byPerson: [String: [String]] = [:]
            for (term, _) in try database.terms(prefix: prefix) {
                let key = String(term.dropFirst(prefix.count))
                byPerson[groups.group(of: key) ?? key, default: []].append(term)
            }
            var list: [OfficeHolding] = []
            for (person, terms) in byPerson {
                guard let seen = try holding(terms, range: range) else { continue }
                list.append(OfficeHolding(office: office, officeName: lexicon.officeName(office), person: person,
                                          personName: PersonName.display(person), articles: seen.articles,
                                          first: seen.first, last: seen.last, evidence: seen.evidence))
            }
            return list.sorted { $0.articles != $1.articles ? $0.articles > $1.articles : $0.person < $1.person }
        }
    }

    /// A day, month or year ("2019-09"), or `FROM..TO`, as the first and last "YYYY-MM-DD"
    /// of it; nil when it is no date (as `date:` reads it).
    public static func dateRange(_ text: String) -> (from: String, to: String)? {
        DateRange.parse(text, years: false).map { (from: $0.0, to: $0.1) }
    }

    /// The articles of any of `terms` (title documents), in `range` when given: how
    /// many, the first and last date, and the latest few; nil when there are none.
    private func holding(_ terms: [String], range: (from: String, to: String)?) throws
        -> (articles: Int, first: String?, last: String?, evidence: [ArticleRecord])? {
        var query = terms.count == 1 ? try XapianQuery.term(terms[0])
            : try XapianQuery.combine(.or, try terms.map { try XapianQuery.term($0) })
        if let range {
            query = try XapianQuery.combine(.and, [query, try XapianQuery.valueRange(slot: Schema.dateSlot, from: range.from, to: range.to)])
        }
        let total = try database.documentCount()
        let newest = try XapianEnquire(database: database, query: query)
        try newest.boolWeight()
        try newest.sortByValue(Schema.orderSlot, descending: true)
        let latest = try newest.run(offset: 0, limit: Self.officeEvidence, checkAtLeast: total)
        let items = try latest.items()
        guard !items.isEmpty else { return nil }
        var evidence: [ArticleRecord] = []
        for item in items {
            let (data, _) = try database.document(item.document, slot: Schema.dateSlot)
            if let record = try? ArticleRecord.decode(data) { evidence.append(record) }
        }
        let oldest = try XapianEnquire(database: database, query: query)
        try oldest.boolWeight()
        try oldest.sortByValue(Schema.oldestFirstSlot, descending: false)
        let earliest = try oldest.run(offset: 0, limit: 1, checkAtLeast: 0).items()
        let first = try earliest.first.map { try database.document($0.document, slot: Schema.dateSlot).value }
        let dated = evidence.compactMap(\.date)
        return (latest.estimated, first.flatMap { $0.isEmpty ? nil : $0 }, dated.max(), evidence)
    }
}
