extension ArticleReader.Session {
    /// How one file is read, decided from its content first and its name second.
    enum Decision: Equatable {
        case jsonLines
        case text
        case document(ContentSniffer.DocumentKind)
        /// Not read, for the reason given.
        case skip(String)
    }

    /// Chooses the reader for a file from the format asked for, what its name
    /// shows and what its first bytes hold.
    ///
    /// With ``InputFormat/jsonl`` or ``InputFormat/text`` every file is read so.
    /// Otherwise a document format recognised in the content (HTML, a feed, PDF,
    /// DOCX, ODT) wins over the name: a page saved as `.txt` is read as HTML.
    /// When the content is plain text the name decides; a file found in a
    /// directory whose name shows no format is then skipped, as is a binary file
    /// of a kind telusur does not read.
    func decide(kind: InputWalker.FileKind, content: ContentSniffer.Content) -> Decision {
        switch reader.format {
        case .jsonl: return .jsonLines
        case .text: return .text
        case .auto: break
        }
        if case .document(let document) = content {
            return .document(document)
        }
        switch kind {
        case .jsonLines: return .jsonLines
        case .text: return .text
        case .html: return .document(.html)
        case .feed: return .document(.feed)
        case .pdf: return .document(.pdf)
        case .docx: return .document(.docx)
        case .odt: return .document(.odt)
        case .unknown, .other:
            switch content {
            case .unreadable(let what):
                // A file named on the command line is read as text: its problem says why not.
                return kind == .other ? .skip("\(what), not a format telusur reads") : .text
            case .text(let startsWithBrace):
                if kind == .other {
                    return .skip(
                        "its name shows no format telusur reads (.jsonl, .txt, .md, .html, .xml, .pdf, .docx, .odt); "
                            + "rename it, or name the file itself on the command line")
                }
                return startsWithBrace ? .jsonLines : .text
            case .document(let document):
                return .document(document)
            }
        }
    }

    /// Reads a whole-file document and hands on its articles and problems.
    mutating func readDocument(
        _ document: ContentSniffer.DocumentKind,
        from source: any ByteChunkSource,
        head: [UInt8],
        path: String,
        defaultID: String
    ) throws(E) {
        var bytes = head
        while true {
            if bytes.count > reader.maximumRecordSize {
                report(.fileTooLarge(SourceLocation(path: path), limit: reader.maximumRecordSize))
                return
            }
            switch source.read(appendingTo: &bytes) {
            case .success(let count) where count > 0:
                continue
            case .success:
                break
            case .failure(let failure):
                report(IngestError(failure, at: SourceLocation(path: path)))
                return
            }
            break
        }
        let result = document.read(bytes, path: path, defaultID: defaultID)
        for problem in result.problems {
            report(problem)
        }
        for found in result.articles {
            try deliver(found, at: SourceLocation(path: path))
        }
    }
}

/// What a reader of a whole-file format found in one file: the articles, and
/// problems with parts of it (a feed item with no text) or with all of it.
struct DocumentReadResult {
    var articles: [Article] = []
    var problems: [IngestError] = []

    static func failure(_ problem: IngestError) -> DocumentReadResult {
        DocumentReadResult(problems: [problem])
    }
}

extension ContentSniffer.DocumentKind {
    /// Reads a whole document of this kind.
    func read(_ bytes: [UInt8], path: String, defaultID: String) -> DocumentReadResult {
        switch self {
        case .html: HTMLArticleReader(path: path, defaultID: defaultID).read(bytes)
        case .feed: FeedArticleReader(path: path, defaultID: defaultID).read(bytes)
        case .pdf: PDFArticleReader(path: path, defaultID: defaultID).read(bytes)
        case .docx: OfficeArticleReader(kind: .docx, path: path, defaultID: defaultID).read(bytes)
        case .odt: OfficeArticleReader(kind: .odt, path: path, defaultID: defaultID).read(bytes)
        }
    }

    /// The format as a message names it: "an HTML page", "a PDF document".
    var name: String {
        switch self {
        case .html: "an HTML page"
        case .feed: "an RSS or Atom feed"
        case .pdf: "a PDF document"
        case .docx: "a DOCX document"
        case .odt: "an ODT document"
        }
    }
}

extension ArticleReader {
    /// The articles of one document held in memory — a page or feed fetched from the
    /// web — told apart by content as files are; problems are located at `name`.
    /// - Returns: Whether it was a feed, its articles and its problems.
    static func readFetched(_ bytes: [UInt8], name: String, defaultID: String)
        -> (isFeed: Bool, articles: [Article], problems: [IngestError]) {
        let location = SourceLocation(path: name)
        switch ContentSniffer.sniff(Array(bytes.prefix(ContentSniffer.headLength))) {
        case .document(let kind):
            let result = kind.read(bytes, path: name, defaultID: defaultID)
            return (kind == .feed, result.articles, result.problems)
        case .text:
            switch TextArticleReader(path: name, defaultID: defaultID, maximumFileSize: 128 << 20).parse(bytes) {
            case .success(let article): return (false, [article], [])
            case .failure(let problem): return (false, [], [problem])
            }
        case .unreadable(let what):
            return (false, [], [.unreadableDocument(location, format: "web page or feed", reason: "\(what), not a format telusur reads")])
        }
    }
}
