import Foundation

extension Article {
    /// The absolute form of a path as given, to record where an article came from and
    /// to find the articles under a directory later: relative paths are taken from the
    /// current directory, then `.`, `..` and repeated slashes are resolved by the
    /// name alone (symbolic links are not followed, so the path stays the one the user
    /// sees).
    ///
    /// `"releases/../releases//a.txt"` run in `/srv` → `"/srv/releases/a.txt"`.
    public static func originPath(of path: String) -> String {
        let absolute = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        var parts: [Substring] = []
        for part in absolute.split(separator: "/", omittingEmptySubsequences: true) {
            switch part {
            case ".": continue
            case "..": if !parts.isEmpty { parts.removeLast() }
            default: parts.append(part)
            }
        }
        return "/" + parts.joined(separator: "/")
    }
}

extension Article {
    /// Two articles are equal when their content is: the same id, metadata and
    /// paragraphs. Where each was read from (``origin``) is not part of it, so the same
    /// record read from two files, or from a file and from standard input, compares equal.
    public static func == (lhs: Article, rhs: Article) -> Bool {
        lhs.id == rhs.id && lhs.title == rhs.title && lhs.date == rhs.date && lhs.source == rhs.source
            && lhs.url == rhs.url && lhs.paragraphs == rhs.paragraphs
    }

    /// Hashes what ``==(_:_:)`` compares.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(id)
        hasher.combine(title)
        hasher.combine(date)
        hasher.combine(source)
        hasher.combine(url)
        hasher.combine(paragraphs)
    }
}
