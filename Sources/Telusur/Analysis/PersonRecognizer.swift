/// One mention of a person in a paragraph.
public struct PersonMention: Sendable, Equatable {
    /// The normalised name ("herman deru"): the key of the index term.
    public var key: String
    /// The name as written, without titles ("Herman Deru").
    public var name: String
    /// UTF-8 byte range of the whole surface form, titles and degrees included
    /// ("H. Herman Deru, SH., MM.").
    public var range: Range<Int>
    /// True when a title, rank or office stood before the name: evidence that a
    /// single word is a name.
    var hasTitle: Bool
    /// True when the mention itself vouches for a person: a title or office, a speech
    /// cue ("kata X", "X mengatakan"), an apposition ("X, Gubernur …", "X selaku"), a
    /// known alias, or a given name that starts a name of two or more words; and no
    /// place marker before it ("Jalan X"), no country, and no town or village unless a
    /// title or cue says so. ``EntityRecognizer`` also accepts a mention whose name is
    /// vouched for elsewhere in the article.
    var vouched: Bool
    /// True when the mention itself says it is no person: a place marker before it, a
    /// country, or a place list without a title or cue. Nothing else then vouches for it.
    var refuted = false
    /// The normalised office written with the mention ("gubernur sumatera selatan" from
    /// "Gubernur Sumsel H. Herman Deru" or "Herman Deru, Gubernur Sumsel"), if any.
    public var office: String?
}

/// Finds person names in Indonesian press text by rule: runs of capitalised words,
/// with honorifics, degrees, ranks and offices stripped, and capitalised words that
/// are not names (months, places, agencies, sentence openers) rejected. A run is a
/// person only when something vouches for it (``PersonMention/vouched``).
///
/// One paragraph at a time; ``EntityRecognizer`` links surname-only mentions to the
/// full names of the same article.
public struct PersonRecognizer: Sendable {
    let lexicon: EntityLexicon
    private let tokenizer = Tokenizer()

    /// Words of agency names that mark a capitalised run as a body, not a person.
    static let bodyWords: Set<String> = [
        "badan", "dinas", "kementerian", "komisi", "dewan", "majelis", "lembaga", "pengadilan", "kejaksaan",
        "kepolisian", "pemerintah", "pemprov", "pemkab", "pemkot", "polda", "polres", "polsek", "kodam", "korem",
        "kodim", "sekretariat", "direktorat", "inspektorat", "biro", "kantor", "rumah", "sakit", "universitas",
        "institut", "sekolah", "partai", "fraksi", "komite", "satuan", "pusat", "balai", "otoritas", "bank",
    ]

    public init(lexicon: EntityLexicon) {
        self.lexicon = lexicon
    }

    private var regionKeys: Set<String> { lexicon.regionKeys }
    private var agencyKeys: Set<String> { lexicon.agencyKeys }

    private enum Role { case name, title, office, particle, other }

    private struct Word {
        var token: Token
        var surface: Substring
        var role: Role
        /// The text between the previous word and this one.
        var gap: Substring
        /// The position in the paragraph's words.
        var index: Int
    }

    /// The person mentions of one paragraph that stand on their own: names of two or
    /// more words, single words a title or office vouches for, and known aliases.
    public func mentions(in text: String) -> [PersonMention] {
        candidates(in: text, tokens: Self.words(of: text)).filter(\.vouched)
    }

    /// The tokens the recognizers read: words and numbers, compound whole forms left out.
    static func words(of text: String) -> [Token] {
        Tokenizer().tokenize(text).filter { $0.kind != .compound }
    }

    /// Every capitalised name-like mention, single words included; the article-level
    /// linking of ``EntityRecognizer`` decides about the single words.
    func candidates(in text: String, tokens: [Token]) -> [PersonMention] {
        let words = classify(text, tokens: tokens, query: false)
        var mentions: [PersonMention] = []
        var i = 0
        while i < words.count {
            // A run: words joined only by spaces (or the ". " after an abbreviation).
            var j = i + 1
            while j < words.count, joins(words[j - 1], words[j]) { j += 1 }
            mentions.append(contentsOf: names(in: words[i..<j], text: text, all: words, end: j))
            i = j
        }
        vouchForLists(&mentions, in: text)
        return mentions
    }

