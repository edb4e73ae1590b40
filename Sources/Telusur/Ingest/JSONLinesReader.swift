import Foundation

/// Reads JSON Lines: one article object per line, streamed a chunk at a time.
///
/// Lines are split on `\n` here, so a line may be as long as
/// ``maximumLineLength`` (10 MB bodies are fine) without the whole file being in
/// memory. A UTF-8 byte order mark at the start of the file and a `\r` before
/// each `\n` are dropped; blank lines are skipped. A bad line is reported with
/// its path and line number, and the lines after it are still read.
///
/// Each line holds `{"id", "title", "date", "source", "url", "body"}`: `id` and
/// `body` are non-empty strings, `date` is `YYYY-MM-DD` or `null`, `title`,
/// `source` and `url` are strings or `null`, other keys are ignored. A missing or
/// empty title is derived from the first paragraph.
struct JSONLinesReader {
    /// What one line gave.
    enum LineOutcome: Equatable {
        case blank
        case article(Article)
        case problem(IngestError)
    }

    /// The path shown in problems.
    var path: String
    /// The longest line read, in bytes; a longer one is reported and skipped.
    var maximumLineLength: Int
    private let decoder = JSONDecoder()

    /// Creates a reader for one file.
    /// - Parameters:
    ///   - path: The path shown in problems, or `<stdin>`.
    ///   - maximumLineLength: The longest line read, in bytes.
    init(path: String, maximumLineLength: Int) {
        self.path = path
        self.maximumLineLength = maximumLineLength
    }

    /// Reads every line of `source`.
    /// - Parameters:
    ///   - source: The (decompressed) bytes.
    ///   - head: Bytes already read from `source`, which come first.
    ///   - article: Called with each good article and the line it is on.
    ///   - problem: Called with each bad line, and with a failed read, which ends
    ///     the file (an empty file is a problem too).
    func read<E: Error>(
        from source: any ByteChunkSource,
        head: [UInt8] = [],
        article: (Article, SourceLocation) throws(E) -> Void,
        problem: (IngestError) -> Void
    ) throws(E) {
        var buffer = head
        var lineStart = 0
        var scanFrom = 0
        var lineNumber = 1
        var isSkippingLongLine = false
        var hasContent = false

        func handle(_ outcome: LineOutcome) throws(E) {
            switch outcome {
            case .blank:
                return
            case .article(let found):
                hasContent = true
                try article(found, SourceLocation(path: path, line: lineNumber))
            case .problem(let found):
                hasContent = true
                problem(found)
            }
        }

        while true {
            if let (newline, next) = Self.lineEnd(in: buffer, from: scanFrom) {
                if isSkippingLongLine {
                    isSkippingLongLine = false
                } else if newline - lineStart > maximumLineLength {
                    hasContent = true
                    problem(.lineTooLong(SourceLocation(path: path, line: lineNumber), limit: maximumLineLength))
                } else {
                    try handle(parseLine(buffer[lineStart..<newline], number: lineNumber))
                }
                lineNumber += 1
                lineStart = next
                scanFrom = lineStart
                continue
            }
            if isSkippingLongLine {
                buffer.removeAll(keepingCapacity: true)
            } else if buffer.count - lineStart > maximumLineLength {
                hasContent = true
                problem(.lineTooLong(SourceLocation(path: path, line: lineNumber), limit: maximumLineLength))
                isSkippingLongLine = true
                buffer.removeAll(keepingCapacity: true)
            } else {
                buffer.removeSubrange(0..<lineStart)
            }
            lineStart = 0
            scanFrom = buffer.count
            switch source.read(appendingTo: &buffer) {
            case .success(let count) where count > 0:
                continue
            case .success:
                if !isSkippingLongLine, !buffer.isEmpty {
                    try handle(parseLine(buffer[...], number: lineNumber))
                }
                if !hasContent {
                    problem(.emptyFile(SourceLocation(path: path)))
                }
                return
            case .failure(.trailingGzipData(let bytes)):
                // The stream itself was whole: its last line counts, then the report.
                if !isSkippingLongLine, !buffer.isEmpty {
                    try handle(parseLine(buffer[...], number: lineNumber))
                }
                problem(IngestError(.trailingGzipData(bytes: bytes), at: SourceLocation(path: path)))
                return
            case .failure(let failure):
                problem(IngestError(failure, at: SourceLocation(path: path, line: lineNumber)))
                return
            }
        }
    }

