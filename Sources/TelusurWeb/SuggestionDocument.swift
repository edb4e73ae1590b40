import Foundation
import Telusur

/// The answer of `/api/suggest`: the word being typed (the end of `q`) and what may
/// replace it: query fields, and the persons, agencies and sources the index knows
/// after `person:`, `agency:` and `source:` (the REPL's completion, ``ReplCompleter``).
public struct SuggestionDocument: Encodable, Sendable {
    /// The text after the last space of the query: what a candidate replaces.
    public var word: String
    /// Replacements for ``word``, sorted.
    public var candidates: [String]

    public init(_ completion: ReplCompletion) {
        word = completion.word
        candidates = completion.candidates
    }

    /// Compact JSON text.
    public func json() throws -> String {
        try JSONOutput.text(self, layout: .compact)
    }
}

/// The body of every error answer: the HTTP status, the CLI's message and, for a query
/// that does not parse, the column (from 1) where the problem is.
public struct ErrorDocument: Encodable, Sendable {
    public var status: Int
    public var error: String
    public var column: Int?

    public init(_ error: WebError) {
        status = error.status
        self.error = error.message
        column = error.column
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(status, forKey: .status)
        try c.encode(error, forKey: .error)
        try c.encode(column, forKey: .column)
    }

    enum CodingKeys: String, CodingKey { case status, error, column }

    public func json() -> String {
        (try? JSONOutput.text(self, layout: .compact))
            ?? #"{"column":null,"error":"internal error","status":500}"#
    }
}
