extension Article {
    /// The longest title ``derivedTitle(fromFirstParagraph:)`` makes, in characters,
    /// the "…" included.
    public static let maximumDerivedTitleLength = 120
    /// How many words ``derivedTitle(fromFirstParagraph:)`` takes when the first
    /// sentence is longer.
    public static let maximumDerivedTitleWords = 12

    /// A headline for an article that has none: the first sentence of its first
    /// paragraph, or its first 12 words when that sentence is longer.
    ///
    /// A sentence ends at `.`, `!` or `?` followed by a word that starts with a
    /// capital letter, a digit or an opening quote. A `.` after a short
    /// capitalised word (`H.`, `SH.`, `Dr.`), in a word with another `.`
    /// (`S.Pd.`) or after a known abbreviation (`Prof.`, `dll.`) does not end
    /// one; after a short lowercase word (`itu.`) it does. The final `.` is
    /// dropped. Only words with a letter or digit count towards the 12. A title
    /// longer than ``maximumDerivedTitleLength`` is cut at a word boundary.
    /// Whenever words are left out the title ends with "…".
    ///
    /// "Rambutan – Penjabat Bupati Banyuasin, H. Hani Syopiar Rustam, SH., MH
    /// menghadiri Rapat Koordinasi …" becomes "Rambutan – Penjabat Bupati
    /// Banyuasin, H. Hani Syopiar Rustam, SH., MH menghadiri Rapat…".
    /// - Parameter paragraph: The first paragraph, trimmed.
    /// - Returns: The title; empty only when `paragraph` is blank.
    public static func derivedTitle(fromFirstParagraph paragraph: String) -> String {
        // Enough pieces for 12 words and the punctuation between them; the rest
        // of a long paragraph stays in one unsplit piece.
        let words = paragraph.split(
            maxSplits: 4 * maximumDerivedTitleWords,
            omittingEmptySubsequences: true,
            whereSeparator: \.isWhitespace
        )
        var taken: [Substring] = []
        var wordCount = 0
        var endsWithSentence = false
        for (index, word) in words.enumerated() {
            taken.append(word)
            if word.contains(where: { $0.isLetter || $0.isNumber }) {
                wordCount += 1
            }
            let next = index + 1 < words.count ? words[index + 1] : nil
            if endsSentence(word, next: next) {
                endsWithSentence = true
                break
            }
            if wordCount == maximumDerivedTitleWords {
                break
            }
        }
        var isCut = taken.count < words.count && !endsWithSentence
        var title = taken.joined(separator: " ")
        if endsWithSentence, title.hasSuffix("."), !title.hasSuffix("..") {
            title.removeLast()
        }
        let room = maximumDerivedTitleLength - (isCut ? 1 : 0)
        if title.count > room {
            isCut = true
            while taken.count > 1, taken.joined(separator: " ").count > maximumDerivedTitleLength - 1 {
                taken.removeLast()
            }
            title = String(taken.joined(separator: " ").prefix(maximumDerivedTitleLength - 1))
        }
        guard isCut else { return title }
        while let last = title.unicodeScalars.last,
              last.properties.isWhitespace || trailingPunctuation.contains(last) {
            title.unicodeScalars.removeLast()
        }
        return title + "…"
    }

    /// Punctuation that looks wrong before "…".
    private static let trailingPunctuation: Set<Unicode.Scalar> = [",", ";", ":", "-", "–", "—", "(", "/"]
    /// Words written with a `.` that does not end a sentence, besides short
    /// capitalised ones.
    private static let abbreviations: Set<String> = [
        "Prof", "dll", "dsb", "dst", "dkk", "tsb", "yth", "no", "hlm", "kab", "kec", "kel", "jl", "tgl",
    ]
    /// Quotes and brackets that may close a sentence after its `.`, `!` or `?`.
    private static let closingMarks: Set<Character> = ["\"", "'", "”", "’", ")", "]", "»"]
    /// Quotes and brackets that may open a sentence.
    private static let openingMarks: Set<Character> = ["\"", "'", "“", "‘", "(", "[", "«"]

    /// Whether `word` ends a sentence, judging also by the word after it.
    private static func endsSentence(_ word: Substring, next: Substring?) -> Bool {
        var core = word
        while let last = core.last, closingMarks.contains(last) {
            core = core.dropLast()
        }
        guard let mark = core.last, mark == "." || mark == "!" || mark == "?" else {
            return false
        }
        if let next {
            guard let first = next.first,
                  first.isUppercase || first.isNumber || openingMarks.contains(first)
            else {
                return false
            }
        }
        guard mark == "." else { return true }
        var stem = core.dropLast()
        while let first = stem.first, openingMarks.contains(first) {
            stem = stem.dropFirst()
        }
        // Titles and degrees (H., SH., Dr., Prof.), initials and dotted forms
        // (S.Pd.) are abbreviations; so are a few lowercase ones (dll., dsb.).
        let isCapitalizedShortWord = stem.count < 4 && stem.first?.isUppercase == true && stem.allSatisfy(\.isLetter)
        let isAbbreviation = isCapitalizedShortWord || stem.contains(".") || abbreviations.contains(String(stem))
        return !isAbbreviation
    }
}
