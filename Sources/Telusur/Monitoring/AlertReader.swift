import Foundation

/// The articles of one saved search that are new: indexed by a batch after the one it
/// was last read at (``Schema/batchSlot``), whatever their own dates.
public struct AlertNews: Codable, Sendable, Equatable {
    /// The alert's name.
    public var name: String
    /// Its query.
    public var query: String
    /// The batch read before: the articles listed came with later ones.
    public var afterBatch: Int
    /// The last batch included (the last committed one when the alerts were read).
    public var throughBatch: Int
    /// How many new articles match, all of them counted.
    public var total: Int
    /// The newest of them (by their date), at most the limit asked for.
    public var articles: [AlertArticle]
}

/// One new article of an alert.
public struct AlertArticle: Codable, Sendable, Equatable {
    public var id: String
    public var title: String
    public var date: String?
    public var source: String?
    public var url: String?
}

/// Reads the saved searches of an index against what was indexed since each was read.
///
/// One search per alert, the query filtered to the new batches by a value range on
/// ``Schema/batchSlot``: every document of an article carries the batch that wrote it,
/// so the filter works in either scope, on shards and on a copy of the index (the
/// counter and the numbers are in the index, not beside it).
public struct AlertReader {
    /// Where the alerts and the batch counter are kept.
    public let store: AlertStore
    private let searcher: Searcher

    /// Opens the alerts and the index of `location`.
    ///
    /// - Throws: what ``AlertStore/init(location:)`` and ``Searcher/init(location:allowPartial:allowPrograms:)`` throw.
    public init(location: IndexLocation) throws {
        store = try AlertStore(location: location)
        searcher = try Searcher(location: location)
    }

    /// The new articles of every alert, without marking them read.
    ///
    /// - Parameters:
    ///   - since: instead of each alert's last read, every article indexed at or after this time.
    ///   - limit: at most this many articles listed per alert (all are counted).
    public func news(since: Date? = nil, limit: Int = 20) throws -> [AlertNews] {
        let after = try since.map { try store.lastBatch(before: $0) }
        return try news(limit: limit) { alert in after ?? (alert.readBatch ?? 0) }
    }

    /// The unread articles of every alert that `batches` wrote (those of one `telusur
    /// index` run, or one burst of `watch`), without marking them read; only the alerts
    /// with some.
    public func news(indexedIn batches: ClosedRange<Int>, limit: Int = 20) throws -> [AlertNews] {
        try news(limit: limit) { alert in max(batches.lowerBound - 1, alert.readBatch ?? 0) }
            .filter { $0.total > 0 }
    }

    /// Each alert searched over the batches after `after(alert)`, through the last committed one.
    private func news(limit: Int, after: (SavedAlert) -> Int) throws -> [AlertNews] {
        // A reader kept across `watch` bursts sees each new commit.
        try searcher.refresh()
        let through = try store.committedBatch()
        var found: [AlertNews] = []
        for alert in try store.list() {
            let from = after(alert)
            var news = AlertNews(name: alert.name, query: alert.query, afterBatch: from, throughBatch: through,
                                 total: 0, articles: [])
            if from < through {
                var options = SearchOptions(limit: max(0, limit), sort: .newest, group: false)
                options.indexedIn = (from + 1)...through
                options.within = alert.within ?? .article
                options.entityFacets = false
                options.suggest = false
                let results = try searcher.search(alert.query, options: options)
                news.total = results.total.articles
                news.articles = results.hits.map {
                    AlertArticle(id: $0.article.id, title: $0.article.title, date: $0.article.date,
                                 source: $0.article.source, url: $0.article.url)
                }
            }
            found.append(news)
        }
        return found
    }

    /// The new articles of every alert, then each alert marked read through the last
    /// batch it was read against (a batch committed meanwhile stays new).
    public func read(since: Date? = nil, limit: Int = 20, now: Date = Date()) throws -> [AlertNews] {
        let found = try news(since: since, limit: limit)
        try store.markRead(found.map { ($0.name, $0.throughBatch) }, now: now)
        return found
    }
}
