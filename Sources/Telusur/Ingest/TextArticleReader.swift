/// Reads one article from a plain-text or Markdown file.
///
/// The file is UTF-8 text (a NUL byte or invalid UTF-8 makes it a binary file,
/// which is skipped). It may start with ``FrontMatter``. The first non-blank
/// line after that, if it is a Markdown heading `# …`, is the title and not a
/// paragraph. Every other non-blank line is a paragraph, as it is (a `## …` line
/// included) — unless the body is HTML (it starts with a tag and holds `<p>`,
/// `<br>`, `<div>`…, as CMS exports do): then its text is read paragraph by
/// paragraph as ``HTMLFragment`` reads it, without the markup.
///
/// The title is the front matter's `title`, else the heading, else one derived
/// from the first paragraph (``Article/derivedTitle(fromFirstParagraph:)``). The
/// id is the front matter's `id`, else the id the file's place gives
/// (``InputWalker``).
struct TextArticleReader {
    /// The path shown in problems.
    var path: String
    /// The id used when the front matter names none.
    var defaultID: String
    /// The largest file read, in bytes; a larger one is reported and skipped.
    var maximumFileSize: Int

    /// Reads all of `source` and makes its article.
    /// - Parameters:
    ///   - source: The (decompressed) bytes.
    ///   - head: Bytes already read from `source`, which come first.
    /// - Returns: The article, or why there is none.
    func read(from source: any ByteChunkSource, head: [UInt8] = []) -> Result<Article, IngestError> {
        var bytes = head
        while true {
            if bytes.count > maximumFileSize {
                return .failure(.fileTooLarge(SourceLocation(path: path), limit: maximumFileSize))
            }
            switch source.read(appendingTo: &bytes) {
            case .success(let count) where count > 0:
                continue
            case .success:
                return parse(bytes)
            case .failure(let failure):
                let line = bytes.count(where: { $0 == UInt8(ascii: "\n") }) + 1
                return .failure(IngestError(failure, at: SourceLocation(path: path, line: line)))
            }
        }
    }

    /// Makes the article from the whole file.
    func parse(_ bytes: [UInt8]) -> Result<Article, IngestError> {
        let location = SourceLocation(path: path)
        // Report whichever sign of a binary file comes first.
        var invalidUTF8: Int?
        do throws(UTF8.ValidationError) {
            _ = try UTF8Span(validating: bytes.span)
        } catch {
            invalidUTF8 = error.byteOffsets.lowerBound
        }
        let nul = bytes.prefix(invalidUTF8 ?? bytes.count).firstIndex(of: 0)
        if let nul {
            return .failure(.binaryFile(location, reason: "a NUL byte at byte \(nul + 1)"))
        }
        if let invalidUTF8 {
            return .failure(.binaryFile(location, reason: "invalid UTF-8 at byte \(invalidUTF8 + 1)"))
        }
        var text = String(decoding: bytes, as: UTF8.self).nfcNormalized
        if text.hasPrefix("\u{FEFF}") {
            text.removeFirst()
        }
        // Split on the byte: "\r\n" is one Character; the "\r" is trimmed later.
        let lines = text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map {
            Substring($0)
        }
        guard lines.contains(where: { !$0.trimmingWhitespace().isEmpty }) else {
            return .failure(.emptyFile(location))
        }
        let frontMatter: FrontMatter?
        switch FrontMatter.parse(lines: lines, path: path) {
        case .success(let parsed): frontMatter = parsed
        case .failure(let problem): return .failure(problem)
        }
        if let date = frontMatter?.date, !Article.isValidDate(date) {
            return .failure(.invalidDate(SourceLocation(path: path, line: frontMatter?.dateLine), value: date))
        }
        var bodyStart = frontMatter?.bodyStart ?? 0
        var heading: Substring?
        if let first = lines[bodyStart...].firstIndex(where: { !$0.trimmingWhitespace().isEmpty }),
           let title = Self.heading(lines[first]) {
            heading = title
            bodyStart = first + 1
        }
        let body = bodyStart < lines.count ? text[lines[bodyStart].startIndex...] : ""
        // A body pasted from a CMS as HTML (a Hugo page of Word markup) is read as HTML.
        let paragraphs = HTMLFragment.looksLikeMarkup(body)
            ? HTMLFragment.paragraphs(String(body)).enumerated().map { Paragraph(number: $0.offset + 1, text: $0.element.nfcNormalized) }
            : Article.paragraphs(in: body)
        guard let firstParagraph = paragraphs.first else {
            return .failure(.emptyBody(location))
        }
        let title = frontMatter?.title ?? heading.flatMap { $0.isEmpty ? nil : String($0) }
        return .success(Article(
            id: frontMatter?.id ?? defaultID,
            title: title ?? Article.derivedTitle(fromFirstParagraph: firstParagraph.text),
            date: frontMatter?.date,
            source: frontMatter?.source,
            url: frontMatter?.url,
            paragraphs: paragraphs
        ))
    }

    /// The text of a Markdown level-1 heading (`# Title`, or `# Title #`), or
    /// `nil` when the line is not one.
    static func heading(_ line: Substring) -> Substring? {
        let trimmed = line.trimmingWhitespace()
        guard trimmed.hasPrefix("#") else { return nil }
        let rest = trimmed.dropFirst()
        guard rest.isEmpty || rest.first == " " || rest.first == "\t" else { return nil }
        var title = rest.trimmingWhitespace()
        // An optional closing sequence of #s, after whitespace, is not part of it.
        var end = title.endIndex
        while end > title.startIndex, title[title.index(before: end)] == "#" {
            end = title.index(before: end)
        }
        if end == title.startIndex {
            title = title[..<end]
        } else if end < title.endIndex, title[title.index(before: end)].isWhitespace {
            title = title[..<end]
        }
        return title.trimmingWhitespace()
    }
}
