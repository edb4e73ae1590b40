/// Reads one article from a saved web page (see ``HTMLArticleExtractor`` for what
/// is taken from where).
///
/// The bytes are read as UTF-8 whenever they are valid UTF-8, whatever the page
/// declares: pages that declare ISO-8859-1 and are UTF-8 are common. Otherwise
/// the page's declared charset is used, and Windows-1252 when it declares none.
struct HTMLArticleReader {
    /// The path shown in problems.
    var path: String
    /// The article's id: the page's place, as for text files.
    var defaultID: String

    /// Reads the page.
    func read(_ bytes: [UInt8]) -> DocumentReadResult {
        let location = SourceLocation(path: path)
        guard case .success(let root) = Self.parse(bytes) else {
            return .failure(.unreadableDocument(location, format: "HTML page", reason: "libxml2 found no HTML in it"))
        }
        let extraction = HTMLArticleExtractor(root: root).extract()
        let paragraphs = extraction.paragraphs.map { $0.nfcNormalized }.enumerated().map {
            Paragraph(number: $0.offset + 1, text: $0.element)
        }
        guard let first = paragraphs.first else {
            return .failure(.noArticleText(location, format: "HTML page"))
        }
        let title = extraction.title?.nfcNormalized ?? Article.derivedTitle(fromFirstParagraph: first.text)
        return DocumentReadResult(articles: [Article(
            id: defaultID,
            title: title.isEmpty ? Article.derivedTitle(fromFirstParagraph: first.text) : title,
            date: extraction.date,
            source: extraction.source?.nfcNormalized,
            url: extraction.url,
            paragraphs: paragraphs
        )])
    }

    /// Parses the bytes in the charset they really have.
    static func parse(_ bytes: [UInt8]) -> Result<MarkupNode, MarkupParser.Failure> {
        var isUTF8 = true
        do throws(UTF8.ValidationError) {
            _ = try UTF8Span(validating: bytes.span)
        } catch {
            isUTF8 = false
        }
        if isUTF8 { return MarkupParser.parseHTML(bytes, encoding: "UTF-8") }
        let head = String(decoding: bytes.prefix(2048), as: UTF8.self).lowercased()
        let declares = head.contains("charset") || head.contains("encoding=")
        return MarkupParser.parseHTML(bytes, encoding: declares ? nil : "windows-1252")
    }
}
