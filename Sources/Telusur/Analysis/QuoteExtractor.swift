/// Finds the quotations of an Indonesian news article and who said them, by rule, on
/// top of the person recogniser.
///
/// - Direct: words in quotation marks (straight or curly) with a cue after them
///   (`“…,” kata Herman Deru.`, `"…," ujarnya.`, `"…," dia menambahkan.`) or before them
///   (`Armansyah mengatakan, “…”`, `Herman Deru: "…"`, `Menurut dia, "…"`).
/// - Indirect: a sentence without marks whose subject is followed by a speech verb and
///   what was said (`X mengatakan bahwa …`, `Dia menjelaskan, …`, `X meminta … agar …`,
///   `X menyebut rapat ini …`), or `Menurut X, …`.
/// - A pronoun cue (`katanya`, `ujarnya`, `dia menambahkan`, `Beliau meminta`) refers to
///   the last person named before it outside quotation marks: in the same paragraph,
///   else the last speaker of the article.
/// - A quotation left open at the end of a paragraph continues in the next one that
///   opens with a mark; the whole run has the speaker of its cue. A paragraph that is
///   only a quotation, without a cue, continues the previous paragraph's speaker, and so
///   does a quoted sentence without a cue next to an attributed one.
/// - Anything else in quotation marks (titles, slogans, nicknames, scare quotes) has no
///   cue and is not a quote.
public struct QuoteExtractor: Sendable {
    /// The recogniser whose persons and agencies become speakers.
    public let recognizer: EntityRecognizer
    var lexicon: EntityLexicon { recognizer.persons.lexicon }

    /// Creates an extractor over the recogniser's lexicon.
    /// The canonical names of the alias list, as keys.
    private let aliasTargets: Set<String>

    public init(recognizer: EntityRecognizer) {
        self.recognizer = recognizer
        aliasTargets = Self.aliasTargets(recognizer.persons.lexicon)
    }

    /// The quotes of an article, recognising its entities first.
    public func quotes(in article: Article) -> [Quote] {
        quotes(in: article, entities: recognizer.recognize([article.title] + article.paragraphs.map(\.text)))
    }

    /// The quotes of an article whose entities are already known.
    ///
    /// - Parameter entities: what ``EntityRecognizer/recognize(_:)`` returned for the
    ///   title followed by the paragraphs; speakers are given by those person keys.
    public func quotes(in article: Article, entities: [ParagraphEntities]) -> [Quote] {
        var scans = article.paragraphs.map(ParagraphScan.init(paragraph:))
        let keys = Set(entities.flatMap(\.persons))
        var state = ArticleState(keys: keys)
        // The words of the recognised names: mentions are found again from them (the
        // recogniser's work is not redone), with the words that follow them in the article.
        var nameWords = Set<String>()
        for key in keys { for word in key.split(separator: " ") { nameWords.insert(String(word)) } }
        for scan in scans where scan.mayQuote {
            for (left, right) in zip(scan.tokens, scan.tokens.dropFirst()) where nameWords.contains(left.term) {
                state.followers[left.term, default: []].insert(right.term)
            }
            if let last = scan.tokens.last, nameWords.contains(last.term) { state.followers[last.term, default: []].insert("") }
        }
        state.entityKeys = Set(entities.dropFirst().flatMap(\.persons))
        state.aliasTargets = aliasTargets
        state.bodyKeys = state.entityKeys
        for index in scans.indices {
            let found = index + 1 < entities.count ? entities[index + 1] : ParagraphEntities()
            if scans[index].mayQuote {
                prepare(&scans[index], names: nameWords, agencies: found.agencies, state: &state)
                attribute(&scans[index], state: &state)
            }
            state.finish(scans[index], index: index, fallback: found.persons.last)
        }
        continueQuotes(&scans)
        return withFullNames(state.unified(scans.flatMap(\.quotes)), article: article)
    }

    // MARK: - per paragraph

    /// Finds the person and agency mentions and the quotation marks of a paragraph.
    private static func aliasTargets(_ lexicon: EntityLexicon) -> Set<String> {
        let tokenizer = Tokenizer()
        return Set(lexicon.personAliases.values.map { EntityLexicon.key($0, tokenizer) })
    }

    private func mentions(in scan: ParagraphScan) -> [PersonMention] {
        recognizer.persons.candidates(in: scan.text, tokens: scan.tokens)
    }

    /// The person recogniser's mentions in a short stretch of a paragraph (a speaker phrase,
    /// a subject), for names the article-level recognition left out ("ucap Armansyah").
    private func windowMentions(_ range: Range<Int>, in scan: ParagraphScan, state: ArticleState) -> [Mention] {
        guard range.lowerBound < range.upperBound, range.upperBound <= scan.bytes.count else { return [] }
        let text = String(decoding: scan.bytes[range], as: UTF8.self)
        var found: [Mention] = []
        for candidate in recognizer.persons.candidates(in: text, tokens: PersonRecognizer.words(of: text)) {
            var words = candidate.key.split(separator: " ").map(String.init)
            var name = candidate.name.split(separator: " ").map(String.init)
            // A capitalised cue verb glued to the name ("Kata Budi") is not part of it.
            while let first = words.first, words.count > 1, Self.afterVerb(first) != nil || Self.meVerbs.contains(first) || first == "menurut" {
                words.removeFirst()
                if name.count > words.count { name.removeFirst() }
            }
            let key = words.joined(separator: " ")
            let lower = range.lowerBound + candidate.range.lowerBound
            let upper = range.lowerBound + candidate.range.upperBound
            found.append(Mention(key: state.resolve(key), candidate: key, name: name.joined(separator: " "), range: lower..<upper))
        }
        return found
    }

