// The byte scanner behind every public Tokenizer method.
//
// It reads the text's UTF-8 once. Runs of letters and digits become "atoms"; an atom
// may contain an apostrophe between letters and a dot or comma between digits. Atoms
// separated by a single hyphen or dot form a "chunk", buffered so that the chunk can be
// emitted as a compound (hyphens) or an abbreviation (dots) before its parts. Folded
// bytes go to fixed scratch buffers, so no token allocates.

extension Tokenizer {
    /// What the scanner hands on for each token: the folded term (valid only during
    /// the call), the position, the source byte range, the kind and the part count.
    typealias Emit = (UnsafeBufferPointer<UInt8>, Int, Range<Int>, Token.Kind, Int) -> Void

    /// The most atoms buffered for one chunk; longer hyphen or dot chains are split.
    ///
    /// Real compounds have 2–4 parts; the bound keeps memory fixed on hostile input
    /// such as ten megabytes of "a-a-a-…".
    static let maxAtomsPerChunk = 64

    /// Folded bytes one atom may occupy: a term that overflows `maxTermBytes` by one
    /// scalar (so truncation can see it is too long) plus one byte of slack.
    static let atomFoldCapacity = maxTermBytes + maxFoldBytes + 1

    /// Tokenizes `text`, passing every token to `emit` in output order.
    func scan(_ text: String, _ emit: Emit) {
        let scanned: Void? = text.utf8.withContiguousStorageIfAvailable {
            Self.scan(bytes: $0, emit)
        }
        if scanned == nil {
            // Bridged or lazily stored strings: take one contiguous copy.
            var copy = text
            copy.makeContiguousUTF8()
            _ = copy.utf8.withContiguousStorageIfAvailable { Self.scan(bytes: $0, emit) }
        }
    }

    /// Tokenizes valid UTF-8 bytes.
    ///
    /// The scratch space (about 17 KB: folded atoms, then the joined-term buffer, plus
    /// the atom records) is taken once per call, on the stack when it has room, and
    /// reused for every chunk.
    static func scan(bytes: UnsafeBufferPointer<UInt8>, _ emit: Emit) {
        guard let text = bytes.baseAddress, bytes.count > 0 else { return }
        let foldCapacity = maxAtomsPerChunk * atomFoldCapacity
        withUnsafeTemporaryAllocation(
            of: UInt8.self, capacity: foldCapacity + atomFoldCapacity
        ) { scratch in
            withUnsafeTemporaryAllocation(of: Atom.self, capacity: maxAtomsPerChunk) { atoms in
                guard let fold = scratch.baseAddress, let atoms = atoms.baseAddress else { return }
                var scanner = Scanner(
                    text: text, count: bytes.count, fold: fold, atoms: atoms,
                    joined: fold + foldCapacity)
                scanner.run(emit)
            }
        }
    }

    /// How an atom is attached to the next one in its chunk.
    enum Joiner: UInt8 {
        case none, hyphen, dot
    }

    /// A run of letters and digits, with what the chunk logic needs to know about it.
    struct Atom {
        /// Source byte range, including absorbed marks.
        var start: Int
        var end: Int
        /// Folded bytes in the scanner's `fold` buffer (capped, see `atomFoldCapacity`).
        var foldStart: Int
        var foldEnd: Int
        /// Scalar counts: no letters makes a number; 1–3 letters and nothing else
        /// may be an abbreviation segment.
        var letters: Int
        var digits: Int
        var hasApostrophe: Bool
        /// Capitalised abbreviations ("Sp.OG") are joined even without a one-letter segment.
        var startsUppercase: Bool
        /// Set when a hyphen joins this atom to the previous one or the next one;
        /// such atoms belong to a compound, never to an abbreviation.
        var hyphenBefore: Bool
        var joinerAfter: Joiner
    }

    /// The scanning state for one text; lives on the stack for one call.
    struct Scanner {
        let text: UnsafePointer<UInt8>
        let count: Int
        let fold: UnsafeMutablePointer<UInt8>
        var foldCount = 0
        let atoms: UnsafeMutablePointer<Atom>
        var atomCount = 0
        /// Scratch for a compound's or an abbreviation's whole form.
        let joined: UnsafeMutablePointer<UInt8>
        /// The last position handed out; Xapian positions start at 1.
        var position = 0
        /// Folds computed with Foundation for scalars outside ``FoldTable``, so text
        /// in such a script costs one slow fold per distinct scalar, not per scalar.
        var rareFolds: [UInt32: (CharClass, isUpper: Bool, fold: [UInt8])] = [:]

