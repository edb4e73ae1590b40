import Foundation

extension Article {
    /// Splits text into paragraphs: each non-blank line, trimmed, numbered from 1.
    ///
    /// Lines end at `"\n"`; a `"\r"` before it (CRLF) is trimmed with the other
    /// whitespace, Unicode whitespace such as no-break spaces included. The text is
    /// expected to be NFC already.
    /// - Parameter text: A JSON Lines `body`, or the body lines of a text file.
    /// - Returns: The paragraphs in order; empty when every line is blank.
    static func paragraphs(in text: Substring) -> [Paragraph] {
        // Work on the UTF-8 bytes: this runs over every byte of the corpus, and
        // "\r\n" is one Character, so splitting Characters on "\n" would miss it.
        if let paragraphs = text.utf8.withContiguousStorageIfAvailable(paragraphs(inUTF8:)) {
            return paragraphs
        }
        var copy = String(text)
        copy.makeContiguousUTF8()
        return copy.utf8.withContiguousStorageIfAvailable(paragraphs(inUTF8:)) ?? []
    }

    /// ``paragraphs(in:)`` over valid UTF-8 bytes.
    private static func paragraphs(inUTF8 bytes: UnsafeBufferPointer<UInt8>) -> [Paragraph] {
        var paragraphs: [Paragraph] = []
        guard let base = bytes.baseAddress else { return paragraphs }
        var lineStart = 0
        while lineStart <= bytes.count {
            var lineEnd = bytes.count
            if lineStart < bytes.count,
               let newline = memchr(base + lineStart, Int32(UInt8(ascii: "\n")), bytes.count - lineStart) {
                lineEnd = UnsafeRawPointer(base).distance(to: UnsafeRawPointer(newline))
            }
            var start = lineStart
            var end = lineEnd
            while start < end, isASCIIWhitespace(bytes[start]) { start += 1 }
            while end > start, isASCIIWhitespace(bytes[end - 1]) { end -= 1 }
            if start < end {
                var line = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
                if bytes[start] >= 0x80 || bytes[end - 1] >= 0x80 {
                    line = String(line.trimmingWhitespace())
                }
                if !line.isEmpty {
                    paragraphs.append(Paragraph(number: paragraphs.count + 1, text: line))
                }
            }
            lineStart = lineEnd + 1
        }
        return paragraphs
    }

    private static func isASCIIWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || (byte >= 0x09 && byte <= 0x0D)
    }
}
