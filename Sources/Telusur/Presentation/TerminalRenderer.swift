/// Renders search results as text for a person: colour on a terminal, plain when piped.
public struct TerminalRenderer: Sendable {
    /// ANSI styles, or none.
    public struct Style: Sendable {
        var match: (String, String)
        var title: (String, String)
        var dim: (String, String)

        /// Bold red matches (as grep), bold titles, dim metadata.
        public static let color = Style(match: ("\u{1B}[1;31m", "\u{1B}[0m"), title: ("\u{1B}[1m", "\u{1B}[0m"),
                                        dim: ("\u{1B}[2m", "\u{1B}[0m"))
        /// No escape codes at all.
        public static let plain = Style(match: ("", ""), title: ("", ""), dim: ("", ""))
    }

    let style: Style

    public init(style: Style) { self.style = style }

    /// The last pass over what a renderer returns: no control character from the
    /// input survives, only the colour codes of ``style``.
    func finished(_ text: String) -> String {
        text.terminalSafe(keepingNewlines: true, keepingStyles: !style.match.0.isEmpty)
    }

    /// The results, then a line with the totals; with `full`, every matching paragraph
    /// whole instead of a snippet around its first match.
    public func render(_ results: SearchResults, full: Bool = false) -> String {
        let highlighter = Highlighter(query: results.query, entities: results.entities)
        var out = ""
        for hit in results.hits {
            let record = hit.article
            let title = (record.title.isEmpty ? record.id : record.title).terminalSafe()
            out += "\(hit.rank). \(style.title.0)\(title)\(style.title.1)\n"
            let meta = [record.date, record.source, record.id].compactMap { $0?.terminalSafe() }.filter { !$0.isEmpty }
            out += "   \(style.dim.0)\(meta.joined(separator: " · "))\(style.dim.1)\n"
            for paragraph in hit.paragraphs {
                let ranges = highlighter.ranges(in: paragraph.text)
                let snippet = full ? Snippet(whole: paragraph.text, ranges: ranges) : Snippet(text: paragraph.text, ranges: ranges)
                let text = Highlighter.wrap(snippet.text.terminalSafe(), ranges: snippet.ranges,
                                            open: style.match.0, close: style.match.1)
                let label = paragraph.number == 0 ? "title" : "¶\(paragraph.number)"
                out += "   \(style.dim.0)\(label)\(style.dim.1) \(text)\n"
            }
            if !hit.duplicates.isEmpty {
                let others = hit.duplicates.map { "\(($0.source ?? $0.id).terminalSafe()) (\($0.id.terminalSafe()))" }
                out += "   \(style.dim.0)also published by:\(style.dim.1) \(others.joined(separator: ", "))\n"
            }
            out += "\n"
        }
        out += facets(results)
        for wildcard in results.cappedWildcards {
            out += "\(style.dim.0)\(wildcard.message.terminalSafe())\(style.dim.1)\n"
        }
        if let suggestion = results.suggestion {
            out += "did you mean: \(style.title.0)\(suggestion.terminalSafe())\(style.title.1)\n"
        }
        out += summary(results)
        return finished(out)
    }

    /// Lines of facet counts: persons and agencies always, the rest (speakers, sources,
    /// periods) with `--facets`.
    public func facets(_ results: SearchResults) -> String {
        let lexicon = try? EntityLexicon.shared.get()
        let f = results.facets
        var lines: [(String, [String])] = [
            ("persons", f.persons.map { "\(PersonName.display($0.value).terminalSafe()) (\($0.articles))" }),
            ("agencies", f.agencies.map { "\((lexicon?.agencyName($0.value) ?? $0.value).terminalSafe()) (\($0.articles))" }),
        ]
        if results.includesAllFacets {
            lines.append(("speakers", f.speakers.map { "\(PersonName.display($0.value).terminalSafe()) (\($0.articles))" }))
            lines.append(("sources", f.sources.map { "\($0.value.terminalSafe()) (\($0.articles))" }))
            lines.append(("years", f.years.map { "\($0.value.terminalSafe()) (\($0.articles))" }))
            lines.append(("months", f.months.map { "\($0.value.terminalSafe()) (\($0.articles))" }))
            lines.append(("days", f.days.map { "\($0.value.terminalSafe()) (\($0.articles))" }))
        }
        return finished(lines.filter { !$0.1.isEmpty }.map { label, values in
            "\(style.dim.0)\(label):\(style.dim.1) " + values.joined(separator: " · ") + "\n"
        }.joined())
    }

    /// "2 articles, 9 paragraphs (exact), showing 1–2 · 0.8 ms"
    public func summary(_ results: SearchResults) -> String {
        let total = results.total
        let articles = total.articles == 1 ? "1 article" : "\(total.articles) articles"
        let paragraphs = total.paragraphs == 1 ? "1 paragraph" : "\(total.paragraphs) paragraphs"
        let exactness = total.exact ? "" : " (estimated)"
        var line = "\(articles), \(paragraphs) matched\(exactness)"
        if let first = results.hits.first?.rank, let last = results.hits.last?.rank, total.articles > results.hits.count {
            line += "; showing \(first)–\(last)"
        }
        let ms = (results.elapsedMilliseconds * 100).rounded() / 100
        // --allow-partial: the totals are those of the shards that answered.
        let missing = results.missingShards.map { $0.shard.name.terminalSafe() }
        let partial = missing.isEmpty ? "" : " · not searched: " + missing.joined(separator: ", ")
        return "\(style.dim.0)\(line) · \(ms) ms\(partial)\(style.dim.1)\n"
    }
}
