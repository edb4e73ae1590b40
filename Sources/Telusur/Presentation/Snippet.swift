/// A paragraph cut to a window around its first match, at word boundaries.
public struct Snippet: Sendable, Equatable {
    /// The text shown (with "…" where it was cut).
    public var text: String
    /// The marked ranges, as UTF-8 byte offsets into ``text``.
    public var ranges: [Range<Int>]

    /// The window, in UTF-8 bytes (about 300 characters of Indonesian text).
    public static let width = 300
    static let ellipsis = "…"

    /// The whole paragraph, uncut (`--full`).
    public init(whole text: String, ranges: [Range<Int>]) {
        self.text = text
        self.ranges = ranges
    }

    /// Cuts `text` to about ``width`` bytes around the first of `ranges`.
    public init(text: String, ranges: [Range<Int>], width: Int = Snippet.width) {
        let bytes = Array(text.utf8)
        guard bytes.count > width else {
            self.text = text
            self.ranges = ranges
            return
        }
        let focus = ranges.first ?? 0..<0
        // Start a quarter-window before the first match, then move to a word start.
        var start = max(0, focus.lowerBound - width / 4)
        var end = min(bytes.count, start + width)
        if end == bytes.count { start = max(0, end - width) }
        if focus.upperBound > end { end = min(bytes.count, focus.upperBound) }
        if start > 0 {
            while start < focus.lowerBound, bytes[start - 1] != 0x20 { start += 1 }
        }
        if end < bytes.count {
            var cut = end
            while cut > max(start, focus.upperBound), bytes[cut] != 0x20 { cut -= 1 }
            if cut > start { end = cut }
        }
        let prefix = start > 0 ? Self.ellipsis : ""
        let suffix = end < bytes.count ? Self.ellipsis : ""
        let body = String(decoding: bytes[start..<end], as: UTF8.self)
        self.text = prefix + body + suffix
        let shift = prefix.utf8.count - start
        self.ranges = ranges.compactMap { range in
            guard range.lowerBound >= start, range.upperBound <= end else { return nil }
            return (range.lowerBound + shift)..<(range.upperBound + shift)
        }
    }
}
