import CPDF
import Foundation

/// An open PDF, read through poppler (the C shim `CPDF`); the only Swift code that
/// imports it. A class because the poppler document has a lifetime: closed in `deinit`.
final class PDFDocument {
    /// Why a PDF did not open.
    enum OpenFailure: Error {
        /// It needs a password.
        case encrypted
        /// poppler cannot read it, for the reason it gives.
        case damaged(String)
    }

    /// One line of a page's text and the box around its characters (points, from
    /// the page's top left).
    struct Line: Equatable {
        var text: String
        var left: Double
        var top: Double
        var right: Double
        var bottom: Double

        /// The height of its characters: about the font size.
        var height: Double { bottom - top }
    }

    /// One page's lines in poppler's reading order.
    struct Page {
        var lines: [Line]
        var width: Double
        var height: Double
    }

    private let handle: OpaquePointer

    /// Opens a PDF from its bytes (`poppler_document_new_from_bytes`, no password).
    init(bytes: [UInt8]) throws(OpenFailure) {
        var document: OpaquePointer?
        var message: UnsafeMutablePointer<CChar>?
        let status = bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                tp_open(chars.baseAddress, chars.count, &document, &message)
            }
        }
        let text = message.map { String(cString: $0) } ?? "poppler cannot open it"
        tp_free(message)
        guard status == Int32(TP_OK), let document else {
            throw status == Int32(TP_ENCRYPTED) ? .encrypted : .damaged(text)
        }
        handle = document
    }

    deinit {
        tp_close(handle)
    }

    /// How many pages it has.
    var pageCount: Int { Int(tp_page_count(handle)) }

    /// The title in its metadata, trimmed, or `nil`.
    var title: String? {
        guard let title = tp_title(handle) else { return nil }
        defer { tp_free(title) }
        let text = String(cString: title).trimmingCharacters(in: .whitespacesAndNewlines)
        return text.isEmpty ? nil : text
    }

    /// The creation date in its metadata as `YYYY-MM-DD` (UTC), or `nil`.
    var creationDate: String? {
        let seconds = tp_creation_date(handle)
        guard seconds > 0 else { return nil }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd"
        return formatter.string(from: Date(timeIntervalSince1970: TimeInterval(seconds)))
    }

    /// The text of page `index` (from 0), line by line, or `nil` when poppler
    /// cannot read the page.
    func page(_ index: Int) -> Page? {
        var text: UnsafeMutablePointer<CChar>?
        var length = 0
        var boxes: UnsafeMutablePointer<Double>?
        var boxCount = 0
        var width = 0.0
        var height = 0.0
        guard tp_page_text(handle, Int32(index), &text, &length, &boxes, &boxCount, &width, &height) == 0 else {
            return nil
        }
        defer {
            tp_free(text)
            tp_free(boxes)
        }
        let string = text.map { String(decoding: UnsafeRawBufferPointer(start: $0, count: length), as: UTF8.self) } ?? ""
        let scalars = Array(string.unicodeScalars)
        let hasBoxes = boxCount == scalars.count && boxes != nil
        var lines: [Line] = []
        var current = String.UnicodeScalarView()
        var box: (Double, Double, Double, Double)?
        func finish() {
            let line = String(current).trimmingCharacters(in: .whitespaces)
            if !line.isEmpty {
                let (left, top, right, bottom) = box ?? (0, Double(lines.count) * 12, width, Double(lines.count) * 12 + 10)
                lines.append(Line(text: line, left: left, top: top, right: right, bottom: bottom))
            }
            current = String.UnicodeScalarView()
            box = nil
        }
        for (offset, scalar) in scalars.enumerated() {
            if scalar == "\n" {
                finish()
                continue
            }
            current.append(scalar)
            if hasBoxes, let boxes, !scalar.properties.isWhitespace {
                let x1 = boxes[4 * offset], y1 = boxes[4 * offset + 1], x2 = boxes[4 * offset + 2], y2 = boxes[4 * offset + 3]
                if let (left, top, right, bottom) = box {
                    box = (min(left, x1), min(top, y1), max(right, x2), max(bottom, y2))
                } else {
                    box = (x1, y1, x2, y2)
                }
            }
        }
        finish()
        return Page(lines: lines, width: width, height: height)
    }
}