        init(
            text: UnsafePointer<UInt8>, count: Int, fold: UnsafeMutablePointer<UInt8>,
            atoms: UnsafeMutablePointer<Atom>, joined: UnsafeMutablePointer<UInt8>
        ) {
            self.text = text
            self.count = count
            self.fold = fold
            self.atoms = atoms
            self.joined = joined
        }

        // MARK: Reading scalars

        /// Decodes the scalar at `i`, trusting String's UTF-8 validity but never
        /// reading past the end (a stray byte decodes as U+FFFD, a separator).
        @inline(__always)
        func decode(at i: Int) -> (value: UInt32, length: Int) {
            let b0 = UInt32(text[i])
            if b0 >= 0xC2, b0 < 0xE0, i + 1 < count {
                return ((b0 & 0x1F) << 6 | UInt32(text[i + 1]) & 0x3F, 2)
            }
            if b0 >= 0xE0, b0 < 0xF0, i + 2 < count {
                let value = (b0 & 0x0F) << 12 | (UInt32(text[i + 1]) & 0x3F) << 6
                    | UInt32(text[i + 2]) & 0x3F
                return (value, 3)
            }
            if b0 >= 0xF0, b0 < 0xF5, i + 3 < count {
                let value = (b0 & 0x07) << 18 | (UInt32(text[i + 1]) & 0x3F) << 12
                    | (UInt32(text[i + 2]) & 0x3F) << 6 | UInt32(text[i + 3]) & 0x3F
                return (value, 4)
            }
            return (0xFFFD, 1)
        }

        /// Classifies and folds one non-ASCII scalar.
        @inline(__always)
        mutating func lookup(_ value: UInt32) -> (CharClass, isUpper: Bool, Fold) {
            if let known = Tokenizer.lookupInTable(value) { return known }
            return lookupRare(value)
        }

        mutating func lookupRare(_ value: UInt32) -> (CharClass, isUpper: Bool, Fold) {
            if let (charClass, isUpper, fold) = rareFolds[value] {
                return (charClass, isUpper, .computed(fold))
            }
            let found = Tokenizer.lookupOutsideTable(value)
            // Bounded, so hostile text cannot grow it without limit.
            if case .computed(let fold) = found.2, rareFolds.count < 4096 {
                rareFolds[value] = (found.0, found.isUpper, fold)
            }
            return found
        }

        /// The class of an ASCII byte that is not a letter or digit.
        @inline(__always)
        static func punctuationClass(_ byte: UInt8) -> CharClass {
            switch byte {
            case UInt8(ascii: "'"), UInt8(ascii: "`"): return .apostrophe
            case UInt8(ascii: "-"): return .hyphen
            case UInt8(ascii: "."): return .dot
            case UInt8(ascii: ","): return .comma
            default: return .separator
            }
        }

        /// The class of the scalar at `i`; past the end counts as a separator.
        @inline(__always)
        mutating func classAt(_ i: Int) -> CharClass {
            guard i < count else { return .separator }
            let byte = text[i]
            if byte < 0x80 {
                if (byte | 0x20) &- 0x61 < 26 { return .letter }
                if byte &- 0x30 < 10 { return .digit }
                return Self.punctuationClass(byte)
            }
            return lookup(decode(at: i).value).0
        }

        // MARK: Scanning

        /// Scans the whole text, emitting tokens chunk by chunk.
        mutating func run(_ emit: Emit) {
            var i = 0
            while i < count {
                let byte = text[i]
                if byte < 0x80 {
                    if (byte | 0x20) &- 0x61 < 26 || byte &- 0x30 < 10 {
                        i = scanChunk(from: i, emit)
                    } else {
                        i += 1
                    }
                } else {
                    let (value, length) = decode(at: i)
                    let charClass = lookup(value).0
                    if charClass == .letter || charClass == .digit {
                        i = scanChunk(from: i, emit)
                    } else {
                        i += length  // marks with nothing to attach to are dropped too
                    }
                }
            }
        }

        /// Scans atoms joined by single hyphens or dots from `start`, a letter or
        /// digit; emits them and returns where scanning resumes.
        mutating func scanChunk(from start: Int, _ emit: Emit) -> Int {
            atomCount = 0
            foldCount = 0
            var i = start
            var hyphenBefore = false
            while true {
                let (end, joiner, next) = scanAtom(from: i, hyphenBefore: hyphenBefore)
                if joiner == .none || atomCount == Tokenizer.maxAtomsPerChunk {
                    emitChunk(emit)
                    return end
                }
                atoms[atomCount - 1].joinerAfter = joiner
                hyphenBefore = joiner == .hyphen
                i = next
            }
        }

