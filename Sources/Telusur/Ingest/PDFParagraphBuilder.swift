/// Rebuilds paragraphs from the lines poppler gives for each page of a PDF.
struct PDFParagraphBuilder {
    /// The pages, in order.
    let pages: [PDFDocument.Page]

    /// The body's paragraphs: running headers, footers and page numbers dropped,
    /// lines joined, hyphenated words mended.
    func paragraphs() -> [String] {
        let running = runningLines()
        var paragraphs: [String] = []
        var current = ""
        var previous: PDFDocument.Line?
        var previousPage = -1
        for (pageIndex, page) in pages.enumerated() {
            let lines = page.lines.enumerated().filter { index, line in
                !isPageNumber(line.text) || !(index < 2 || index >= page.lines.count - 2)
            }.map(\.element).filter { !running.contains(Self.shape($0.text)) }
            let gap = Self.typicalGap(lines)
            let rightEdge = lines.map(\.right).max() ?? page.width
            let leftEdge = lines.map(\.left).min() ?? 0
            for line in lines {
                var breaks = current.isEmpty
                if let before = previous, !breaks {
                    if pageIndex != previousPage {
                        // A new page continues the paragraph unless the last one ended a sentence.
                        breaks = Self.endsSentence(current)
                    } else {
                        let space = line.top - before.bottom
                        let wideGap = gap > 0 && space > gap * 1.7 + 1
                        let indented = line.left > before.left + max(8, line.height) && Self.endsSentence(current)
                        let shortBefore = before.right < rightEdge - max(40, (rightEdge - leftEdge) * 0.15)
                            && Self.endsSentence(current)
                        let newSize = abs(line.height - before.height) > max(2, before.height * 0.25)
                        let above = line.top < before.top - 2
                        breaks = wideGap || indented || shortBefore || newSize || above
                    }
                }
                if breaks {
                    if !current.isEmpty { paragraphs.append(current) }
                    current = line.text
                } else {
                    current = Self.join(current, line.text)
                }
                previous = line
                previousPage = pageIndex
            }
        }
        if !current.isEmpty { paragraphs.append(current) }
        return paragraphs.map(\.collapsingWhitespace).filter { !$0.isEmpty }
    }

    /// The largest-type lines at the top of the first page, as a headline: not a
    /// "SIARAN PERS" label, a number or a date line.
    func headline() -> String? {
        guard let page = pages.first(where: { !$0.lines.isEmpty }) else { return nil }
        let top = page.lines.prefix(12).filter { line in
            let lower = line.text.lowercased()
            let label = ["siaran pers", "press release", "rilis pers", "berita pers"].contains { lower.hasPrefix($0) }
            let number = lower.hasPrefix("no.") || lower.hasPrefix("nomor") || lower.hasPrefix("no :") || lower.hasPrefix("no:")
            return !label && !number && !isPageNumber(line.text) && line.text.count >= 4
        }
        guard let largest = top.map(\.height).max(), let median = Self.median(page.lines.map(\.height)),
              largest > median * 1.15
        else { return nil }
        let lines = top.filter { $0.height > largest * 0.9 }
        let title = lines.map(\.text).reduce("") { Self.join($0, $1) }.collapsingWhitespace
        return title.count >= 8 && title.count <= 300 ? title : nil
    }

    /// The shapes of lines that are a running header or footer: one of the first or
    /// last two lines of a page, the same (digits aside) on at least half of the
    /// pages, two at least.
    private func runningLines() -> Set<String> {
        guard pages.count >= 2 else { return [] }
        var counts: [String: Int] = [:]
        for page in pages {
            let edges = Set((page.lines.prefix(2) + page.lines.suffix(2)).map { Self.shape($0.text) })
            for shape in edges { counts[shape, default: 0] += 1 }
        }
        return Set(counts.filter { $0.value >= max(2, (pages.count + 1) / 2) }.keys)
    }

    /// A line with its digits made `#`, to match "Halaman 3" with "Halaman 4".
    private static func shape(_ text: String) -> String {
        String(text.lowercased().map { $0.isNumber ? "#" : $0 }).collapsingWhitespace
    }

    /// "3", "- 3 -", "Halaman 3", "Hal. 3 dari 9", "Page 3 of 9", "3/9".
    private func isPageNumber(_ text: String) -> Bool {
        var words = text.lowercased().split(whereSeparator: { $0 == " " || $0 == "-" || $0 == "–" || $0 == "/" })
        words.removeAll { ["halaman", "hal.", "hal", "page", "dari", "of"].contains($0) }
        return !words.isEmpty && words.count <= 2 && words.allSatisfy { $0.allSatisfy(\.isNumber) }
    }

    /// Joins a line to the text before it, mending a word hyphenated at the break
    /// ("pemerin-" + "tahan") but not a reduplication ("kupu-" + "kupu").
    static func join(_ text: String, _ line: String) -> String {
        guard !text.isEmpty else { return line }
        if text.hasSuffix("-"), text.count >= 2 {
            let beforeHyphen = text.dropLast()
            let lastWord = beforeHyphen.split(whereSeparator: { !$0.isLetter }).last.map(String.init) ?? ""
            let nextWord = line.split(whereSeparator: { !$0.isLetter }).first.map(String.init) ?? ""
            if let last = beforeHyphen.last, last.isLetter, let first = line.first, first.isLowercase,
               lastWord.lowercased() != nextWord.lowercased() {
                return String(beforeHyphen) + line
            }
            return text + line
        }
        return text + " " + line
    }

    private static func endsSentence(_ text: String) -> Bool {
        guard let last = text.trimmingWhitespace().last else { return true }
        return ".!?:;\"”’)".contains(last)
    }

    /// The usual space between one line's bottom and the next line's top on a page.
    private static func typicalGap(_ lines: [PDFDocument.Line]) -> Double {
        var gaps: [Double] = []
        for (before, after) in zip(lines, lines.dropFirst()) {
            let gap = after.top - before.bottom
            if gap >= 0, gap < 3 * max(before.height, 1) { gaps.append(gap) }
        }
        return median(gaps) ?? 0
    }

    private static func median(_ values: [Double]) -> Double? {
        guard !values.isEmpty else { return nil }
        let sorted = values.sorted()
        return sorted[sorted.count / 2]
    }
}
