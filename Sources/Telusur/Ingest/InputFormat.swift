/// How ``ArticleReader`` parses the files it reads.
///
/// Gzip compression is independent of the format: any input that starts with
/// the gzip header is decompressed first.
public enum InputFormat: String, Sendable, CaseIterable {
    /// Decide per file, by content first: a file whose first bytes show HTML, an
    /// RSS/Atom feed, a PDF, a DOCX or an ODT is read as that, whatever its name.
    /// Otherwise by name: `.jsonl`, `.json`, `.ndjson` and `.gz` files are JSON Lines;
    /// `.txt`, `.md` and `.markdown` files (also when gzipped, `.txt.gz`) are one
    /// article each; `.html`, `.xml`, `.pdf`, `.docx`, `.odt`… are read as their
    /// format (and reported when they are not); a file named on the command line
    /// with another extension is JSON Lines when its first non-blank character is
    /// `{` and one text article otherwise; one found in a directory is skipped with
    /// its reason. Standard input is JSON Lines.
    case auto
    /// Read every file, and standard input, as JSON Lines: one article object per line.
    case jsonl
    /// Read every file, and standard input, as one article in plain text or Markdown.
    case text
}
