extension TerminalRenderer {
    /// An article read back whole (`telusur show ID`): as the REPL's `:open` shows it,
    /// nothing highlighted, then the persons and agencies recognised in it. Every
    /// text from the index is made terminal-safe first.
    public func render(wholeArticle article: Searcher.WholeArticle) -> String {
        var record = article.record
        record.id = record.id.terminalSafe()
        record.title = record.title.terminalSafe()
        record.date = record.date?.terminalSafe()
        record.source = record.source?.terminalSafe()
        record.url = record.url?.terminalSafe()
        let paragraphs = article.paragraphs.map { MatchedParagraph(number: $0.number, text: $0.text.terminalSafe()) }
        var out = render(article: record, paragraphs: paragraphs, query: ParsedQuery(text: "", root: nil))
        if !article.persons.isEmpty {
            out += "\(style.dim.0)persons:\(style.dim.1) \(article.persons.map { $0.terminalSafe() }.joined(separator: ", "))\n"
        }
        if !article.agencies.isEmpty {
            out += "\(style.dim.0)agencies:\(style.dim.1) \(article.agencies.map { $0.terminalSafe() }.joined(separator: ", "))\n"
        }
        return out
    }
}
