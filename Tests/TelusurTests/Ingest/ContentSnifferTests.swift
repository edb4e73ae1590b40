import Testing
@testable import Telusur

@Suite("ContentSniffer")
struct ContentSnifferTests {
    @Test("what the first bytes show", arguments: [
        ("%PDF-1.7\n%âãÏÓ", ContentSniffer.Content.document(.pdf)),
        ("\u{FEFF}<!DOCTYPE html><html>", .document(.html)),
        ("\n\n  <html lang=\"id\"><head>", .document(.html)),
        ("<!-- saved --><head><meta charset=utf-8>", .document(.html)),
        ("\n<?xml version=\"1.0\"?>\n<rss version=\"2.0\">", .document(.feed)),
        ("<?xml version=\"1.0\"?><?xml-stylesheet href=\"a.xsl\"?><feed xmlns=\"http://www.w3.org/2005/Atom\">", .document(.feed)),
        ("<rdf:RDF xmlns:rdf=\"…\">", .document(.feed)),
        ("<?xml version=\"1.0\"?><catatan/>", .document(.feed)),
        ("{\"id\": \"a\", \"body\": \"b\"}\n", .text(startsWithBrace: true)),
        ("# Judul\nIsi.", .text(startsWithBrace: false)),
        ("<p>fragmen tanpa html</p>", .text(startsWithBrace: false)),
    ])
    func sniff(head: String, expected: ContentSniffer.Content) {
        #expect(ContentSniffer.sniff(Array(head.utf8)) == expected)
    }

    @Test("binary formats by their magic numbers", arguments: [
        ([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A], ContentSniffer.Content.unreadable("a PNG image")),
        ([0xFF, 0xD8, 0xFF, 0xE0], .unreadable("a JPEG image")),
        ([0xD0, 0xCF, 0x11, 0xE0, 0xA1], .unreadable("an old Office (.doc/.xls) document")),
        ([0x50, 0x4B, 0x03, 0x04, 0x14, 0, 0, 0], .unreadable("a ZIP archive that is neither a DOCX nor an ODT document")),
        ([0x00, 0x01, 0x02], .unreadable("binary data")),
        ([0x41, 0x42, 0xC3], .text(startsWithBrace: false)),  // a character cut at the end of the head
    ] as [([UInt8], ContentSniffer.Content)])
    func binary(head: [UInt8], expected: ContentSniffer.Content) {
        #expect(ContentSniffer.sniff(head) == expected)
    }

    @Test("ZIP-based office documents by their entries")
    func office() {
        var odt: [UInt8] = [0x50, 0x4B, 0x03, 0x04] + Array(repeating: 0, count: 26)
        odt += Array("mimetypeapplication/vnd.oasis.opendocument.text".utf8)
        #expect(ContentSniffer.sniff(odt) == .document(.odt))
        var docx: [UInt8] = [0x50, 0x4B, 0x03, 0x04] + Array(repeating: 0, count: 26)
        docx += Array("[Content_Types].xml".utf8)
        #expect(ContentSniffer.sniff(docx) == .document(.docx))
    }
}
