/// A file left out of a read without a problem, and why: a hidden file, an entry
/// that is not a regular file, or a file whose name and content show no format
/// telusur reads.
public struct SkippedFile: Sendable, Equatable, CustomStringConvertible {
    /// The path as found.
    public var path: String
    /// Why it was not read, for example "hidden (its name starts with .)" or
    /// "a PNG image, not a format telusur reads".
    public var reason: String

    /// Creates the record of a skipped file.
    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }

    /// `path: reason`.
    public var description: String { "\(path): \(reason)" }
}
