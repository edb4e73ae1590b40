import Foundation

/// Finds a news page's article in its parsed HTML: title, date, source, address
/// and the body paragraph by paragraph.
///
/// - Title: JSON-LD `headline`, else `og:title`, else the first `<h1>`, else
///   `<title>`; the site's name is cut from either end ("… | ihram.co.id",
///   "Kapanlagi.com: Musik - …").
/// - Date: JSON-LD `datePublished`, `article:published_time`, `itemprop=datePublished`,
///   other date `<meta>` (`pubdate`, `publishdate`, `DC.date.issued`, …), a
///   `<time datetime>`, else the visible dateline ("Selasa, 23 Februari 2016 11:22",
///   "Jakarta, Selasa (25/2/2020)") — the date as written, in the page's own zone.
/// - Source: `og:site_name`, else the JSON-LD publisher, else the host of the URL.
/// - URL: `<link rel=canonical>`, else `og:url`, else the JSON-LD `url`.
/// - Body: the main content block — `itemprop=articleBody`, else the element whose
///   paragraphs carry the most text (scored as Mozilla Readability does: text
///   length and commas, given to parent and grandparent, less the share that is
///   link text) — collected by ``HTMLParagraphCollector``. The JSON-LD
///   `articleBody` is used instead when the page's markup yields much less text.
struct HTMLArticleExtractor {
    /// The page's root element.
    let root: MarkupNode

    /// What the extractor found; `paragraphs` is empty when the page has no article text.
    struct Extraction {
        var title: String?
        var date: String?
        var source: String?
        var url: String?
        var paragraphs: [String]
    }

    /// Extracts everything.
    func extract() -> Extraction {
        let metadata = Metadata(root: root)
        let paragraphs = body(articleBody: metadata.articleBody)
        return Extraction(
            title: title(metadata),
            date: date(metadata, paragraphs: paragraphs),
            source: source(metadata),
            url: metadata.url,
            paragraphs: paragraphs
        )
    }

    // MARK: Metadata

    /// `<meta>`, `<link>` and JSON-LD values, read once.
    struct Metadata {
        var meta: [String: String] = [:]
        var canonical: String?
        var titleElement: String?
        var heading: String?
        var jsonLD: [[String: Any]] = []

        init(root: MarkupNode) {
            root.walk { node in
                switch node.name {
                case "meta":
                    let key = (node.attributes["property"] ?? node.attributes["name"] ?? node.attributes["itemprop"])?
                        .lowercased()
                    if let key, let content = node.attributes["content"], meta[key] == nil {
                        meta[key] = content
                    }
                    if let itemprop = node.attributes["itemprop"]?.lowercased(), let content = node.attributes["content"],
                       meta["itemprop:" + itemprop] == nil {
                        meta["itemprop:" + itemprop] = content
                    }
                case "link":
                    if node.attributes["rel"]?.lowercased() == "canonical", canonical == nil {
                        canonical = node.attributes["href"]
                    }
                case "title":
                    if titleElement == nil { titleElement = node.textContent }
                case "h1":
                    if heading == nil {
                        let text = node.textContent.collapsingWhitespace
                        if !text.isEmpty { heading = text }
                    }
                case "script":
                    if node.attributes["type"]?.lowercased() == "application/ld+json" {
                        jsonLD += Self.jsonLDObjects(node.textContent)
                    }
                    return false
                default:
                    break
                }
                return true
            }
        }

        /// The JSON-LD objects that describe an article, `@graph` entries included.
        static func jsonLDObjects(_ text: String) -> [[String: Any]] {
            var text = text.trimmingCharacters(in: .whitespacesAndNewlines)
            if text.hasPrefix("<![CDATA[") { text.removeFirst(9) }
            if text.hasSuffix("]]>") { text.removeLast(3) }
            guard let data = text.data(using: .utf8),
                  let value = try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
            else { return [] }
            var found: [[String: Any]] = []
            func gather(_ value: Any) {
                if let list = value as? [Any] {
                    list.forEach(gather)
                } else if let object = value as? [String: Any] {
                    if let graph = object["@graph"] { gather(graph) }
                    let types = (object["@type"] as? String).map { [$0] } ?? (object["@type"] as? [String]) ?? []
                    if types.contains(where: { $0.hasSuffix("Article") || $0 == "Report" || $0 == "WebPage" }) {
                        found.append(object)
                    }
                }
            }
            gather(value)
            // Articles before web pages.
            return found.sorted { a, _ in ((a["@type"] as? String) ?? "").hasSuffix("Article") }
        }

