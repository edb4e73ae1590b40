/// One paragraph as ``QuoteExtractor`` reads it: its bytes and words, the person and
/// agency mentions, the top-level pairs of quotation marks and what was attributed.
struct ParagraphScan {
    let number: Int
    let text: String
    let bytes: [UInt8]
    let tokens: [Token]
    /// False when the paragraph has no quotation mark and no speech verb: it is then
    /// not read further.
    let mayQuote: Bool
    /// The first byte that is not a space.
    let firstByte: Int
    var mentions: [Mention] = []
    var agencies: [AgencyMention] = []
    var spans: [Span] = []
    private var quoted: [Bool] = []
    var indirect: [(Attribution, Range<Int>)] = []
    /// A speaker introducing the next paragraph ("Budi mengatakan:" at the end).
    var intro: Attribution?
    var quotes: [Quote] = []
    /// After a closing mark that opens the paragraph ('" kata Budi'): the end of that mark.
    var leadingClose: Int?
    var leadingAttribution: Attribution?

    init(paragraph: Paragraph) {
        number = paragraph.number
        text = paragraph.text
        bytes = Array(paragraph.text.utf8)
        firstByte = bytes.firstIndex(where: { $0 != 0x20 }) ?? 0
        // Cheap first: a quotation mark, or one cue word (most words are short, inline strings).
        var cue = bytes.contains(0x22) || Self.hasCurlyMark(bytes)
        if !cue {
            Tokenizer().forEachToken(in: paragraph.text) { term, _, _, kind in
                guard !cue, kind == .word, term.count >= 3, term.count <= 20 else { return }
                let word = String(decoding: term, as: UTF8.self)
                cue = QuoteExtractor.meVerbs.contains(word) || word == "menurut" || word == "menurutnya"
                    || QuoteExtractor.afterVerbBases.contains(word)
            }
        }
        mayQuote = cue
        tokens = cue ? PersonRecognizer.words(of: paragraph.text) : []
    }

    private static func hasCurlyMark(_ bytes: [UInt8]) -> Bool {
        var i = 0
        while i + 2 < bytes.count {
            if bytes[i] == 0xE2, bytes[i + 1] == 0x80, (0x9C...0x9E).contains(bytes[i + 2]) { return true }
            i += 1
        }
        return false
    }

    // MARK: quotation marks

    /// Pairs the quotation marks: straight ones by the spaces around them, curly ones by
    /// their shape (or the spaces, when an outlet writes ” for both), nested pairs inside
    /// the outer one (`“… kategori baik “Zero Konflik” dalam …,”`). A pair left open runs
    /// to the end of the paragraph.
    mutating func findSpans() {
        var stack: [(open: Int, inner: Int)] = []
        var i = 0
        let n = bytes.count
        while i < n {
            var length = 0
            var shape: UInt8 = 0
            if bytes[i] == 0x22 {
                length = 1
                shape = 0x22
            } else if bytes[i] == 0xE2, i + 2 < n, bytes[i + 1] == 0x80, (0x9C...0x9E).contains(bytes[i + 2]) {
                length = 3
                shape = bytes[i + 2]
            }
            guard length > 0 else {
                i += 1
                continue
            }
            let before = i == 0 ? 0x20 : bytes[i - 1]
            let after = i + length < n ? bytes[i + length] : 0x20
            let spaceBefore = Self.opensAfter.contains(before)
            let spaceAfter = Self.closesBefore.contains(after)
            var opens: Bool?
            switch shape {
            case 0x9C, 0x9E: opens = !(spaceAfter && !spaceBefore)
            case 0x9D: opens = spaceBefore && !spaceAfter
            default:
                let punctuationBefore = Self.punctuation.contains(before)
                let capitalAfter = (0x41...0x5A).contains(after)
                if i == firstByte && stack.isEmpty {
                    // '", sudah relatif aman …': an opening whose first words were lost still opens.
                    opens = after != 0x20 && after != 0xC2
                    if opens == false { leadingClose = i + length }
                } else if (spaceBefore || (punctuationBefore && stack.isEmpty)) && !spaceAfter {
                    opens = true
                } else if stack.isEmpty && capitalAfter {
                    opens = true
                } else if !spaceBefore {
                    opens = false
                } else {
                    opens = stack.isEmpty ? nil : false
                }
            }
            if let opens {
                if opens {
                    stack.append((i, i + length))
                } else if let top = stack.popLast(), stack.isEmpty {
                    spans.append(Span(open: top.open, innerStart: top.inner, innerEnd: i, end: i + length, closed: true))
                }
            }
            i += length
        }
        if let first = stack.first {
            spans.append(Span(open: first.open, innerStart: first.inner, innerEnd: n, end: n, closed: false))
        }
        quoted = tokens.map { token in spans.contains { $0.innerStart <= token.range.lowerBound && token.range.lowerBound < $0.innerEnd } }
    }

