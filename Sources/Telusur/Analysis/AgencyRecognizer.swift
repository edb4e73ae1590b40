/// One mention of a public body in a paragraph.
public struct AgencyMention: Sendable, Equatable {
    /// The gazetteer id ("kpu").
    public var agency: String
    /// The region the text gives ("sumatera-selatan" for "KPU Sumsel"), if any.
    public var region: String?
    /// UTF-8 byte range of the surface form, the region included.
    public var range: Range<Int>
}

/// Finds public bodies from the curated gazetteer: acronyms, long forms and variants,
/// longest match first, with a following region qualifier ("KPU Sumsel", "Bawaslu
/// Kota Palembang", "Kesbangpol Provinsi Sumsel").
public struct AgencyRecognizer: Sendable {
    private struct Entry: Sendable {
        var terms: [String]
        var id: String
        /// Acronyms such as "BIN" or "MA" must be written in capitals to count: the
        /// lower-case words "bin" and "ma" are something else.
        var capitals: Bool
        /// Mixed-case single words ("Bawaslu") must at least start with a capital.
        var capitalised: Bool
    }

    private let tokenizer = Tokenizer()
    /// First term → entries starting with it, longest first.
    private let agencies: [String: [Entry]]
    private let regions: [String: [Entry]]
    /// Words before a body that name its building, not the body in a region.
    /// Only the national headquarters: "Kantor Pemprov DKI Jakarta" and "Gedung DPRD DKI
    /// Jakarta" are the regional body's buildings, so Gedung and Kantor do not block
    /// (the labelled cases lost 7% of Pemprov DKI Jakarta when they did).
    private static let buildingWords: Set<String> = ["mabes"]

    private static func isSpaceOnly(_ bytes: [UInt8], from start: Int, to end: Int) -> Bool {
        start <= end && bytes[start..<end].allSatisfy { $0 == 0x20 }
    }

    /// ") " between a bracketed acronym and what follows.
    private static func isBracketClose(_ bytes: [UInt8], from start: Int, to end: Int) -> Bool {
        start < end && bytes[start] == UInt8(ascii: ")") && bytes[(start + 1)..<end].allSatisfy { $0 == 0x20 }
    }

    /// Words that may stand between a body and its region ("Provinsi", "Kota").
    private static let regionMarkers: Set<String> = ["provinsi", "prov", "kabupaten", "kab", "kota", "se"]

    public init(lexicon: EntityLexicon) {
        let tokenizer = Tokenizer()
        func entries(_ items: [(String, [String])]) -> [String: [Entry]] {
            var table: [String: [Entry]] = [:]
            var seen = Set<[String]>()
            for (id, aliases) in items {
                for alias in aliases {
                    let terms = tokenizer.terms(alias)
                    guard let first = terms.first, seen.insert(terms).inserted else { continue }
                    let letters = alias.unicodeScalars.filter { $0.properties.isAlphabetic }
                    let capitals = terms.count == 1 && letters.count <= 6 && letters.allSatisfy { $0.properties.isUppercase }
                    let capitalised = terms.count == 1 && !capitals
                    table[first, default: []].append(Entry(terms: terms, id: id, capitals: capitals, capitalised: capitalised))
                }
            }
            for key in table.keys { table[key]?.sort { $0.terms.count > $1.terms.count } }
            return table
        }
        agencies = entries(lexicon.agencies.map { ($0.id, $0.aliases) })
        regions = entries(lexicon.regions.map { ($0.id, [$0.name] + $0.aliases) })
    }

    /// The agency mentions of one paragraph, in order.
    public func mentions(in text: String) -> [AgencyMention] {
        mentions(in: text, tokens: PersonRecognizer.words(of: text))
    }