        /// The first JSON-LD string under `key`.
        func jsonLDString(_ key: String) -> String? {
            for object in jsonLD {
                if let value = object[key] as? String, !value.trimmingWhitespace().isEmpty { return value }
            }
            return nil
        }

        var articleBody: String? { jsonLDString("articleBody") }

        var url: String? {
            [canonical, meta["og:url"], jsonLDString("url")].compactMap { $0 }.first {
                $0.hasPrefix("http://") || $0.hasPrefix("https://")
            }
        }

        var siteNames: [String] {
            var names = [meta["og:site_name"], meta["application-name"], meta["twitter:site"]].compactMap { $0 }
            for object in jsonLD {
                if let publisher = object["publisher"] as? [String: Any], let name = publisher["name"] as? String {
                    names.append(name)
                }
            }
            if let url, let host = URL(string: url)?.host {
                names.append(host)
            }
            return names
        }
    }

    // MARK: Title

    private func title(_ metadata: Metadata) -> String? {
        let candidates = [
            metadata.jsonLDString("headline"), metadata.meta["og:title"], metadata.meta["twitter:title"],
            metadata.heading, metadata.titleElement,
        ].compactMap { $0?.collapsingWhitespace }.filter { !$0.isEmpty }
        let keys = metadata.siteNames.compactMap(Self.siteKey)
        let cut = candidates.map { Self.cutSiteName($0, keys: keys) }
        guard var best = cut.first else { return nil }
        // A title decorated with a section ("Musik - …") holds a plainer one given elsewhere.
        for other in cut.dropFirst() where other.count >= 12 && other.count < best.count && best.hasSuffix(other) {
            best = other
        }
        return best
    }

    /// The part of a site name that shows in titles: "kapanlagi" for "KapanLagi.com",
    /// "detik" for "inet.detik.com".
    static func siteKey(_ name: String) -> String? {
        var key = name.lowercased().collapsingWhitespace
        for separator in [" - ", " | ", " – ", " — ", ": "] {
            if let range = key.range(of: separator) { key = String(key[..<range.lowerBound]) }
        }
        if key.hasPrefix("@") { key.removeFirst() }
        if key.hasPrefix("www.") { key.removeFirst(4) }
        let parts = key.split(separator: ".")
        if parts.count >= 2 {
            // The registered name: "ihram" of ihram.co.id, "detik" of inet.detik.com.
            let suffixes: Set<String> = ["com", "co", "id", "net", "org", "go", "or", "ac", "fr", "cz", "br", "uk", "info"]
            key = String(parts.last(where: { !suffixes.contains(String($0)) }) ?? parts[0])
        }
        key = key.trimmingWhitespace().description
        return key.count >= 3 ? key : nil
    }

    /// The title without the site's name at its start or end.
    static func cutSiteName(_ title: String, keys: [String]) -> String {
        var title = title
        for separator in [" | ", " - ", " – ", " — ", " :: ", " » ", ": "] {
            let parts = title.components(separatedBy: separator)
            guard parts.count >= 2 else { continue }
            func isSite(_ part: String) -> Bool {
                let lower = part.lowercased()
                return part.count < 40 && keys.contains { lower.contains($0) }
            }
            if isSite(parts[parts.count - 1]) {
                title = parts.dropLast().joined(separator: separator)
            } else if isSite(parts[0]) {
                title = parts.dropFirst().joined(separator: separator)
            }
        }
        return title.trimmingWhitespace().description
    }

    // MARK: Date

    private func date(_ metadata: Metadata, paragraphs: [String]) -> String? {
        let keys = [
            "article:published_time", "itemprop:datepublished", "og:published_time", "pubdate", "publishdate",
            "publish-date", "publish_date", "dc.date.issued", "dc.date", "dcterms.created", "dcterms.date",
            "date", "datepublished", "content_publisheddate", "dtreferencedate", "parsely-pub-date", "sailthru.date",
            "originalpublicationdate", "article_date_original", "dtk:publishdate", "article:published",
        ]
        let fromMeta = [metadata.jsonLDString("datePublished")] + keys.map { metadata.meta[$0] }
        for value in fromMeta.compactMap({ $0 }) {
            if let date = DateText.parse(value) { return date }
        }
        if let time = root.first(where: { $0.name == "time" && $0.attributes["datetime"] != nil }),
           let date = time.attributes["datetime"].flatMap(DateText.parse) {
            return date
        }
        return visibleDate(paragraphs: paragraphs)
    }

