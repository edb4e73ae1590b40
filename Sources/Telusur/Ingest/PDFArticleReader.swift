import Foundation

/// Reads one article from a PDF (a press release, a regulation) through poppler.
///
/// - Text in poppler's reading order, paragraphs rebuilt from lines
///   (``PDFParagraphBuilder``): a paragraph ends at a wider gap between lines, an
///   indented line, or after a short line that ends a sentence; a word hyphenated
///   at a line's end is joined (`pemerin-` + `tahan`); running headers and
///   footers (the same line at the top or bottom of most pages) and page numbers
///   are dropped.
/// - Title: the largest-type lines at the top of page 1, without a "SIARAN PERS"
///   label or a number line; else the metadata title, unless it is a file name or
///   a converter's ("Microsoft Word - rilis.docx"); else a short first paragraph
///   that ends no sentence; else derived from the first paragraph. A first
///   paragraph that is the title is not kept as a paragraph.
/// - Number: a "Siaran Pers No. …"/"Nomor …" line stays the first paragraph (the
///   index has no field of its own for it), so it is searchable and shown.
/// - Date: the first date written in the first lines or the signing line
///   ("Jakarta, 5 Februari 2024"), else the metadata's creation date.
/// - A PDF without a text layer is reported as a scan, a password-protected one
///   as such; a page poppler cannot read is named and the others are read.
struct PDFArticleReader {
    /// The path shown in problems.
    var path: String
    /// The article's id.
    var defaultID: String

    func read(_ bytes: [UInt8]) -> DocumentReadResult {
        let location = SourceLocation(path: path)
        let document: PDFDocument
        do throws(PDFDocument.OpenFailure) {
            document = try PDFDocument(bytes: bytes)
        } catch {
            switch error {
            case .encrypted:
                return .failure(.encryptedPDF(location))
            case .damaged(let reason):
                return .failure(.unreadableDocument(location, format: "PDF document", reason: reason))
            }
        }
        var result = DocumentReadResult()
        var pages: [PDFDocument.Page] = []
        for index in 0..<document.pageCount {
            guard let page = document.page(index) else {
                result.problems.append(.unreadablePage(location, page: index + 1))
                continue
            }
            pages.append(page)
        }
        let characters = pages.reduce(0) { $0 + $1.lines.reduce(0) { $0 + $1.text.count } }
        guard characters > 0 else {
            result.problems.append(.scannedPDF(location, pages: document.pageCount))
            return result
        }
        let builder = PDFParagraphBuilder(pages: pages)
        let paragraphs = builder.paragraphs().map { $0.nfcNormalized }
        guard let first = paragraphs.first else {
            result.problems.append(.noArticleText(location, format: "PDF document"))
            return result
        }
        var body = paragraphs
        var title = builder.headline() ?? Self.usableTitle(document.title)
        // A short first paragraph that ends no sentence is the release's headline.
        if title == nil, body.count > 1, first.count <= 200, let last = first.last, !".:;,".contains(last) {
            title = first
        }
        // The headline is the title, not the first paragraph, as a Markdown heading is.
        if let title, body.count > 1, let index = body.prefix(3).firstIndex(of: title) {
            body.remove(at: index)
        }
        let date = body.prefix(8).lazy.compactMap { DateText.find(in: String($0.prefix(200))) }.first
            ?? body.suffix(6).lazy.compactMap { Self.signingDate($0) }.first
            ?? document.creationDate
        result.articles.append(Article(
            id: defaultID,
            title: title?.nfcNormalized ?? Article.derivedTitle(fromFirstParagraph: first),
            date: date,
            paragraphs: body.enumerated().map { Paragraph(number: $0.offset + 1, text: $0.element) }
        ))
        return result
    }

    /// A metadata title worth showing: not a file name, not a converter's label.
    static func usableTitle(_ title: String?) -> String? {
        guard var title = title?.collapsingWhitespace, title.count >= 8 else { return nil }
        if title.hasPrefix("Microsoft Word - ") { return nil }
        let lower = title.lowercased()
        for suffix in [".docx", ".doc", ".pdf", ".odt", ".rtf"] where lower.hasSuffix(suffix) { return nil }
        if !title.contains(" ") { return nil }
        title = title.trimmingCharacters(in: .whitespaces)
        return title
    }

    /// The date of a signing line: "Jakarta, 5 Februari 2024", "Ditetapkan di Pontianak pada tanggal 3 Maret 2023".
    private static func signingDate(_ paragraph: String) -> String? {
        guard paragraph.count < 160 else { return nil }
        return DateText.find(in: paragraph)
    }
}