        /// Stores one folded byte at `end` in `fold`, unless the atom already holds more
        /// than `maxTermBytes` (past that it is truncated anyway: keep scanning, stop
        /// storing).
        @inline(__always)
        static func put(
            _ byte: UInt8, into fold: UnsafeMutablePointer<UInt8>, at end: inout Int, limit: Int
        ) {
            guard end <= limit else { return }
            fold[end] = byte
            end &+= 1
        }

        /// Stores one scalar's fold, with the same cap as ``put(_:into:at:limit:)``.
        @inline(__always)
        func append(_ folded: Fold, sourceAt i: Int, length: Int, to end: inout Int, limit: Int) {
            guard end <= limit else { return }
            switch folded {
            case .source:
                (fold + end).update(from: text + i, count: length)
                end += length
            case .table(let offset, let count):
                FoldTable.shared.bytes.withUnsafeBufferPointer { bytes in
                    for k in 0..<count { fold[end + k] = bytes[offset + k] }
                }
                end += count
            case .computed(let bytes):
                for k in bytes.indices { fold[end + k] = bytes[k] }
                end += bytes.count
            }
        }

        /// Scans one atom from `start` (a letter or digit) and records it.
        ///
        /// Returns the atom's end, how it is joined to a following atom, and where
        /// that atom starts.
        mutating func scanAtom(
            from start: Int, hyphenBefore: Bool
        ) -> (end: Int, joiner: Joiner, next: Int) {
            // Locals, not `self` fields: stores through `fold` could alias `self`, which
            // would force the hot loop to reload them from memory on every byte.
            let text = self.text
            let count = self.count
            let fold = self.fold
            let foldStart = foldCount
            let limit = foldStart + Tokenizer.maxTermBytes
            var end = foldStart
            var i = start
            var letters = 0
            var digits = 0
            var hasApostrophe = false
            // The last scalar that counts for the joining rules; marks don't.
            var last = CharClass.separator
            var joiner = Joiner.none
            var next = 0
            scanning: while i < count {
                let byte = text[i]
                let charClass: CharClass
                var length = 1
                if byte < 0x80 {
                    let lower = byte | 0x20
                    if lower &- 0x61 < 26 {
                        Self.put(lower, into: fold, at: &end, limit: limit)
                        letters &+= 1
                        last = .letter
                        i &+= 1
                        continue
                    }
                    if byte &- 0x30 < 10 {
                        Self.put(byte, into: fold, at: &end, limit: limit)
                        digits &+= 1
                        last = .digit
                        i &+= 1
                        continue
                    }
                    charClass = Self.punctuationClass(byte)
                } else {
                    let (value, scalarLength) = decode(at: i)
                    length = scalarLength
                    let (scalarClass, _, folded) = lookup(value)
                    switch scalarClass {
                    case .letter:
                        append(folded, sourceAt: i, length: length, to: &end, limit: limit)
                        letters += 1
                        last = .letter
                        i += length
                        continue
                    case .digit:
                        append(folded, sourceAt: i, length: length, to: &end, limit: limit)
                        digits += 1
                        last = .digit
                        i += length
                        continue
                    case .extend:
                        i += length
                        continue
                    case .spacingMark:
                        append(folded, sourceAt: i, length: length, to: &end, limit: limit)
                        i += length
                        continue
                    default:
                        charClass = scalarClass
                    }
                }
                let after = i + length
                switch charClass {
                case .apostrophe:
                    if last == .letter, classAt(after) == .letter {
                        Self.put(UInt8(ascii: "'"), into: fold, at: &end, limit: limit)
                        hasApostrophe = true
                        last = .apostrophe
                        i = after
                        continue
                    }
                case .dot, .comma:
                    let nextClass = classAt(after)
                    if last == .digit, nextClass == .digit {
                        let kept = charClass == .dot ? UInt8(ascii: ".") : UInt8(ascii: ",")
                        Self.put(kept, into: fold, at: &end, limit: limit)
                        last = charClass
                        i = after
                        continue
                    }
                    if charClass == .dot, nextClass == .letter || nextClass == .digit {
                        joiner = .dot
                        next = after
                    }
                case .hyphen:
                    let nextClass = classAt(after)
                    if nextClass == .letter || nextClass == .digit {
                        joiner = .hyphen
                        next = after
                    }
                default:
                    break
                }
                break scanning
            }
            let startsUppercase: Bool
            let first = text[start]
            if first < 0x80 {
                startsUppercase = first &- 0x41 < 26
            } else {
                startsUppercase = lookup(decode(at: start).value).isUpper
            }
            (atoms + atomCount).initialize(to: Atom(
                start: start, end: i, foldStart: foldStart, foldEnd: end,
                letters: letters, digits: digits, hasApostrophe: hasApostrophe,
                startsUppercase: startsUppercase, hyphenBefore: hyphenBefore, joinerAfter: .none))
            atomCount += 1
            foldCount = end
            return (i, joiner, next)
        }