    private static let punctuation: Set<UInt8> = [0x2E, 0x2C, 0x3B, 0x21, 0x3F, 0x29]
    private static let opensAfter: Set<UInt8> = [0x20, 0xA0, 0x09, 0x28, 0x5B, 0x2D, 0x3A, 0x2F, 0x22, 0x9C]
    private static let closesBefore: Set<UInt8> = [0x20, 0xC2, 0x09, 0x2C, 0x2E, 0x3B, 0x3A, 0x29, 0x21, 0x3F, 0x22, 0xE2]

    /// Whether token `i` is inside quotation marks.
    func inQuote(_ i: Int) -> Bool { i < quoted.count && quoted[i] }

    /// Whether byte `position` is inside quotation marks.
    func inQuoteByte(_ position: Int) -> Bool {
        spans.contains { $0.innerStart <= position && position < $0.innerEnd }
    }

    /// Whether a quotation starts a sentence (not a title inside one) and has two words.
    func startsSentence(_ span: Span) -> Bool {
        let words = tokens.filter { $0.range.lowerBound >= span.innerStart && $0.range.upperBound <= span.innerEnd }.count
        guard words >= 2 else { return false }
        var k = span.open
        while k > 0, bytes[k - 1] == 0x20 { k -= 1 }
        if k == 0 { return true }
        if spans.contains(where: { $0.end == k }) { return true }
        return [UInt8(ascii: "."), UInt8(ascii: "!"), UInt8(ascii: "?"), UInt8(ascii: ":")].contains(bytes[k - 1])
    }

    // MARK: words and sentences

    /// The bytes between token `i - 1` and token `i`.
    func gap(before i: Int) -> ArraySlice<UInt8> {
        let start = i == 0 ? 0 : tokens[i - 1].range.upperBound
        return bytes[start..<tokens[i].range.lowerBound]
    }

    /// Whether token `i` starts with a capital letter.
    func isUpper(_ i: Int) -> Bool {
        let first = bytes[tokens[i].range.lowerBound]
        if first < 0x80 { return (0x41...0x5A).contains(first) }
        let scalar = String(decoding: bytes[tokens[i].range.lowerBound..<tokens[i].range.upperBound], as: UTF8.self).unicodeScalars.first
        return scalar?.properties.isUppercase ?? false
    }