    /// "Neneng Sri Wahyuni, Yulianis, dan Oktarina Putri": names listed beside a vouched
    /// name are names too.
    private func vouchForLists(_ mentions: inout [PersonMention], in text: String) {
        guard mentions.count > 1, mentions.contains(where: \.vouched) else { return }
        let bytes = Array(text.utf8)
        func listed(_ left: PersonMention, _ right: PersonMention) -> Bool {
            guard left.range.upperBound <= right.range.lowerBound, right.range.lowerBound - left.range.upperBound <= 8 else { return false }
            let between = String(decoding: bytes[left.range.upperBound..<right.range.lowerBound], as: UTF8.self)
            return Self.listGaps.contains(between)
        }
        var changed = true
        while changed {
            changed = false
            for i in mentions.indices where !mentions[i].vouched && !mentions[i].refuted {
                let near = (i > 0 && mentions[i - 1].vouched && listed(mentions[i - 1], mentions[i]))
                    || (i + 1 < mentions.count && mentions[i + 1].vouched && listed(mentions[i], mentions[i + 1]))
                if near {
                    mentions[i].vouched = true
                    changed = true
                }
            }
        }
    }

    private static let listGaps: Set<String> = [", ", " dan ", ", dan ", " serta ", " atau ", ", serta ", " - ", "-", " – "]

    /// Normalises a name as typed in a query: titles, degrees and offices dropped,
    /// case and accents folded ("Dr. Herman Deru, SH" → "herman deru").
    public func queryKey(_ text: String) -> String {
        let words = classify(text, tokens: Self.words(of: text), query: true).filter { $0.role == .name || $0.role == .particle }
        let key = words.map(\.token.term).joined(separator: " ")
        if let alias = lexicon.personAliases[key] { return EntityLexicon.key(alias, tokenizer) }
        return key
    }

    /// Splits text into words with their roles. In a query, case carries no meaning.
    private func classify(_ text: String, tokens: [Token], query: Bool) -> [Word] {
        let utf8 = text.utf8
        var words: [Word] = []
        var previousEnd = 0
        words.reserveCapacity(tokens.count)
        for token in tokens {
            let start = utf8.index(utf8.startIndex, offsetBy: token.range.lowerBound)
            let end = utf8.index(utf8.startIndex, offsetBy: token.range.upperBound)
            let gapStart = utf8.index(utf8.startIndex, offsetBy: min(previousEnd, token.range.lowerBound))
            let surface = text[start..<end]
            words.append(Word(token: token, surface: surface, role: role(of: token, surface: surface, query: query),
                              gap: text[gapStart..<start], index: words.count))
            previousEnd = token.range.upperBound
        }
        markOffices(&words, query: query)
        return words
    }

    /// Marks multi-word offices ("Wali Kota", "Sekretaris Daerah", "Wakil Ketua").
    private func markOffices(_ words: inout [Word], query: Bool) {
        var i = 0
        while i < words.count {
            guard let phrases = lexicon.officePhrases[words[i].token.term],
                  query || words[i].surface.unicodeScalars.first?.properties.isUppercase == true else {
                i += 1
                continue
            }
            var matched = 0
            for phrase in phrases where i + phrase.count <= words.count {
                if zip(phrase, words[i..<(i + phrase.count)]).allSatisfy({ $0 == $1.token.term }) {
                    matched = phrase.count
                    break
                }
            }
            for k in i..<(i + matched) { words[k].role = .office }
            i += max(1, matched)
        }
    }

