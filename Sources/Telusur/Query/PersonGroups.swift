/// One entry per person: the index keys that name the same person, grouped.
///
/// The index stores each name as it was written (after titles came off and nicknames
/// became full names), so one person may sit under several keys:
/// - an old spelling beside the modern one ("gatot soebroto", "gatot subroto";
///   oe/u, dj/j, tj/c, nj/ny, sj/sy, ch/kh): keys equal once folded are one group,
///   shown by the spelling most articles use, so a foreign name keeps its own
///   spelling ("Michael" is never rewritten as "Mikhael");
/// - a bare name beside its dominant bearer ("firli", 12 articles, beside "firli
///   bahuri", 177): the same rule `person:` resolves by (``EntityResolver/dominance``
///   times the bare name's articles and the runner-up's).
///
/// `persons`, facets, completion and `person:` read the groups, so they agree.
struct PersonGroups: Sendable {
    /// Every key the groups were made from → the key of its group (itself when alone).
    private(set) var canonical: [String: String] = [:]
    /// Group key → its keys, the group key first.
    private(set) var members: [String: [String]] = [:]
    /// Folded key → group key: a spelling the index does not hold finds its group.
    private var byFolded: [String: String] = [:]

    /// - Parameter entries: each key with the number of its articles.
    init(_ entries: [(key: String, articles: Int)]) {
        // Spelling variants: the most written key of each folded form leads.
        var folded: [String: [(key: String, articles: Int)]] = [:]
        for entry in entries { folded[Self.fold(entry.key), default: []].append(entry) }
        var groups: [String: (articles: Int, keys: [String])] = [:]
        for (form, variants) in folded {
            let sorted = variants.sorted { $0.articles != $1.articles ? $0.articles > $1.articles : $0.key < $1.key }
            let lead = sorted[0].key
            groups[lead] = (sorted.reduce(0) { $0 + $1.articles }, sorted.map(\.key))
            byFolded[form] = lead
        }
        // Bare names: a one-word group joins the one group of a longer name that holds
        // the word and has `dominance` times its articles and the runner-up's.
        var byWord: [String: [String]] = [:]
        for lead in groups.keys where lead.contains(" ") {
            for word in Set(Self.fold(lead).split(separator: " ")) { byWord[String(word), default: []].append(lead) }
        }
        var joined: [String: String] = [:]
        for (lead, group) in groups where !lead.contains(" ") {
            let bearers = (byWord[Self.fold(lead)] ?? []).map { ($0, groups[$0]?.articles ?? 0) }
                .sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }
            guard let top = bearers.first, top.1 >= EntityResolver.dominance * max(group.articles, 1),
                  bearers.count == 1 || top.1 >= EntityResolver.dominance * bearers[1].1 else { continue }
            joined[lead] = top.0
        }
        for (lead, group) in groups {
            let target = joined[lead] ?? lead
            for key in group.keys { canonical[key] = target }
            members[target, default: []].append(contentsOf: group.keys)
        }
        for (lead, keys) in members {
            members[lead] = [lead] + keys.filter { $0 != lead }.sorted()
        }
        for (form, lead) in byFolded { byFolded[form] = canonical[lead] ?? lead }
    }

    /// The group key of a key, or of a spelling of it the index does not hold.
    func group(of key: String) -> String? {
        canonical[key] ?? byFolded[Self.fold(key)]
    }

    /// The keys of the group a key belongs to (the key alone when the index does not know it).
    func keys(of key: String) -> [String] {
        group(of: key).flatMap { members[$0] } ?? [key]
    }

    /// A key with each word in its modern spelling ("soeharto" → "suharto").
    static func fold(_ key: String) -> String {
        key.split(separator: " ").map { PersonRecognizer.modernSpelling(String($0)) }.joined(separator: " ")
    }
}
