/// What one ``ArticleReader/read(article:problem:)`` call went through.
public struct IngestSummary: Sendable, Equatable {
    /// Files opened and read, standard input included, whether or not they held
    /// any article.
    public var files: Int
    /// Articles handed to the `article` callback.
    public var articles: Int
    /// Entries left out without a problem being reported, each with its reason:
    /// hidden files and directories (name starting with `.`), entries that are not
    /// regular files, and files in a directory whose name and content show no
    /// format telusur reads.
    public var skipped: [SkippedFile]
    /// Problems handed to the `problem` callback: each is a skipped record,
    /// file or path.
    public var problems: Int

    /// How many entries were skipped: `skipped.count`.
    public var skippedFiles: Int { skipped.count }

    /// Creates a summary.
    public init(files: Int = 0, articles: Int = 0, skipped: [SkippedFile] = [], problems: Int = 0) {
        self.files = files
        self.articles = articles
        self.skipped = skipped
        self.problems = problems
    }
}