    /// Finds the mentions of the article's recognised persons (runs of capitalised words
    /// of their names, and one-word aliases) and of its agencies (their acronyms), and
    /// the quotation marks of a paragraph.
    private func prepare(_ scan: inout ParagraphScan, names: Set<String>, agencies: [String], state: inout ArticleState) {
        let tokens = scan.tokens
        var i = 0
        while i < tokens.count {
            let alias = lexicon.personAliases[tokens[i].term].map { EntityLexicon.key($0, Tokenizer()) }
            guard scan.isUpper(i), names.contains(tokens[i].term) || (alias != nil && lexicon.aliasSurfaces.contains(scan.trimmed(tokens[i].range))) else {
                i += 1
                continue
            }
            var j = i + 1
            while j < tokens.count, names.contains(tokens[j].term), scan.isUpper(j) {
                let gap = scan.gap(before: j)
                let initial = tokens[j - 1].range.count == 1
                guard gap.allSatisfy({ $0 == 0x20 }) || (initial && (gap == [0x2E, 0x20] || gap == [0x2E])) else { break }
                j += 1
            }
            let words = tokens[i..<j].map(\.term).joined(separator: " ")
            let key = j == i + 1 && alias != nil ? alias : state.resolve(words)
            let name = scan.trimmed(tokens[i].range.lowerBound..<tokens[j - 1].range.upperBound)
            // The surface form takes in titles before and degrees after ("Dr. H. M Alfajri
            // Zabidi, S.Pd., MM."), as the recogniser's does: no sentence ends inside it.
            var first = i
            while first > 0, lexicon.titles.contains(tokens[first - 1].term), scan.isUpper(first - 1) || tokens[first - 1].term.hasPrefix("dr"),
                  scan.gap(before: first).allSatisfy({ $0 == 0x20 || $0 == 0x2E }) { first -= 1 }
            var last = j
            while last < tokens.count, lexicon.degreesAfter.contains(tokens[last].term),
                  scan.gap(before: last).allSatisfy({ $0 == 0x20 || $0 == 0x2E || $0 == 0x2C }) { last += 1 }
            var upper = tokens[last - 1].range.upperBound
            if last > j, upper < scan.bytes.count, scan.bytes[upper] == 0x2E { upper += 1 }
            let range = tokens[first].range.lowerBound..<upper
            scan.mentions.append(Mention(key: key, candidate: words, name: name, range: range))
            if let key { state.noteName(name, for: key) }
            i = j
        }
        for id in agencies where !id.contains("@") {
            guard let acronym = lexicon.agencyByID[id]?.acronym, !acronym.isEmpty else { continue }
            for token in tokens where scan.trimmed(token.range) == acronym {
                scan.agencies.append(AgencyMention(agency: id, region: nil, range: token.range))
            }
        }
        scan.agencies.sort { $0.range.lowerBound < $1.range.lowerBound }
        scan.findSpans()
    }

    /// Attributes the quotation marks by their cues, and finds the indirect quotes.
    private func attribute(_ scan: inout ParagraphScan, state: inout ArticleState) {
        findIndirect(&scan, state: state)
        if let end = scan.leadingClose {
            // '" kata Budi …' opening a paragraph: the cue of the previous paragraph's open quotation.
            let span = Span(open: 0, innerStart: 0, innerEnd: 0, end: end, closed: true)
            scan.leadingAttribution = cueAfter(span, in: scan, state: state)
        }
        for index in scan.spans.indices {
            if let found = cueAfter(scan.spans[index], in: scan, state: state) ?? cueBefore(scan.spans[index], in: scan, state: state) {
                scan.spans[index].attribution = found
            }
        }
        // "Budi mengatakan:" at the end introduces the next paragraph's quotation.
        if let last = scan.trimmedBytes(0..<scan.bytes.count).last, last == UInt8(ascii: ":") || last == UInt8(ascii: ","),
           scan.spans.allSatisfy({ $0.end < scan.bytes.count - 1 }),
           let k = scan.tokens.indices.last {
            let start = scan.sentenceStart(of: k)
            if let v = (start...k).last(where: { Self.meVerbs.contains(scan.tokens[$0].term) }), v > start {
                scan.intro = subject(before: v, from: start, in: scan, state: state)
            }
        }
    }

    /// A cue after the closing mark: `," kata X`, `," ujarnya`, `," dia menambahkan`, `," X menambahkan`.
    private func cueAfter(_ span: Span, in scan: ParagraphScan, state: ArticleState) -> Attribution? {
        guard span.closed, let k = scan.tokens.firstIndex(where: { $0.range.lowerBound >= span.end }) else { return nil }
        let gap = scan.bytes[span.end..<scan.tokens[k].range.lowerBound]
        guard gap.count <= 8, gap.allSatisfy(Self.cueGapBytes.contains) else { return nil }
        // "…" Kata dia. after a closing full stop is still the cue; "…". Dia … is a new sentence.
        let term = scan.tokens[k].term
        if let verb = Self.afterVerb(term) {
            if verb.pronoun {
                return pronoun(at: span.open, in: scan, state: state, cue: term)
            }
            if k + 1 < scan.tokens.count, Self.pronouns.contains(scan.tokens[k + 1].term) {
                return pronoun(at: span.open, in: scan, state: state, cue: term + " " + scan.tokens[k + 1].term)
            }
            // "aku" is also "I": only as a cue when a name follows.
            let phrase = speakerPhrase(from: k + 1, in: scan, state: state, cue: term)
            if term == "aku", phrase?.speaker.key == nil { return nil }
            return phrase
        }
        if Self.pronouns.contains(term), k + 1 < scan.tokens.count, Self.meVerbs.contains(scan.tokens[k + 1].term) {
            return pronoun(at: span.open, in: scan, state: state, cue: term + " " + scan.tokens[k + 1].term)
        }
        if let mention = scan.mentions.first(where: { $0.range.lowerBound == scan.tokens[k].range.lowerBound }),
           let after = scan.tokens.firstIndex(where: { $0.range.lowerBound >= mention.range.upperBound }),
           Self.meVerbs.contains(scan.tokens[after].term) {
            return person(mention, cue: scan.tokens[after].term, role: nil, state: state)
        }
        return nil
    }

