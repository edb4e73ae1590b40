import Foundation

/// How a quote is stored on its paragraph document (``Schema/quotesSlot``): compact
/// JSON, the text as a byte range of the paragraph (its data) rather than a copy.
public struct QuoteRecord: Codable, Sendable, Equatable {
    /// "d" or "i".
    var k: String
    /// Person key, name, description, agency of the speaker.
    var s: String?
    var n: String?
    var d: String?
    var a: String?
    /// Office, cue.
    var r: String?
    var c: String
    /// UTF-8 range of the text in the paragraph.
    var b: Int
    var e: Int

    init(_ quote: Quote) {
        k = quote.kind == .direct ? "d" : "i"
        s = quote.speaker.key
        n = quote.speaker.name
        d = quote.speaker.description
        a = quote.speaker.agency
        r = quote.role
        c = quote.cue
        b = quote.range.lowerBound
        e = quote.range.upperBound
    }

    /// The quote again, its text cut from the paragraph; nil when the range does not fit it.
    func quote(in paragraph: Paragraph) -> Quote? {
        let bytes = Array(paragraph.text.utf8)
        guard b >= 0, b <= e, e <= bytes.count else { return nil }
        return Quote(paragraph: paragraph.number, kind: k == "d" ? .direct : .indirect,
                     speaker: Quote.Speaker(key: s, name: n, description: d, agency: a), role: r, cue: c,
                     text: String(decoding: bytes[b..<e], as: UTF8.self), range: b..<e)
    }

    /// The value of ``Schema/quotesSlot`` for a paragraph's quotes.
    static func encode(_ quotes: [Quote]) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(quotes.map(QuoteRecord.init)), as: UTF8.self)
    }

    /// The quotes stored on a paragraph; empty when the value is empty or not ours.
    static func decode(_ value: String, paragraph: Paragraph) -> [Quote] {
        guard !value.isEmpty, let records = try? JSONDecoder().decode([QuoteRecord].self, from: Data(value.utf8)) else { return [] }
        return records.compactMap { $0.quote(in: paragraph) }
    }
}