    private func role(of token: Token, surface: Substring, query: Bool) -> Role {
        guard let first = surface.utf8.first else { return .other }
        let term = token.term
        // Most words are lower-case ASCII: only a particle or "dr." can matter then.
        if !query, (0x61...0x7a).contains(first) {
            if lexicon.particles.contains(term) { return .particle }
            return term.hasPrefix("dr") && lexicon.titles.contains(term) ? .title : .other
        }
        let upper = query || (surface.unicodeScalars.first?.properties.isUppercase ?? false)
        if lexicon.titles.contains(term) && (upper || term.hasPrefix("dr")) { return .title }
        if lexicon.offices.contains(term) && upper { return .office }
        if upper, lexicon.officePrefixes.contains(where: { term.utf8.count > $0.utf8.count + 1 && term.hasPrefix($0) }) {
            return .office
        }
        if !upper {
            return lexicon.particles.contains(term) ? .particle : .other
        }
        if token.kind == .number { return .other }
        if query { return .name }
        // An acronym (KPU, TNI) is not a name word; a single capital is an initial.
        var letters = 0
        var capitals = 0
        for scalar in surface.unicodeScalars where scalar.properties.isAlphabetic {
            letters += 1
            if scalar.properties.isUppercase { capitals += 1 }
        }
        if letters > 1 && letters == capitals { return lexicon.aliasSurfaces.contains(String(surface)) ? .name : .other }
        return .name
    }

    private func joins(_ left: Word, _ right: Word) -> Bool {
        guard left.role != .other, right.role != .other else { return false }
        let gap = right.gap
        if gap.allSatisfy({ $0 == " " || $0 == "\u{00A0}" }) { return true }
        // "H. Herman", "Dr. H. M Alfajri": a period after a title or an initial.
        let abbreviated = left.role == .title || (left.role == .name && left.surface.count == 1)
        return abbreviated && (gap == ". " || gap == "." || gap == ".\u{00A0}")
    }

    private func names(in run: ArraySlice<Word>, text: String, all: [Word], end: Int) -> [PersonMention] {
        var result: [PersonMention] = []
        var segment: [Word] = []
        var titled = false
        var surfaceStart: Int?
        func flush(next: Int) {
            defer {
                segment.removeAll()
                surfaceStart = nil
            }
            while let last = segment.last, last.role == .particle { segment.removeLast() }
            trimCommonWords(&segment, from: &surfaceStart)
            // "Gubernur DKI Jakarta Anies Baswedan": a place before the name is not part of it.
            stripLeadingRegion(&segment, from: &surfaceStart)
            while segment.count > 1, let last = segment.last, regionKeys.contains(last.token.term) { segment.removeLast() }
            // "Presiden Amerika Serikat Donald Trump": a name may follow a place or another
            // non-name word; keep what follows the last one. A body's name ("Badan ...") is
            // never a person.
            // A body's name ("Badan ...", "Universitas Gadjah Mada") is never a person;
            // only a known alias may follow one ("Partai Demokrat SBY").
            let inBody = segment.contains(where: { Self.bodyWords.contains($0.token.term) })
            if segment.contains(where: isNotName) {
                // The longest run of name words; on a tie the later one ("Presiden Amerika
                // Serikat Donald Trump", "Firli Bahuri Terpilih Jadi").
                var best = 0..<0
                var start = 0
                for (i, word) in segment.enumerated() where isNotName(word) {
                    if i - start >= best.count && i > start { best = start..<i }
                    start = i + 1
                }
                if segment.count - start >= best.count && segment.count > start { best = start..<segment.count }
                // A lone word left by the cut is too weak to call a name.
                let runKey = segment[best].map(\.token.term).joined(separator: " ")
                let alias = !best.isEmpty && lexicon.personAliases[runKey] != nil
                // After a body's name only a name that ends the run and starts with a given
                // name: "Ketua Umum Partai Golkar Aburizal Bakrie", not "Universitas Gadjah Mada".
                let namedAfterBody = inBody && best.count >= 2 && best.upperBound == segment.count
                    && (titled || segment[best].first.map { isGivenName($0.token.term) || lexicon.nameWords.contains($0.token.term) } == true)
                // One known name word before a headline verb stays: "Wiranto Ditusuk".
                // Only before a headline verb: not "Real Madrid", "Duta Besar", "Mariana Utara".
                let leadingName = !inBody && best.count == 1 && best.lowerBound == 0 && segment.count > 1
                    && (isGivenName(segment[0].token.term) || lexicon.nameWords.contains(segment[0].token.term))
                    && (lexicon.headlineVerbs.contains(segment[1].token.term) || Self.isDerivedWord(segment[1].token.term))
                let kept = alias || leadingName || (best.count >= 2 && (!inBody || namedAfterBody)) ? Array(segment[best]) : []
                if kept.first?.token.range.lowerBound != segment.first?.token.range.lowerBound {
                    surfaceStart = kept.first?.token.range.lowerBound
                }
                segment = kept
                while let first = segment.first, first.role == .particle { segment.removeFirst() }
                trimCommonWords(&segment, from: &surfaceStart)
            }
            guard let first = segment.first, let last = segment.last else { return }
            let key = segment.map(\.token.term).joined(separator: " ")
            guard accepts(segment, key: key) else { return }
            var upper = last.token.range.upperBound
            // Degrees after the name: "Rustam, SH., MH", "Deru, SH., MM."
            if next == end {
                var k = end
                while k < all.count, all[k].role == .title, lexicon.degreesAfter.contains(all[k].token.term),
                      all[k].gap.allSatisfy({ $0 == "," || $0 == "." || $0 == " " }) {
                    upper = all[k].token.range.upperBound
                    k += 1
                }
                if upper != last.token.range.upperBound, text.utf8.count > upper,
                   text.utf8[text.utf8.index(text.utf8.startIndex, offsetBy: upper)] == UInt8(ascii: ".") {
                    upper += 1
                }
            }
            let lower = surfaceStart ?? first.token.range.lowerBound
            let name = segment.map { String($0.surface) }.joined(separator: " ")
            // A one-word alias only in its own spelling ("SBY", not "Sby").
            if segment.count == 1, lexicon.personAliases[key] != nil, !lexicon.aliasSurfaces.contains(String(first.surface)) {
                return
            }
            let evidence = vouches(segment, key: key, titled: titled, in: all)
            result.append(PersonMention(key: lexicon.personAliases[key].map { EntityLexicon.key($0, tokenizer) } ?? key,
                                        name: lexicon.personAliases[key] ?? name, range: lower..<upper, hasTitle: titled,
                                        vouched: evidence == .vouched, refuted: evidence == .refuted,
                                        office: evidence == .refuted ? nil : office(of: first, last, in: all)))
        }
        var titleStart: Int?
        for (offset, word) in run.enumerated() {
            switch word.role {
            case .name, .particle:
                if segment.isEmpty && word.role == .particle { continue }
                if segment.isEmpty { surfaceStart = titleStart ?? word.token.range.lowerBound }
                segment.append(word)
            case .title, .office:
                flush(next: run.startIndex + offset)
                titled = true
                // Honorifics and degrees belong to the surface form; offices do not.
                if word.role == .title { titleStart = titleStart ?? word.token.range.lowerBound } else { titleStart = nil }
            case .other:
                flush(next: run.startIndex + offset)
            }
        }
        flush(next: end)
        return result
    }

