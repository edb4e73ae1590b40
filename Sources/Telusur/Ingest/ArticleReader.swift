import Foundation

/// Reads articles from files, directories and standard input: the entry point
/// of the ingest stage.
///
/// Inputs are streamed: one chunk of a file, one JSON Lines line and one
/// directory listing at a time are in memory, never a whole corpus. Articles
/// and problems reach the callbacks in input order. A problem skips one
/// record, file or path, and reading goes on with the next.
///
/// ```swift
/// let reader = ArticleReader(paths: ["corpus/", "extra.jsonl.gz", "-"])
/// let summary = try reader.read(article: { try index.add($0) }, problem: { print($0) })
/// ```
///
/// What is read from where:
/// - A path is a file, a directory (walked as ``InputWalker`` describes), or `-`
///   for the JSON Lines on `standardInput` (with ``InputFormat/text``, one text
///   article with the id `stdin`). Problems there are located at `<stdin>`.
/// - Input that starts with the gzip header `1f 8b` is decompressed, whatever
///   its name; a file named `.gz` without that header is a problem.
/// - ``InputFormat/auto`` chooses JSON Lines (``JSONLinesReader``) or one text
///   article per file (``TextArticleReader``) by extension and, for a file named
///   with another extension, by content.
/// - An article whose id was already read in this call is a problem; the first
///   one is kept.
public struct ArticleReader {
    /// The paths to read, in order.
    public var paths: [String]
    /// How files are parsed.
    public var format: InputFormat
    /// What the path `-` reads.
    public var standardInput: FileHandle
    /// The longest JSON Lines line and the largest text article file, in bytes:
    /// 128 MiB.
    var maximumRecordSize = 128 << 20

    /// Creates a reader; nothing is opened until ``read(article:problem:)``.
    /// - Parameters:
    ///   - paths: Files, directories, or `-` for standard input.
    ///   - format: How to parse files; ``InputFormat/auto`` by default.
    ///   - standardInput: What `-` reads; the process's standard input by default.
    public init(paths: [String], format: InputFormat = .auto, standardInput: FileHandle = .standardInput) {
        self.paths = paths
        self.format = format
        self.standardInput = standardInput
    }

    /// Reads every path, handing over each article and each problem in input order.
    /// - Parameters:
    ///   - article: Called with each article read. An error it throws stops the
    ///     reading and is rethrown.
    ///   - problem: Called with each input skipped: a path, a file, or a JSON Lines
    ///     line (see ``IngestError``).
    /// - Returns: How many files, articles, skipped files and problems there were.
    public func read(article: (Article) throws -> Void, problem: (IngestError) -> Void) rethrows -> IngestSummary {
        try read(typedArticle: article, problem: problem)
    }

    private func read<E: Error>(
        typedArticle article: (Article) throws(E) -> Void,
        problem: (IngestError) -> Void
    ) throws(E) -> IngestSummary {
        try withoutActuallyEscaping(article) { (article) throws(E) -> IngestSummary in
            try withoutActuallyEscaping(problem) { (problem) throws(E) -> IngestSummary in
                var session = Session(reader: self, article: article, problem: problem)
                try session.run()
                return session.summary
            }
        }
    }
}

extension ArticleReader {
    /// The state of one ``read(article:problem:)`` call.
    private struct Session<E: Error> {
        let reader: ArticleReader
        let article: (Article) throws(E) -> Void
        let problem: (IngestError) -> Void
        var summary = IngestSummary()
        /// Where each id was first read, to report a second article with it.
        var firstSeen: [String: SourceLocation] = [:]
        /// The absolute path of the file being read (`nil` for standard input): each
        /// article's ``Article/origin``.
        var origin: String?