    /// A cue before the opening mark: `X mengatakan, “`, `X: "`, `kata X, "`, `Menurut dia, "`.
    private func cueBefore(_ span: Span, in scan: ParagraphScan, state: ArticleState) -> Attribution? {
        guard let k = scan.tokens.lastIndex(where: { $0.range.upperBound <= span.open }) else { return nil }
        let gap = scan.bytes[scan.tokens[k].range.upperBound..<span.open].filter { $0 != 0x20 }
        let start = scan.sentenceStart(of: k)
        guard !scan.inQuote(k) else { return nil }
        if gap == [UInt8(ascii: ":")],
           let mention = scan.mentions.last(where: { $0.range.upperBound == scan.tokens[k].range.upperBound || $0.range.upperBound == scan.tokens[k].range.upperBound + 1 }) {
            if !(start..<k + 1).contains(where: { Self.meVerbs.contains(scan.tokens[$0].term) }) {
                return person(mention, cue: ":", role: roleBefore(mention, from: start, in: scan), state: state)
            }
        }
        guard gap.isEmpty || gap == [UInt8(ascii: ",")] || gap == [UInt8(ascii: ":")] else { return nil }
        guard let v = (start...k).last(where: { i in
            let term = scan.tokens[i].term
            return !scan.inQuote(i) && (Self.meVerbs.contains(term) || Self.afterVerb(term) != nil || term == "menurut" || term == "menurutnya")
        }), k - v <= 12 else { return nil }
        if gap.isEmpty && v != k { return nil }
        let term = scan.tokens[v].term
        if term == "menurutnya" { return pronoun(at: scan.tokens[v].range.lowerBound, in: scan, state: state, cue: term) }
        if term == "menurut" { return speakerPhrase(from: v + 1, in: scan, state: state, cue: term, limit: k + 1) }
        if let verb = Self.afterVerb(term), !Self.meVerbs.contains(term) {
            if verb.pronoun { return pronoun(at: scan.tokens[v].range.lowerBound, in: scan, state: state, cue: term) }
            return speakerPhrase(from: v + 1, in: scan, state: state, cue: term, limit: k + 1)
        }
        return subject(before: v, from: start, in: scan, state: state)
    }