    /// The dateline shown on the page: in an element whose class or id says date
    /// or time, the first after the headline; else in the body's first paragraphs.
    private func visibleDate(paragraphs: [String]) -> String? {
        var afterHeading: String?
        var anywhere: String?
        var seenHeading = false
        root.walk { node in
            if afterHeading != nil { return false }
            guard let name = node.name else { return false }
            if name == "h1" { seenHeading = true }
            if name == "script" || name == "style" || name == "head" { return false }
            let marks = ((node.attributes["class"] ?? "") + " " + (node.attributes["id"] ?? "")).lowercased()
            if ["date", "time", "tanggal", "schedule", "publish", "posted", "waktu"].contains(where: marks.contains),
               let date = DateText.find(in: node.textContent.collapsingWhitespace) {
                if seenHeading {
                    afterHeading = date
                } else if anywhere == nil {
                    anywhere = date
                }
                return false
            }
            return true
        }
        if let afterHeading { return afterHeading }
        for paragraph in paragraphs.prefix(2) {
            if let date = DateText.find(in: String(paragraph.prefix(160))) { return date }
        }
        return anywhere
    }

    // MARK: Source

    private func source(_ metadata: Metadata) -> String? {
        if let name = [metadata.meta["og:site_name"]].compactMap({ $0?.collapsingWhitespace }).first(where: { !$0.isEmpty }) {
            return name
        }
        for object in metadata.jsonLD {
            if let publisher = object["publisher"] as? [String: Any], let name = publisher["name"] as? String,
               !name.trimmingWhitespace().isEmpty {
                return name.collapsingWhitespace
            }
        }
        if let url = metadata.url, var host = URL(string: url)?.host {
            if host.hasPrefix("www.") { host.removeFirst(4) }
            return host
        }
        return nil
    }

    // MARK: Body

    /// The fewest words an article's body has; less is a page of links or a
    /// teaser, reported as having no article text.
    static let minimumBodyWords = 30

    private func body(articleBody: String?) -> [String] {
        let paragraphs = Self.tidy(rawBody(articleBody: articleBody))
        let words = paragraphs.reduce(0) { $0 + $1.split(whereSeparator: \.isWhitespace).count }
        return words < Self.minimumBodyWords ? [] : paragraphs
    }

    /// Joins a dateline standing alone ("Jakarta -") to the paragraph after it, and
    /// drops paragraphs that are only a date ("Selasa, 23 Februari 2016 | 14:32 WIB").
    static func tidy(_ paragraphs: [String]) -> [String] {
        var out: [String] = []
        var pendingDateline: String?
        for paragraph in paragraphs {
            let words = paragraph.split(whereSeparator: \.isWhitespace)
            if words.count <= 8, DateText.find(in: paragraph) != nil,
               words.allSatisfy({ word in word.count <= 9 && (word.contains(where: \.isNumber) || word.count <= 9) }),
               words.filter({ $0.contains(where: \.isLetter) }).count <= 4 {
                continue
            }
            if words.count <= 4, paragraph.hasSuffix(" -") || paragraph.hasSuffix(" --") || paragraph.hasSuffix(" –") {
                pendingDateline = paragraph
                continue
            }
            if let dateline = pendingDateline {
                out.append(dateline + " " + paragraph)
                pendingDateline = nil
            } else {
                out.append(paragraph)
            }
        }
        if let pendingDateline { out.append(pendingDateline) }
        return out
    }

    private func rawBody(articleBody: String?) -> [String] {
        var collector = HTMLParagraphCollector()
        if let content = mainContent() {
            collector.collect(content)
        }
        let fromMarkup = collector.paragraphs()
        if let articleBody {
            let fromJSON = Article.paragraphs(in: Substring(Self.plainText(articleBody))).map(\.text)
            let jsonLength = fromJSON.reduce(0) { $0 + $1.count }
            let markupLength = fromMarkup.reduce(0) { $0 + $1.count }
            if Double(markupLength) < 0.7 * Double(jsonLength) { return fromJSON }
        }
        return fromMarkup
    }

    /// `articleBody` sometimes carries markup or entities of its own.
    private static func plainText(_ text: String) -> String {
        guard text.contains("<") || text.contains("&") else { return text }
        return HTMLFragment.paragraphs(text).joined(separator: "\n")
    }