    /// "Seandainya Ani", "Mundurnya Hary Tanoesoedibyo": a word the corpus mostly writes
    /// in lower case, at either edge of a run, is a sentence opener or a headline word.
    private func trimCommonWords(_ segment: inout [Word], from start: inout Int?) {
        func common(_ word: Word) -> Bool {
            word.role == .name && lexicon.commonWords.contains(word.token.term) && lexicon.personAliases[word.token.term] == nil
        }
        var trimmed = false
        while let first = segment.first, common(first) {
            segment.removeFirst()
            trimmed = true
        }
        while let first = segment.first, first.role == .particle { segment.removeFirst() }
        if trimmed { start = segment.first?.token.range.lowerBound }
        // Only at the front: a surname may be a common word too ("Ardian Sofa", "Budi Karya").
        while let last = segment.last, last.role == .particle { segment.removeLast() }
    }

    /// Whether the mention itself vouches for a person (see ``PersonMention/vouched``).
    private enum Evidence { case vouched, refuted, open }

    private func vouches(_ segment: [Word], key: String, titled: Bool, in all: [Word]) -> Evidence {
        guard let first = segment.first, let last = segment.last else { return .refuted }
        if lexicon.personAliases[key] != nil { return .vouched }
        // Back over the titles and offices before the name: "Jalan Jenderal Sudirman", "kata Ketua Bambang".
        // Over a region or party between them too: "Gubernur DKI Jakarta Anies Baswedan",
        // "Ketua Umum Partai Golkar Aburizal Bakrie".
        var k = first.index
        var titled = titled
        while k > 0, Self.isNear(all[k].gap) {
            let word = all[k - 1]
            if word.role == .title || word.role == .office {
                titled = true
            } else if !(regionKeys.contains(word.token.term) || agencyKeys.contains(word.token.term)
                        || word.token.term == "partai" || word.token.term == "fraksi") {
                break
            }
            k -= 1
        }
        while k < first.index, all[k].role != .title, all[k].role != .office, !lexicon.placeWords.contains(all[k].token.term) { k += 1 }
        let before = k > 0 && Self.isNear(all[k].gap) ? all[k - 1] : nil
        if let before, lexicon.placeWords.contains(before.token.term) { return .refuted }
        // "Rumah Sakit Pusat Angkatan Darat (RSPAD) Gatot Soebroto".
        if k > 0, all[k].gap.trimmingCharacters(in: .whitespaces) == ")", lexicon.placeWords.contains(all[k - 1].token.term) {
            return .refuted
        }
        // "King Fahd International Stadium", "Habibie Award", "Djarum Foundation".
        var n = last.index + 1
        while n < all.count, n <= last.index + 2, Self.isNear(all[n].gap), !Self.isLowercase(all[n].surface) {
            if lexicon.placeWordsAfter.contains(all[n].token.term) { return .refuted }
            n += 1
        }
        // The place is the whole run with its titles: "Raja Ampat", not "Ampat".
        let whole = all[k...last.index].map(\.token.term).joined(separator: " ")
        let place = lexicon.places[key] ?? lexicon.places[whole]
        // A title that is part of a place's name ("Raja Ampat") vouches for nothing.
        if place == .country || (whole != key && (regionKeys.contains(whole) || lexicon.places[whole] != nil)) { return .refuted }
        var cue = false
        let cueBefore = before.map { lexicon.speechBefore.contains($0.token.term) } ?? false
        if cueBefore { cue = true }
        var a = last.index + 1
        while a < all.count, all[a].role == .title, lexicon.degreesAfter.contains(all[a].token.term) { a += 1 }
        // "Ruhut juga mengatakan", "Romahurmuziy, telah menyatakan".
        var skipped = 0
        while a + 1 < all.count, skipped < 2, lexicon.speechAdverbs.contains(all[a].token.term), Self.isLowercase(all[a].surface),
              Self.isNear(all[a + 1].gap) {
            a += 1
            skipped += 1
        }
        if !cue, a < all.count {
            let after = all[a]
            let gap = all[skipped > 0 ? a - skipped : a].gap.filter { $0 != " " && $0 != "\u{00A0}" }
            if (gap.isEmpty || gap == ","), Self.isLowercase(after.surface), lexicon.speechAfter.contains(after.token.term) {
                cue = true
            } else if gap == ",", after.role == .office || (after.role == .title && !lexicon.degreesAfter.contains(after.token.term)) {
                // Apposition: "Agus Fatoni, Pj Gubernur Sumsel".
                cue = true
            } else if gap == ",", Self.isLowercase(after.surface), lexicon.offices.contains(after.token.term) || lexicon.officePhrases[after.token.term] != nil {
                // In lower case: "Smith, wakil presiden Philip Morris".
                cue = true
            }
        }
        // A lone office word is not a name ("kata Wakil Sekretaris ...": "Wakil").
        if segment.count == 1, lexicon.officePhrases[first.token.term] != nil { return .refuted }
        // A name made only of common words is a phrase ("Tindak Pidana Korupsi", "Asasi Manusia").
        if segment.allSatisfy({ $0.role != .name || (lexicon.commonWords.contains($0.token.term) && !isGivenName($0.token.term)) }) {
            return .refuted
        }
        // "Menteri Agraria dan Tata Ruang": one word after an office, then "dan" and a
        // capitalised word, is a portfolio.
        if segment.count == 1, titled, last.index + 2 < all.count, all[last.index + 1].token.term == "dan",
           Self.isLowercase(all[last.index + 1].surface), !Self.isLowercase(all[last.index + 2].surface) {
            return .refuted
        }
        if titled { return .vouched }
        // "di Facebook", "klub Napoli": what the corpus writes after a place or kind word.
        if lexicon.locatives.contains(key) { return .refuted }
        // "Samsung kembali menegaskan": a speech verb after one word vouches only for a name word.
        if cue && (segment.count > 1 || cueBefore || isGivenName(first.token.term) || lexicon.nameWords.contains(first.token.term)) {
            return .vouched
        }
        // One word right after an acronym is part of a body's name: "AS Roma", "PAM Jaya".
        if segment.count == 1, first.index > 0, Self.isNear(first.gap), all[first.index - 1].surface.count > 1,
           all[first.index - 1].surface.allSatisfy(\.isUppercase) {
            return .refuted
        }
        // A village list is the weakest hint: a given name outweighs it ("Bambang", "Santi").
        if place == .village, segment.count > 1 || first.token.term.utf8.count >= 4, isGivenName(first.token.term) { return .vouched }
        // Many villages bear people's names: the clause rule below outweighs the list.
        if place == .village, segment.count == 1, clauseSubject(first, last, cue: cue, in: all) { return .vouched }
        if place != nil { return .refuted }
        // A lone given name, not a common word: "Suhardi mengalami", "Bambang juga". Not
        // right after an acronym: "AS Roma", "PAM Jaya" are bodies.
        // A word of names the corpus's honorifics vouch for counts alone too ("Wiranto").
        if segment.count == 1 {
            let term = first.token.term
            if term.utf8.count >= 4 && (isGivenName(term) || lexicon.nameWords.contains(term)) { return .vouched }
            // "Jero ingin …", "…, Perlman menilai", "Smith, wakil presiden …": one word that
            // opens its clause and is followed by a verb of doing or speaking (or an
            // apposition) is the clause's subject, a person unless a list says it is a
            // place, a body or a brand (checked above) or it is a dictionary word.
            if clauseSubject(first, last, cue: cue, in: all) { return .vouched }
            // "dinilai Ruhut", "seperti dikatakan Erly": the agent of a passive verb of speaking or judging.
            if let before, Self.isLowercase(before.surface), lexicon.agentVerbs.contains(before.token.term),
               term.utf8.count >= 3, !looksLikeAWord(first) {
                return .vouched
            }
            return .open
        }
        // A given name first ("Nurul Arifin"), after an initial ("M Alfajri Zabidi"), or
        // a surname the corpus's titles vouch for ("Yandri Susanto").
        for word in segment.prefix(2) where word.token.term.utf8.count >= 3 {
            if isGivenName(word.token.term) { return .vouched }
            break
        }
        let named = segment.contains {
            isGivenName($0.token.term) || lexicon.nameWords.contains($0.token.term) || lexicon.nameWords.contains(Self.modernSpelling($0.token.term))
        }
        return named ? .vouched : .open
    }