    /// Indirect quotes: `Menurut X, …` and `X <speech verb> bahwa|agar|, …`, one per sentence.
    private func findIndirect(_ scan: inout ParagraphScan, state: ArticleState) {
        var a = 0
        let tokens = scan.tokens
        while a < tokens.count {
            var b = a + 1
            while b < tokens.count, !scan.boundary(before: b) { b += 1 }
            defer { a = b }
            // Sentences that lead into quotation marks are the direct quote's cue.
            guard !(a..<b).contains(where: scan.inQuote) else { continue }
            if a == 0, scan.leadingClose != nil { continue }
            // '…," tutur Maduro mengatakan kepada …': the tail of a quotation's cue.
            if a > 0, scan.inQuote(a - 1), Self.afterVerb(tokens[a].term) != nil || (a..<min(b, a + 5)).contains(where: {
                Self.meVerbs.contains(tokens[$0].term) }) { continue }
            let end = tokens[b - 1].range.upperBound
            if let next = scan.spans.first(where: { $0.open >= end }),
               scan.bytes[end..<next.open].allSatisfy({ $0 == 0x20 || $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: ":") }) {
                continue
            }
            if let quote = indirect(in: a..<b, scan: scan, state: state) { scan.indirect.append(quote) }
        }
    }

    private func indirect(in sentence: Range<Int>, scan: ParagraphScan, state: ArticleState) -> (Attribution, Range<Int>)? {
        let tokens = scan.tokens
        let sentenceEnd = scan.sentenceEndByte(after: tokens[sentence.upperBound - 1].range.upperBound)
        if let v = sentence.first(where: { tokens[$0].term == "menurut" || tokens[$0].term == "menurutnya" }) {
            // The speaker runs up to the comma: "Menurut Kepala BPS Suhariyanto, …".
            var c = v + 1
            while c < sentence.upperBound, c - v <= 8, !scan.gap(before: c).contains(UInt8(ascii: ",")) { c += 1 }
            guard c < sentence.upperBound, scan.gap(before: c).contains(UInt8(ascii: ",")), sentence.upperBound - c >= 3 else { return nil }
            let found: Attribution?
            if tokens[v].term == "menurutnya" {
                found = c == v + 1 ? pronoun(at: tokens[v].range.lowerBound, in: scan, state: state, cue: "menurutnya") : nil
            } else {
                found = speakerPhrase(from: v + 1, in: scan, state: state, cue: "menurut", limit: c, strict: true)
            }
            guard let found else { return nil }
            return (found, tokens[c].range.lowerBound..<sentenceEnd)
        }
        if let quote = insertedCue(in: sentence, scan: scan, state: state, end: sentenceEnd) { return quote }
        guard let v = sentence.first(where: { Self.meVerbs.contains(tokens[$0].term) }), v > sentence.lowerBound,
              !Self.notBeforeVerb.contains(tokens[v - 1].term) else { return nil }
        let verb = tokens[v].term
        guard v + 1 < sentence.upperBound else {
            return nil
        }
        // "X menyampaikan hal itu saat …" points back at a quote; it reports nothing new.
        let comma = scan.gap(before: v + 1).contains(UInt8(ascii: ","))
        if !comma, Self.pointers.contains(tokens[v + 1].term) || Self.notReported.contains(tokens[v + 1].term)
            || (tokens[v + 1].term == "hal" && v + 2 < sentence.upperBound && Self.pointers.contains(tokens[v + 2].term)) {
            return nil
        }
        var contentStart: Int?
        if comma {
            contentStart = v + 1
        } else if tokens[v + 1].term == "kalau" {
            contentStart = v + 2 < sentence.upperBound ? v + 2 : nil
        } else if let m = (v + 1..<min(sentence.upperBound, v + 25)).first(where: { Self.complementizers.contains(tokens[$0].term) }),
                  tokens[m].term == "bahwa" || (tokens[m].term != "untuk" && Self.requestVerbs.contains(verb))
                      || (tokens[m].term == "untuk" && (verb == "meminta" || verb == "mengajak")) {
            contentStart = tokens[m].term == "bahwa" ? m + 1 : v + 1
        } else if Self.clauseVerbs.contains(verb), sentence.upperBound - v >= 2 {
            contentStart = v + 1
        }
        guard let start = contentStart, start < sentence.upperBound else { return nil }
        guard let found = subject(before: v, from: sentence.lowerBound, in: scan, state: state) else { return nil }
        return (found, tokens[start].range.lowerBound..<sentenceEnd)
    }

    /// A cue set into a sentence between commas: "Saat ini, kata Kasdi, Kementan …",
    /// "Apalagi, lanjut Din, jika …"; the sentence is what was said.
    private func insertedCue(in sentence: Range<Int>, scan: ParagraphScan, state: ArticleState, end: Int) -> (Attribution, Range<Int>)? {
        let tokens = scan.tokens
        for i in sentence where i > sentence.lowerBound && i + 2 < sentence.upperBound {
            guard let verb = Self.afterVerb(tokens[i].term), !Self.meVerbs.contains(tokens[i].term), tokens[i].term != "aku",
                  i - sentence.lowerBound <= 4 || scan.gap(before: i).contains(UInt8(ascii: ",")) else { continue }
            var c = i + 1
            while c < sentence.upperBound, c - i <= 8, !scan.gap(before: c).contains(UInt8(ascii: ",")) { c += 1 }
            guard c < sentence.upperBound - 1, scan.gap(before: c).contains(UInt8(ascii: ",")) else { continue }
            let found = verb.pronoun ? (c == i + 1 ? pronoun(at: tokens[i].range.lowerBound, in: scan, state: state, cue: tokens[i].term) : nil)
                : speakerPhrase(from: i + 1, in: scan, state: state, cue: tokens[i].term, limit: c, strict: true)
            guard let found else { continue }
            return (found, tokens[sentence.lowerBound].range.lowerBound..<end)
        }
        return nil
    }

    // MARK: - speakers

    /// The speaker named right after a cue verb, up to the end of the phrase ("kata
    /// Sekretaris Kemenko Perekonomian Susiwijono Moegiarso dalam keterangan resmi").
    private func speakerPhrase(from s: Int, in scan: ParagraphScan, state: ArticleState, cue: String,
                               limit: Int? = nil, strict: Bool = false) -> Attribution? {
        let tokens = scan.tokens
        // '"…," ungkap.': the scraper dropped the name; the last speaker.
        guard s < tokens.count, !scan.boundary(before: s) || Self.afterVerb(cue) == nil else {
            return Self.afterVerb(cue) != nil ? pronoun(at: scan.bytes.count, in: scan, state: state, cue: cue) : nil
        }
        var e = s
        let hardLimit = min(limit ?? tokens.count, s + 12)
        while e < hardLimit {
            if e > s, scan.boundary(before: e) || scan.inQuote(e) { break }
            if Self.phraseStops.contains(tokens[e].term) && e > s { break }
            e += 1
        }
        guard e > s else { return nil }
        if Self.pronouns.contains(tokens[s].term) || Self.phraseStops.contains(tokens[s].term) {
            return pronoun(at: tokens[s].range.lowerBound, in: scan, state: state, cue: cue)
        }
        // "kata pelatih asal Jepang itu", "ujar mantan Kapolda Papua itu", "terang Politikus
        // Partai Golkar itu" (no name in it): the last speaker.
        let window = (s..<e).map { tokens[$0].term }
        let named = scan.mentions.contains { $0.range.lowerBound >= tokens[s].range.lowerBound && $0.range.lowerBound < tokens[e - 1].range.upperBound }
        if !scan.isUpper(s) || window.first == "mantan" || !named,
           (e < tokens.count && Self.demonstratives.contains(tokens[e].term) && !scan.boundary(before: e))
            || window.contains(where: Self.anaphoraMarks.contains) {
            return pronoun(at: tokens[s].range.lowerBound, in: scan, state: state, cue: cue)
        }
        let lower = tokens[s].range.lowerBound
        let upper = tokens[e - 1].range.upperBound
        if window.count == 1, let only = window.first, ["pria", "wanita", "perempuan", "lelaki", "sosok"].contains(only) {
            return pronoun(at: tokens[s].range.lowerBound, in: scan, state: state, cue: cue)
        }
        if let mention = scan.mentions.last(where: { $0.range.lowerBound >= lower && $0.range.lowerBound < upper })
            ?? windowMentions(lower..<upper, in: scan, state: state).last {
            let key = mention.key ?? mention.candidate
            var role = scan.trimmed(lower..<mention.range.lowerBound)
            if role.isEmpty {
                // An office after the name: "kata Budi, Kepala Dinas Kesehatan".
                if let after = tokens.firstIndex(where: { $0.range.lowerBound >= mention.range.upperBound }), after < e,
                   scan.gap(before: after).contains(UInt8(ascii: ",")), isOffice(tokens[after].term) {
                    role = scan.trimmed(tokens[after].range.lowerBound..<upper)
                }
            }
            guard isOfficeText(role) || role.isEmpty else {
                // "kata Pasi Intel Kodim 0707 Wonosobo": a place read as a name after a non-office.
                if mention.key == nil, !mention.candidate.contains(" ") {
                    return Attribution(speaker: Quote.Speaker(description: scan.trimmed(lower..<upper)), role: nil, cue: cue)
                }
                return Attribution(speaker: Quote.Speaker(key: key, name: state.name(for: key, written: mention.name)),
                                   role: nil, cue: cue)
            }
            return Attribution(speaker: Quote.Speaker(key: key, name: state.name(for: key, written: mention.name)),
                               role: role.isEmpty ? nil : role, cue: cue)
        }
        // A lone capitalised word the recogniser left alone ("Menurut Yasonna,") is the
        // person of the article whose name contains it.
        if scan.isUpper(s), let key = state.resolve(tokens[s].term), !scan.agencies.contains(where: { $0.range.contains(lower) }) {
            return Attribution(speaker: Quote.Speaker(key: key, name: state.name(for: key, written: scan.trimmed(tokens[s].range))),
                               role: nil, cue: cue)
        }
        // "kata Hotman," "ujar Rahim": one capitalised word the recogniser left alone.
        if e - s == 1, scan.isUpper(s), !isOffice(tokens[s].term), !lexicon.notNames.contains(tokens[s].term),
           !scan.agencies.contains(where: { $0.range.contains(lower) }), tokens[s].kind == .word {
            let key = tokens[s].term
            return Attribution(speaker: Quote.Speaker(key: key, name: state.name(for: key, written: scan.trimmed(tokens[s].range))),
                               role: nil, cue: cue)
        }
        let description = scan.trimmed(lower..<upper)
        if Self.phraseStops.contains(tokens[s].term) || Self.plural.contains(tokens[s].term)
            || Self.roleConnectors.contains(tokens[e - 1].term) { return nil }
        if let agency = scan.agencies.first(where: { $0.range.lowerBound >= lower && $0.range.lowerBound < upper }) {
            return Attribution(speaker: Quote.Speaker(description: description, agency: agency.agency), role: nil, cue: cue)
        }
        guard e - s <= 6, !description.isEmpty else { return nil }
        if strict {
            guard e - s <= 3, !Self.notSpeakers.contains(tokens[s].term) else { return nil }
        }
        return Attribution(speaker: Quote.Speaker(description: description), role: nil, cue: cue)
    }

    /// The subject of a speech verb at token `v`: a person named before it, a pronoun,
    /// a body, or a short description ("Seorang warga mengatakan").
    private func subject(before v: Int, from start: Int, in scan: ParagraphScan, state: ArticleState) -> Attribution? {
        let tokens = scan.tokens
        let cue = tokens[v].term
        let verbStart = tokens[v].range.lowerBound
        let sentenceStart = tokens[start].range.lowerBound
        // The first person of the sentence followed only by adverbs, an appositive ("Fauzi,
        // salah satu saksi …", "Agus (30),", "Bahrun selaku Kepala Desa …") or the verb.
        var inSentence = scan.mentions.filter {
            $0.range.upperBound <= verbStart && $0.range.lowerBound >= sentenceStart && !scan.inQuoteByte($0.range.lowerBound)
        }
        if inSentence.isEmpty { inSentence = windowMentions(sentenceStart..<verbStart, in: scan, state: state) }
        func index(after mention: Mention) -> Int? { tokens.firstIndex { $0.range.lowerBound >= mention.range.upperBound } }
        func index(before mention: Mention) -> Int? { tokens.lastIndex { $0.range.upperBound <= mention.range.lowerBound } }
        // "Bahrun selaku Kepala Desa Selamat menjelaskan": the name the office is given to.
        if let marked = inSentence.first(where: { m in index(after: m).map { $0 < v && Self.appositiveMarks.contains(tokens[$0].term) } ?? false }) {
            return person(marked, cue: cue, role: roleBefore(marked, from: start, in: scan), state: state)
        }
        // A name right before the verb wins ("Asisten Pribadi BJ Habibie, Rubijanto meluruskan"),
        // unless it is one word that names no one of the article ("… Kepala Desa Selamat").
        if let last = inSentence.last,
           last.key != nil || last.candidate.contains(" ") || scan.trimmedBytes(0..<last.range.lowerBound).last == UInt8(ascii: ","),
           tokens.indices.filter({ tokens[$0].range.lowerBound >= last.range.upperBound && $0 < v })
               .allSatisfy({ Self.adverbs.contains(tokens[$0].term) && !Self.demonstratives.contains(tokens[$0].term) }) {
            // "Rosyidi dan Masra mengaku", "Baik Hendra maupun Ahsan": several speakers, none alone.
            if let b = index(before: last), b >= start, Self.joiners.contains(tokens[b].term) { return nil }
            return person(last, cue: cue, role: roleBefore(last, from: start, in: scan), state: state)
        }
        let ordered = inSentence.filter { $0.key != nil } + inSentence.filter { $0.key == nil }
        for mention in ordered {
            let between = tokens.indices.filter { tokens[$0].range.lowerBound >= mention.range.upperBound && $0 < v }
            let gapText = scan.trimmedBytes(mention.range.upperBound..<verbStart)
            if let first = between.first, Self.demonstratives.contains(tokens[first].term), between.count <= 2 {
                // "pelantun Aishiteru itu mengaku": a description pointing back.
                return pronoun(at: mention.range.lowerBound, in: scan, state: state, cue: cue)
            }
            let appositive = gapText.first == UInt8(ascii: ",") || gapText.first == UInt8(ascii: "(")
                || between.first.map { Self.appositiveMarks.contains(tokens[$0].term) } ?? false
            guard between.count <= 10,
                  appositive || between.allSatisfy({ Self.adverbs.contains(tokens[$0].term) || tokens[$0].kind == .number }) else { continue }
            var role = roleBefore(mention, from: start, in: scan)
            if role == nil, appositive, let first = between.first(where: { isOffice(tokens[$0].term) }) {
                role = scan.trimmed(tokens[first].range.lowerBound..<tokens[between.last ?? first].range.upperBound)
            }
            return person(mention, cue: cue, role: role, state: state)
        }
        var p = v - 1
        while p >= start, Self.adverbs.contains(tokens[p].term) && !Self.demonstratives.contains(tokens[p].term) { p -= 1 }
        guard p >= start else { return nil }
        if p > start, Self.demonstratives.contains(tokens[p].term) {
            // "Juru strategi asal Norwegia itu menilai", "aktris berusia 36 tahun tersebut mengaku".
            return pronoun(at: tokens[start].range.lowerBound, in: scan, state: state, cue: cue)
        }
        while p >= start, Self.adverbs.contains(tokens[p].term) { p -= 1 }
        guard p >= start else { return nil }
        if Self.pronouns.contains(tokens[p].term) || tokens[p].term == "pihaknya" {
            return pronoun(at: tokens[p].range.lowerBound, in: scan, state: state, cue: tokens[p].term + " " + cue)
        }
        // "Sebelumnya Elza mengaku": a capitalised word the recogniser dropped, naming a person of the article.
        if scan.isUpper(p), p > start || !Self.notSubjects.contains(tokens[p].term), let key = state.resolve(tokens[p].term) {
            return Attribution(speaker: Quote.Speaker(key: key, name: state.name(for: key, written: scan.trimmed(tokens[p].range))),
                               role: nil, cue: cue)
        }
        if let agency = scan.agencies.last(where: { $0.range.upperBound == tokens[p].range.upperBound }),
           agency.range.lowerBound >= sentenceStart {
            let description = scan.trimmed(agency.range)
            return Attribution(speaker: Quote.Speaker(description: description, agency: agency.agency), role: nil, cue: cue)
        }
        // "…, Din mengungkapkan, …", "Din berpendapat, …": one capitalised word before the
        // verb, at the start of the sentence or after a comma, that is a word of a person
        // of the article or a given name (``withFullNames(_:article:)`` completes it).
        if scan.isUpper(p), tokens[p].kind == .word, p == start || scan.gap(before: p).contains(UInt8(ascii: ",")),
           isLoneName(tokens[p].term, state: state), scan.trimmed(tokens[p].range).dropFirst().contains(where: \.isLowercase) {
            let key = tokens[p].term
            return Attribution(speaker: Quote.Speaker(key: key, name: scan.trimmed(tokens[p].range)), role: nil, cue: cue)
        }
        // "Penyelidik PBB mengatakan", "puluhan mahasiswa meminta …": people described, not named.
        let from = (start...p).last(where: { $0 > start && scan.gap(before: $0).contains(UInt8(ascii: ",")) }) ?? start
        if p - from < 5, Self.describedPeople.contains(tokens[from].term)
            || (from + 1 <= p && Self.quantifiers.contains(tokens[from].term) && Self.describedPeople.contains(tokens[from + 1].term)),
           !(from...p).contains(where: { scan.inQuote($0) || Self.notSubjects.contains(tokens[$0].term) }) {
            let description = scan.trimmed(tokens[from].range.lowerBound..<tokens[p].range.upperBound)
            let agency = scan.agencies.first { $0.range.lowerBound >= tokens[from].range.lowerBound && $0.range.upperBound <= tokens[p].range.upperBound }
            return Attribution(speaker: Quote.Speaker(description: description, agency: agency?.agency), role: nil, cue: cue)
        }
        // "Direktur Jenderal Perhubungan Laut Kementerian Perhubungan mengatakan", "Polisi
        // menyatakan": an office or a body without a name, in capitals from the sentence start.
        if p - start < 8, !Self.notSubjects.contains(tokens[start].term), !Self.plural.contains(tokens[start].term),
           !Self.roleConnectors.contains(tokens[p].term),
           (start...p).allSatisfy({ scan.isUpper($0) || Self.roleConnectors.contains(tokens[$0].term) || tokens[$0].kind == .number }),
           !(start...p).contains(where: { scan.inQuote($0) }) {
            let description = scan.trimmed(tokens[start].range.lowerBound..<tokens[p].range.upperBound)
            let agency = scan.agencies.first { $0.range.lowerBound >= tokens[start].range.lowerBound && $0.range.upperBound <= tokens[p].range.upperBound }
            return Attribution(speaker: Quote.Speaker(description: description, agency: agency?.agency), role: nil, cue: cue)
        }
        return nil
    }

    /// The office written just before a name, within its sentence: "Kepala Badan
    /// Kesatuan Bangsa dan Politik (Kesbangpol) Provinsi Sumsel".
    private func roleBefore(_ mention: Mention, from start: Int, in scan: ParagraphScan) -> String? {
        let tokens = scan.tokens
        guard var i = tokens.lastIndex(where: { $0.range.upperBound <= mention.range.lowerBound }), i >= start else { return nil }
        var first: Int?
        while i >= start {
            let token = tokens[i]
            let gapAfter = scan.bytes[token.range.upperBound..<(first.map { tokens[$0].range.lowerBound } ?? mention.range.lowerBound)]
            guard gapAfter.allSatisfy({ $0 == 0x20 || $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "(") || $0 == UInt8(ascii: ")") || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "/") || $0 == UInt8(ascii: ".") }) else { break }
            guard scan.isUpper(i) || Self.roleConnectors.contains(token.term) else { break }
            first = i
            i -= 1
        }
        // The run must start with an office: "Kepala …", "Pj Gubernur …", "Menteri …".
        while let f = first, f < tokens.count, !isOffice(tokens[f].term) {
            let next = f + 1
            guard next < tokens.count, tokens[next].range.upperBound <= mention.range.lowerBound else { return nil }
            first = next
        }
        guard let f = first else { return nil }
        let role = scan.trimmed(tokens[f].range.lowerBound..<mention.range.lowerBound)
        return role.isEmpty ? nil : role
    }

    /// Whether a lone capitalised word before a speech verb is a name: a word of a person
    /// of the article, or a given name, and no office, pronoun, opener or non-name.
    private func isLoneName(_ term: String, state: ArticleState) -> Bool {
        guard !isOffice(term), !Self.notSubjects.contains(term), !Self.plural.contains(term), !Self.pronouns.contains(term),
              !lexicon.notNames.contains(term), !lexicon.titles.contains(term), !Self.describedPeople.contains(term),
              !Self.quantifiers.contains(term) else { return false }
        return state.keys.contains(where: { $0.split(separator: " ").contains(Substring(term)) }) || lexicon.givenNames.contains(term)
    }

    func isOffice(_ term: String) -> Bool {
        lexicon.offices.contains(term) || lexicon.officePhrases[term] != nil || Self.officeHeads.contains(term)
    }

    private func isOfficeText(_ text: String) -> Bool {
        guard let first = Tokenizer().terms(text).first else { return false }
        return isOffice(first) || lexicon.titles.contains(first)
    }

    private func person(_ mention: Mention, cue: String, role: String?, state: ArticleState) -> Attribution {
        let key = mention.key ?? mention.candidate
        return Attribution(speaker: Quote.Speaker(key: key, name: state.name(for: key, written: mention.name)), role: role, cue: cue)
    }

    /// Who a pronoun cue at byte `position` refers to: the last person named before it
    /// outside quotation marks in the paragraph, else the article's last speaker, else
    /// the last person it named.
    private func pronoun(at position: Int, in scan: ParagraphScan, state: ArticleState, cue: String) -> Attribution? {
        if let earlier = scan.attributions(before: position).last {
            return Attribution(speaker: earlier.speaker, role: nil, cue: cue)
        }
        if let subject = scan.subjects().last(where: { $0.range.upperBound <= position }), let key = subject.key {
            return Attribution(speaker: Quote.Speaker(key: key, name: state.name(for: key, written: subject.name)), role: nil, cue: cue)
        }
        if let mention = scan.mentions.last(where: { $0.key != nil && $0.range.upperBound <= position && !scan.inQuoteByte($0.range.lowerBound) }),
           let key = mention.key {
            return Attribution(speaker: Quote.Speaker(key: key, name: state.name(for: key, written: mention.name)), role: nil, cue: cue)
        }
        if let speaker = state.antecedent {
            return Attribution(speaker: speaker, role: nil, cue: cue)
        }
        return nil
    }

    // MARK: - continuation

    /// Quotations over several paragraphs, cue-less quoted paragraphs after a quote, and
    /// cue-less quoted sentences next to an attributed one; then each paragraph's quotes.
    private func continueQuotes(_ scans: inout [ParagraphScan]) {
        // Runs of paragraphs joined by a quotation left open.
        var p = 0
        while p < scans.count {
            var q = p
            while q + 1 < scans.count, let last = scans[q].spans.last, !last.closed,
                  let next = scans[q + 1].spans.first, next.open == scans[q + 1].firstByte { q += 1 }
            if q == p, q + 1 < scans.count, let last = scans[q].spans.last, !last.closed, last.attribution == nil,
               let found = scans[q + 1].leadingAttribution {
                scans[q].spans[scans[q].spans.count - 1].attribution = found
            }
            if q > p {
                var spans = [(p, scans[p].spans.count - 1)]
                for r in p + 1...q { spans.append((r, 0)) }
                if let found = spans.compactMap({ scans[$0.0].spans[$0.1].attribution }).first {
                    for (r, s) in spans where scans[r].spans[s].attribution == nil { scans[r].spans[s].attribution = found }
                }
            }
            p = q + 1
        }
        var previous: Attribution?
        for p in scans.indices {
            var scan = scans[p]
            // A quoted sentence without a cue beside an attributed one in the paragraph.
            for s in scan.spans.indices where scan.spans[s].attribution == nil && scan.startsSentence(scan.spans[s]) {
                if let found = scan.spans[..<s].last(where: { $0.attribution != nil })?.attribution
                    ?? scan.spans[(s + 1)...].first(where: { $0.attribution != nil })?.attribution {
                    scan.spans[s].attribution = found
                } else if scan.spans[s].open == scan.firstByte, let previous {
                    // A paragraph opening with a quotation, after a paragraph with a quote.
                    scan.spans[s].attribution = previous
                } else if let previous, scan.spans[s].end >= scan.bytes.count - 1,
                          scan.mentions.allSatisfy({ $0.key == nil || $0.key == previous.speaker.key }) {
                    // "… Syarief juga tidak meneken kontrak politik. "Saat kami …"": the quote
                    // closing the paragraph, with no other person named, continues the speaker.
                    scan.spans[s].attribution = previous
                }
            }
            scan.buildQuotes()
            previous = scan.quotes.last.map { Attribution(speaker: $0.speaker, role: nil, cue: $0.cue) } ?? scan.intro
            scans[p] = scan
        }
    }
}

