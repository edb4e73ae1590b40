import Foundation

/// The figures `stats`, `persons` and `agencies` print, worked out once when a writer
/// has committed and kept in the index's metadata, so that reading them costs one
/// metadata lookup instead of a walk over every term (the full corpus has millions).
///
/// A summary says which revision of every shard it describes. It is used only when the
/// shards are still at those revisions: any commit it does not know of (an older
/// telusur, `compact`, an interrupted run) makes readers count from the terms again,
/// as before, so a summary can be out of date but never wrong. Remote shards are
/// always counted from their terms: their revisions are not known here.
///
/// Five metadata entries on the first shard (the one `get_metadata` of a combined
/// database reads): the counts, the persons, the agencies, the person groups and
/// their aliases, each starting with the same stamp line, so each command reads only
/// the entry it needs.
struct IndexSummary: Equatable {
    /// The shards' UUIDs joined by ":" (`get_uuid` of the combined database), so that a
    /// summary is never taken for that of other databases at the same revisions.
    var uuid: String
    /// Each shard's revision, in the order the index lists its shards.
    var revisions: [UInt64]
    var articles: Int
    var documents: Int
    var terms: Int
    /// Article-level person keys ("herman deru") with their article counts, most first.
    var persons: [Entry]
    /// Article-level agency keys ("kpu@sumatera-selatan") with their article counts, most first.
    var agencies: [Entry]

    struct Entry: Equatable {
        var key: String
        var articles: Int
        /// How it is shown, when the summary keeps it (agencies: their names come from
        /// the gazetteer, which a reader would otherwise load for them alone).
        var name: String? = nil
    }

    static let countsKey = "telusur.summary"
    static let personsKey = "telusur.summary.persons"
    static let agenciesKey = "telusur.summary.agencies"
    /// One line per person as `persons` lists them (``PersonGroups``): articles, group key, its keys.
    static let personGroupsKey = "telusur.summary.person-groups"
    /// Each key that is not its group's own, with its group key: what facets merge by.
    static let personAliasesKey = "telusur.summary.person-aliases"

    /// Key → group key for every key of a group of several (``personAliasesKey``); nil
    /// when there is no summary of `revisions`.
    static func personAliases(in database: XapianDatabase, revisions: [UInt64]) throws -> [String: String]? {
        guard let body = try body(of: personAliasesKey, in: database, revisions: revisions) else { return nil }
        var aliases: [String: String] = [:]
        forEachLine(of: body) { line in
            if let tab = line.firstIndex(of: "\t") { aliases[String(line[..<tab])] = String(line[line.index(after: tab)...]) }
            return true
        }
        return aliases
    }

    /// One entry of `persons`: a group of keys that name one person, counted once per article.
    struct PersonGroup: Equatable {
        var key: String
        var articles: Int
        /// Every key of the group, its own first.
        var keys: [String]
    }

    /// The persons as `persons` lists them, most articles first, ties by key: one entry
    /// per group, an article that names two keys of a group counted once (one match).
    static func personGroups(_ database: XapianDatabase, entries: [Entry]) throws -> [PersonGroup] {
        let groups = PersonGroups(entries.map { ($0.key, $0.articles) })
        var list: [PersonGroup] = []
        for entry in entries where groups.group(of: entry.key) ?? entry.key == entry.key {
            let keys = groups.keys(of: entry.key)
            var articles = entry.articles
            if keys.count > 1 {
                let query = try XapianQuery.combine(.or, try keys.map { try XapianQuery.term(Schema.articlePersonPrefix + $0) })
                let enquire = try XapianEnquire(database: database, query: query)
                try enquire.boolWeight()
                articles = try enquire.run(offset: 0, limit: 0, checkAtLeast: try database.documentCount()).estimated
            }
            list.append(PersonGroup(key: entry.key, articles: articles, keys: keys))
        }
        return list.sorted { $0.articles != $1.articles ? $0.articles > $1.articles : $0.key < $1.key }
    }

    /// Calls `visit` with each person group of the summary, most articles first, until it
    /// returns false; false, without calling it, when there is no summary of `revisions`.
    /// `wanted` sees each raw line first: a line it turns down is not parsed.
    static func visitPersonGroups(in database: XapianDatabase, revisions: [UInt64], wanted: (Substring) -> Bool = { _ in true },
                                  _ visit: (PersonGroup) -> Bool) throws -> Bool {
        guard let body = try body(of: personGroupsKey, in: database, revisions: revisions) else { return false }
        forEachLine(of: body) { line in
            guard wanted(line) else { return true }
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard fields.count == 3, let count = Int(fields[0]) else { return true }
            return visit(PersonGroup(key: String(fields[1]), articles: count, keys: fields[2].split(separator: "|").map(String.init)))
        }
        return true
    }

    /// Calls `body` with each line until it returns false, without splitting the whole
    /// text first (a list of 100,000 names is mostly not needed).
    static func forEachLine(of text: Substring, _ body: (Substring) -> Bool) {
        var start = text.startIndex
        while start < text.endIndex {
            let end = text[start...].firstIndex(of: "\n") ?? text.endIndex
            if end > start, !body(text[start..<end]) { return }
            start = end < text.endIndex ? text.index(after: end) : end
        }
    }

    /// Counts everything from the database's terms, as readers did before summaries.
    static func counted(from database: XapianDatabase, revisions: [UInt64]) throws -> IndexSummary {
        let documents = try database.documentCount()
        return IndexSummary(
            uuid: try database.uuid(), revisions: revisions,
            articles: try database.frequency(of: Schema.titleDocumentTerm),
            documents: documents,
            terms: try database.termCount(prefix: ""),
            persons: try entries(database, prefix: Schema.articlePersonPrefix),
            agencies: try entries(database, prefix: Schema.articleAgencyPrefix))
    }

