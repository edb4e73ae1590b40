/// A parsed query: what the user asked, in terms the tokenizer produced.
public indirect enum QueryNode: Equatable, Sendable {
    /// One term, as the tokenizer normalised it.
    case term(String)
    /// Terms that must appear in this order, adjacent, in one paragraph.
    case phrase([String])
    /// Terms (or phrases) within `distance` words of each other, in any order, in one paragraph.
    case near([QueryNode], distance: Int)
    /// Every term starting with this normalised prefix (`pemilu*`).
    case wildcard(String)
    /// A clause that must match the title (`title:`).
    case title(QueryNode)
    /// A boolean filter on a field (`source:`, `id:`, ...): no weight, only match or not.
    case filter(field: QueryField, value: String)
    /// Paragraphs that mention a person, as typed (`person:"Herman Deru"`); titles,
    /// degrees and case are dropped when it is resolved against the index.
    case person(String)
    /// Paragraphs that mention a public body, by acronym or any long form, with an
    /// optional region (`agency:KPU`, `agency:"KPU Sumsel"`).
    case agency(String)
    /// Paragraphs with a quote by this person, as typed (`said:"Herman Deru"`), or by a
    /// body (`said:agency:KPU`); the words next to it must then be in the quote itself.
    case said(String)
    /// Articles dated in this closed range of "YYYY-MM-DD" strings.
    case dateRange(from: String, to: String)
    /// All must match.
    case and([QueryNode])
    /// Any may match.
    case or([QueryNode])
    /// Must not match (only meaningful inside `and`; alone, it means "everything but").
    case not(QueryNode)
}

/// The fields a query may name, as `field:value`.
public enum QueryField: String, CaseIterable, Sendable {
    /// Words or a phrase in the title.
    case title
    /// The outlet, e.g. `source:kompas.com`.
    case source
    /// One article by id.
    case id
    /// A day, a month or a range: `date:2024-02-07`, `date:2024-02`, `date:2024-01-01..2024-02-07`.
    case date
    /// A year or a range of years: `year:2024`, `year:2023..2024`.
    case year
    /// A person, by name (titles and degrees ignored): `person:"Herman Deru"`.
    case person
    /// A public body, by acronym or long form, optionally in a region: `agency:KPU`, `agency:"KPU Sumsel"`.
    case agency
    /// Who is quoted: a person (`said:"Herman Deru"`) or a body (`said:agency:KPU`).
    case said
    /// An office written with a person's name: `office:"Kapolda Metro Jaya"` (a region's
    /// alias is the region: Metro Jaya = DKI Jakarta).
    case office
}

/// A query ready to run: the tree and what to highlight in results.
public struct ParsedQuery: Equatable, Sendable {
    /// The text as the user typed it.
    public var text: String
    /// The tree; nil when the query has no clause at all (only punctuation, say).
    public var root: QueryNode?

    /// Terms to highlight wherever they occur (bare words, wildcards as prefixes
    /// ending in "*"), never those under NOT.
    public var highlightTerms: Set<String> {
        var terms = Set<String>()
        collect(root, negated: false) { node in
            switch node {
            case .term(let term): terms.insert(term)
            case .wildcard(let prefix): terms.insert(prefix + "*")
            default: break
            }
        }
        return terms
    }

    /// Phrases (and NEAR groups of single terms) to highlight only where they match as a whole.
    public var highlightPhrases: [[String]] {
        var phrases: [[String]] = []
        collect(root, negated: false) { node in
            if case .phrase(let words) = node { phrases.append(words) }
        }
        return phrases
    }

    private func collect(_ node: QueryNode?, negated: Bool, _ visit: (QueryNode) -> Void) {
        guard let node else { return }
        switch node {
        case .and(let nodes), .or(let nodes):
            for child in nodes { collect(child, negated: negated, visit) }
        case .near(let nodes, _):
            for child in nodes { collect(child, negated: negated, visit) }
        case .not(let child):
            collect(child, negated: true, visit)
        case .title(let child):
            collect(child, negated: negated, visit)
        default:
            if !negated { visit(node) }
        }
    }
}
