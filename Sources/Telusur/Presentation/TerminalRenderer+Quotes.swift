extension TerminalRenderer {
    /// `telusur quotes` for a person: one block per quote (speaker and office; date,
    /// source, article and paragraph; the quote with the query's words marked), then the total.
    public func render(_ results: QuoteResults, query: ParsedQuery, offset: Int = 0) -> String {
        let highlighter = Highlighter(query: query)
        var out = ""
        for (index, match) in results.quotes.enumerated() {
            let quote = match.quote
            let who = quote.speaker.name ?? quote.speaker.key ?? quote.speaker.description ?? "?"
            var head = "\(offset + index + 1). \(style.title.0)\(who.terminalSafe())\(style.title.1)"
            if let role = quote.role { head += " — " + role.terminalSafe() }
            out += head + "\n"
            let meta = [match.article.date, match.article.source, match.article.id + " ¶\(quote.paragraph)",
                        quote.kind.rawValue + " (" + quote.cue + ")"]
                .compactMap { $0?.terminalSafe() }.filter { !$0.isEmpty }
            out += "   \(style.dim.0)\(meta.joined(separator: " · "))\(style.dim.1)\n"
            let text = quote.text.terminalSafe()
            let marked = Highlighter.wrap(text, ranges: highlighter.ranges(in: text), open: style.match.0, close: style.match.1)
            out += "   " + (quote.kind == .direct ? "“" + marked + "”" : marked) + "\n\n"
        }
        out += "\(results.total) quote\(results.total == 1 ? "" : "s")"
        if results.quotes.count < results.total { out += ", \(results.quotes.count) shown from \(offset + 1)" }
        return out + "\n"
    }
}

extension QuotesDocument {
    /// The document of one page of ``QuoteResults``.
    public init(_ results: QuoteResults) {
        self.init(total: results.total, quotes: results.quotes.map { match in
            Entry(match.quote, article: ArticleInfo(id: match.article.id, title: match.article.title, date: match.article.date,
                                                    source: match.article.source, url: match.article.url))
        })
    }

    /// The quotes as CSV (RFC 4180) with a header line, for spreadsheets: article id,
    /// date, source, title, url, paragraph, speaker, speaker key, speaker description,
    /// role, kind, cue, text. Written by ``ResultsTable``: control characters become
    /// spaces, formulas are defused.
    public func csv() -> String {
        let header = ["article", "date", "source", "title", "url", "paragraph", "speaker", "speaker_key", "speaker_desc",
                      "role", "kind", "cue", "text"]
        let rows = quotes.map { q in
            [q.article.id, q.article.date, q.article.source, q.article.title, q.article.url, String(q.paragraph),
             q.speaker?.name, q.speaker?.key, q.speakerDescription, q.role, q.kind.rawValue, q.cue, q.text].map { $0 ?? "" }
        }
        return ResultsTable(header: header, rows: rows).text(.csv)
    }
}
