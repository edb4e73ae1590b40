/// A 64-bit SimHash fingerprint of a text from its word 3-shingles (Charikar 2002):
/// texts that differ in a few words get fingerprints a few bits apart, so a press
/// release republished word for word by several outlets is found by comparing
/// fingerprints, not texts.
public struct SimHash: Sendable, Equatable {
    /// The fingerprint.
    public var value: UInt64

    /// Fingerprints at most this many bits apart are near-duplicates.
    public static let threshold = 3
    /// Fewer shingles than this and a text is too short to call a duplicate.
    public static let minimumShingles = 24

    /// Accumulates term hashes; call ``add(termBytes:)`` for each term in order.
    public struct Builder: Sendable {
        private var counts = [Int32](repeating: 0, count: 64)
        private var previous: (UInt64, UInt64) = (0, 0)
        private var seen = 0
        /// Shingles counted so far.
        public private(set) var shingles = 0

        public init() {}

        /// Adds the next term of the text.
        public mutating func add(termBytes: UnsafeBufferPointer<UInt8>) {
            var hash: UInt64 = 0xcbf2_9ce4_8422_2325
            for byte in termBytes {
                hash ^= UInt64(byte)
                hash &*= 0x0000_0100_0000_01b3
            }
            seen += 1
            if seen >= 3 {
                var shingle = previous.0 &* 0x9E37_79B9_7F4A_7C15
                shingle ^= previous.1 &* 0xC2B2_AE3D_27D4_EB4F
                shingle ^= hash &* 0x1656_67B1_9E37_79F9
                shingle ^= shingle >> 29
                shingle &*= 0xBF58_476D_1CE4_E5B9
                shingle ^= shingle >> 32
                for bit in 0..<64 {
                    counts[bit] += (shingle >> UInt64(bit)) & 1 == 1 ? 1 : -1
                }
                shingles += 1
            }
            previous = (previous.1, hash)
        }

        /// The fingerprint, or nil when the text is too short to judge.
        public func finish() -> SimHash? {
            guard shingles >= SimHash.minimumShingles else { return nil }
            var value: UInt64 = 0
            for bit in 0..<64 where counts[bit] > 0 { value |= 1 << UInt64(bit) }
            return SimHash(value: value)
        }
    }

    public init(value: UInt64) { self.value = value }

    /// The fingerprint of `text`, tokenized as the index does.
    public init?(text: String) {
        var builder = Builder()
        Tokenizer().forEachToken(in: text) { bytes, _, _, kind in
            if kind != .compound { builder.add(termBytes: bytes) }
        }
        guard let hash = builder.finish() else { return nil }
        self = hash
    }

    /// Bits that differ.
    public func distance(to other: SimHash) -> Int { (value ^ other.value).nonzeroBitCount }

    /// The four 16-bit bands, as "<band><4 hex digits>": two fingerprints within
    /// ``threshold`` bits agree on at least one band (pigeonhole), so band terms find
    /// every candidate.
    public var bands: [String] {
        (0..<4).map { band in
            let chunk = (value >> UInt64(band * 16)) & 0xFFFF
            let hex = String(chunk, radix: 16)
            return String(band) + String(repeating: "0", count: 4 - hex.count) + hex
        }
    }

    /// 16 hex digits.
    public var hex: String {
        let hex = String(value, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }

    /// Reads ``hex``.
    public init?(hex: Substring) {
        guard let value = UInt64(hex, radix: 16) else { return nil }
        self.value = value
    }
}