    /// The office written with a mention: before it, the office words nearest the name
    /// and what qualifies them, without the ranks and honorifics between ("Kapolda Metro
    /// Jaya Irjen Pol Gatot …" → "Kapolda Metro Jaya"); else after it behind a comma
    /// ("Agus Fatoni, Pj Gubernur Sumsel, …"). Normalised: case folded, a region's
    /// alias as the region's name ("kapolda dki jakarta").
    private func office(of first: Word, _ last: Word, in all: [Word]) -> String? {
        func capitalised(_ word: Word) -> Bool { !Self.isLowercase(word.surface) && word.token.kind == .word }
        var span: Range<Int>?
        // Before: back over ranks and honorifics, then over qualifiers to the nearest office word.
        var e = first.index
        while e > 0, Self.isNear(all[e].gap), all[e - 1].role == .title { e -= 1 }
        var k = e
        while k > 0, e - k < 6, Self.isNear(all[k].gap), capitalised(all[k - 1]), all[k - 1].role != .office { k -= 1 }
        if k > 0, Self.isNear(all[k].gap), all[k - 1].role == .office {
            var s = k - 1
            while s > 0, Self.isNear(all[s].gap), all[s - 1].role == .office || all[s - 1].role == .title && lexicon.offices.contains(all[s - 1].token.term) {
                s -= 1
            }
            span = s..<e
        }
        // After: ", Gubernur Sumsel".
        if span == nil, last.index + 1 < all.count, all[last.index + 1].role == .office,
           all[last.index + 1].gap.trimmingCharacters(in: .whitespaces) == "," {
            var n = last.index + 2
            while n < all.count, n - last.index <= 8, all[n].gap.allSatisfy({ $0 == " " }), capitalised(all[n]) { n += 1 }
            while n > last.index + 2, all[n - 1].role == .title { n -= 1 }
            span = (last.index + 1)..<n
        }
        guard let span, !span.isEmpty, span.count <= 8 else { return nil }
        return lexicon.officeKey(all[span].map(\.token.term))
    }

