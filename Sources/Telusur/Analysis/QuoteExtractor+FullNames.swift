/// Speakers named by one word ("ujar Sjafrie", "Menurut Hotman,") as the full name the
/// article writes for them elsewhere ("Menteri Pertahanan RI Sjafrie Sjamsoeddin",
/// "pengacara Hotman Paris"), when the person recogniser kept only the short form.
extension QuoteExtractor {
    /// The quotes with each one-word speaker (a person key, or a description that is one
    /// capitalised word, "Din") replaced by the full name of the article that contains
    /// it: the run of 2 to 4 capitalised words most often written, the body before the
    /// title. A word with two different full names ("Elza Syarief", "Laode M. Syarief")
    /// is left alone.
    func withFullNames(_ quotes: [Quote], article: Article) -> [Quote] {
        let tokenizer = Tokenizer()
        var wanted = Set<String>()
        for quote in quotes {
            if let key = quote.speaker.key {
                if !key.contains(" ") { wanted.insert(key) }
            } else if let description = quote.speaker.description, !description.contains(" "),
                      description.first?.isUppercase ?? false, quote.speaker.agency == nil,
                      let term = tokenizer.terms(description).first, !isOffice(term) {
                wanted.insert(term)
            }
        }
        guard !wanted.isEmpty else { return quotes }
        let body = article.paragraphs.map { NameText($0.text) }
        var lowerCase = Set<String>()
        for text in body {
            for (i, token) in text.tokens.enumerated() where token.kind == .word && !text.isUpper(i) { lowerCase.insert(token.term) }
        }
        var bodyRuns: [String: [String: (count: Int, name: String)]] = [:]
        for text in body { collectRuns(text, wanted: wanted, lowerCase: lowerCase, headline: false, into: &bodyRuns) }
        var titleRuns: [String: [String: (count: Int, name: String)]] = [:]
        collectRuns(NameText(article.title), wanted: wanted, lowerCase: lowerCase, headline: true, into: &titleRuns)
        var full: [String: (key: String, name: String)] = [:]
        for word in wanted {
            guard let runs = bodyRuns[word] ?? titleRuns[word] else { continue }
            // Every run must hold the words of the shortest one ("Hotman Paris" in "Hotman Paris Show").
            let shortest = runs.keys.min { ($0.count, $0) < ($1.count, $1) } ?? ""
            let core = Set(shortest.split(separator: " "))
            guard runs.keys.allSatisfy({ core.isSubset(of: $0.split(separator: " ")) }) else { continue }
            guard let best = runs.max(by: { ($0.value.count, -$0.key.count) < ($1.value.count, -$1.key.count) }) else { continue }
            full[word] = (best.key, best.value.name)
        }
        guard !full.isEmpty else { return quotes }
        return quotes.map { quote in
            var quote = quote
            if let key = quote.speaker.key, let found = full[key] {
                quote.speaker.key = found.key
                quote.speaker.name = found.name
            } else if quote.speaker.key == nil, quote.speaker.agency == nil, let description = quote.speaker.description,
                      !description.contains(" "), let term = tokenizer.terms(description).first, let found = full[term] {
                quote.speaker = Quote.Speaker(key: found.key, name: found.name)
            }
            return quote
        }
    }

    /// The runs of 2 to 4 capitalised name words of a text that contain a wanted word,
    /// counted by key. Offices, titles, acronyms ("RI", "AKP"), cue words and words the
    /// article also writes in lower case end a run; in a headline so do common words
    /// ("Luna Maya Akhirnya Minta Maaf").
    private func collectRuns(_ text: NameText, wanted: Set<String>, lowerCase: Set<String>, headline: Bool,
                             into runs: inout [String: [String: (count: Int, name: String)]]) {
        let tokens = text.tokens
        func nameWord(_ i: Int) -> Bool {
            let term = tokens[i].term
            guard tokens[i].kind == .word, text.isUpper(i), !lowerCase.contains(term) else { return false }
            if isOffice(term) || lexicon.titles.contains(term) || lexicon.headlineVerbs.contains(term) { return false }
            if Self.phraseStops.contains(term) || Self.notSubjects.contains(term) || Self.afterVerb(term) != nil
                || Self.meVerbs.contains(term) || term == "menurut" { return false }
            if headline, !wanted.contains(term), lexicon.commonWords.contains(term) { return false }
            // An acronym ("RI", "AKP", "TNI"), not an initial ("M").
            let surface = text.surface(i)
            if surface.count >= 2, surface.allSatisfy({ $0.isUppercase || !$0.isLetter }) { return false }
            return true
        }
        var i = 0
        while i < tokens.count {
            guard nameWord(i) else { i += 1; continue }
            var j = i + 1
            while j < tokens.count, nameWord(j) {
                let gap = text.gap(before: j)
                let initial = tokens[j - 1].range.count == 1
                guard gap.allSatisfy({ $0 == 0x20 }) || (initial && (gap.elementsEqual([0x2E, 0x20]) || gap.elementsEqual([0x2E]))) else { break }
                j += 1
            }
            defer { i = j }
            guard j - i >= 2, j - i <= 4 else { continue }
            let words = tokens[i..<j].map(\.term)
            let key = words.joined(separator: " ")
            let name = text.surface(range: tokens[i].range.lowerBound..<tokens[j - 1].range.upperBound)
            for word in Set(words) where wanted.contains(word) {
                let previous = runs[word, default: [:]][key]
                runs[word, default: [:]][key] = ((previous?.count ?? 0) + 1, previous?.name ?? name)
            }
        }
    }
}

/// A text with its words, for finding names in paragraphs the quote rules do not read.
struct NameText {
    let bytes: [UInt8]
    let tokens: [Token]

    init(_ text: String) {
        bytes = Array(text.utf8)
        tokens = PersonRecognizer.words(of: text)
    }

    func isUpper(_ i: Int) -> Bool {
        let first = bytes[tokens[i].range.lowerBound]
        if first < 0x80 { return (0x41...0x5A).contains(first) }
        return surface(i).unicodeScalars.first?.properties.isUppercase ?? false
    }

    func surface(_ i: Int) -> String { surface(range: tokens[i].range) }

    func surface(range: Range<Int>) -> String { String(decoding: bytes[range], as: UTF8.self) }

    func gap(before i: Int) -> ArraySlice<UInt8> {
        bytes[(i == 0 ? 0 : tokens[i - 1].range.upperBound)..<tokens[i].range.lowerBound]
    }
}
