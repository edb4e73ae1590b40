import Foundation

/// What one line of a name list is (`telusur batch --kind`).
public enum NameKind: String, CaseIterable, Sendable, Codable {
    /// A person's name, searched as `person:"…"`.
    case person
    /// A public body, searched as `agency:"…"`.
    case agency
    /// A query in the search language.
    case query
}

/// What the index says about one line of a name list.
public struct NameListEntry: Sendable, Equatable, Codable {
    /// A name or source and its number of articles.
    public struct Count: Sendable, Equatable, Codable {
        public var value: String
        public var articles: Int
    }
    /// Found, not resolved to one known name, or not a valid line.
    public enum Status: String, Sendable, Codable {
        case found, unresolved, error
    }
    /// Its line number in the file, from 1.
    public var line: Int
    /// The line as written (trimmed).
    public var text: String
    public var status: Status
    /// What it was resolved to ("herman deru", "kpu@sumatera-selatan"); nil for a query.
    public var resolved: String?
    /// Matching articles.
    public var articles: Int
    /// The first and last day of the matching articles ("YYYY-MM-DD"), nil when none is dated.
    public var first: String?
    public var last: String?
    /// The sources with most matching articles.
    public var sources: [Count]
    /// The persons in most matching articles (the person itself left out).
    public var persons: [Count]
    /// For an unresolved name: the names the index has that it could mean, with their article counts.
    public var candidates: [Count]
    /// For an error: what is wrong with the line.
    public var message: String?
}

/// Looks up every line of a name list (a candidate list of 500 names, say) in one open
/// index: one counted search per line (no page of results read), the person list read
/// once for all the lines.
public struct NameListLookup {
    /// How many sources and persons each line lists.
    public static let top = 5
    /// A line longer than this is not a name.
    public static let maximumLineLength = 1_000

    private let searcher: Searcher

    public init(searcher: Searcher) {
        self.searcher = searcher
    }

    /// The lines of `text` to look up: trimmed, empty lines and `#` comments left out, numbered from 1.
    ///
    /// - Throws: ``MonitoringError/badList(file:line:reason:)`` for a line too long to be a name or a query.
    public static func lines(of text: String, file: String) throws -> [(number: Int, text: String)] {
        var lines: [(Int, String)] = []
        for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespacesAndNewlines)
            if line.isEmpty || line.hasPrefix("#") { continue }
            guard line.count <= maximumLineLength else {
                throw MonitoringError.badList(file: file, line: index + 1, reason: "the line has \(line.count) characters (at most \(maximumLineLength)); write one name or query a line")
            }
            lines.append((index + 1, line))
        }
        return lines
    }

    /// Looks up one line.
    public func lookup(_ text: String, line: Int, kind: NameKind) throws -> NameListEntry {
        var entry = NameListEntry(line: line, text: text, status: .found, resolved: nil, articles: 0, first: nil, last: nil,
                                  sources: [], persons: [], candidates: [], message: nil)
        let query: String
        switch kind {
        case .person: query = "person:\"" + text.replacingOccurrences(of: "\"", with: " ") + "\""
        case .agency: query = "agency:\"" + text.replacingOccurrences(of: "\"", with: " ") + "\""
        case .query: query = text
        }
        // By date: no ranking pass (the relevance ranker reads a window of matches even for no page).
        var options = SearchOptions(limit: 0, sort: .date, facets: true, group: false)
        options.fetchArticles = false
        options.suggest = false
        options.facetLimit = Self.top + 1
        options.allMonths = true
        let results: SearchResults
        do {
            results = try searcher.search(query, options: options)
        } catch SearchError.ambiguousPerson(_, let candidates) {
            entry.status = .unresolved
            entry.candidates = candidates.map { NameListEntry.Count(value: PersonName.display($0.name), articles: $0.articles) }
            return entry
        } catch SearchError.unknownPerson {
            entry.status = .unresolved
            entry.message = "no name in it (only titles or degrees)"
            return entry
        } catch SearchError.unknownAgency {
            entry.status = .unresolved
            entry.candidates = try searcher.agencies(top: Self.top, match: text).map { NameListEntry.Count(value: $0.name, articles: $0.articles) }
            return entry
        } catch SearchError.query(let error) {
            entry.status = .error
            entry.message = "column \(error.column): \(error.description)"
            return entry
        } catch SearchError.emptyQuery {
            entry.status = .error
            entry.message = "nothing to search for"
            return entry
        }
        let resolved: String? = switch kind {
        case .person: results.entities.persons.first
        case .agency: results.entities.agencies.first.map { $0.agency + ($0.region.map { "@" + $0 } ?? "") }
        case .query: nil
        }
        entry.resolved = resolved
        entry.articles = results.total.articles
        entry.first = results.facets.days.first?.value
        entry.last = results.facets.days.last?.value
        entry.sources = results.facets.sources.prefix(Self.top).map { NameListEntry.Count(value: $0.value, articles: $0.articles) }
        entry.persons = Array(results.facets.persons.filter { kind != .person || $0.value != resolved }
            .prefix(Self.top).map { NameListEntry.Count(value: PersonName.display($0.value), articles: $0.articles) })
        if kind == .person, results.total.articles == 0 {
            // The index knows no one of that name: the nearest name it knows, if any.
            entry.status = .unresolved
            if let key = resolved, let near = try searcher.nearestPerson(to: key) {
                entry.candidates = [NameListEntry.Count(value: PersonName.display(near.name), articles: near.articles)]
            }
        } else if kind == .agency, results.total.articles == 0 {
            entry.status = .unresolved
        }
        return entry
    }
}
