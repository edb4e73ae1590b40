import Foundation
import ZIPFoundation

/// Reads one article from a Word (DOCX) or OpenDocument (ODT) text: a ZIP of XML.
///
/// - Paragraphs: every paragraph of the document body in order (DOCX `w:p`, ODT
///   `text:p` and `text:h`, inside tables and lists too), headings as paragraphs;
///   runs joined, tabs and line breaks as spaces, empty paragraphs left out.
/// - Title: the core properties' title (DOCX `docProps/core.xml` `dc:title`, ODT
///   `meta.xml`), else the first paragraph styled as a title or heading, else a
///   short first paragraph that ends no sentence, else one derived from the first
///   paragraph. A paragraph that is the title is not kept
///   as a paragraph, as a Markdown heading is not.
/// - Date: the created date of the core properties (`dcterms:created`,
///   `meta:creation-date`), else the first date in the first paragraphs.
struct OfficeArticleReader {
    /// Which of the two.
    enum Kind {
        case docx, odt

        var format: String { self == .docx ? "DOCX document" : "ODT document" }
    }

    var kind: Kind
    /// The path shown in problems.
    var path: String
    /// The article's id.
    var defaultID: String

    func read(_ bytes: [UInt8]) -> DocumentReadResult {
        let location = SourceLocation(path: path)
        func failure(_ reason: String) -> DocumentReadResult {
            .failure(.unreadableDocument(location, format: kind.format, reason: reason))
        }
        let archive: Archive
        do {
            archive = try Archive(data: Data(bytes), accessMode: .read)
        } catch {
            return failure("not a ZIP archive, or a damaged one")
        }
        let contentPath = kind == .docx ? "word/document.xml" : "content.xml"
        let metadataPath = kind == .docx ? "docProps/core.xml" : "meta.xml"
        guard let contentBytes = Self.entry(contentPath, in: archive) else {
            return failure("it has no \(contentPath); is it really a \(kind == .docx ? "Word" : "OpenDocument") text?")
        }
        let content: MarkupNode
        switch MarkupParser.parseXML(contentBytes) {
        case .success(let root): content = root
        case .failure(let problem): return failure("\(contentPath) is not well-formed XML, " + problem.reason)
        }
        var found: [(text: String, isHeading: Bool)] = []
        Self.collect(content, kind: kind, into: &found)
        found = found.map { ($0.text.collapsingWhitespace.nfcNormalized, $0.isHeading) }.filter { !$0.text.isEmpty }
        guard !found.isEmpty else {
            return .failure(.noArticleText(location, format: kind.format))
        }
        var metadataTitle: String?
        var created: String?
        if let metadataBytes = Self.entry(metadataPath, in: archive), case .success(let metadata) = MarkupParser.parseXML(metadataBytes) {
            metadata.walk { node in
                switch node.localName {
                case "title":
                    let text = node.textContent.collapsingWhitespace
                    if metadataTitle == nil, !text.isEmpty { metadataTitle = text.nfcNormalized }
                case "created", "creation-date":
                    if created == nil { created = DateText.parse(node.textContent) }
                default: break
                }
                return true
            }
        }
        var paragraphs = found.map(\.text)
        var title = metadataTitle ?? found.prefix(5).first(where: \.isHeading)?.text
        // A short first paragraph that ends no sentence is the release's headline.
        if title == nil, paragraphs.count > 1, paragraphs[0].count <= 200, let last = paragraphs[0].last,
           !".:;,".contains(last) {
            title = paragraphs[0]
        }
        if let title, paragraphs.count > 1, let index = paragraphs.prefix(3).firstIndex(of: title) {
            paragraphs.remove(at: index)
        }
        let date = created ?? paragraphs.prefix(3).lazy.compactMap { DateText.find(in: String($0.prefix(200))) }.first
        return DocumentReadResult(articles: [Article(
            id: defaultID,
            title: title ?? Article.derivedTitle(fromFirstParagraph: paragraphs[0]),
            date: date,
            paragraphs: paragraphs.enumerated().map { Paragraph(number: $0.offset + 1, text: $0.element) }
        )])
    }

    /// The bytes of one entry, or `nil` when it is missing or cannot be read.
    private static func entry(_ path: String, in archive: Archive) -> [UInt8]? {
        guard let entry = archive[path] else { return nil }
        var bytes: [UInt8] = []
        do {
            _ = try archive.extract(entry, skipCRC32: false) { chunk in bytes.append(contentsOf: chunk) }
        } catch {
            return nil
        }
        return bytes
    }

    /// Gathers the paragraphs below `node` in document order.
    private static func collect(_ node: MarkupNode, kind: Kind, into found: inout [(text: String, isHeading: Bool)]) {
        for child in node.children where child.name != nil {
            switch (kind, child.localName) {
            case (.docx, "p"):
                found.append((text(ofWordParagraph: child), isWordHeading(child)))
            case (.odt, "p"), (.odt, "h"):
                found.append((text(ofODFParagraph: child), child.localName == "h"))
            case (.docx, "sectPr"), (.docx, "pPr"):
                continue
            default:
                collect(child, kind: kind, into: &found)
            }
        }
    }

    private static func text(ofWordParagraph node: MarkupNode) -> String {
        var out = ""
        node.walk { child in
            switch child.localName {
            case "t": out += child.textContent; return false
            case "tab", "br", "cr": out += " "; return false
            // Deleted text of tracked changes and field codes are not the document's text.
            case "del", "instrText", "pPr", "rPr": return false
            default: return true
            }
        }
        return out
    }

    private static func isWordHeading(_ node: MarkupNode) -> Bool {
        guard let properties = node.children.first(where: { $0.localName == "pPr" }),
              let style = properties.children.first(where: { $0.localName == "pStyle" }),
              let value = style.attributes["w:val"]?.lowercased()
        else { return false }
        return value.hasPrefix("title") || value.hasPrefix("heading") || value.hasPrefix("judul")
    }

    private static func text(ofODFParagraph node: MarkupNode) -> String {
        var out = ""
        func gather(_ node: MarkupNode) {
            for child in node.children {
                guard let name = child.localName else {
                    out += child.text
                    continue
                }
                switch name {
                case "s":
                    let count = Int(child.attributes["text:c"] ?? "1") ?? 1
                    out += String(repeating: " ", count: max(1, min(count, 100)))
                case "tab", "line-break": out += " "
                case "note", "annotation", "tracked-changes": continue
                default: gather(child)
                }
            }
        }
        gather(node)
        return out
    }
}