// MARK: - working types

/// A speaker with the cue and office that named them.
struct Attribution: Equatable {
    var speaker: Quote.Speaker
    var role: String?
    var cue: String
}

/// A person mention with its article key (nil when it stands for no person of the article).
struct Mention {
    var key: String?
    /// The recogniser's own key for it.
    var candidate: String
    var name: String
    var range: Range<Int>
}

/// One top-level pair of quotation marks, as UTF-8 offsets in the paragraph.
struct Span {
    /// The opening mark.
    var open: Int
    var innerStart: Int
    var innerEnd: Int
    /// After the closing mark (the paragraph's end when it is left open).
    var end: Int
    var closed: Bool
    var attribution: Attribution?
}

/// What the article said so far, for pronoun cues and linking names.
struct ArticleState {
    let keys: Set<String>
    /// The keys found in the body (the title's may glue words to a name: "Prediksi Tira Persikabo").
    var bodyKeys: Set<String> = []
    /// For each word, the words that follow it somewhere in the article ("" at the end of a paragraph).
    var followers: [String: Set<String>] = [:]
    /// The canonical names of the alias list ("sri mulyani indrawati"), never trimmed.
    var aliasTargets: Set<String> = []
    /// The keys ``EntityRecognizer`` gave the body's paragraphs.
    var entityKeys: Set<String> = []
    private var byWord: [String: Set<String>] = [:]
    private var names: [String: String] = [:]
    /// The last speaker, with where it was: (paragraph index, byte).
    var lastSpeaker: (Quote.Speaker, Int, Int)?
    /// The last person named at the start of a sentence (its subject).
    var lastSubject: (Quote.Speaker, Int, Int)?
    var lastMention: Quote.Speaker?