    /// The end of the first line in `buffer` at or after `start` and where the next
    /// begins: lines end with `\n`, `\r\n` or a lone `\r` (old Mac files). Nil when
    /// no line ends yet, or when a `\r` is the last byte and the next one decides.
    static func lineEnd(in buffer: [UInt8], from start: Int) -> (end: Int, next: Int)? {
        guard start < buffer.count else { return nil }
        return buffer.withUnsafeBytes { bytes -> (Int, Int)? in
            guard let base = bytes.baseAddress else { return nil }
            let count = bytes.count
            func find(_ byte: UInt8, upTo limit: Int) -> Int? {
                guard limit > start, let found = memchr(base + start, Int32(byte), limit - start) else { return nil }
                return base.distance(to: UnsafeRawPointer(found))
            }
            let newline = find(0x0A, upTo: count)
            if let cr = find(0x0D, upTo: newline ?? count) {
                if cr + 1 == newline { return (cr, cr + 2) }      // \r\n
                if cr + 1 < count { return (cr, cr + 1) }         // a lone \r
                return nil                                        // \r at the end: wait for the next byte
            }
            return newline.map { ($0, $0 + 1) }
        }
    }

    /// Turns one line, without its `\n`, into an article, a problem or nothing.
    func parseLine(_ line: ArraySlice<UInt8>, number: Int) -> LineOutcome {
        let location = SourceLocation(path: path, line: number)
        var start = line.startIndex
        var end = line.endIndex
        if number == 1, line.starts(with: [0xEF, 0xBB, 0xBF]) {
            start += 3
        }
        if end > start, line[end - 1] == UInt8(ascii: "\r") {
            end -= 1
        }
        let bytes = line[start..<end]
        if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D || $0 == 0x0B || $0 == 0x0C }) {
            return .blank
        }
        do throws(UTF8.ValidationError) {
            try bytes.withUnsafeBufferPointer { buffer throws(UTF8.ValidationError) in
                _ = try UTF8Span(validating: buffer.span)
            }
        } catch {
            return .problem(.invalidUTF8(location, byteOffset: error.byteOffsets.lowerBound + 1))
        }
        if let key = Self.repeatedKey(in: bytes) {
            return .problem(.malformedJSON(location, reason: "the key \"\(key)\" appears twice, so which value is meant is unclear; keep one"))
        }
        let data = Data(bytes)
        let record: JSONLinesRecord
        do {
            record = try decoder.decode(JSONLinesRecord.self, from: data)
        } catch let mismatch as JSONLinesRecord.FieldTypeMismatch {
            let expected = mismatch.field == "id" || mismatch.field == "body" ? "a string" : "a string or null"
            return .problem(.wrongFieldType(location, field: mismatch.field, expected: expected, found: mismatch.found))
        } catch DecodingError.typeMismatch(_, let context) where context.codingPath.isEmpty {
            let kind = try? decoder.decode(JSONValueKind.self, from: data)
            return .problem(.notAnObject(location, found: kind?.description ?? "a JSON value"))
        } catch DecodingError.valueNotFound(_, let context) where context.codingPath.isEmpty {
            return .problem(.notAnObject(location, found: JSONValueKind.null.description))
        } catch {
            return .problem(.malformedJSON(location, reason: Self.syntaxError(in: data)))
        }
        return makeArticle(from: record, at: location)
    }

    /// Checks a decoded record and builds its article.
    private func makeArticle(from record: JSONLinesRecord, at location: SourceLocation) -> LineOutcome {
        guard let id = record.id?.trimmingWhitespace(), !id.isEmpty else {
            return .problem(.missingField(location, field: "id"))
        }
        guard let body = record.body, !body.isEmpty else {
            return .problem(.missingField(location, field: "body"))
        }
        if let date = record.date, !Article.isValidDate(date) {
            return .problem(.invalidDate(location, value: date))
        }
        let paragraphs = Article.paragraphs(in: body.nfcNormalized[...])
        guard let first = paragraphs.first else {
            return .problem(.emptyBody(location))
        }
        func text(_ value: String?) -> String? {
            guard let trimmed = value?.trimmingWhitespace(), !trimmed.isEmpty else { return nil }
            return String(trimmed).nfcNormalized
        }
        return .article(Article(
            id: String(id).nfcNormalized,
            title: text(record.title) ?? Article.derivedTitle(fromFirstParagraph: first.text),
            date: record.date,
            source: text(record.source),
            url: text(record.url),
            paragraphs: paragraphs
        ))
    }

    /// What is wrong with JSON the decoder rejected, as "invalid value at
    /// column 12".
    ///
    /// `JSONDecoder` only says "the given data was not valid JSON"; on this
    /// rare path `JSONSerialization` is asked again for its more precise reason.
    static func syntaxError(in data: Data) -> String {
        let fallback = "the data is not valid JSON"
        if let column = loneSurrogateColumn(in: Array(data)) {
            return "a lone UTF-16 surrogate escape at column \(column) (\\uD800–\\uDFFF must come as a pair, "
                + "high then low, e.g. \\ud83d\\ude00); fix or remove the escape"
        }
        do {
            _ = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
            return fallback
        } catch {
            guard let message = (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String else {
                return fallback
            }
            return humanized(message)
        }
    }

    /// The keys an article reads; a line that gives one twice is refused (JSON
    /// decoders keep one of them silently).
    static let articleKeys = ["id", "title", "body", "date", "source", "url"]

    /// An article key that occurs twice as a key (`"key"` then optional spaces and `:`)
    /// in the line. Inside a JSON string a quote is always escaped, so `"id"` followed
    /// by a colon can only be a key.
    static func repeatedKey(in bytes: ArraySlice<UInt8>) -> String? {
        bytes.withUnsafeBytes { raw -> String? in
            guard let base = raw.baseAddress else { return nil }
            for key in articleKeys {
                let needle = Array("\"\(key)\"".utf8)
                var seen = 0
                var offset = 0
                while offset < raw.count,
                      let found = memchr(base + offset, Int32(needle[0]), raw.count - offset) {
                    let at = base.distance(to: UnsafeRawPointer(found))
                    offset = at + 1
                    guard at + needle.count <= raw.count,
                          memcmp(base + at, needle, needle.count) == 0 else { continue }
                    var after = at + needle.count
                    while after < raw.count, raw[after] == 0x20 || raw[after] == 0x09 { after += 1 }
                    if after < raw.count, raw[after] == UInt8(ascii: ":") {
                        seen += 1
                        if seen > 1 { return key }
                    }
                }
            }
            return nil
        }
    }

    /// The column (from 1) of a `\uD800`–`\uDFFF` escape that is not half of a
    /// high-then-low pair, or nil.
    static func loneSurrogateColumn(in bytes: [UInt8]) -> Int? {
        func escape(at index: Int) -> UInt32? {
            guard index + 5 < bytes.count, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u"),
                  let value = UInt32(String(decoding: bytes[(index + 2)...(index + 5)], as: UTF8.self), radix: 16) else { return nil }
            return value
        }
        var index = 0
        while index < bytes.count {
            guard bytes[index] == UInt8(ascii: "\\") else { index += 1; continue }
            if let value = escape(at: index), (0xD800...0xDFFF).contains(value) {
                if value <= 0xDBFF, let low = escape(at: index + 6), (0xDC00...0xDFFF).contains(low) {
                    index += 12
                    continue
                }
                return String(decoding: bytes[..<index], as: UTF8.self).count + 1
            }
            index += 2  // any other escape, "\\" included
        }
        return nil
    }

    /// "Invalid value around character 11." → "invalid value at column 12";
    /// "Unexpected end of file during JSON parse." → "unexpected end of line
    /// during JSON parse".
    static func humanized(_ message: String) -> String {
        var text = String(message.trimmingWhitespace().trimmingSuffix("."))
        text = text.replacingOccurrences(of: "end of file", with: "end of line")
        let marker = " around character "
        if let range = text.range(of: marker), let offset = Int(text[range.upperBound...]) {
            text = text[..<range.lowerBound] + " at column \(offset + 1)"
        }
        guard let first = text.first else { return text }
        return first.lowercased() + text.dropFirst()
    }
}

private extension Substring {
    /// The text without `suffix` at its end, if it is there.
    func trimmingSuffix(_ suffix: String) -> String {
        hasSuffix(suffix) ? String(dropLast(suffix.count)) : String(self)
    }
}
