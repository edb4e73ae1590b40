import Foundation

/// Turns the paths given on the command line into the files to read, in order.
///
/// A file is read whatever its name. A directory is walked recursively, its
/// entries in sorted order so that runs are stable; in it, hidden entries (name
/// starting with `.`), files whose extension is not read (see ``FileKind``) and
/// entries that are not regular files are skipped without a problem. Symbolic
/// links are followed; a directory already walked (the same device and inode)
/// is not walked again, so link loops end. `-` stands for standard input.
struct InputWalker {
    /// What a file's name says about its content.
    enum FileKind: Equatable {
        /// `.jsonl`, `.json`, `.ndjson`, or any other name ending in `.gz`.
        case jsonLines(compressed: Bool)
        /// `.txt`, `.md`, `.markdown`, or one of these followed by `.gz`.
        case text(compressed: Bool)
        /// A file named on the command line with another extension: its content
        /// decides.
        case unknown

        /// The kind a file name shows, or `nil` when a file of that name is not read.
        init?(fileName: String) {
            var name = fileName.lowercased()
            let isCompressed = name.hasSuffix(".gz")
            if isCompressed {
                name.removeLast(3)
            }
            let fileExtension = name.split(separator: ".", omittingEmptySubsequences: false).last.map(String.init)
            let hasExtension = name.contains(".")
            switch hasExtension ? fileExtension : nil {
            case "jsonl", "json", "ndjson":
                self = .jsonLines(compressed: isCompressed)
            case "txt", "md", "markdown":
                self = .text(compressed: isCompressed)
            default:
                guard isCompressed else { return nil }
                self = .jsonLines(compressed: true)
            }
        }

        /// Whether the name ends in `.gz`, so that the content must be gzip.
        var isNamedCompressed: Bool {
            switch self {
            case .jsonLines(let compressed), .text(let compressed): compressed
            case .unknown: false
            }
        }
    }

    /// A file to read.
    struct File: Equatable {
        /// The path to open, built from the path given.
        var path: String
        /// The id of a text article in it: its path below the directory given, or
        /// its name when the file itself was given.
        var defaultID: String
        /// What its name says.
        var kind: FileKind
    }

    /// One step of the walk.
    enum Entry: Equatable {
        /// Read standard input (the path `-`).
        case standardInput
        /// Read this file.
        case file(File)
        /// Left out of a directory walk, without a problem.
        case skipped(path: String)
        /// A path that cannot be walked.
        case problem(IngestError)
    }

    /// A directory's identity, to notice one reached again through a link.
    private struct DirectoryID: Hashable {
        var device: UInt64
        var inode: UInt64
    }

    /// The paths as given.
    var paths: [String]

    /// Visits each entry in order, one directory listing in memory at a time.
    func walk<E: Error>(_ visit: (Entry) throws(E) -> Void) throws(E) {
        var visited = Set<DirectoryID>()
        for path in paths {
            if path == "-" {
                try visit(.standardInput)
                continue
            }
            var info = stat()
            guard stat(path, &info) == 0 else {
                try visit(.problem(IngestError(errno: errno, at: SourceLocation(path: path))))
                continue
            }
            if Self.isDirectory(info) {
                visited.insert(Self.directoryID(info))
                try walkDirectory(path: path, relativePath: "", visited: &visited, visit)
            } else {
                let name = path.split(separator: "/").last.map(String.init) ?? path
                try visit(.file(File(path: path, defaultID: name, kind: FileKind(fileName: name) ?? .unknown)))
            }
        }
    }

    private func walkDirectory<E: Error>(
        path: String,
        relativePath: String,
        visited: inout Set<DirectoryID>,
        _ visit: (Entry) throws(E) -> Void
    ) throws(E) {
        let names: [String]
        switch Self.entryNames(ofDirectory: path) {
        case .success(let found):
            names = found
        case .failure(let code):
            try visit(.problem(IngestError(errno: code.code, at: SourceLocation(path: path))))
            return
        }
        for name in names.sorted() {
            let childPath = path.hasSuffix("/") ? path + name : path + "/" + name
            let childRelativePath = relativePath.isEmpty ? name : relativePath + "/" + name
            if name.hasPrefix(Self.invalidNameMarker) {
                let shown = path + "/" + name.dropFirst(Self.invalidNameMarker.count)
                try visit(.problem(.cannotRead(SourceLocation(path: shown),
                    reason: "its name is not valid UTF-8 (shown with \u{FFFD}); rename it to UTF-8, e.g. `convmv -f latin1 -t utf8 --notest FILE`, then index again")))
                continue
            }
            if name.hasPrefix(".") {
                try visit(.skipped(path: childPath))
                continue
            }
            var info = stat()
            guard stat(childPath, &info) == 0 else {
                // A dangling link, or an entry gone since the listing.
                try visit(.problem(IngestError(errno: errno, at: SourceLocation(path: childPath))))
                continue
            }
            if Self.isDirectory(info) {
                if visited.insert(Self.directoryID(info)).inserted {
                    try walkDirectory(path: childPath, relativePath: childRelativePath, visited: &visited, visit)
                }
            } else if info.st_mode & S_IFMT == S_IFREG, let kind = FileKind(fileName: name) {
                try visit(.file(File(path: childPath, defaultID: childRelativePath, kind: kind)))
            } else {
                try visit(.skipped(path: childPath))
            }
        }
    }

    /// Marks a directory entry whose name is not valid UTF-8 (a NUL cannot be in a name).
    private static let invalidNameMarker = "\u{0}"

    /// An `errno` value as an error.
    private struct SystemError: Error {
        var code: Int32
    }

    /// The names in a directory, without `.` and `..`, in the order the system
    /// gives them.
    private static func entryNames(ofDirectory path: String) -> Result<[String], SystemError> {
        guard let directory = opendir(path) else {
            return .failure(SystemError(code: errno))
        }
        defer { closedir(directory) }
        var names: [String] = []
        while true {
            errno = 0
            guard let entry = readdir(directory) else {
                if errno != 0 {
                    return .failure(SystemError(code: errno))
                }
                return .success(names)
            }
            let name = withUnsafeBytes(of: entry.pointee.d_name) { bytes -> String in
                let length = bytes.firstIndex(of: 0) ?? bytes.count
                // A name that is not UTF-8 cannot be opened again through a String:
                // keep it marked, so the walk names it instead of "no such file".
                guard let valid = String(validating: bytes[..<length], as: UTF8.self) else {
                    return Self.invalidNameMarker + String(decoding: bytes[..<length], as: UTF8.self)
                }
                return valid
            }
            if name != ".", name != ".." {
                names.append(name)
            }
        }
    }

    private static func isDirectory(_ info: stat) -> Bool {
        info.st_mode & S_IFMT == S_IFDIR
    }

    private static func directoryID(_ info: stat) -> DirectoryID {
        DirectoryID(device: UInt64(info.st_dev), inode: UInt64(info.st_ino))
    }
}
