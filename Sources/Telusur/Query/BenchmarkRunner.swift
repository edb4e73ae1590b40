import Foundation

/// Runs a query file the way the peer benchmark harness expects (`../shared/bench`,
/// "cli peer" contract): warm-up rounds, then timed rounds, one JSON line per timed
/// query execution with telusur's own in-process timing and exact counts.
public struct BenchmarkRunner {
    /// One query line of the file, as written and as telusur parses it.
    public struct Entry: Sendable {
        public var line: String
        public var query: ParsedQuery
    }

    private let searcher: Searcher
    private let limit: Int
    private let full: Bool
    private let within: QueryScope

    /// - Parameter full: time searches as `telusur search --facets` runs them (facets,
    ///   snippets, near-duplicate groups, suggestions) instead of ids and counts only.
    ///   - within: where bare words must meet; the peers index paragraphs, so comparing
    ///     like with like is `.paragraph`.
    public init(searcher: Searcher, limit: Int, full: Bool = false, within: QueryScope = .paragraph) {
        self.searcher = searcher
        self.within = within
        self.limit = limit
        self.full = full
    }

    /// Reads a query file: one query a line, `#` comments and blank lines skipped.
    ///
    /// The harness's common syntax is bare words and "phrases", all ANDed; capitalised
    /// operator words outside quotes are lower-cased so that they stay words, as the
    /// harness's Xapian peers do.
    public static func load(_ path: String) throws -> [Entry] {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        var entries: [Entry] = []
        for (number, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") { continue }
            do {
                entries.append(Entry(line: line, query: try QueryParser().parse(commonSyntax(line))))
            } catch {
                throw BenchmarkError.badQuery(path: path, line: number + 1, error: error)
            }
        }
        return entries
    }

    /// Lower-cases AND, OR, NOT, NEAR, XOR and ADJ outside quotes, and drops a leading
    /// `-`/`+` sign meaning, so the line means what it means to the other peers.
    static func commonSyntax(_ line: String) -> String {
        var out = ""
        var quoted = false
        for part in line.split(separator: "\"", omittingEmptySubsequences: false) {
            if quoted {
                out += "\"" + part + "\""
            } else {
                out += part.split(separator: " ", omittingEmptySubsequences: false).map { word in
                    ["AND", "OR", "NOT", "NEAR", "XOR", "ADJ"].contains(String(word)) ? word.lowercased() : String(word)
                }.joined(separator: " ")
            }
            quoted.toggle()
        }
        return out
    }

    /// One JSON line of output.
    public struct Line: Encodable, Sendable {
        public var query: String
        public var hits: Int
        public var article_hits: Int
        public var paragraph_hits: Int
        public var top: [String]
        public var elapsed_ms: Double
    }

    /// Runs `warmup` untimed rounds and `repeat` timed rounds, calling `emit` for each
    /// timed execution.
    public func run(_ entries: [Entry], repeat rounds: Int, warmup: Int, emit: (Line) throws -> Void) throws {
        // Distinct articles, as the other peers return: no near-duplicate grouping.
        // Ids and exact counts only, as the other peers time: no facets, no snippets.
        var options = SearchOptions(limit: limit, group: false)
        options.entityFacets = false
        options.fetchArticles = false
        options.suggest = false
        if full { options = SearchOptions(limit: limit, facets: true) }
        options.within = within
        for round in 0..<(warmup + rounds) {
            for entry in entries {
                let results = try searcher.search(entry.query, options: options)
                guard round >= warmup else { continue }
                try emit(Line(
                    query: entry.line, hits: results.total.articles, article_hits: results.total.articles,
                    paragraph_hits: results.total.paragraphs, top: results.hits.map(\.article.id),
                    elapsed_ms: results.elapsedMilliseconds))
            }
        }
    }
}

/// Why a benchmark could not run.
public enum BenchmarkError: Error, CustomStringConvertible {
    /// A line of the query file does not parse.
    case badQuery(path: String, line: Int, error: QueryError)

    public var description: String {
        switch self {
        case .badQuery(let path, let line, let error):
            return "\(path):\(line): \(error.message)"
        }
    }
}
