import Foundation

/// Turns the content of an HTML element into paragraphs, leaving out what is not
/// the article's text.
///
/// Block elements (`p`, `div`, `li`, headings, …) and `<br>` end a paragraph;
/// inline text is joined with its whitespace collapsed. Left out: scripts, styles,
/// forms, navigation, figures and their captions, and every element whose class
/// or id marks it as a share widget, an ad, a related-articles or "Baca juga"
/// block, a caption or a byline (``HTMLBoilerplate``). A paragraph that starts
/// with "Baca juga", or that is mostly a link and short, is dropped too.
struct HTMLParagraphCollector {
    /// One paragraph and how much of it is link text.
    struct Piece {
        var text: String
        var linkCharacters: Int
        /// Whether a link's text is itself an address (a URL, an e-mail): a contact
        /// line, not a link to another article.
        var linksShowAddresses: Bool
    }

    private(set) var pieces: [Piece] = []
    private var current = ""
    private var currentLinkCharacters = 0
    private var currentLinksShowAddresses = false
    private var linkDepth = 0

    /// Collects the paragraphs below `node`.
    mutating func collect(_ node: MarkupNode) {
        guard let name = node.name else {
            append(node.text)
            return
        }
        if HTMLBoilerplate.isRemoved(node) { return }
        if name == "br" {
            flush()
            return
        }
        let isBlock = HTMLBoilerplate.blockElements.contains(name)
        if isBlock { flush() }
        if name == "a" { linkDepth += 1 }
        for child in node.children { collect(child) }
        if name == "a" { linkDepth -= 1 }
        if isBlock { flush() }
    }

    /// The paragraphs collected, boilerplate lines dropped.
    mutating func paragraphs() -> [String] {
        flush()
        return pieces.filter { !HTMLBoilerplate.isBoilerplateParagraph($0) }.map(\.text)
    }

    private mutating func append(_ text: String) {
        var out = ""
        var lastWasSpace = current.isEmpty || current.last == " "
        for scalar in text.unicodeScalars {
            if scalar.properties.isWhitespace || scalar == "\u{200B}" || scalar.value < 0x20 {
                if !lastWasSpace { out.unicodeScalars.append(" ") }
                lastWasSpace = true
            } else {
                out.unicodeScalars.append(scalar)
                lastWasSpace = false
            }
        }
        current += out
        if linkDepth > 0 {
            currentLinkCharacters += out.count
            if out.contains("://") || out.contains("www.") || out.contains("@") {
                currentLinksShowAddresses = true
            }
        }
    }

    private mutating func flush() {
        let text = current.trimmingWhitespace()
        if !text.isEmpty {
            pieces.append(Piece(text: String(text), linkCharacters: min(currentLinkCharacters, text.count),
                                linksShowAddresses: currentLinksShowAddresses))
        }
        current = ""
        currentLinkCharacters = 0
        currentLinksShowAddresses = false
    }
}

/// What on a news page is not the article: the element names, class and id words
/// and paragraph openings that ``HTMLParagraphCollector`` and ``HTMLArticleExtractor``
/// leave out.
enum HTMLBoilerplate {
    /// Elements never part of an article's text.
    static let removedElements: Set<String> = [
        "script", "style", "noscript", "iframe", "nav", "header", "footer", "aside", "form", "button", "select",
        "option", "textarea", "input", "label", "svg", "figure", "figcaption", "img", "picture", "video", "audio",
        "object", "embed", "template", "link", "meta", "head", "title", "canvas", "map", "dialog", "ins",
        // The headline is the title, not a paragraph.
        "h1",
    ]

    /// Elements that start and end a paragraph.
    static let blockElements: Set<String> = [
        "p", "div", "section", "article", "main", "li", "ul", "ol", "dl", "dt", "dd", "h1", "h2", "h3", "h4", "h5",
        "h6", "blockquote", "pre", "table", "tr", "td", "th", "tbody", "thead", "hr", "address", "center",
    ]

    /// Words in a class or id (with `_` read as `-`) that mark a block as not the article's text.
    static let negativeWords = [
        "share", "social", "sosmed", "related", "terkait", "baca-juga", "bacajuga", "readalso", "read-also",
        "readmore", "read-more", "advert", "iklan", "banner", "sponsor", "promo", "comment", "komentar", "disqus",
        "caption", "byline", "author", "penulis", "reporter", "editor", "tags", "breadcrumb", "menu", "navbar",
        "sidebar", "widget", "newsletter", "popular", "populer", "terpopuler", "recommend", "rekomendasi",
        "pagination", "pager", "footer", "header", "masthead", "copyright", "subscribe", "login", "modal",
        "popup", "gallery", "thumb", "video", "embed", "topik", "lihat-juga", "lihatjuga", "nav",
        "newsfeed", "list-berita", "box-news", "trending", "tweet", "instagram-media", "tiktok-embed",
    ]

    /// Words that keep a block even when a negative word is there too.
    static let positiveWords = ["article", "content", "body", "entry", "detail", "isi", "text", "post", "main", "berita"]

    /// Class or id tokens that are ads on their own.
    static let adTokens: Set<String> = ["ad", "ads", "adv", "ad-slot", "adsbygoogle", "parallax"]

    /// Paragraph openings that mark a link to another article or a widget's label.
    static let boilerplateOpenings = [
        "baca juga", "baca:", "lihat juga", "simak juga", "simak video", "tonton juga", "saksikan juga",
        "saksikan video", "advertisement", "scroll to continue", "scroll to resume", "berita terkait",
        "artikel terkait", "ikuti berita", "ikuti kami", "download aplikasi", "klik di sini", "share this",
        "editor:", "pewarta:", "copyright", "©", "hak cipta", "all rights reserved",
    ]

    /// Whether the element is left out with everything in it.
    static func isRemoved(_ node: MarkupNode) -> Bool {
        guard let name = node.name else { return false }
        if removedElements.contains(name) { return true }
        if node.attributes["hidden"] != nil || node.attributes["aria-hidden"] == "true" { return true }
        if let style = node.attributes["style"]?.lowercased().filter({ $0 != " " }),
           style.contains("display:none") || style.contains("visibility:hidden") {
            return true
        }
        if name == "body" || name == "html" || name == "article" || name == "main" { return false }
        if node.attributes["itemprop"] == "articleBody" { return false }
        let marks = ((node.attributes["class"] ?? "") + " " + (node.attributes["id"] ?? "")).lowercased()
            .replacingOccurrences(of: "_", with: "-")
        guard !marks.trimmingWhitespace().isEmpty else { return false }
        let tokens = marks.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" })
        if tokens.contains(where: { adTokens.contains(String($0)) || $0.hasPrefix("ads-") || $0.hasPrefix("ad-") || $0.hasPrefix("ads_") }) {
            return true
        }
        guard negativeWords.contains(where: { marks.contains($0) }) else { return false }
        // "article-share" is a share widget, "article-body" is the text.
        let positive = positiveWords.contains { word in
            tokens.contains { token in token.contains(word) && !negativeWords.contains(where: { token.contains($0) }) }
        }
        return !positive
    }

    /// Whether a collected paragraph is a "Baca juga" line, a widget's label or a
    /// short block of links.
    static func isBoilerplateParagraph(_ piece: HTMLParagraphCollector.Piece) -> Bool {
        let lower = piece.text.lowercased()
        if boilerplateOpenings.contains(where: { lower.hasPrefix($0) }) { return true }
        let length = max(piece.text.count, 1)
        if !piece.linksShowAddresses, Double(piece.linkCharacters) / Double(length) > 0.6, length < 160 { return true }
        return false
    }
}
