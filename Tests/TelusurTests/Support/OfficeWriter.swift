import Foundation
import ZIPFoundation

/// Writes DOCX and ODT files from known text, the way word processors lay them out
/// (a styled title, runs split inside paragraphs, a table), for the office reader's
/// round trip.
enum OfficeWriter {
    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }

    /// A Word document: `title` in the Title style, `heading` as Heading1 before the
    /// paragraphs, each paragraph's text split into two runs, and the last paragraph
    /// inside a one-cell table.
    static func docx(path: String, title: String?, created: String?, heading: String, paragraphs: [String]) throws {
        func run(_ text: String) -> String { "<w:r><w:t xml:space=\"preserve\">\(escape(text))</w:t></w:r>" }
        func paragraph(_ text: String, style: String? = nil) -> String {
            let properties = style.map { "<w:pPr><w:pStyle w:val=\"\($0)\"/></w:pPr>" } ?? ""
            let middle = text.index(text.startIndex, offsetBy: text.count / 2)
            return "<w:p>\(properties)\(run(String(text[..<middle])))<w:r><w:rPr><w:b/></w:rPr><w:t>\(escape(String(text[middle...])))</w:t></w:r></w:p>"
        }
        var body = paragraph(heading, style: "Heading1")
        for text in paragraphs.dropLast() { body += paragraph(text) }
        body += "<w:p/>"
        if let last = paragraphs.last {
            body += "<w:tbl><w:tr><w:tc>\(paragraph(last))</w:tc></w:tr></w:tbl>"
        }
        let document = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>\(body)<w:sectPr/></w:body></w:document>
            """
        var core = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\">"
        if let title { core += "<dc:title>\(escape(title))</dc:title>" }
        if let created { core += "<dcterms:created>\(created)</dcterms:created>" }
        core += "</cp:coreProperties>"
        let types = """
            <?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>
            """
        try zip(path: path, entries: [("[Content_Types].xml", types), ("word/document.xml", document), ("docProps/core.xml", core)])
    }

    /// An OpenDocument text: `heading` as `text:h`, paragraphs with spans and
    /// `text:s` spaces, the last inside a list.
    static func odt(path: String, title: String?, created: String?, heading: String, paragraphs: [String]) throws {
        func paragraph(_ text: String) -> String {
            let words = text.split(separator: " ", maxSplits: 1).map(String.init)
            guard words.count == 2 else { return "<text:p>\(escape(text))</text:p>" }
            return "<text:p><text:span>\(escape(words[0]))</text:span><text:s/>\(escape(words[1]))</text:p>"
        }
        var body = "<text:h text:outline-level=\"1\">\(escape(heading))</text:h>"
        for text in paragraphs.dropLast() { body += paragraph(text) }
        if let last = paragraphs.last { body += "<text:list><text:list-item>\(paragraph(last))</text:list-item></text:list>" }
        let content = """
            <?xml version="1.0" encoding="UTF-8"?>
            <office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:text>\(body)</office:text></office:body></office:document-content>
            """
        var meta = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><office:document-meta xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:meta=\"urn:oasis:names:tc:opendocument:xmlns:meta:1.0\"><office:meta>"
        if let title { meta += "<dc:title>\(escape(title))</dc:title>" }
        if let created { meta += "<meta:creation-date>\(created)</meta:creation-date>" }
        meta += "</office:meta></office:document-meta>"
        try zip(path: path, entries: [
            ("mimetype", "application/vnd.oasis.opendocument.text"), ("content.xml", content), ("meta.xml", meta),
        ])
    }

    static func zip(path: String, entries: [(String, String)]) throws {
        let archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .create)
        for (name, text) in entries {
            let data = Data(text.utf8)
            // The mimetype entry is stored, first, as ODF requires.
            let method: CompressionMethod = name == "mimetype" ? .none : .deflate
            try archive.addEntry(with: name, type: .file, uncompressedSize: Int64(data.count), compressionMethod: method) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
    }
}
