/// Finds where a query matched in a paragraph, by running the same tokenizer over it.
///
/// Single terms (and wildcard prefixes) are marked wherever they occur; phrase words
/// only where the whole phrase matched, as one span.
public struct Highlighter: Sendable {
    private let terms: Set<String>
    private let prefixes: [String]
    private let phrases: [[String]]
    private let tokenizer = Tokenizer()
    private let persons: [Set<Substring>]
    private let agencies: [AgencyReference]
    private let recognizer: EntityRecognizer?

    /// A highlighter for the positive parts of `query` (nothing under NOT is marked)
    /// and for the surface forms of the persons and agencies it asked for.
    public init(query: ParsedQuery, entities: ResolvedEntities = ResolvedEntities()) {
        persons = entities.persons.map { Set($0.split(separator: " ")) }
        agencies = entities.agencies
        recognizer = entities.persons.isEmpty && entities.agencies.isEmpty
            ? nil : (try? EntityLexicon.shared.get()).map { EntityRecognizer(lexicon: $0) }
        var terms = Set<String>()
        var prefixes: [String] = []
        for term in query.highlightTerms {
            if term.hasSuffix("*") { prefixes.append(String(term.dropLast())) } else { terms.insert(term) }
        }
        self.terms = terms
        self.prefixes = prefixes
        self.phrases = query.highlightPhrases
    }

    /// UTF-8 byte ranges of `text` to mark, sorted and not overlapping.
    public func ranges(in text: String) -> [Range<Int>] {
        let tokens = tokenizer.tokenize(text)
        var marked: [Range<Int>] = []
        let parts = tokens.filter { $0.kind != .compound }
        for token in tokens {
            if terms.contains(token.term) || prefixes.contains(where: { token.term.hasPrefix($0) }) {
                marked.append(token.range)
            }
        }
        for phrase in phrases where !phrase.isEmpty && parts.count >= phrase.count {
            for start in 0...(parts.count - phrase.count) {
                var matches = true
                for (offset, word) in phrase.enumerated() {
                    let part = parts[start + offset]
                    if part.term != word || part.position != parts[start].position + offset {
                        matches = false
                        break
                    }
                }
                if matches {
                    marked.append(parts[start].range.lowerBound..<parts[start + phrase.count - 1].range.upperBound)
                }
            }
        }
        if let recognizer {
            if !persons.isEmpty {
                // "Fatoni" and "H. Herman Deru, SH., MM." both mark: any mention whose words belong to the name.
                for mention in recognizer.persons.candidates(in: text, tokens: PersonRecognizer.words(of: text)) {
                    let words = Set(mention.key.split(separator: " "))
                    if persons.contains(where: { words.isSubset(of: $0) }) { marked.append(mention.range) }
                }
            }
            for mention in recognizer.agencies.mentions(in: text) where agencies.contains(where: {
                let parent = recognizer.persons.lexicon.agencyByID[mention.agency]?.parent
                return ($0.agency == mention.agency || $0.agency == parent) && ($0.region == nil || $0.region == mention.region)
            }) {
                marked.append(mention.range)
            }
        }
        return Self.merged(marked)
    }

    /// Sorts ranges and joins those that overlap or touch.
    static func merged(_ ranges: [Range<Int>]) -> [Range<Int>] {
        var result: [Range<Int>] = []
        for range in ranges.sorted(by: { $0.lowerBound < $1.lowerBound }) {
            if let last = result.last, range.lowerBound <= last.upperBound {
                result[result.count - 1] = last.lowerBound..<max(last.upperBound, range.upperBound)
            } else {
                result.append(range)
            }
        }
        return result
    }

    /// `text` with each marked range wrapped in `open` and `close`.
    public func highlight(_ text: String, open: String, close: String) -> String {
        Self.wrap(text, ranges: ranges(in: text), open: open, close: close)
    }

    /// Wraps byte ranges of `text` in markers.
    static func wrap(_ text: String, ranges: [Range<Int>], open: String, close: String) -> String {
        guard !ranges.isEmpty else { return text }
        let bytes = Array(text.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + ranges.count * (open.utf8.count + close.utf8.count))
        var cursor = 0
        for range in ranges where range.lowerBound >= cursor && range.upperBound <= bytes.count {
            out.append(contentsOf: bytes[cursor..<range.lowerBound])
            out.append(contentsOf: open.utf8)
            out.append(contentsOf: bytes[range])
            out.append(contentsOf: close.utf8)
            cursor = range.upperBound
        }
        out.append(contentsOf: bytes[cursor...])
        return String(decoding: out, as: UTF8.self)
    }
}
