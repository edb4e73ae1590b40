import Foundation

// How one non-ASCII Unicode scalar is classified and folded.
//
// Folding a scalar means: NFKC compatibility mapping, lowercasing, then dropping the
// combining marks an NFKD decomposition exposes, so "é", "e\u{301}" and "É" all become
// "e", "ﬁ" becomes "fi" and "Ｋ" becomes "k". Doing it scalar by scalar (instead of on
// whole strings) is what lets the scanner stay on bytes; the only thing lost is
// composition across scalars (conjoining Hangul jamo), which news text does not use.

extension Tokenizer {
    /// The role a scalar plays for the scanner.
    enum CharClass: UInt8 {
        /// Ends a word: spaces, punctuation, symbols, emoji, controls.
        case separator = 0
        /// Starts or continues a word.
        case letter
        /// Starts or continues a word; a word of digits only is a number.
        case digit
        /// Combining marks and invisible format characters: part of the word they
        /// follow but dropped from the term (diacritics, LRM, soft hyphen, ZWJ).
        case extend
        /// Spacing combining marks (Indic vowel signs): part of the word and kept.
        case spacingMark
        /// Kept as `'` between two letters, a separator elsewhere.
        case apostrophe
        /// Joins two words into a compound, a separator elsewhere.
        case hyphen
        /// Kept between two digits, may join an abbreviation, a separator elsewhere.
        case dot
        /// Kept between two digits, a separator elsewhere.
        case comma
    }

    /// The longest fold of a single scalar that is kept, in bytes.
    ///
    /// A few Arabic presentation ligatures expand to 18 scalars; nothing a word
    /// needs is that long, and a bound keeps the scanner's buffers fixed-size.
    static let maxFoldBytes = 64

    /// Where the folded bytes of a scalar are.
    enum Fold {
        /// The scalar is its own fold: copy its source bytes.
        case source
        /// The fold is `count` bytes at `offset` in ``FoldTable/bytes``.
        case table(offset: Int, count: Int)
        /// The fold was computed for this occurrence (rare scripts only).
        case computed([UInt8])
    }

    /// Precomputed classes and folds for the scalars news text actually contains.
    ///
    /// Covers U+0080..<U+3100 (Latin, Greek, Cyrillic, Arabic, Hebrew, Indic,
    /// punctuation, CJK punctuation and kana) and U+F900..<U+10000 (compatibility
    /// ideographs, ligatures, presentation forms, full-width forms). Built once, on
    /// first use, with Foundation's normalisation; about 14,000 entries.
    struct FoldTable: Sendable {
        /// The table shared by every tokenizer; Swift initialises it once, thread-safely.
        static let shared = FoldTable()

        static let lowRange: Range<UInt32> = 0x80..<0x3100
        static let highRange: Range<UInt32> = 0xF900..<0x1_0000

        /// Per scalar: class in bits 0–3, uppercase flag in bit 4, fold length in
        /// bits 5–11, fold offset into `bytes` in bits 12–31.
        let entries: [UInt32]
        /// Every fold, back to back.
        let bytes: [UInt8]

        init() {
            var entries: [UInt32] = []
            var bytes: [UInt8] = []
            let count = Self.lowRange.count + Self.highRange.count
            entries.reserveCapacity(count)
            bytes.reserveCapacity(count * 2)
            for value in Array(Self.lowRange) + Array(Self.highRange) {
                guard let scalar = Unicode.Scalar(value) else {
                    entries.append(0)  // surrogates cannot occur in a String
                    continue
                }
                let (charClass, isUpper, fold) = Tokenizer.describe(scalar)
                var entry = UInt32(charClass.rawValue) | (isUpper ? 0x10 : 0)
                entry |= UInt32(fold.count) << 5 | UInt32(bytes.count) << 12
                bytes.append(contentsOf: fold)
                entries.append(entry)
            }
            self.entries = entries
            self.bytes = bytes
        }

        /// The table slot of `value`, or nil when the table does not cover it.
        @inline(__always)
        static func slot(_ value: UInt32) -> Int? {
            if lowRange.contains(value) { return Int(value &- lowRange.lowerBound) }
            if highRange.contains(value) {
                return lowRange.count + Int(value &- highRange.lowerBound)
            }
            return nil
        }
    }

    /// Classifies and folds one non-ASCII scalar from the table, or nil when the
    /// table does not cover it.
    @inline(__always)
    static func lookupInTable(_ scalar: UInt32) -> (CharClass, isUpper: Bool, Fold)? {
        guard let slot = FoldTable.slot(scalar) else { return nil }
        let entry = FoldTable.shared.entries[slot]
        let charClass = CharClass(rawValue: UInt8(entry & 0xF)) ?? .separator
        let fold = Fold.table(offset: Int(entry >> 12), count: Int((entry >> 5) & 0x7F))
        return (charClass, entry & 0x10 != 0, fold)
    }

