extension TerminalRenderer {
    /// A whole article for reading (the REPL's `:open N`): title, metadata, then every
    /// paragraph uncut with the matches of `query` highlighted, and a closing line
    /// that counts the paragraphs with matches.
    public func render(article record: ArticleRecord, paragraphs: [MatchedParagraph], query: ParsedQuery) -> String {
        let highlighter = Highlighter(query: query)
        let title = record.title.terminalSafe()
        var out = "\(style.title.0)\(title.isEmpty ? record.id.terminalSafe() : highlighter.highlight(title, open: style.match.0, close: style.match.1 + style.title.0))\(style.title.1)\n"
        let meta = [record.date, record.source, record.id, record.url].compactMap { $0?.terminalSafe() }.filter { !$0.isEmpty }
        out += "\(style.dim.0)\(meta.joined(separator: " · "))\(style.dim.1)\n"
        var matching = 0
        for paragraph in paragraphs {
            let ranges = highlighter.ranges(in: paragraph.text)
            if !ranges.isEmpty { matching += 1 }
            let text = Highlighter.wrap(paragraph.text.terminalSafe(), ranges: ranges, open: style.match.0, close: style.match.1)
            out += "\n\(style.dim.0)¶\(paragraph.number)\(style.dim.1) \(text)\n"
            out += quoteMarks(paragraph.quotes)
        }
        let count = paragraphs.count == 1 ? "1 paragraph" : "\(paragraphs.count) paragraphs"
        out += "\n\(style.dim.0)\(count), \(matching) with matches\(style.dim.1)\n"
        return finished(out)
    }

    /// Under a paragraph, one line per quote: `❝ Herman Deru · direct (kata): “Kami siap…”`.
    func quoteMarks(_ quotes: [Quote]) -> String {
        quotes.map { quote in
            let who = quote.speaker.name ?? quote.speaker.key ?? quote.speaker.description ?? "?"
            var words = quote.text.split(separator: " ", omittingEmptySubsequences: true)
            let cut = words.count > 8
            words = Array(words.prefix(8))
            let start = words.joined(separator: " ") + (cut ? "…" : "")
            let text = quote.kind == .direct ? "“" + start + "”" : start
            return "   \(style.dim.0)❝ \(who.terminalSafe()) · \(quote.kind.rawValue) (\(quote.cue.terminalSafe())): \(text.terminalSafe())\(style.dim.1)\n"
        }.joined()
    }
}
