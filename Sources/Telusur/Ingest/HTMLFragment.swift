/// A piece of HTML that is not a whole page: a feed item's description, the body
/// of a Markdown file pasted from a CMS, a JSON-LD `articleBody` with tags in it.
enum HTMLFragment {
    /// Whether text is markup rather than prose: its first non-blank character opens
    /// a tag and it holds a paragraph, line-break, `div` or `span` element.
    static func looksLikeMarkup(_ text: Substring) -> Bool {
        guard let first = text.first(where: { !$0.isWhitespace }), first == "<" else { return false }
        let head = text.prefix(4096).lowercased()
        return ["<p", "<br", "<div", "<span", "<table", "<ul", "<h2", "<h3"].contains { head.contains($0) }
    }

    /// The text of the fragment paragraph by paragraph (``HTMLParagraphCollector``:
    /// no scripts, captions, share widgets or "Baca juga" lines).
    static func paragraphs(_ html: String) -> [String] {
        let wrapped = "<html><head><meta charset=\"utf-8\"></head><body>" + html + "</body></html>"
        guard case .success(let root) = MarkupParser.parseHTML(Array(wrapped.utf8), encoding: "UTF-8") else {
            return Article.paragraphs(in: Substring(html)).map(\.text)
        }
        var collector = HTMLParagraphCollector()
        collector.collect(root)
        return collector.paragraphs()
    }
}