    /// Who a pronoun starting a paragraph stands for: the more recent of the last
    /// speaker and the last subject, else the last person named.
    var antecedent: Quote.Speaker? {
        switch (lastSpeaker, lastSubject) {
        case let (speaker?, subject?): return (subject.1, subject.2) > (speaker.1, speaker.2) ? subject.0 : speaker.0
        case let (speaker?, nil): return speaker.0
        case let (nil, subject?): return subject.0
        default: return lastMention
        }
    }

    init(keys: Set<String>) {
        self.keys = keys
        for key in keys where key.contains(" ") {
            for word in key.split(separator: " ") { byWord[String(word), default: []].insert(key) }
        }
    }

    /// The article's person key for a recognised name: itself, or the one full name that
    /// contains all its words ("fatoni" → "agus fatoni"); nil when it names nobody the
    /// recogniser kept.
    func resolve(_ candidate: String) -> String? {
        // A full name the article has stays itself ("din syamsuddin", not the headline's
        // "empat poin sikap din syamsuddin").
        // "Presiden Venezuela Nicolas Maduro": a first word the article also writes before
        // other words ("rakyat Venezuela dan …") is a place or a body, not part of the name.
        var words = candidate.split(separator: " ").map(String.init)
        while words.count > 2, let next = followers[words[0]], next.count > 1, !aliasTargets.contains(words.joined(separator: " ")) {
            words.removeFirst()
        }
        let candidate = words.joined(separator: " ")
        if candidate.contains(" "), entityKeys.contains(candidate) { return candidate }
        // "aksi raynaldi dongoran" where the recogniser, which knows "aksi" is a common word
        // of the article, kept "raynaldi dongoran".
        if candidate.contains(" ") {
            let words = Set(candidate.split(separator: " "))
            if let inner = entityKeys.filter({ $0.contains(" ") && Set($0.split(separator: " ")).isSubset(of: words) })
                .max(by: { $0.count < $1.count }) { return inner }
        }
        if candidate.contains(" "), bodyKeys.contains(candidate) { return candidate }
        if let key = resolve(candidate, among: bodyKeys) { return key }
        return resolve(candidate, among: nil)
    }