    /// The agency mentions of one paragraph already split by ``PersonRecognizer/words(of:)``.
    func mentions(in text: String, tokens: [Token]) -> [AgencyMention] {
        let bytes = Array(text.utf8)
        var result: [AgencyMention] = []
        var i = 0
        while i < tokens.count {
            guard let (entry, length) = match(tokens, at: i, in: agencies, bytes: bytes, strict: true) else {
                i += 1
                continue
            }
            var end = i + length
            var upper = tokens[end - 1].range.upperBound
            var region: String?
            // A region right after: optional marker word, then a region name.
            var k = end
            if k < tokens.count, Self.regionMarkers.contains(tokens[k].term) { k += 1 }
            // Only a region that qualifies the body: never across a comma or a bracket ("Gedung
            // DPR, Jakarta"), never after the headquarters ("Mabes Polri Jakarta Selatan").
            // "Mabes Polri", "Gedung DPR", "Gedung Merah Putih KPK": up to three capitalised words back.
            var building = Self.buildingWords.contains(tokens[i].term)
            var b = i - 1
            while !building, b >= 0, b >= i - 3, isCapitalised(tokens[b], bytes) {
                building = Self.buildingWords.contains(tokens[b].term)
                b -= 1
            }
            // "Pemerintah Provinsi (Pemprov) DKI Jakarta": the acronym in brackets, then its region.
            let bracketed = length == 1 && tokens[i].range.lowerBound > 0 && bytes[tokens[i].range.lowerBound - 1] == UInt8(ascii: "(")
                && k == end && Self.isBracketClose(bytes, from: tokens[k - 1].range.upperBound, to: k < tokens.count ? tokens[k].range.lowerBound : 0)
            if !building, k < tokens.count,
               bracketed || Self.isSpaceOnly(bytes, from: tokens[k - 1].range.upperBound, to: tokens[k].range.lowerBound),
               let (place, size) = match(tokens, at: k, in: regions, bytes: bytes, strict: true),
               isCapitalised(tokens[k], bytes) {
                region = place.id
                end = k + size
                upper = tokens[end - 1].range.upperBound
            }
            result.append(AgencyMention(agency: entry.id, region: region, range: tokens[i].range.lowerBound..<upper))
            i = end
        }
        return result
    }

    /// Reads a body (and optional region) typed in a query, case-insensitively:
    /// "kpu sumsel" → ("kpu", "sumatera-selatan"). Nil when the text names no known body.
    public func queryAgency(_ text: String) -> (agency: String, region: String?)? {
        let tokens = tokenizer.tokenize(text).filter { $0.kind != .compound }
        let bytes = Array(text.utf8)
        guard let (entry, length) = match(tokens, at: 0, in: agencies, bytes: bytes, strict: false) else { return nil }
        var k = length
        if k < tokens.count, Self.regionMarkers.contains(tokens[k].term) { k += 1 }
        if k == tokens.count, k == length { return (entry.id, nil) }
        if let (place, size) = match(tokens, at: k, in: regions, bytes: bytes, strict: false), k + size == tokens.count {
            return (entry.id, place.id)
        }
        return nil
    }

    private func match(_ tokens: [Token], at i: Int, in table: [String: [Entry]], bytes: [UInt8],
                       strict: Bool) -> (Entry, Int)? {
        guard let candidates = table[tokens[i].term] else { return nil }
        for entry in candidates where i + entry.terms.count <= tokens.count {
            var ok = true
            for (offset, term) in entry.terms.enumerated() where tokens[i + offset].term != term {
                ok = false
                break
            }
            guard ok else { continue }
            if strict {
                let surface = bytes[tokens[i].range]
                if entry.capitals && !surface.allSatisfy({ !(0x61...0x7a).contains($0) }) { continue }
                if entry.capitalised && !isCapitalised(tokens[i], bytes) { continue }
                if !entry.capitals && !entry.capitalised && !isCapitalised(tokens[i], bytes) { continue }
            }
            return (entry, entry.terms.count)
        }
        return nil
    }

    private func isCapitalised(_ token: Token, _ bytes: [UInt8]) -> Bool {
        guard let first = bytes[token.range].first else { return false }
        return !(0x61...0x7a).contains(first)
    }
}
