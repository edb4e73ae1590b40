import Foundation

/// Sentences and their fingerprints, to find text one article reuses from another
/// (`telusur pickup`): a sentence is known by the 64-bit FNV-1a hash of its words as the
/// tokenizer folds them (case, accents and punctuation do not count), so an outlet that
/// copies a sentence, re-punctuated or not, shares its shingle.
///
/// Where the near-duplicate fingerprint (``SimHash``) says "the same text", shingles say
/// "this sentence is in both": an article that copies half a release shares half its shingles.
public enum SentenceShingle {
    /// A sentence needs this many words to be a shingle: shorter ones ("Baca juga:",
    /// "Foto: Antara") are too common to say anything about reuse.
    public static let minimumWords = 6

    /// One sentence of a paragraph: its text and its shingle (nil when it is too short).
    public struct Sentence: Sendable, Equatable {
        public var text: String
        public var shingle: UInt64?
    }

    /// The sentences of `paragraph`, in order, with their shingles.
    public static func sentences(of paragraph: String, tokenizer: Tokenizer = Tokenizer()) -> [Sentence] {
        split(paragraph).map { text in Sentence(text: text, shingle: shingle(of: text, tokenizer: tokenizer)) }
    }

    /// The shingle of one sentence: its ``key(of:tokenizer:)`` when it has at least
    /// ``minimumWords`` words, else nil.
    public static func shingle(of sentence: String, tokenizer: Tokenizer = Tokenizer()) -> UInt64? {
        guard let (hash, words) = key(of: sentence, tokenizer: tokenizer), words >= minimumWords else { return nil }
        return hash
    }

    /// FNV-1a over the sentence's words (compound whole forms left out, their parts
    /// kept), separated by a space, and how many words it has; nil without a word. Two
    /// sentences that differ only in case, accents or punctuation have the same key.
    public static func key(of sentence: String, tokenizer: Tokenizer = Tokenizer()) -> (hash: UInt64, words: Int)? {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        var words = 0
        tokenizer.forEachToken(in: sentence) { bytes, _, _, kind in
            guard kind != .compound else { return }
            if words > 0 {
                hash ^= 0x20
                hash &*= 0x0000_0100_0000_01b3
            }
            for byte in bytes {
                hash ^= UInt64(byte)
                hash &*= 0x0000_0100_0000_01b3
            }
            words += 1
        }
        return words > 0 ? (hash, words) : nil
    }

    /// A shingle as 16 lower-case hex digits (the form of its term).
    public static func hex(_ shingle: UInt64) -> String {
        let digits = String(shingle, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }

    /// Splits a paragraph after ".", "!" or "?" (and any closing quotes or brackets)
    /// where a space and then a capital, a digit or an opening quote follow, except after
    /// a one- or two-letter capitalised word ("H.", "Dr.", "S.Pd.": titles and initials
    /// of names, not the end of a sentence).
    static func split(_ text: String) -> [String] {
        let characters = Array(text)
        var sentences: [String] = []
        var start = 0
        var i = 0
        while i < characters.count {
            let c = characters[i]
            guard c == "." || c == "!" || c == "?" else { i += 1; continue }
            var end = i + 1
            while end < characters.count, "\"'”’»)]".contains(characters[end]) { end += 1 }
            var next = end
            while next < characters.count, characters[next].isWhitespace { next += 1 }
            let spaced = next > end
            let opens = next < characters.count
                && (characters[next].isUppercase || characters[next].isNumber || "\"'“‘«(".contains(characters[next]))
            if c == ".", isAbbreviation(characters, before: i) {
                i = end
                continue
            }
            if spaced && opens {
                let sentence = String(characters[start..<end]).trimmingCharacters(in: .whitespaces)
                if !sentence.isEmpty { sentences.append(sentence) }
                start = next
                i = next
            } else {
                i = end
            }
        }
        let rest = String(characters[start...]).trimmingCharacters(in: .whitespaces)
        if !rest.isEmpty { sentences.append(rest) }
        return sentences
    }

    /// Whether the word ending at `index` (a full stop) is a title or an initial: one or
    /// two letters, the first a capital ("H", "Dr", "Ir"), or a dotted one ("S.Pd").
    private static func isAbbreviation(_ characters: [Character], before index: Int) -> Bool {
        var first = index
        while first > 0, characters[first - 1].isLetter || characters[first - 1] == "." { first -= 1 }
        let word = characters[first..<index]
        guard let head = word.first, head.isUppercase else { return false }
        return word.count <= 2 || word.contains(".")
    }
}
