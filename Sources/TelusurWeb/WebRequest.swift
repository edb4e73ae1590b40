/// What the API needs of an HTTP request, apart from the server library: the method,
/// the path as sent (still percent-encoded), the decoded query parameters and the
/// `Accept` header.
public struct WebRequest: Sendable {
    public var method: String
    /// The path, percent-encoded as on the wire, without the query.
    public var path: String
    /// Query parameters, decoded (`+` is a space); the last of a repeated name wins.
    public var parameters: [String: String]
    /// The `Accept` header, if any.
    public var accept: String?

    /// Reads the parameters of a raw query string (`q=zero+konflik&limit=5`).
    ///
    /// - Throws: ``WebError/badParameter(_:_:)`` for a malformed percent escape.
    public init(method: String, path: String, query: String?, accept: String? = nil) throws {
        self.method = method
        self.path = path
        self.accept = accept
        var parameters: [String: String] = [:]
        for pair in (query ?? "").split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = try Self.decode(parts[0], name: String(parts[0]))
            let value = parts.count > 1 ? try Self.decode(parts[1], name: name) : ""
            parameters[name] = value
        }
        self.parameters = parameters
    }

    /// The path split at "/", each segment percent-decoded (so `%2F` stays inside its segment).
    public func segments() throws -> [String] {
        try path.split(separator: "/", omittingEmptySubsequences: true).map { try Self.decode($0, name: "path", plusIsSpace: false) }
    }

    /// Percent-decodes `text` as UTF-8.
    static func decode(_ text: Substring, name: String, plusIsSpace: Bool = true) throws -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        var iterator = text.utf8.makeIterator()
        while let byte = iterator.next() {
            switch byte {
            case UInt8(ascii: "+") where plusIsSpace:
                bytes.append(UInt8(ascii: " "))
            case UInt8(ascii: "%"):
                guard let high = iterator.next().flatMap(hexValue), let low = iterator.next().flatMap(hexValue) else {
                    throw WebError.badParameter(name, "malformed percent escape; encode the URL with encodeURIComponent")
                }
                bytes.append(high << 4 | low)
            default:
                bytes.append(byte)
            }
        }
        guard let decoded = String(validating: bytes, as: UTF8.self) else {
            throw WebError.badParameter(name, "not valid UTF-8 after percent-decoding")
        }
        return decoded
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
        default: return nil
        }
    }

    /// True when the client asked for CSV (`format=csv`, or `Accept: text/csv`).
    public var wantsCSV: Bool {
        if let format = parameters["format"] { return format.lowercased() == "csv" }
        return accept?.lowercased().contains("text/csv") ?? false
    }
}

/// What the API answers: status, type, body and any extra headers.
public struct WebResponse: Sendable {
    public var status: Int
    public var contentType: String
    public var body: [UInt8]
    public var headers: [(String, String)] = []

    public init(status: Int = 200, contentType: String, body: [UInt8], headers: [(String, String)] = []) {
        self.status = status
        self.contentType = contentType
        self.body = body
        self.headers = headers
    }

    /// A JSON text.
    static func json(_ text: String, status: Int = 200) -> WebResponse {
        WebResponse(status: status, contentType: "application/json; charset=utf-8", body: Array(text.utf8))
    }

    /// A CSV table.
    static func csv(_ table: CSVTable) -> WebResponse {
        WebResponse(contentType: "text/csv; charset=utf-8", body: Array(table.text.utf8))
    }
}
