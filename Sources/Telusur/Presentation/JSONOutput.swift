import Foundation

/// The one way telusur writes a JSON document to stdout, a pipe, an HTTP body or a
/// hook's stdin: keys sorted, slashes unescaped, and the C1 controls JSON encoders
/// leave raw (U+007F–U+009F) escaped by ``Swift/String/jsonTerminalSafe``, so text
/// from an article cannot drive the terminal a document is printed on.
public enum JSONOutput {
    /// Indented (what the CLI prints) or on one line (HTTP bodies, JSON Lines, hooks).
    public enum Layout: Sendable {
        case pretty
        case compact
    }

    /// `value` as JSON text.
    public static func text<Value: Encodable>(_ value: Value, layout: Layout = .pretty) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = layout == .pretty ? [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
                                                     : [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self).jsonTerminalSafe
    }

    /// `value` as UTF-8 JSON bytes (a hook's standard input).
    public static func data<Value: Encodable>(_ value: Value, layout: Layout = .pretty) throws -> Data {
        Data(try text(value, layout: layout).utf8)
    }
}
