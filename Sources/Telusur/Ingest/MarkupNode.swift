import CMarkup
import Foundation

/// One node of a parsed HTML or XML document: an element with its attributes and
/// children, or a run of text.
///
/// Made by ``MarkupParser`` from libxml2's tree, which is freed straight after, so
/// the readers work on plain Swift values. Element and attribute names are
/// lowercased for HTML; text has its character references decoded.
struct MarkupNode: Sendable {
    /// An element's name (lowercased for HTML, with its namespace prefix for XML,
    /// such as `content:encoded`), or `nil` for text.
    var name: String?
    /// The attributes, by lowercased name for HTML.
    var attributes: [String: String]
    /// The children in document order.
    var children: [MarkupNode]
    /// The text of a text or CDATA node; empty for an element.
    var text: String
    /// The element's line in the input, from 1, or `nil` when unknown.
    var line: Int? = nil

    /// A text node.
    static func textNode(_ text: String) -> MarkupNode {
        MarkupNode(name: nil, attributes: [:], children: [], text: text)
    }

    /// Whether this is an element named `name`.
    func isElement(_ name: String) -> Bool {
        self.name == name
    }

    /// The element's name without a namespace prefix: `encoded` for `content:encoded`.
    var localName: String? {
        guard let name else { return nil }
        if let colon = name.lastIndex(of: ":") {
            return String(name[name.index(after: colon)...])
        }
        return name
    }

    /// All the text below this node, in order, as written (whitespace kept).
    var textContent: String {
        if name == nil { return text }
        var out = ""
        appendText(to: &out)
        return out
    }

    private func appendText(to out: inout String) {
        if name == nil {
            out += text
        } else {
            for child in children { child.appendText(to: &out) }
        }
    }

    /// Calls `visit` on this node and every node below it, in document order;
    /// returning `false` from `visit` skips the node's children.
    func walk(_ visit: (MarkupNode) -> Bool) {
        guard visit(self) else { return }
        for child in children { child.walk(visit) }
    }

    /// Every element below this one (itself included) named `name`, in order.
    func elements(named name: String) -> [MarkupNode] {
        var found: [MarkupNode] = []
        walk { node in
            if node.name == name { found.append(node) }
            return true
        }
        return found
    }

    /// The first element below this one (itself included) that `matches`.
    func first(where matches: (MarkupNode) -> Bool) -> MarkupNode? {
        var found: MarkupNode?
        walk { node in
            if found != nil { return false }
            if node.name != nil, matches(node) {
                found = node
                return false
            }
            return true
        }
        return found
    }
}

/// Parses HTML and XML with libxml2 (through the C shim `CMarkup`) into
/// ``MarkupNode`` trees.
///
/// The only Swift code that imports `CMarkup`. Nothing reaches the network
/// (`HTML_PARSE_NONET`, `XML_PARSE_NONET`) and no external entity is loaded.
enum MarkupParser {
    /// Why a document could not be parsed.
    struct Failure: Error {
        /// libxml2's message, or what was missing.
        var reason: String
    }

    /// Parses an HTML page, forgiving broken markup as browsers do.
    /// - Parameters:
    ///   - bytes: The page's bytes.
    ///   - encoding: The encoding to read them in (`"UTF-8"`, `"windows-1252"`), or
    ///     `nil` to let the page's own declaration decide.
    static func parseHTML(_ bytes: [UInt8], encoding: String?) -> Result<MarkupNode, Failure> {
        var result = bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                if let encoding {
                    return tm_parse_html(chars.baseAddress, chars.count, encoding)
                }
                return tm_parse_html(chars.baseAddress, chars.count, nil)
            }
        }
        defer { tm_free_result(&result) }
        return tree(result, lowercasing: true)
    }

    /// Parses an XML document strictly (a feed, an office document's part).
    /// Leading whitespace before the XML declaration is forgiven, as feed readers do.
    static func parseXML(_ bytes: [UInt8]) -> Result<MarkupNode, Failure> {
        var start = 0
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { start = 3 }
        while start < bytes.count, bytes[start] == 0x20 || (0x09...0x0D).contains(bytes[start]) { start += 1 }
        var result = bytes[start...].withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                tm_parse_xml(chars.baseAddress, chars.count)
            }
        }
        defer { tm_free_result(&result) }
        // Lines count in the file as it is, the blank lines skipped included.
        let skippedLines = bytes[..<start].count(where: { $0 == UInt8(ascii: "\n") })
        return tree(result, lowercasing: false, lineOffset: skippedLines)
    }

    /// Rebuilds the tree from the shim's events.
    private static func tree(_ result: tm_result, lowercasing: Bool, lineOffset: Int = 0) -> Result<MarkupNode, Failure> {
        guard let events = result.events else {
            var reason = result.error.map { String(cString: $0).trimmingCharacters(in: .whitespacesAndNewlines) } ?? "cannot be parsed"
            if result.error_line > 0 { reason = "line \(Int(result.error_line) + lineOffset): " + reason }
            return .failure(Failure(reason: reason))
        }
        let bytes = UnsafeBufferPointer(start: events, count: result.events_length)
        var position = 0
        func length() -> Int? {
            guard position + 4 <= bytes.count else { return nil }
            let value = Int(bytes[position]) | Int(bytes[position + 1]) << 8 | Int(bytes[position + 2]) << 16
                | Int(bytes[position + 3]) << 24
            position += 4
            return position + value <= bytes.count ? value : nil
        }
        func string() -> String? {
            guard let count = length() else { return nil }
            let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[position..<position + count]), as: UTF8.self)
            position += count
            return text
        }
        // The open elements; the root is the first.
        var stack: [MarkupNode] = []
        var root: MarkupNode?
        while position < bytes.count {
            let kind = Int32(bytes[position])
            position += 1
            switch kind {
            case Int32(TM_EVENT_START):
                guard var name = string(), position + 4 <= bytes.count else { break }
                if lowercasing { name = name.lowercased() }
                let line = Int(bytes[position]) | Int(bytes[position + 1]) << 8 | Int(bytes[position + 2]) << 16
                    | Int(bytes[position + 3]) << 24
                position += 4
                stack.append(MarkupNode(name: name, attributes: [:], children: [], text: "", line: line > 0 ? line + lineOffset : nil))
            case Int32(TM_EVENT_ATTRIBUTE):
                guard var key = string(), let value = string(), !stack.isEmpty else { break }
                if lowercasing { key = key.lowercased() }
                if stack[stack.count - 1].attributes[key] == nil {
                    stack[stack.count - 1].attributes[key] = value
                }
            case Int32(TM_EVENT_TEXT):
                guard let text = string(), !stack.isEmpty else { break }
                stack[stack.count - 1].children.append(.textNode(text))
            case Int32(TM_EVENT_END):
                guard let node = stack.popLast() else { break }
                if stack.isEmpty {
                    root = node
                } else {
                    stack[stack.count - 1].children.append(node)
                }
            default:
                position = bytes.count
            }
        }
        guard let root else { return .failure(Failure(reason: "no elements in it")) }
        return .success(root)
    }
}
