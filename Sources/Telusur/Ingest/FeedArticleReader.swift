import Foundation

/// Reads an RSS 2.0, RSS 1.0 (RDF) or Atom feed file: one article per item.
///
/// - Title: the item's `title` (CDATA and entities decoded, whitespace collapsed).
/// - Body: the item's `content:encoded` (Atom: `content`), else `description`
///   (Atom: `summary`), read as HTML by ``HTMLFragment``: markup, images, scripts
///   and "Baca juga" lines left out. An item with neither is a problem.
/// - Date: `pubDate`, `dc:date`, Atom `published` or `updated` (``DateText``).
/// - URL: `link` (Atom: the `href` of the `alternate` link).
/// - Source: the channel's `title`, else the host of its `link`.
/// - Id: the `guid` when it is an address (`http…`) and no other item of the feed
///   has it; else the link, when no other item has it (either without `utm_…`
///   tracking parameters, and only when it fits an id); else the file's id and the
///   item's number (`feed.xml#3`). A numeric guid is never the id: feeds that
///   number their items 1…9 anew every day would overwrite yesterday's articles.
struct FeedArticleReader {
    /// The path shown in problems.
    var path: String
    /// The file's id, for items with neither a usable guid nor a link.
    var defaultID: String

    private struct Item {
        var title: String?
        var link: String?
        var guid: String?
        var date: String?
        var html: String?
        var line: Int?
    }

    /// Reads the feed.
    func read(_ bytes: [UInt8]) -> DocumentReadResult {
        let location = SourceLocation(path: path)
        let root: MarkupNode
        switch MarkupParser.parseXML(bytes) {
        case .success(let parsed): root = parsed
        case .failure(let failure):
            return .failure(.unreadableDocument(location, format: "RSS or Atom feed", reason: "not well-formed XML, " + failure.reason))
        }
        let (items, source) : ([Item], String?)
        switch root.localName {
        case "rss":
            let channel = root.children.first { $0.localName == "channel" } ?? root
            items = channel.children.filter { $0.localName == "item" }.map(rssItem)
            source = Self.source(title: Self.childText(channel, "title"), link: Self.childText(channel, "link"))
        case "RDF":
            items = root.children.filter { $0.localName == "item" }.map(rssItem)
            let channel = root.children.first { $0.localName == "channel" }
            source = channel.flatMap { Self.source(title: Self.childText($0, "title"), link: Self.childText($0, "link")) }
        case "feed":
            items = root.children.filter { $0.localName == "entry" }.map(atomEntry)
            source = Self.source(title: Self.childText(root, "title"), link: Self.atomLink(root))
        default:
            let name = root.name ?? "?"
            return .failure(.unreadableDocument(location, format: "RSS or Atom feed",
                                                reason: "its root element is <\(name)>, not <rss>, <feed> or <rdf:RDF>"))
        }
        guard !items.isEmpty else {
            return .failure(.noArticleText(location, format: "feed (it has no items)"))
        }
        var guidCounts: [String: Int] = [:]
        var linkCounts: [String: Int] = [:]
        for item in items {
            if let guid = item.guid { guidCounts[guid, default: 0] += 1 }
            if let link = item.link { linkCounts[link, default: 0] += 1 }
        }
        var result = DocumentReadResult()
        for (index, item) in items.enumerated() {
            let itemLocation = SourceLocation(path: path, line: item.line)
            let paragraphs = (item.html.map(HTMLFragment.paragraphs) ?? []).enumerated().map {
                Paragraph(number: $0.offset + 1, text: $0.element.nfcNormalized)
            }
            guard let first = paragraphs.first else {
                result.problems.append(.noArticleText(itemLocation, format: "feed item \(index + 1)"))
                continue
            }
            var candidates: [String] = []
            if let guid = item.guid, guid.hasPrefix("http"), guidCounts[guid] == 1 { candidates.append(Self.untracked(guid)) }
            if let link = item.link, linkCounts[link] == 1 { candidates.append(Self.untracked(link)) }
            let id = candidates.first { $0.utf8.count <= Article.maximumIDLength } ?? "\(defaultID)#\(index + 1)"
            let title = item.title.map { $0.nfcNormalized }.flatMap { $0.isEmpty ? nil : $0 }
            result.articles.append(Article(
                id: id,
                title: title ?? Article.derivedTitle(fromFirstParagraph: first.text),
                date: item.date,
                source: source?.nfcNormalized,
                url: item.link,
                paragraphs: paragraphs
            ))
        }
        return result
    }

    private func rssItem(_ node: MarkupNode) -> Item {
        let content = Self.childText(node, "encoded")
        let description = Self.childText(node, "description")
        let date = [Self.childText(node, "pubDate"), Self.childText(node, "date")].compactMap { $0 }.lazy
            .compactMap(DateText.parse).first
        return Item(
            title: Self.childText(node, "title").map(Self.plainTitle),
            link: Self.childText(node, "link"),
            guid: Self.childText(node, "guid") ?? node.attributes["rdf:about"],
            date: date,
            html: Self.longer(content, description),
            line: node.line
        )
    }

    private func atomEntry(_ node: MarkupNode) -> Item {
        let date = [Self.childText(node, "published"), Self.childText(node, "updated")].compactMap { $0 }.lazy
            .compactMap(DateText.parse).first
        return Item(
            title: Self.childText(node, "title").map(Self.plainTitle),
            link: Self.atomLink(node),
            guid: Self.childText(node, "id"),
            date: date,
            html: Self.longer(Self.childText(node, "content"), Self.childText(node, "summary")),
            line: node.line
        )
    }

    /// The trimmed text of the first child with this local name, or `nil` when
    /// there is none or it is blank.
    private static func childText(_ node: MarkupNode, _ name: String) -> String? {
        guard let child = node.children.first(where: { $0.localName == name }) else { return nil }
        let text = child.textContent.trimmingCharacters(in: .whitespacesAndNewlines)
        return text.isEmpty ? nil : text
    }

    private static func atomLink(_ node: MarkupNode) -> String? {
        let links = node.children.filter { $0.localName == "link" }
        let alternate = links.first { ($0.attributes["rel"] ?? "alternate") == "alternate" } ?? links.first
        return alternate?.attributes["href"]
    }

    /// An address without its `utm_…` tracking parameters, which differ from feed
    /// to feed for the same article.
    static func untracked(_ address: String) -> String {
        guard var components = URLComponents(string: address), let items = components.queryItems else { return address }
        let kept = items.filter { !$0.name.lowercased().hasPrefix("utm_") }
        guard kept.count != items.count else { return address }
        components.queryItems = kept.isEmpty ? nil : kept
        return components.string ?? address
    }

    private static func longer(_ a: String?, _ b: String?) -> String? {
        switch (a, b) {
        case (let a?, let b?): return a.count >= b.count ? a : b
        default: return a ?? b
        }
    }

    /// A title without markup or entities some feeds double-escape.
    private static func plainTitle(_ title: String) -> String {
        guard title.contains("<") || title.contains("&") else { return title.collapsingWhitespace }
        return HTMLFragment.paragraphs(title).joined(separator: " ").collapsingWhitespace
    }

    private static func source(title: String?, link: String?) -> String? {
        if let title = title.map(plainTitle), !title.isEmpty { return title }
        guard let link, var host = URL(string: link)?.host else { return nil }
        if host.hasPrefix("www.") { host.removeFirst(4) }
        return host
    }
}
