import Foundation

/// A problem with the input: a path, a file or one JSON Lines record that was
/// skipped while the rest was read.
///
/// Each case carries where the problem is; its ``description`` says what is
/// wrong there and what to do, in the form `path:line: what; what to do`.
public enum IngestError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The path does not exist (or is a symbolic link to nothing).
    case notFound(SourceLocation)
    /// The file or directory may not be read by this user.
    case permissionDenied(SourceLocation)
    /// Reading failed for another reason, given by the system (an I/O error, a
    /// socket, …).
    case cannotRead(SourceLocation, reason: String)
    /// The file has no bytes, or only blank lines.
    case emptyFile(SourceLocation)
    /// The file is not text: it holds a NUL byte or bytes that are not UTF-8
    /// (the reason says which and where).
    case binaryFile(SourceLocation, reason: String)
    /// The file is named `.gz` but does not start with the gzip header `1f 8b`.
    case notGzip(SourceLocation)
    /// The gzip data stops before its end; the line is the one being read then,
    /// and the lines before it were read.
    case truncatedGzip(SourceLocation)
    /// The gzip data cannot be decompressed from that line on, for the reason
    /// zlib gives.
    case corruptGzip(SourceLocation, reason: String)
    /// A JSON Lines line is longer than the limit, in bytes; it was skipped.
    case lineTooLong(SourceLocation, limit: Int)
    /// A text article file is larger than the limit, in bytes.
    case fileTooLarge(SourceLocation, limit: Int)
    /// A JSON Lines line holds bytes that are not UTF-8; the offset counts from 1
    /// at the start of the line.
    case invalidUTF8(SourceLocation, byteOffset: Int)
    /// A JSON Lines line is not valid JSON, for the reason given by the parser.
    case malformedJSON(SourceLocation, reason: String)
    /// A JSON Lines line holds a JSON value that is not an object, such as
    /// "an array" or "a number".
    case notAnObject(SourceLocation, found: String)
    /// A required field (`id` or `body`) is missing, `null` or empty.
    case missingField(SourceLocation, field: String)
    /// A field has a value of the wrong JSON type, such as an `id` that is a
    /// number.
    case wrongFieldType(SourceLocation, field: String, expected: String, found: String)
    /// A date that is not a calendar date written `YYYY-MM-DD`.
    case invalidDate(SourceLocation, value: String)
    /// The article has no non-blank line of text.
    case emptyBody(SourceLocation)
    /// An article has the id of one read before, at `firstSeen`; the first is kept.
    case duplicateID(SourceLocation, id: String, firstSeen: SourceLocation)
    /// A text file opens front matter with `---` on its first line but never
    /// closes it.
    case unclosedFrontMatter(SourceLocation)
    /// An id longer than `limit` UTF-8 bytes, more than the index's terms can hold
    /// (see ``Article/maximumIDLength``).
    case idTooLong(SourceLocation, id: String, limit: Int)
    /// An id holding a control character (a newline, ESC, NUL, a C1 control): it would
    /// split or garble a list of ids piped to another command (`--ids | xargs`).
    case controlInID(SourceLocation, id: String, scalar: UInt32)

    /// Where the problem is.
    public var location: SourceLocation {
        switch self {
        case .notFound(let location), .permissionDenied(let location), .cannotRead(let location, _),
             .emptyFile(let location), .binaryFile(let location, _), .notGzip(let location),
             .truncatedGzip(let location), .corruptGzip(let location, _), .lineTooLong(let location, _),
             .fileTooLarge(let location, _), .invalidUTF8(let location, _), .malformedJSON(let location, _),
             .notAnObject(let location, _), .missingField(let location, _),
             .wrongFieldType(let location, _, _, _), .invalidDate(let location, _), .emptyBody(let location),
             .duplicateID(let location, _, _), .unclosedFrontMatter(let location),
             .idTooLong(let location, _, _), .controlInID(let location, _, _):
            return location
        }
    }

    /// The message for the user: where, what is wrong, and what to do.
    public var description: String {
        let location = self.location
        switch self {
        case .notFound:
            return "\(location): no such file or directory; check the path"
        case .permissionDenied:
            return "\(location): permission denied; make it readable (chmod a+r) or leave it out"
        case .cannotRead(_, let reason):
            return "\(location): cannot be read (\(reason)); check the file and the disk, then try again"
        case .emptyFile:
            return "\(location): empty file, no articles in it; write articles into it or leave it out"
        case .binaryFile(_, let reason):
            return "\(location): not a text file (\(reason)); save it as UTF-8 text or leave it out"
        case .notGzip:
            return "\(location): named .gz but not gzip data (it does not start with 1f 8b); "
                + "compress it with gzip or rename it without .gz"
        case .truncatedGzip:
            return "\(location): the gzip data ends in the middle of the file (it is truncated); "
                + "the lines before were read, copy or compress the file again"
        case .corruptGzip(_, let reason):
            return "\(location): the gzip data is corrupt (\(reason)); "
                + "the lines before were read, copy or compress the file again"
        case .lineTooLong(_, let limit):
            return "\(location): line longer than \(Self.size(limit)); check that the file is JSON Lines "
                + "or split the article, the other lines were read"
        case .fileTooLarge(_, let limit):
            return "\(location): larger than \(Self.size(limit)), too long for one article; split it into several files"
        case .invalidUTF8(_, let byteOffset):
            return "\(location): invalid UTF-8 at byte \(byteOffset) of the line; convert the file to UTF-8, "
                + "the other lines were read"
        case .malformedJSON(_, let reason):
            return "\(location): not valid JSON (\(reason)); fix or remove the line, the other lines were read"
        case .notAnObject(_, let found):
            return "\(location): \(found) instead of an article; each line must hold one JSON object "
                + "like {\"id\": \"…\", \"body\": \"…\"}, the other lines were read"
        case .missingField(_, let field):
            return "\(location): \"\(field)\" is missing or empty; give every article a non-empty \"\(field)\" string, "
                + "the other lines were read"
        case .wrongFieldType(_, let field, let expected, let found):
            return "\(location): \"\(field)\" is \(found) but must be \(expected); fix the value, "
                + "the other lines were read"
        case .invalidDate(_, let value):
            return "\(location): date \"\(value)\" is not a YYYY-MM-DD date; write it like 2024-02-07, "
                + "or leave the date out if it is unknown"
        case .emptyBody:
            return "\(location): the article has no text, its body is blank; add the text or remove the article"
        case .duplicateID(_, let id, let firstSeen):
            return "\(location): id \"\(id)\" was already read at \(firstSeen); the first was kept, "
                + "give this article an id of its own"
        case .unclosedFrontMatter:
            return "\(location): front matter opened with --- is never closed; "
                + "add a line --- after its key: value lines"
        case .idTooLong(_, let id, let limit):
            return "\(location): id \"\(id.prefix(40))…\" is \(id.utf8.count) bytes, longer than the \(limit) an index can hold; "
                + "give the article a shorter id, the others were read"
        case .controlInID(_, let id, let scalar):
            let shown = id.unicodeScalars.map { $0.properties.generalCategory == .control ? String(format: "\\u%04X", $0.value) : String($0) }.joined()
            return "\(location): id \"\(shown.prefix(80))\" holds a control character (U+\(String(format: "%04X", scalar))); "
                + "ids must be printable text, so that a list of ids stays one id a line; fix the id, the others were read"
        }
    }

    /// A byte count as people say it: "128 MiB", "900 bytes".
    private static func size(_ bytes: Int) -> String {
        if bytes >= 1 << 20, bytes % (1 << 20) == 0 {
            return "\(bytes >> 20) MiB"
        }
        if bytes >= 1 << 10, bytes % (1 << 10) == 0 {
            return "\(bytes >> 10) KiB"
        }
        return "\(bytes) bytes"
    }
}

extension IngestError {
    /// The problem for a failed `open`, `read` or `opendir`, from its `errno`.
    init(errno code: Int32, at location: SourceLocation) {
        switch code {
        case ENOENT, ENOTDIR:
            self = .notFound(location)
        case EACCES, EPERM:
            self = .permissionDenied(location)
        default:
            self = .cannotRead(location, reason: String(cString: strerror(code)))
        }
    }

    /// The problem for a read that failed partway, at the line being read.
    init(_ failure: ByteSourceError, at location: SourceLocation) {
        switch failure {
        case .system(let code):
            self.init(errno: code, at: location)
        case .truncatedGzip:
            self = .truncatedGzip(location)
        case .namedPipe:
            self = .cannotRead(location, reason: "it is a named pipe (FIFO), which telusur does not open by name because it would wait for a writer forever; pipe the stream in instead: `producer | telusur index -`")
        case .trailingGzipData(let bytes):
            self = .corruptGzip(location, reason: "\(bytes) byte\(bytes == 1 ? "" : "s") after the end of the gzip stream that are not gzip data; they were ignored")
        case .corruptGzip(let reason):
            self = .corruptGzip(location, reason: reason)
        }
    }
}
