/// "Did you mean" for names: `person:"Ridwan Kamal"` → "Ridwan Kamil".
extension Searcher {
    /// The names typed in the `person:` clauses of `node`, outside NOT.
    static func personNames(in node: QueryNode?) -> [String] {
        guard let node else { return [] }
        switch node {
        case .person(let name): return [name]
        case .and(let nodes), .or(let nodes), .near(let nodes, _): return nodes.flatMap { personNames(in: $0) }
        case .title(let inner): return personNames(in: inner)
        default: return []
        }
    }

    /// Most edits (by characters) between a typed name and a suggested one.
    static let nameEdits = 2

    /// The person the index knows whose key is within ``nameEdits`` of `key` (and not
    /// `key` itself), most written-about first, or nil. Walks the index's person list
    /// (`XPA` terms) once.
    func nearestPerson(to key: String) throws -> (name: String, articles: Int)? {
        let typed = Array(key)
        var best: (name: String, articles: Int, edits: Int)?
        for (known, count) in try personDirectory().entries {
            let name = Array(known)
            guard abs(name.count - typed.count) <= Self.nameEdits, name != typed,
                  let edits = Self.editDistance(typed, name, atMost: Self.nameEdits) else { continue }
            if best.map({ edits < $0.edits || (edits == $0.edits && count > $0.articles) }) ?? true {
                best = (String(name), count, edits)
            }
        }
        return best.map { ($0.name, $0.articles) }
    }

    /// Levenshtein distance of `a` and `b`, or nil when it is over `limit`.
    static func editDistance(_ a: [Character], _ b: [Character], atMost limit: Int) -> Int? {
        guard !a.isEmpty, !b.isEmpty else { return max(a.count, b.count) <= limit ? max(a.count, b.count) : nil }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            var rowMinimum = i
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
                rowMinimum = min(rowMinimum, current[j])
            }
            if rowMinimum > limit { return nil }
            previous = current
        }
        return previous[b.count] <= limit ? previous[b.count] : nil
    }
}