        // MARK: Emitting

        /// Whether atom `k` can be a segment of a dotted abbreviation: 1–3 letters,
        /// nothing else, and not part of a hyphenated compound.
        func isAbbreviationSegment(_ k: Int) -> Bool {
            let atom = atoms[k]
            return atom.digits == 0 && !atom.hasApostrophe && (1...3).contains(atom.letters)
                && !atom.hyphenBefore && atom.joinerAfter != .hyphen
        }

        /// Whether segments `first...last` read as one abbreviation.
        ///
        /// A single-letter segment marks a real abbreviation ("S.Pd", "M.Si", "a.n");
        /// otherwise only short capitalised ones ("Sp.OG") are joined. This keeps a
        /// missing space ("ini.Dia") and domains ("go.id", "www.bps.go.id") apart.
        func isAbbreviation(_ first: Int, _ last: Int) -> Bool {
            var allShort = true
            for k in first...last {
                if atoms[k].letters == 1 { return true }
                if atoms[k].letters > 2 { allShort = false }
            }
            return allShort && atoms[first].startsUppercase
        }

        /// Emits the buffered chunk: abbreviations joined, compounds before their parts,
        /// everything else as single atoms.
        mutating func emitChunk(_ emit: Emit) {
            if atomCount == 1 {
                emitAtom(0, emit)
                return
            }
            var k = 0
            while k < atomCount {
                if isAbbreviationSegment(k) {
                    var last = k
                    while last + 1 < atomCount, atoms[last].joinerAfter == .dot,
                          isAbbreviationSegment(last + 1) {
                        last += 1
                    }
                    if last > k {
                        if isAbbreviation(k, last) {
                            emitJoined(k, last, separator: nil, emit)
                        } else {
                            for part in k...last { emitAtom(part, emit) }
                        }
                        k = last + 1
                        continue
                    }
                }
                var last = k
                while last + 1 < atomCount, atoms[last].joinerAfter == .hyphen { last += 1 }
                if last > k {
                    emitJoined(k, last, separator: UInt8(ascii: "-"), emit)
                    for part in k...last { emitAtom(part, emit) }
                } else {
                    emitAtom(k, emit)
                }
                k = last + 1
            }
        }

        /// Emits atom `k` as a word or number at the next position.
        mutating func emitAtom(_ k: Int, _ emit: Emit) {
            let atom = atoms[k]
            position += 1
            let length = Tokenizer.truncatedLength(
                fold + atom.foldStart, atom.foldEnd - atom.foldStart)
            emit(UnsafeBufferPointer(start: fold + atom.foldStart, count: length), position,
                 atom.start..<atom.end, atom.letters == 0 ? .number : .word, 1)
        }

        /// Emits atoms `first...last` as one term: a compound (with `separator` "-",
        /// at the position its first part will take) or an abbreviation (no separator,
        /// taking a position of its own).
        mutating func emitJoined(_ first: Int, _ last: Int, separator: UInt8?, _ emit: Emit) {
            let capacity = Tokenizer.atomFoldCapacity
            var length = 0
            for k in first...last where length < capacity {
                if k > first, let separator {
                    joined[length] = separator
                    length += 1
                }
                let atom = atoms[k]
                let copied = min(atom.foldEnd - atom.foldStart, capacity - length)
                (joined + length).update(from: fold + atom.foldStart, count: copied)
                length += copied
            }
            length = Tokenizer.truncatedLength(joined, length)
            let range = atoms[first].start..<atoms[last].end
            let term = UnsafeBufferPointer(start: joined, count: length)
            if separator == nil {
                position += 1
                emit(term, position, range, .word, 1)
            } else {
                emit(term, position + 1, range, .compound, last - first + 1)
            }
        }
    }

    /// The length of a folded term cut to at most `maxTermBytes` bytes.
    ///
    /// Cuts before a UTF-8 continuation byte so the term stays valid, then drops a
    /// joining "-", "'", "." or "," the cut may have left at the end. A term starts
    /// with a letter or digit, so the result is never empty.
    static func truncatedLength(_ term: UnsafePointer<UInt8>, _ length: Int) -> Int {
        guard length > maxTermBytes else { return length }
        var cut = maxTermBytes
        while cut > 1, term[cut] & 0xC0 == 0x80 { cut -= 1 }
        while cut > 1 {
            switch term[cut - 1] {
            case UInt8(ascii: "-"), UInt8(ascii: "'"), UInt8(ascii: "."), UInt8(ascii: ","):
                cut -= 1
            default:
                return cut
            }
        }
        return cut
    }
}