    /// The element holding the article's text.
    func mainContent() -> MarkupNode? {
        if let marked = root.first(where: { $0.attributes["itemprop"] == "articleBody" }),
           marked.textContent.count > 200 {
            return marked
        }
        var scores: [ObjectIdentifierPath: Double] = [:]
        var nodes: [ObjectIdentifierPath: MarkupNode] = [:]
        score(root, path: [], ancestors: [], scores: &scores, nodes: &nodes)
        var best: (path: ObjectIdentifierPath, score: Double)?
        for (path, value) in scores {
            guard let node = nodes[path] else { continue }
            let adjusted = value * (1 - linkDensity(node)) * classWeight(node)
            if best == nil || adjusted > best!.score || (adjusted == best!.score && path.count > best!.path.count) {
                best = (path, adjusted)
            }
        }
        guard let best else { return nil }
        return nodes[best.path]
    }

    /// A node's place in the tree: the child indexes from the root.
    typealias ObjectIdentifierPath = [Int]

    /// Gives each paragraph-like element's score to the elements above it.
    private func score(
        _ node: MarkupNode,
        path: ObjectIdentifierPath,
        ancestors: [ObjectIdentifierPath],
        scores: inout [ObjectIdentifierPath: Double],
        nodes: inout [ObjectIdentifierPath: MarkupNode]
    ) {
        guard let name = node.name, !HTMLBoilerplate.isRemoved(node) || name == "body" || name == "html" else { return }
        let paragraphLike: Set<String> = ["p", "pre", "td", "h2", "h3", "h4", "h5", "h6"]
        let containers: Set<String> = ["div", "article", "section", "main", "span", "font", "center", "td"]
        if paragraphLike.contains(name) || containers.contains(name) {
            // Each run of text between <br>s counts as one paragraph.
            let value = inlineSegments(node).filter { $0.count >= 25 }.reduce(0.0) { total, segment in
                total + 1 + Double(segment.filter { $0 == "," }.count) + min(Double(segment.count) / 100, 3)
            }
            if value > 0 {
                // A <p> scores for its container; a <div> of text and <br>s is the container.
                var targets: [ObjectIdentifierPath] = paragraphLike.contains(name) ? [] : [path]
                targets += ancestors.suffix(paragraphLike.contains(name) ? 2 : 1).reversed()
                for (rank, target) in targets.enumerated() {
                    scores[target, default: 0] += value / Double(rank + 1)
                }
                if !paragraphLike.contains(name) { nodes[path] = node }
                for ancestor in targets where nodes[ancestor] == nil {
                    nodes[ancestor] = element(at: ancestor)
                }
            }
        }
        for (index, child) in node.children.enumerated() where child.name != nil {
            score(child, path: path + [index], ancestors: ancestors + [path], scores: &scores, nodes: &nodes)
        }
    }

    private func element(at path: ObjectIdentifierPath) -> MarkupNode? {
        var node = root
        for index in path {
            guard index < node.children.count else { return nil }
            node = node.children[index]
        }
        return node
    }

    /// The text of a node's own text children and inline elements, cut at `<br>`.
    private func inlineSegments(_ node: MarkupNode) -> [String] {
        let inline: Set<String> = ["a", "b", "i", "em", "strong", "span", "font", "u", "small", "sup", "sub", "q", "abbr", "mark", "o:p"]
        var segments: [String] = []
        var current = ""
        func gather(_ node: MarkupNode) {
            for child in node.children {
                if child.name == nil {
                    current += child.text
                } else if child.name == "br" {
                    segments.append(current)
                    current = ""
                } else if let name = child.name, inline.contains(name), !HTMLBoilerplate.isRemoved(child) {
                    current += " "
                    gather(child)
                    current += " "
                }
            }
        }
        gather(node)
        segments.append(current)
        return segments.map(\.collapsingWhitespace).filter { !$0.isEmpty }
    }

    private func linkDensity(_ node: MarkupNode) -> Double {
        let total = node.textContent.count
        guard total > 0 else { return 1 }
        var linked = 0
        node.walk { child in
            if child.name == "a" {
                linked += child.textContent.count
                return false
            }
            return child.name == nil || !HTMLBoilerplate.isRemoved(child)
        }
        return min(Double(linked) / Double(total), 1)
    }

    private func classWeight(_ node: MarkupNode) -> Double {
        let marks = ((node.attributes["class"] ?? "") + " " + (node.attributes["id"] ?? "")).lowercased()
        var weight = 1.0
        if node.name == "article" { weight *= 1.25 }
        if ["article", "content", "detail", "body", "entry", "post", "text", "isi", "berita"].contains(where: marks.contains) {
            weight *= 1.25
        }
        return weight
    }
}

extension String {
    /// The text with every run of whitespace made one space, trimmed.
    var collapsingWhitespace: String {
        split(whereSeparator: { $0.isWhitespace || $0 == "\u{200B}" }).joined(separator: " ")
    }
}
