/// Tells what a file holds from its first bytes, whatever its name.
///
/// ``ArticleReader`` asks this first and the file's extension second: a page saved
/// as `.txt` is still read as HTML, a PDF named `rilis` is still a PDF.
enum ContentSniffer {
    /// How many bytes the sniffer wants to see (fewer when the file is shorter).
    static let headLength = 4096

    /// What the first bytes show.
    enum Content: Equatable {
        /// A document of a format with a reader of its own.
        case document(DocumentKind)
        /// Text that is not markup: JSON Lines when it starts with `{`, else one
        /// text article.
        case text(startsWithBrace: Bool)
        /// Bytes that are not text and not a format telusur reads; the description
        /// names what they look like ("a PNG image", "binary data").
        case unreadable(String)
    }

    /// The formats told apart by content.
    enum DocumentKind: Equatable {
        case html, feed, pdf, docx, odt
    }

    /// Sniffs the (already decompressed) first bytes of a file.
    static func sniff(_ head: [UInt8]) -> Content {
        if let binary = binaryKind(head) {
            return binary
        }
        var start = head.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        skipBlanks(head, &start)
        if let markup = markupKind(head, from: start) {
            return .document(markup)
        }
        if looksBinary(head) {
            return .unreadable("binary data")
        }
        return .text(startsWithBrace: start < head.count && head[start] == UInt8(ascii: "{"))
    }

    /// PDF, ZIP-based office documents and common binary formats, by magic number.
    private static func binaryKind(_ head: [UInt8]) -> Content? {
        // A PDF may have junk before its header (up to 1024 bytes, the spec allows).
        if find(Array("%PDF-".utf8), in: head.prefix(1024)) != nil {
            return .document(.pdf)
        }
        if head.starts(with: [0x50, 0x4B, 0x03, 0x04]) {
            if find(Array("application/vnd.oasis.opendocument.text".utf8), in: head.prefix(200)) != nil {
                return .document(.odt)
            }
            if find(Array("word/".utf8), in: head) != nil || find(Array("[Content_Types].xml".utf8), in: head) != nil {
                return .document(.docx)
            }
            return .unreadable("a ZIP archive that is neither a DOCX nor an ODT document")
        }
        let magic: [([UInt8], String)] = [
            ([0x89, 0x50, 0x4E, 0x47], "a PNG image"),
            ([0xFF, 0xD8, 0xFF], "a JPEG image"),
            (Array("GIF8".utf8), "a GIF image"),
            ([0xD0, 0xCF, 0x11, 0xE0], "an old Office (.doc/.xls) document"),
            (Array("{\\rtf".utf8), "an RTF document"),
            ([0x7F, 0x45, 0x4C, 0x46], "an executable"),
        ]
        for (prefix, name) in magic where head.starts(with: prefix) {
            return .unreadable(name)
        }
        return nil
    }

    /// HTML or a feed, after any XML declaration, processing instructions,
    /// comments and a doctype that names no format.
    private static func markupKind(_ head: [UInt8], from start: Int) -> DocumentKind? {
        var position = start
        var sawXMLDeclaration = false
        while position < head.count, head[position] == UInt8(ascii: "<") {
            let rest = lowercased(head[position..<min(head.count, position + 64)])
            if rest.hasPrefix("<?") {
                sawXMLDeclaration = true
                guard let end = find(Array("?>".utf8), in: head[position...]) else { return nil }
                position = end + 2
            } else if rest.hasPrefix("<!--") {
                guard let end = find(Array("-->".utf8), in: head[position...]) else { return nil }
                position = end + 3
            } else if rest.hasPrefix("<!doctype html") {
                return .html
            } else if rest.hasPrefix("<!doctype") {
                guard let end = head[position...].firstIndex(of: UInt8(ascii: ">")) else { return nil }
                position = end + 1
            } else {
                for name in ["<rss", "<feed", "<rdf:rdf"] where rest.hasPrefix(name) {
                    return .feed
                }
                for name in ["<html", "<head", "<body", "<meta", "<title", "<article"] where rest.hasPrefix(name) {
                    return .html
                }
                // Another XML document: a feed reader says what it is not.
                return sawXMLDeclaration ? .feed : nil
            }
            skipBlanks(head, &position)
        }
        return nil
    }

    /// Whether the bytes hold a NUL or are not UTF-8 (a sequence cut at the end of
    /// the head does not count).
    private static func looksBinary(_ head: [UInt8]) -> Bool {
        if head.contains(0) { return true }
        var bytes = head
        // Drop an incomplete sequence at the end: the head may cut a character.
        var cut = 0
        while cut < 3, cut < bytes.count, bytes[bytes.count - 1 - cut] & 0xC0 == 0x80 { cut += 1 }
        if cut < bytes.count, bytes[bytes.count - 1 - cut] >= 0xC0 {
            bytes.removeLast(cut + 1)
        }
        do throws(UTF8.ValidationError) {
            _ = try UTF8Span(validating: bytes.span)
            return false
        } catch {
            return true
        }
    }

    private static func skipBlanks(_ bytes: [UInt8], _ position: inout Int) {
        while position < bytes.count, bytes[position] == 0x20 || (0x09...0x0D).contains(bytes[position]) {
            position += 1
        }
    }

    private static func lowercased(_ bytes: ArraySlice<UInt8>) -> String {
        String(decoding: bytes.map { (0x41...0x5A).contains($0) ? $0 + 0x20 : $0 }, as: UTF8.self)
    }

    /// The index of the first occurrence of `needle` in `haystack`.
    static func find(_ needle: [UInt8], in haystack: ArraySlice<UInt8>) -> Int? {
        guard !needle.isEmpty, haystack.count >= needle.count else { return nil }
        var index = haystack.startIndex
        while index <= haystack.endIndex - needle.count {
            if haystack[index] == needle[0], haystack[index..<index + needle.count].elementsEqual(needle) {
                return index
            }
            index += 1
        }
        return nil
    }

    static func find(_ needle: [UInt8], in haystack: [UInt8]) -> Int? {
        find(needle, in: haystack[...])
    }
}
