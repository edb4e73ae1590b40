import CCairo
import Foundation

/// Writes a press release as a PDF with cairo, laid out as word processors do:
/// a label, a large headline, a number line, justified-width lines with long words
/// hyphenated at the line's end, a gap between paragraphs, and on every page a
/// running header and a "Halaman N" footer. For the PDF reader's round trip.
enum PDFWriter {
    struct Layout {
        var pageWidth = 420.0
        var pageHeight = 470.0
        var margin = 50.0
        var fontSize = 10.5
        var lineHeight = 14.0
        var paragraphGap = 10.0
        var header = "Pemerintah Provinsi Sumatera Selatan"
    }

    /// The words hyphenated at line ends while writing, as (first part, rest).
    final class Report {
        var hyphenated: [(String, String)] = []
        var pages = 0
    }

    /// Writes `paragraphs` under `label`, `title` and `number` to `path`.
    @discardableResult
    static func write(path: String, label: String?, title: String, number: String?, paragraphs: [String],
                      layout: Layout = Layout(), textLayer: Bool = true) -> Report {
        let report = Report()
        let surface = cairo_pdf_surface_create(path, layout.pageWidth, layout.pageHeight)
        let context = cairo_create(surface)
        defer {
            cairo_destroy(context)
            cairo_surface_finish(surface)
            cairo_surface_destroy(surface)
        }
        guard textLayer else {
            // A "scan": only shapes, no text.
            for _ in 0..<2 {
                cairo_set_source_rgb(context, 0.2, 0.2, 0.2)
                cairo_rectangle(context, 60, 80, 250, 300)
                cairo_fill(context)
                cairo_show_page(context)
            }
            report.pages = 2
            return report
        }
        var y = 0.0
        var page = 0
        func font(_ size: Double, bold: Bool = false) {
            cairo_select_font_face(context, "DejaVu Sans", CAIRO_FONT_SLANT_NORMAL, bold ? CAIRO_FONT_WEIGHT_BOLD : CAIRO_FONT_WEIGHT_NORMAL)
            cairo_set_font_size(context, size)
        }
        func width(_ text: String) -> Double {
            var extents = cairo_text_extents_t()
            cairo_text_extents(context, text, &extents)
            return extents.x_advance
        }
        func show(_ text: String, x: Double) {
            cairo_move_to(context, x, y)
            cairo_show_text(context, text)
        }
        func newPage() {
            if page > 0 { cairo_show_page(context) }
            page += 1
            font(8)
            y = 30
            show(layout.header, x: layout.margin)
            y = layout.pageHeight - 25
            show("Halaman \(page)", x: layout.pageWidth / 2 - 15)
            y = layout.margin + 10
        }
        func line(_ text: String, size: Double, bold: Bool = false, height: Double) {
            if y + height > layout.pageHeight - layout.margin { newPage() }
            font(size, bold: bold)
            show(text, x: layout.margin)
            y += height
        }
        let column = layout.pageWidth - 2 * layout.margin
        func wrap(_ text: String, size: Double, bold: Bool, hyphenate: Bool) -> [String] {
            font(size, bold: bold)
            var lines: [String] = []
            var current = ""
            for word in text.split(separator: " ").map(String.init) {
                let candidate = current.isEmpty ? word : current + " " + word
                if width(candidate) <= column {
                    current = candidate
                    continue
                }
                // Hyphenate a long plain word: as much as fits, then "-".
                if hyphenate, word.count >= 9, word.allSatisfy(\.isLetter) {
                    let letters = Array(word)
                    var cut = letters.count - 4
                    while cut >= 4 {
                        let head = String(letters[..<cut]) + "-"
                        if width(current.isEmpty ? head : current + " " + head) <= column { break }
                        cut -= 1
                    }
                    if cut >= 4 {
                        let head = String(letters[..<cut])
                        lines.append((current.isEmpty ? "" : current + " ") + head + "-")
                        report.hyphenated.append((head, String(letters[cut...])))
                        current = String(letters[cut...])
                        continue
                    }
                }
                if !current.isEmpty { lines.append(current) }
                current = word
            }
            if !current.isEmpty { lines.append(current) }
            return lines
        }
        newPage()
        if let label { line(label, size: 9, bold: true, height: 18) }
        for text in wrap(title, size: 15, bold: true, hyphenate: false) { line(text, size: 15, bold: true, height: 19) }
        y += 4
        if let number { line(number, size: 9, height: 20) }
        for paragraph in paragraphs {
            for text in wrap(paragraph, size: layout.fontSize, bold: false, hyphenate: true) {
                line(text, size: layout.fontSize, height: layout.lineHeight)
            }
            y += layout.paragraphGap
        }
        report.pages = page
        return report
    }
}