    /// Whether a sentence (or a stretch in or out of quotation marks) starts at token `b`.
    func boundary(before b: Int) -> Bool {
        if b == 0 { return true }
        if inQuote(b) != inQuote(b - 1) { return true }
        let gap = gap(before: b)
        guard gap.contains(where: { $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "!") || $0 == UInt8(ascii: "?") }),
              isUpper(b) else { return false }
        // "H. Herman Deru", "Dr. H. M Alfajri": not the end of a sentence.
        let left = tokens[b - 1].range.lowerBound
        if mentions.contains(where: { $0.range.lowerBound <= left && tokens[b].range.upperBound <= $0.range.upperBound }) { return false }
        if tokens[b - 1].range.count == 1 { return false }
        return true
    }

    /// The first token of the sentence of token `k`.
    func sentenceStart(of k: Int) -> Int {
        var i = k
        while i > 0, !boundary(before: i) { i -= 1 }
        return i
    }

    /// The end of a sentence whose last word ends at `position`, its full stop included.
    func sentenceEndByte(after position: Int) -> Int {
        position < bytes.count && [UInt8(ascii: "."), UInt8(ascii: "!"), UInt8(ascii: "?")].contains(bytes[position]) ? position + 1 : position
    }

    /// The text of a byte range without surrounding spaces and punctuation.
    func trimmed(_ range: Range<Int>) -> String {
        guard range.lowerBound < range.upperBound else { return "" }
        var lower = range.lowerBound
        var upper = range.upperBound
        let strip: Set<UInt8> = [0x20, 0x2C, 0x3A, 0x3B, 0x09, 0x2D]
        while lower < upper, strip.contains(bytes[lower]) { lower += 1 }
        while upper > lower, strip.contains(bytes[upper - 1]) { upper -= 1 }
        return String(decoding: bytes[lower..<upper], as: UTF8.self)
    }

    /// The bytes of a range without surrounding spaces.
    func trimmedBytes(_ range: Range<Int>) -> ArraySlice<UInt8> {
        guard range.lowerBound < range.upperBound else { return [] }
        var lower = range.lowerBound
        var upper = range.upperBound
        while lower < upper, bytes[lower] == 0x20 { lower += 1 }
        while upper > lower, bytes[upper - 1] == 0x20 { upper -= 1 }
        return bytes[lower..<upper]
    }

    // MARK: speakers so far

    /// The speakers attributed before byte `position`, in the order of the text.
    func attributions(before position: Int) -> [(speaker: Quote.Speaker, position: Int)] {
        var found: [(speaker: Quote.Speaker, position: Int)] = []
        for span in spans where span.open < position { if let a = span.attribution { found.append((a.speaker, span.open)) } }
        for (a, range) in indirect where range.lowerBound < position { found.append((a.speaker, range.lowerBound)) }
        return found.sorted { $0.position < $1.position }
    }

    /// Person mentions that open their sentence, after at most an office in capitals
    /// ("Director of Marketing … Eva Tanudjaja mengatakan").
    func subjects() -> [Mention] {
        var sentences = Set<Int>()
        return mentions.filter { mention in
            guard mention.key != nil, !inQuoteByte(mention.range.lowerBound),
                  let k = tokens.firstIndex(where: { $0.range.lowerBound >= mention.range.lowerBound }) else { return false }
            let start = sentenceStart(of: k)
            guard !sentences.contains(start) else { return false }
            // A name followed by a speech verb is its sentence's subject wherever it stands.
            if let next = tokens.firstIndex(where: { $0.range.lowerBound >= mention.range.upperBound }),
               QuoteExtractor.meVerbs.contains(tokens[next].term) { sentences.insert(start); return true }
            sentences.insert(start)
            return (start..<k).allSatisfy { isUpper($0) || QuoteExtractor.roleConnectors.contains(tokens[$0].term) || tokens[$0].term == "of" }
        }
    }

    // MARK: result

    /// The paragraph's quotes, in the order of the text.
    mutating func buildQuotes() {
        var result: [(Int, Quote)] = []
        for span in spans {
            guard let found = span.attribution else { continue }
            var lower = span.innerStart
            var upper = span.innerEnd
            while lower < upper, bytes[lower] == 0x20 { lower += 1 }
            while upper > lower, bytes[upper - 1] == 0x20 || bytes[upper - 1] == 0x2C { upper -= 1 }
            guard lower < upper else { continue }
            result.append((span.open, Quote(paragraph: number, kind: .direct, speaker: found.speaker, role: found.role,
                                            cue: found.cue, text: String(decoding: bytes[lower..<upper], as: UTF8.self),
                                            range: lower..<upper)))
        }
        for (found, range) in indirect where range.lowerBound < range.upperBound {
            result.append((range.lowerBound, Quote(paragraph: number, kind: .indirect, speaker: found.speaker, role: found.role,
                                                   cue: found.cue, text: String(decoding: bytes[range], as: UTF8.self),
                                                   range: range)))
        }
        quotes = result.sorted { $0.0 < $1.0 }.map(\.1)
    }
}