        mutating func run() throws(E) {
            try InputWalker(paths: reader.paths).walk { (entry) throws(E) in
                switch entry {
                case .standardInput:
                    summary.files += 1
                    origin = nil
                    let source = FileChunkReader(borrowing: reader.standardInput.fileDescriptor)
                    let kind: InputWalker.FileKind = reader.format == .text
                        ? .text(compressed: false) : .jsonLines(compressed: false)
                    try read(source, path: SourceLocation.standardInputPath, kind: kind, defaultID: "stdin")
                case .file(let file):
                    switch FileChunkReader.open(path: file.path) {
                    case .success(let source):
                        summary.files += 1
                        origin = Article.originPath(of: file.path)
                        try read(source, path: file.path, kind: file.kind, defaultID: file.defaultID)
                    case .failure(let failure):
                        report(IngestError(failure, at: SourceLocation(path: file.path)))
                    }
                case .skipped:
                    summary.skippedFiles += 1
                case .problem(let found):
                    report(found)
                }
            }
        }

        /// Reads one opened input: decompresses it if it is gzip, then parses it.
        private mutating func read(
            _ file: FileChunkReader,
            path: String,
            kind: InputWalker.FileKind,
            defaultID: String
        ) throws(E) {
            var head: [UInt8] = []
            if let failure = Self.fill(&head, from: file, until: { $0.count >= 2 }) {
                report(IngestError(failure, at: SourceLocation(path: path)))
                return
            }
            var source: any ByteChunkSource = file
            if GzipReader.hasGzipHeader(head) {
                source = GzipReader(upstream: file, pending: head)
                head = []
            } else if kind.isNamedCompressed, !head.isEmpty {
                report(.notGzip(SourceLocation(path: path)))
                return
            }
            let isText: Bool
            switch (reader.format, kind) {
            case (.jsonl, _), (.auto, .jsonLines):
                isText = false
            case (.text, _), (.auto, .text):
                isText = true
            case (.auto, .unknown):
                if let failure = Self.fill(&head, from: source, until: { Self.firstNonBlankByte(in: $0) != nil }) {
                    report(IngestError(failure, at: SourceLocation(path: path, line: 1)))
                    return
                }
                isText = Self.firstNonBlankByte(in: head) != UInt8(ascii: "{")
            }
            if isText {
                let reader = TextArticleReader(path: path, defaultID: defaultID, maximumFileSize: reader.maximumRecordSize)
                switch reader.read(from: source, head: head) {
                case .success(let found):
                    try deliver(found, at: SourceLocation(path: path))
                case .failure(let found):
                    report(found)
                }
            } else {
                let reader = JSONLinesReader(path: path, maximumLineLength: reader.maximumRecordSize)
                try reader.read(
                    from: source,
                    head: head,
                    article: { (found, location) throws(E) in try deliver(found, at: location) },
                    problem: { report($0) }
                )
            }
        }

        /// Hands an article on, unless its id was read before.
        private mutating func deliver(_ found: Article, at location: SourceLocation) throws(E) {
            if found.id.utf8.count > Article.maximumIDLength {
                report(.idTooLong(location, id: found.id, limit: Article.maximumIDLength))
                return
            }
            if let bad = found.id.unicodeScalars.first(where: { $0.properties.generalCategory == .control }) {
                report(.controlInID(location, id: found.id, scalar: bad.value))
                return
            }
            if let first = firstSeen[found.id] {
                report(.duplicateID(location, id: found.id, firstSeen: first))
                return
            }
            firstSeen[found.id] = location
            summary.articles += 1
            var found = found
            found.origin = origin
            try article(found)
        }

        private mutating func report(_ found: IngestError) {
            summary.problems += 1
            problem(found)
        }

        /// Reads chunks into `head` until `isEnough` holds or the input ends.
        /// - Returns: The failure, if a read failed.
        private static func fill(
            _ head: inout [UInt8],
            from source: any ByteChunkSource,
            until isEnough: ([UInt8]) -> Bool
        ) -> ByteSourceError? {
            while !isEnough(head) {
                switch source.read(appendingTo: &head) {
                case .success(let count):
                    if count == 0 { return nil }
                case .failure(let failure):
                    return failure
                }
            }
            return nil
        }

        /// The first byte that is not whitespace or part of a UTF-8 byte order mark.
        private static func firstNonBlankByte(in bytes: [UInt8]) -> UInt8? {
            let start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
            return bytes.dropFirst(start).first { !($0 == 0x20 || ($0 >= 0x09 && $0 <= 0x0D)) }
        }
    }
}
