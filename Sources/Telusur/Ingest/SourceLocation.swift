/// Where in the input a problem was found: a file, and a line in it when known.
public struct SourceLocation: Sendable, Equatable, Hashable, CustomStringConvertible {
    /// The path as given on the command line or found in a directory, or
    /// `<stdin>` for standard input.
    public var path: String
    /// The line number, counting from 1, or `nil` when the problem concerns the
    /// whole file.
    public var line: Int?

    /// Creates a location.
    /// - Parameters:
    ///   - path: The file's path, or `<stdin>`.
    ///   - line: The line number from 1, or `nil` for the whole file.
    public init(path: String, line: Int? = nil) {
        self.path = path
        self.line = line
    }

    /// `path:line`, or `path` when there is no line, as compilers print it.
    public var description: String {
        guard let line else { return path }
        return "\(path):\(line)"
    }

    /// The name shown for standard input.
    static let standardInputPath = "<stdin>"
}