    /// One word that opens its clause and is followed by a speech cue or apposition
    /// (`cue`; not a mixed-case brand), or by a verb of doing (not a dictionary word).
    private func clauseSubject(_ first: Word, _ last: Word, cue: Bool, in all: [Word]) -> Bool {
        guard first.token.term.utf8.count >= 3, opensClause(first, in: all) else { return false }
        if cue { return !first.surface.dropFirst().contains(where: \.isUppercase) }
        return verbFollows(last, in: all) && !looksLikeAWord(first)
    }

    /// Whether a word starts its clause: the paragraph's first word, or after a comma,
    /// a full stop, a quote mark or a conjunction ("dan", "bahwa", "namun"; capitalised
    /// when it opens the sentence itself: "Seandainya Ani …").
    private func opensClause(_ word: Word, in all: [Word]) -> Bool {
        guard word.index > 0 else { return true }
        let gap = word.gap.filter { $0 != " " && $0 != "\u{00A0}" }
        if !gap.isEmpty { return gap.contains(where: { ",.;:\"“”'(".contains($0) }) && !gap.contains("-") }
        let previous = all[word.index - 1]
        guard lexicon.clauseOpeners.contains(previous.token.term) else { return false }
        return Self.isLowercase(previous.surface) || (previous.index == 0 || !previous.gap.allSatisfy { $0 == " " })
    }

