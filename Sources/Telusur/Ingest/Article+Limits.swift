import Foundation

extension Article {
    /// The longest id, in UTF-8 bytes: the index stores it inside terms, which Xapian
    /// limits to 245 bytes with their prefixes and paragraph numbers. A longer id is a
    /// problem reported where it was read (``IngestError/idTooLong(_:id:limit:)``).
    public static let maximumIDLength = 200
}

extension Article {
    /// The longest paragraph indexed as one document, in UTF-8 bytes (32 KiB; news
    /// paragraphs are under 2 KiB). A longer one (a whole book on one line) is split at
    /// whitespace into several, so that indexing it and highlighting a match in it stay
    /// cheap; no text is dropped.
    public static let maximumParagraphBytes = 32 * 1024

    /// Most paragraphs one article is indexed with (each is a document, and an
    /// article is written in one batch). Beyond it, neighbouring paragraphs are joined
    /// so that the article keeps all its text in at most this many documents.
    public static let maximumParagraphs = 10_000

    /// The article as the index holds it: every paragraph at most
    /// ``maximumParagraphBytes``, at most ``maximumParagraphs`` of them, renumbered
    /// from 1. Unchanged (no copy) for every ordinary article.
    public func boundedForIndexing() -> Article {
        let needsSplit = paragraphs.contains { $0.text.utf8.count > Self.maximumParagraphBytes }
        guard needsSplit || paragraphs.count > Self.maximumParagraphs else { return self }
        var texts: [String] = []
        for paragraph in paragraphs {
            texts += paragraph.text.utf8.count > Self.maximumParagraphBytes ? Self.pieces(of: paragraph.text) : [paragraph.text]
        }
        if texts.count > Self.maximumParagraphs {
            let group = (texts.count + Self.maximumParagraphs - 1) / Self.maximumParagraphs
            texts = stride(from: 0, to: texts.count, by: group).map { texts[$0..<min($0 + group, texts.count)].joined(separator: " ") }
        }
        var copy = self
        copy.paragraphs = texts.enumerated().map { Paragraph(number: $0.offset + 1, text: $0.element) }
        return copy
    }

    /// `text` cut into pieces of at most ``maximumParagraphBytes``, each cut at the last
    /// space before the limit (or, in a run without spaces, at a character boundary).
    static func pieces(of text: String) -> [String] {
        let bytes = Array(text.utf8)
        var pieces: [String] = []
        var start = 0
        while start < bytes.count {
            var end = min(start + maximumParagraphBytes, bytes.count)
            if end < bytes.count {
                var cut = end
                while cut > start + maximumParagraphBytes / 2, bytes[cut] != 0x20 { cut -= 1 }
                if bytes[cut] == 0x20 { end = cut } else {
                    while end > start, bytes[end] & 0xC0 == 0x80 { end -= 1 }  // not inside a character
                }
            }
            let piece = String(decoding: bytes[start..<end], as: UTF8.self).trimmingCharacters(in: .whitespaces)
            if !piece.isEmpty { pieces.append(piece) }
            start = end
            while start < bytes.count, bytes[start] == 0x20 { start += 1 }
        }
        return pieces
    }
}
