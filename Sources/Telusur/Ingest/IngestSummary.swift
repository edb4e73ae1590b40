/// What one ``ArticleReader/read(article:problem:)`` call went through.
public struct IngestSummary: Sendable, Equatable {
    /// Files opened and read, standard input included, whether or not they held
    /// any article.
    public var files: Int
    /// Articles handed to the `article` callback.
    public var articles: Int
    /// Entries left out of a directory walk without a problem being reported:
    /// hidden files and directories (name starting with `.`), files with an
    /// extension that is not read, and entries that are not regular files.
    public var skippedFiles: Int
    /// Problems handed to the `problem` callback: each is a skipped record,
    /// file or path.
    public var problems: Int

    /// Creates a summary.
    public init(files: Int = 0, articles: Int = 0, skippedFiles: Int = 0, problems: Int = 0) {
        self.files = files
        self.articles = articles
        self.skippedFiles = skippedFiles
        self.problems = problems
    }
}
