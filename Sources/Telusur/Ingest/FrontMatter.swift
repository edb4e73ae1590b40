/// The `key: value` lines between two `---` lines at the top of a text or
/// Markdown article.
///
/// ```
/// ---
/// title: Rapat Forkopimda Bahas Pemilu 2024
/// date: 2023-09-21
/// source: sumselprov.go.id
/// ---
/// ```
/// Keys are `title`, `date`, `source`, `url` and `id` (any case); other keys,
/// blank lines, `#` comments and lines without a `:` are ignored, as extra JSON
/// keys are. A value may be wrapped in matching `"` or `'` quotes.
struct FrontMatter: Equatable {
    var title: String?
    var date: String?
    /// The line the date is on, counting from 1, to point at a bad date.
    var dateLine: Int?
    var source: String?
    var url: String?
    var id: String?
    /// The index, in the lines given, of the first line after the closing `---`.
    var bodyStart: Int

    /// Reads the front matter at the top of `lines`, if the first one is `---`.
    /// - Parameters:
    ///   - lines: The file's lines, without their line ends.
    ///   - path: The path shown in a problem.
    /// - Returns: The front matter, `nil` when there is none, or the problem
    ///   when it is never closed.
    static func parse(lines: [Substring], path: String) -> Result<FrontMatter?, IngestError> {
        guard let first = lines.first, first.trimmingWhitespace() == "---" else {
            return .success(nil)
        }
        guard let close = lines.indices.dropFirst().first(where: { lines[$0].trimmingWhitespace() == "---" }) else {
            return .failure(.unclosedFrontMatter(SourceLocation(path: path, line: 1)))
        }
        var frontMatter = FrontMatter(bodyStart: close + 1)
        for index in 1..<close {
            let line = lines[index].trimmingWhitespace()
            guard !line.hasPrefix("#"), let colon = line.firstIndex(of: ":") else { continue }
            let key = line[..<colon].trimmingWhitespace().lowercased()
            let value = unquoted(line[line.index(after: colon)...].trimmingWhitespace())
            let text: String? = value.isEmpty ? nil : String(value)
            switch key {
            case "title": frontMatter.title = text
            case "date":
                frontMatter.date = text
                frontMatter.dateLine = index + 1
            case "source": frontMatter.source = text
            case "url": frontMatter.url = text
            case "id": frontMatter.id = text
            default: continue
            }
        }
        return .success(frontMatter)
    }

    /// `value` without one pair of matching quotes around it.
    private static func unquoted(_ value: Substring) -> Substring {
        guard value.count >= 2, let first = value.first, first == "\"" || first == "'", value.last == first else {
            return value
        }
        return value.dropFirst().dropLast().trimmingWhitespace()
    }
}