    /// A word that is a word rather than a name, for the clause rule: in the Indonesian
    /// dictionary (bare or before -nya, -lah, -kah, -pun), or written in mixed case
    /// like a brand ("StatesWest", "DeSoto").
    private func looksLikeAWord(_ word: Word) -> Bool {
        if word.surface.dropFirst().contains(where: \.isUppercase) { return true }
        let term = word.token.term
        if lexicon.dictionaryWords.contains(term) { return true }
        for suffix in ["nya", "lah", "kah", "pun"] where term.hasSuffix(suffix) && term.utf8.count > suffix.utf8.count + 2 {
            if lexicon.dictionaryWords.contains(String(term.dropLast(suffix.count))) { return true }
        }
        return false
    }

    /// Whether a verb of doing or speaking follows a word, over up to two adverbs
    /// ("Jero ingin", "Perlman kini menilai"): a listed verb or modal, or an active
    /// verb (me-, ber- …) the corpus does not use as a preposition ("melalui").
    private func verbFollows(_ word: Word, in all: [Word]) -> Bool {
        var a = word.index + 1
        var skipped = 0
        while a < all.count, Self.isNear(all[a].gap), Self.isLowercase(all[a].surface) {
            let term = all[a].token.term
            if lexicon.speechAfter.contains(term) || lexicon.clauseVerbs.contains(term) { return true }
            if Self.isActiveVerb(term) && !lexicon.notVerbs.contains(term) { return true }
            if isPassiveVerb(term) { return true }
            guard skipped < 2, lexicon.speechAdverbs.contains(term) else { return false }
            skipped += 1
            a += 1
        }
        return false
    }

    /// A passive or stative verb: di- or ter- before a dictionary root, with or without
    /// -kan or -i ("ditangkap", "dinobatkan", "terpilih"; not "direktur", "diskusi").
    private func isPassiveVerb(_ term: String) -> Bool {
        guard term.utf8.count >= 6, !lexicon.notVerbs.contains(term) else { return false }
        for prefix in ["di", "ter"] where term.hasPrefix(prefix) {
            let root = String(term.dropFirst(prefix.count))
            if lexicon.dictionaryWords.contains(root) { return true }
            for suffix in ["kan", "i"] where root.hasSuffix(suffix) && root.utf8.count > suffix.utf8.count + 2 {
                if lexicon.dictionaryWords.contains(String(root.dropLast(suffix.count))) { return true }
            }
        }
        return false
    }

