/// One JSON Lines line as decoded, before its fields are checked.
///
/// Every field is optional here so that a missing field becomes a problem that
/// names it, not a decoding error. Keys other than these are ignored.
struct JSONLinesRecord: Decodable {
    var id: String?
    var title: String?
    var date: String?
    var source: String?
    var url: String?
    var body: String?

    enum CodingKeys: String, CodingKey, CaseIterable {
        case id, title, date, source, url, body
    }

    /// A field holding a JSON value of another type than a string or `null`.
    struct FieldTypeMismatch: Error {
        /// The field's key.
        var field: String
        /// What the value is, such as "a number".
        var found: String
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        func string(_ key: CodingKeys) throws -> String? {
            do {
                return try container.decodeIfPresent(String.self, forKey: key)
            } catch DecodingError.typeMismatch {
                let kind = try? container.decode(JSONValueKind.self, forKey: key)
                throw FieldTypeMismatch(field: key.rawValue, found: kind?.description ?? "not a string")
            }
        }
        id = try string(.id)
        title = try string(.title)
        date = try string(.date)
        source = try string(.source)
        url = try string(.url)
        body = try string(.body)
    }
}

/// The type of a JSON value, decoded only to say what a wrong value is.
enum JSONValueKind: Decodable, CustomStringConvertible {
    case null, boolean, number, string, array, object

    private struct AnyKey: CodingKey {
        var stringValue: String
        var intValue: Int?
        init?(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { self.stringValue = String(intValue); self.intValue = intValue }
    }

    init(from decoder: any Decoder) throws {
        if (try? decoder.container(keyedBy: AnyKey.self)) != nil {
            self = .object
            return
        }
        if (try? decoder.unkeyedContainer()) != nil {
            self = .array
            return
        }
        let value = try decoder.singleValueContainer()
        if value.decodeNil() {
            self = .null
        } else if (try? value.decode(Bool.self)) != nil {
            self = .boolean
        } else if (try? value.decode(String.self)) != nil {
            self = .string
        } else {
            self = .number
        }
    }

    /// "a number", "an array", …, to complete "… is ___".
    var description: String {
        switch self {
        case .null: "null"
        case .boolean: "true or false"
        case .number: "a number"
        case .string: "a string"
        case .array: "an array"
        case .object: "an object"
        }
    }
}