    /// The keys under `prefix`, most articles first, ties by key (the order the lists print in).
    static func entries(_ database: XapianDatabase, prefix: String) throws -> [Entry] {
        try database.terms(prefix: prefix)
            .map { Entry(key: String($0.term.dropFirst(prefix.count)), articles: $0.frequency) }
            .sorted { $0.articles != $1.articles ? $0.articles > $1.articles : $0.key < $1.key }
    }

    // MARK: - writing

    /// Works out the summary of the committed shards at `paths` and writes it to the
    /// first one in a commit of its own, so that it describes the revision holding it.
    /// Does nothing when the summary there already describes the shards as they are.
    static func write(paths: [String], to first: XapianWriter, agencyName: (String) -> String) throws {
        guard !paths.isEmpty else { return }
        var revisions = try paths.map { try XapianMaintenance.revision(of: $0) }
        let database = try XapianDatabase(paths: paths)
        if try counts(in: database, revisions: revisions) != nil,
           try body(of: personAliasesKey, in: database, revisions: revisions) != nil { return }
        var summary = try counted(from: database, revisions: [])
        for i in summary.agencies.indices { summary.agencies[i].name = agencyName(summary.agencies[i].key) }
        // The commit below moves the first shard on by one: that revision is the one described.
        revisions[0] += 1
        summary.revisions = revisions
        try first.begin()
        do {
            try first.setMetadata(summary.encodedCounts, for: countsKey)
            try first.setMetadata(encoded(summary.persons, stamp: summary.stamp()), for: personsKey)
            try first.setMetadata(encoded(summary.agencies, stamp: summary.stamp()), for: agenciesKey)
            var groups = summary.stamp() + "\n"
            var aliases = summary.stamp() + "\n"
            // Keys are tokenizer output: no tab, newline or "|" in them.
            for group in try personGroups(database, entries: summary.persons) {
                groups += "\(group.articles)\t\(group.key)\t\(group.keys.joined(separator: "|"))\n"
                for key in group.keys where key != group.key { aliases += "\(key)\t\(group.key)\n" }
            }
            try first.setMetadata(groups, for: personGroupsKey)
            try first.setMetadata(aliases, for: personAliasesKey)
            try first.commit()
        } catch {
            try? first.cancel()
            throw error
        }
    }

    var encodedCounts: String {
        "\(stamp())\n\(articles)\t\(documents)\t\(terms)\n"
    }

    /// The first line of each entry: which databases, at which revisions.
    func stamp() -> String { Self.stamp(uuid: uuid, revisions: revisions) }

    static func stamp(uuid: String, revisions: [UInt64]) -> String {
        "uuid \(uuid) revisions " + revisions.map(String.init).joined(separator: ",")
    }

    static func encoded(_ entries: [Entry], stamp: String) -> String {
        var text = stamp + "\n"
        text.reserveCapacity(entries.count * 24)
        for entry in entries {
            text += String(entry.articles)
            text += "\t"
            text += entry.key
            // Keys and names are tokenizer output and gazetteer names: no tab or newline in them.
            if let name = entry.name, !name.contains(where: { $0 == "\t" || $0 == "\n" }) {
                text += "\t"
                text += name
            }
            text += "\n"
        }
        return text
    }

    // MARK: - reading

    /// The counts of the summary when it describes `revisions`; nil otherwise (no
    /// summary, an out-of-date one, or one this version cannot read).
    static func counts(in database: XapianDatabase, revisions: [UInt64]) throws -> (articles: Int, documents: Int, terms: Int)? {
        guard let body = try body(of: countsKey, in: database, revisions: revisions) else { return nil }
        let fields = body.split(separator: "\t", omittingEmptySubsequences: false)
        guard fields.count == 3, let articles = Int(fields[0]), let documents = Int(fields[1]),
              let terms = Int(fields[2].trimmingCharacters(in: .newlines)) else { return nil }
        return (articles, documents, terms)
    }

    /// The persons (`agencies` false) or agencies of the summary when it describes
    /// `revisions`, most articles first; nil otherwise.
    static func entries(in database: XapianDatabase, agencies: Bool, revisions: [UInt64]) throws -> [Entry]? {
        var list: [Entry] = []
        let found = try visitEntries(in: database, agencies: agencies, revisions: revisions) { list.append($0); return true }
        return found ? list : nil
    }

    /// Calls `visit` with each person (or agency) of the summary, most articles first,
    /// until it returns false; a list is read only as far as it is needed. Returns false,
    /// without calling `visit`, when there is no summary of `revisions`.
    static func visitEntries(in database: XapianDatabase, agencies: Bool, revisions: [UInt64],
                             _ visit: (Entry) -> Bool) throws -> Bool {
        guard let body = try body(of: agencies ? agenciesKey : personsKey, in: database, revisions: revisions) else { return false }
        forEachLine(of: body) { line in
            let fields = line.split(separator: "\t", maxSplits: 2, omittingEmptySubsequences: false)
            guard fields.count >= 2, let count = Int(fields[0]) else { return true }
            return visit(Entry(key: String(fields[1]), articles: count, name: fields.count == 3 ? String(fields[2]) : nil))
        }
        return true
    }

    /// What follows the first line of entry `key`, when that line names this database
    /// at exactly `revisions`.
    private static func body(of key: String, in database: XapianDatabase, revisions: [UInt64]) throws -> Substring? {
        let text = try database.metadata(key)
        guard !text.isEmpty, let newline = text.firstIndex(of: "\n") else { return nil }
        guard text[..<newline] == stamp(uuid: try database.uuid(), revisions: revisions) else { return nil }
        return text[text.index(after: newline)...]
    }
}