    /// An Indonesian active verb by its form: me(N)-, ber-, ter- and at least six letters.
    static func isActiveVerb(_ term: String) -> Bool {
        guard term.utf8.count >= 6, term.allSatisfy({ $0.isLetter }) else { return false }
        return ["mem", "men", "meng", "meny", "me", "ber"].contains(where: term.hasPrefix)
    }

    /// A given name in its own or its modern spelling ("Djoko" = "Joko", "Soegeng" = "Sugeng").
    private func isGivenName(_ term: String) -> Bool {
        lexicon.givenNames.contains(term) || lexicon.givenNames.contains(Self.modernSpelling(term))
    }

    /// Folds the pre-1972 spellings of names to the modern ones: oe → u, dj → j, tj → c,
    /// nj → ny, sj → sy, ch → kh ("Soeharto" → "suharto", "Tjahjo" → "cahjo").
    static func modernSpelling(_ term: String) -> String {
        guard term.contains("oe") || term.contains("j") || term.contains("ch") else { return term }
        var folded = term
        for (old, new) in [("oe", "u"), ("dj", "j"), ("tj", "c"), ("nj", "ny"), ("sj", "sy"), ("ch", "kh")] {
            folded = folded.replacingOccurrences(of: old, with: new)
        }
        return folded
    }

    private static func isNear(_ gap: Substring) -> Bool {
        gap.allSatisfy { $0 == " " || $0 == "\u{00A0}" || $0 == "." }
    }

    private static func isLowercase(_ surface: Substring) -> Bool {
        surface.unicodeScalars.first?.properties.isLowercase ?? false
    }

    private func stripLeadingRegion(_ segment: inout [Word], from start: inout Int?) {
        var dropped = true
        while dropped && segment.count > 1 {
            dropped = false
            for length in stride(from: min(3, segment.count - 1), through: 1, by: -1) {
                let key = segment[0..<length].map(\.token.term).joined(separator: " ")
                let place = lexicon.places[key]
                // A city that is also a given name ("Sofia", "Florence") stays.
                let town = place == .town && !(length == 1 && lexicon.givenNames.contains(key))
                if regionKeys.contains(key) || place == .country || town {
                    segment.removeFirst(length)
                    start = segment.first?.token.range.lowerBound
                    dropped = true
                    break
                }
            }
        }
    }

    private func isNotName(_ word: Word) -> Bool {
        word.role == .name && (lexicon.notNames.contains(word.token.term) || Self.bodyWords.contains(word.token.term)
            || agencyKeys.contains(word.token.term) || Self.isDerivedWord(word.token.term))
    }

    /// Indonesian derived verbs and nouns (me-…-kan, di-…-kan, ber-…-an, ke-…-an,
    /// per-…-an: "Mempertahankan", "Kesatuan", "Perjanjian") are capitalised in
    /// headlines but are not names. Eight letters at least, so "Terawan" stays a name.
    static func isDerivedWord(_ term: String) -> Bool {
        guard term.utf8.count >= 8 else { return false }
        let prefixes = ["meng", "meny", "mem", "men", "me", "di", "ber", "ter", "per", "pe", "ke"]
        let suffixes = ["kan", "an", "nya"]
        return prefixes.contains(where: term.hasPrefix) && suffixes.contains(where: term.hasSuffix)
    }

    /// Whether a segment of capitalised words is a person's name.
    private func accepts(_ segment: [Word], key: String) -> Bool {
        if lexicon.personAliases[key] != nil { return true }
        guard segment.count <= 5 else { return false }
        if regionKeys.contains(key) || agencyKeys.contains(key) { return false }
        for word in segment where word.role == .name {
            if lexicon.notNames.contains(word.token.term) || Self.bodyWords.contains(word.token.term) { return false }
        }
        // A lone initial is not a name.
        if segment.count == 1, segment[0].surface.count < 3 { return false }
        return true
    }
}
