import Foundation

/// One indexed term with its position and where it came from.
///
/// The tokenizer produces the same tokens at index time and at query time, so
/// `term` is exactly what goes into Xapian (without a field prefix).
public struct Token: Equatable, Hashable, Sendable {
    /// What a token stands for; the indexer may weight or prefix kinds differently.
    public enum Kind: Sendable, Hashable {
        /// Letters, or letters mixed with digits ("covid19", "2x", "ma'ruf", "spd").
        case word
        /// Only digits with decimal commas and thousand dots ("2024", "1,5", "17.000").
        case number
        /// A whole hyphenated form ("covid-19"); its parts follow as separate tokens.
        case compound
    }

    /// The normalised form: the Xapian term, without a prefix.
    public var term: String
    /// The word position, from 1 as in Xapian; a compound shares the position of its first part.
    public var position: Int
    /// The UTF-8 byte offsets of the source text this token covers, for highlighting.
    public var range: Range<Int>
    /// Whether the token is a word, a number or a whole hyphenated compound.
    public var kind: Kind
    /// For `.compound`, how many part tokens follow it; 1 for every other token.
    public var partCount: Int

    /// Creates a token; `partCount` only differs from 1 for compounds.
    public init(term: String, position: Int, range: Range<Int>, kind: Kind, partCount: Int = 1) {
        self.term = term
        self.position = position
        self.range = range
        self.kind = kind
        self.partCount = partCount
    }
}

/// Splits Indonesian news text into normalised, stemming-free search terms.
///
/// The rules, in the order the scanner applies them:
/// - Letters (any script), digits and combining marks make words; everything else
///   (spaces, NBSP, punctuation, quotes, `/`, `_`, en and em dashes, symbols, emoji,
///   control characters) separates them.
/// - Terms are case-folded, NFKC-normalised and stripped of diacritics, so "Café",
///   "café" written with U+0301 and "CAFE" are all `cafe`, and "ＫＰＵ" is `kpu`.
/// - An apostrophe (`'`, `’`, `‘`, `ʼ`, `ʻ`, `′`, `` ` ``, `´`, `＇`) between two letters
///   stays, as `'`.
/// - A comma or dot between two digits stays, so "1,5" and "17.000" are one number.
/// - A hyphen (`-`, U+2010, U+2011) between two words makes a compound: the whole
///   form comes first, then each part with its own position.
/// - A dot between words splits them, unless they form a dotted abbreviation:
///   2+ segments of 1–3 letters, at least one of them a single letter or all of
///   them at most 2 letters with a capital first ("S.H.", "S.Pd.", "a.n.", "Sp.OG")
///   which are joined ("sh", "spd", "an", "spog") so that they match "SH".
/// - Terms are cut to at most `maxTermBytes` bytes at a Unicode scalar boundary.
///
/// The scanner walks the UTF-8 bytes once; pure ASCII needs no Unicode tables.
public struct Tokenizer: Sendable {
    /// The longest term, in UTF-8 bytes; longer terms are cut at a scalar boundary.
    ///
    /// Xapian rejects terms over 245 bytes including the field prefix, so 200 leaves
    /// room for any prefix the indexer adds.
    public static let maxTermBytes: Int = 200

    /// Creates a tokenizer; it holds no state, so one instance can be shared freely.
    public init() {}

    /// The terms of `text` in order, compound whole forms left out (their parts carry
    /// the positions): what a phrase, a name or an alias is matched by.
    public func terms(_ text: String) -> [String] {
        tokenize(text).filter { $0.kind != .compound }.map(\.term)
    }

    /// Splits `text` into tokens, compounds first and then their parts.
    ///
    /// Allocates one `String` per token; indexing should prefer ``forEachToken(in:_:)``.
    public func tokenize(_ text: String) -> [Token] {
        var tokens: [Token] = []
        scan(text) { term, position, range, kind, partCount in
            tokens.append(Token(
                term: String(decoding: term, as: UTF8.self),
                position: position, range: range, kind: kind, partCount: partCount))
        }
        return tokens
    }

    /// Calls `body` for each token, in the order ``tokenize(_:)`` returns them.
    ///
    /// `body` receives the folded term's UTF-8 bytes (valid only during the call),
    /// its position, the source byte range and the kind. Nothing is allocated per
    /// token, so this is the path the indexer should use.
    public func forEachToken(
        in text: String,
        _ body: (UnsafeBufferPointer<UInt8>, Int, Range<Int>, Token.Kind) -> Void
    ) {
        scan(text) { term, position, range, kind, _ in body(term, position, range, kind) }
    }

    /// Normalises one word or a short value the way the tokenizer would.
    ///
    /// Used for field values such as person names: the result is the tokens' terms
    /// joined by single spaces, leaving out the parts of a compound (its whole form
    /// is kept), so `normalize("Ma’ruf")` is `ma'ruf` and `normalize("e-KTP")` is `e-ktp`.
    /// Returns an empty string when the input holds no letters or digits.
    public func normalize(_ word: String) -> String {
        var out: [UInt8] = []
        var partsToSkip = 0
        scan(word) { term, _, _, kind, partCount in
            if partsToSkip > 0 {
                partsToSkip -= 1
                return
            }
            if kind == .compound { partsToSkip = partCount }
            if !out.isEmpty { out.append(0x20) }
            out.append(contentsOf: term)
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Tokenizes every text with ``forEachToken(in:_:)`` and returns the totals.
    ///
    /// For the tokenizer micro-benchmark: time this call on one thread and divide
    /// `bytes` (UTF-8) by the seconds taken. `tokens` counts every token, compounds
    /// and their parts included, so the scan cannot be optimised away.
    public static func benchmarkThroughput(_ texts: [String]) -> (bytes: Int, tokens: Int) {
        let tokenizer = Tokenizer()
        var bytes = 0
        var tokens = 0
        for text in texts {
            bytes += text.utf8.count
            tokenizer.forEachToken(in: text) { _, _, _, _ in tokens += 1 }
        }
        return (bytes, tokens)
    }
}