    /// Classifies a scalar the table does not cover: CJK, Hangul, emoji, astral planes.
    ///
    /// Most of these are letters that fold to themselves; only those whose NFKC case
    /// fold differs (math alphanumerics, Deseret capitals, …) take the slow path,
    /// whose result the scanner caches for the rest of the text.
    static func lookupOutsideTable(_ value: UInt32) -> (CharClass, isUpper: Bool, Fold) {
        guard let scalar = Unicode.Scalar(value) else { return (.separator, false, .source) }
        let properties = scalar.properties
        switch properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .decimalNumber, .letterNumber, .otherNumber:
            if properties.changesWhenNFKCCaseFolded {
                let (charClass, isUpper, fold) = describe(scalar)
                return (charClass, isUpper, .computed(fold))
            }
            let isDigit = properties.generalCategory == .decimalNumber
            return (isDigit ? .digit : .letter, properties.isUppercase, .source)
        case .nonspacingMark, .enclosingMark, .format:
            return (.extend, false, .source)
        case .spacingMark:
            return (.spacingMark, false, .source)
        default:
            return (.separator, false, .source)
        }
    }

    /// The reference classification and fold of one scalar, using Foundation.
    ///
    /// Slow (several string conversions); used to build ``FoldTable`` and for the
    /// rare scalars outside it. The ASCII fast path in the scanner must agree with it.
    static func describe(_ scalar: Unicode.Scalar) -> (CharClass, isUpper: Bool, fold: [UInt8]) {
        switch scalar.value {
        // Apostrophe look-alikes. ` and ´ are common typing substitutes for ’, and
        // ʻ (a modifier letter) is used as an opening quote; as letters they would
        // end up inside terms.
        case 0x27, 0x60, 0xB4, 0x2BB, 0x2BC, 0x2018, 0x2019, 0x2032, 0xFF07:
            return (.apostrophe, false, [0x27])
        // Hyphen, non-breaking hyphen, and the forms NFKC maps to "-"; not en/em dashes.
        case 0x2D, 0x2010, 0x2011, 0xFE63, 0xFF0D:
            return (.hyphen, false, [0x2D])
        case 0x2E, 0xFF0E:
            return (.dot, false, [0x2E])
        case 0x2C, 0xFF0C:
            return (.comma, false, [0x2C])
        // Zero-width space is a format character but means "word break here".
        case 0x200B:
            return (.separator, false, [])
        default:
            break
        }
        let properties = scalar.properties
        switch properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format:
            return (.extend, false, [])
        case .spacingMark:
            return (.spacingMark, false, Array(String(scalar).utf8))
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .decimalNumber, .letterNumber, .otherNumber:
            break
        // Circled and squared Latin letters (ⓚⓟⓤ, 🄺🄿🅄) are symbols to Unicode but read
        // as letters, and NFKC maps them to theirs, as it maps fullwidth forms.
        case .otherSymbol where (0x24B6...0x24E9).contains(scalar.value) || (0x1F130...0x1F189).contains(scalar.value):
            break
        default:
            return (.separator, false, [])
        }
        let decomposed = String(scalar).decomposedStringWithCompatibilityMapping
            .lowercased()
            .decomposedStringWithCompatibilityMapping
        var kept = String.UnicodeScalarView()
        var allDigits = true
        for part in decomposed.unicodeScalars {
            // "½" decomposes to "1⁄2"; gluing that into "12" would be wrong.
            if part.value == 0x2044 { return (.separator, false, []) }
            switch part.properties.generalCategory {
            case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter,
                 .otherLetter, .spacingMark:
                allDigits = false
                kept.append(part)
            case .decimalNumber:
                kept.append(part)
            default:
                continue  // the diacritics NFKD exposed, and stray symbols
            }
        }
        // A modifier letter such as "ˆ" decomposes to a bare mark: nothing is left.
        guard !kept.isEmpty else { return (.separator, false, []) }
        let folded = String(kept).precomposedStringWithCanonicalMapping
        var fold = Array(folded.utf8)
        if fold.count > maxFoldBytes {
            var cut = maxFoldBytes
            while cut > 0, fold[cut] & 0xC0 == 0x80 { cut -= 1 }
            fold.removeSubrange(cut...)
        }
        let isDigit = properties.generalCategory == .decimalNumber || allDigits
        let isUpper = properties.isUppercase || properties.changesWhenLowercased
        return (isDigit ? .digit : .letter, isUpper, fold)
    }
}