    private func resolve(_ candidate: String, among allowed: Set<String>?) -> String? {
        var found: Set<String>?
        for word in candidate.split(separator: " ") {
            var names = byWord[String(word)] ?? []
            // "Rissal" for "Rissalwan Habdy Lubis".
            if names.isEmpty, word.count >= 4 {
                names = Set(byWord.filter { $0.key.hasPrefix(word) }.values.joined())
            }
            if let allowed { names.formIntersection(allowed) }
            found = found.map { $0.intersection(names) } ?? names
        }
        if let found {
            var longer = found.filter { $0 != candidate }
            // "din syamsuddin" within "empat poin sikap din syamsuddin": the smaller name.
            if longer.count > 1, let smallest = longer.min(by: { $0.count < $1.count }),
               longer.allSatisfy({ Set($0.split(separator: " ")).isSuperset(of: smallest.split(separator: " ")) }) {
                longer = [smallest]
            }
            if longer.count == 1, let name = longer.first, name.split(separator: " ").count > candidate.split(separator: " ").count {
                return name
            }
        }
        if allowed != nil { return nil }
        if keys.contains(candidate) { return candidate }
        if let found, found.count == 1 { return found.first }
        return nil
    }

    mutating func noteName(_ written: String, for key: String) {
        if written.count > (names[key]?.count ?? 0) { names[key] = written }
    }

