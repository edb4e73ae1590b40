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
        String(decoding: try data(value, layout: layout), as: UTF8.self)
    }

    /// `value` as UTF-8 JSON bytes.
    public static func data<Value: Encodable>(_ value: Value, layout: Layout = .pretty) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = layout == .pretty ? [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
                                                     : [.sortedKeys, .withoutEscapingSlashes]
        let raw = try encoder.encode(value)
        guard raw.contains(where: { $0 == 0xC2 || $0 == 0x7F }) else { return raw }  // U+0080–U+009F start with C2
        return Data(String(decoding: raw, as: UTF8.self).jsonTerminalSafe.utf8)
    }
}