    /// The fullest spelling of the person in the article.
    func name(for key: String, written: String) -> String {
        if let name = names[key], name.count >= written.count { return name }
        return written
    }

    /// Gives every speaker of the article one key: a partial name ("kasdi") becomes the
    /// one fuller name of another quote's speaker that contains it ("kasdi subagyono").
    func unified(_ quotes: [Quote]) -> [Quote] {
        var quotes = quotes
        // "Direktur Jenderal Perkebunan Kementerian Pertanian Kasdi Subagyono" as a description,
        // when another quote names "Kasdi": the person, with the rest as the office.
        let single = Set(quotes.compactMap(\.speaker.key).filter { !$0.contains(" ") })
        let tokenizer = Tokenizer()
        for index in quotes.indices where quotes[index].speaker.key == nil {
            guard let description = quotes[index].speaker.description else { continue }
            let words = description.split(separator: " ")
            let terms = words.map { tokenizer.terms(String($0)).joined() }
            guard let at = terms.firstIndex(where: single.contains), at > 0, words.count - at <= 3,
                  words[at...].allSatisfy({ $0.first?.isUppercase ?? false }) else { continue }
            quotes[index].speaker = Quote.Speaker(key: terms[at...].joined(separator: " "), name: words[at...].joined(separator: " "))
            quotes[index].role = quotes[index].role ?? words[..<at].joined(separator: " ")
        }
        let speakers = Set(quotes.compactMap(\.speaker.key))
        var names: [String: String] = [:]
        for quote in quotes { if let key = quote.speaker.key, let name = quote.speaker.name { names[key] = names[key].map { $0.count >= name.count ? $0 : name } ?? name } }
        var mapping: [String: String] = [:]
        for key in speakers {
            let words = Set(key.split(separator: " "))
            var fuller = speakers.filter { $0 != key && Set($0.split(separator: " ")).isSuperset(of: words) }
            if fuller.isEmpty, !key.contains(" ") { fuller = bodyKeys.filter { $0 != key && Set($0.split(separator: " ")).isSuperset(of: words) } }
            if fuller.isEmpty, !key.contains(" "), let resolved = resolve(key), resolved != key { fuller = [resolved] }
            if fuller.count == 1, let name = fuller.first { mapping[key] = name }
        }
        return quotes.map { quote in
            guard let key = quote.speaker.key else { return quote }
            var quote = quote
            let target = mapping[key] ?? key
            quote.speaker.key = target
            let name = names[target] ?? quote.speaker.name ?? target
            // "Sjafrie" for "sjafrie sjamsoeddin": the key's words, capitalised.
            quote.speaker.name = name.split(separator: " ").count < target.split(separator: " ").count
                ? target.split(separator: " ").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined(separator: " ") : name
            return quote
        }
    }

    /// Remembers the paragraph's last speaker and last person named.
    mutating func finish(_ scan: ParagraphScan, index: Int, fallback: String?) {
        if let last = scan.attributions(before: Int.max).last { lastSpeaker = (last.speaker, index, last.position) }
        if let subject = scan.subjects().last, let key = subject.key {
            lastSubject = (Quote.Speaker(key: key, name: name(for: key, written: subject.name)), index, subject.range.lowerBound)
        }
        if let mention = scan.mentions.last(where: { $0.key != nil && !scan.inQuoteByte($0.range.lowerBound) }), let key = mention.key {
            lastMention = Quote.Speaker(key: key, name: name(for: key, written: mention.name))
        } else if !scan.mayQuote, let fallback {
            lastMention = Quote.Speaker(key: fallback, name: names[fallback] ?? fallback)
        }
    }
}
