import Foundation

/// Reads articles from web addresses (`telusur index https://…`): a page is one
/// article (id: its address), a feed one article per item; with `follow`, each
/// item's own page is fetched too and gives the full text (the feed gives only the
/// lead), keeping the item's id, and its date when the page has none.
///
/// Validators (`ETag`, `Last-Modified`) are kept per address in a small JSON file
/// (``cachePath``), so that a re-run asks the server "only if changed" and skips
/// what did not change.
public struct WebReader {
    /// The addresses, in order.
    public var addresses: [String]
    /// Also fetch each feed item's page.
    public var follow: Bool
    /// Where validators are kept between runs; `nil` keeps none.
    public var cachePath: String?
    /// How to fetch.
    public var options: WebFetcher.Options

    public init(addresses: [String], follow: Bool = false, cachePath: String? = nil, options: WebFetcher.Options = .init()) {
        self.addresses = addresses
        self.follow = follow
        self.cachePath = cachePath
        self.options = options
    }

    /// What a run went through.
    public struct Summary: Sendable, Equatable {
        /// Addresses fetched (200).
        public var fetched = 0
        /// Addresses the server said were unchanged (304).
        public var unchanged = 0
    }

    /// Whether an argument is a web address rather than a path.
    public static func isAddress(_ argument: String) -> Bool {
        argument.hasPrefix("http://") || argument.hasPrefix("https://")
    }

    /// Fetches every address, handing over each article and each problem in order.
    public func read(article: (Article) throws -> Void, problem: (IngestError) -> Void) rethrows -> Summary {
        let fetcher = WebFetcher(options: options)
        var cache = loadCache()
        var summary = Summary()
        defer { saveCache(cache) }
        enum Fetched {
            case body(url: String, bytes: [UInt8])
            case unchanged
            case failed
        }
        func get(_ address: String) -> Fetched {
            guard let url = URL(string: address) else {
                problem(.fetchFailed(SourceLocation(path: address), reason: "not a valid address"))
                return .failed
            }
            switch fetcher.fetch(url, validators: cache[address]) {
            case .success(let response):
                cache[address] = response.validators
                if response.notModified {
                    summary.unchanged += 1
                    return .unchanged
                }
                summary.fetched += 1
                return .body(url: response.url.absoluteString, bytes: response.body)
            case .failure(let failure):
                problem(.fetchFailed(SourceLocation(path: address), reason: failure.reason))
                return .failed
            }
        }
        for address in addresses {
            guard case .body(let finalURL, let body) = get(address) else { continue }
            let read = ArticleReader.readFetched(body, name: address, defaultID: FeedArticleReader.untracked(finalURL))
            read.problems.forEach(problem)
            for var found in read.articles {
                if !read.isFeed, found.url == nil { found.url = finalURL }
                if read.isFeed, follow, let page = found.url, Self.isAddress(page) {
                    switch get(page) {
                    case .body(let pageURL, let pageBody):
                        let full = ArticleReader.readFetched(pageBody, name: page, defaultID: found.id)
                        full.problems.forEach(problem)
                        if var whole = full.articles.first {
                            whole.id = found.id
                            whole.date = whole.date ?? found.date
                            whole.source = whole.source ?? found.source
                            whole.url = whole.url ?? pageURL
                            found = whole
                        }
                    case .unchanged:
                        // Indexed from its page before; the feed's lead must not replace it.
                        continue
                    case .failed:
                        break  // the feed's lead is indexed; the problem says why
                    }
                }
                try article(found)
            }
        }
        return summary
    }

    private func loadCache() -> [String: WebFetcher.Validators] {
        guard let cachePath, let data = FileManager.default.contents(atPath: cachePath),
              let cache = try? JSONDecoder().decode([String: WebFetcher.Validators].self, from: data)
        else { return [:] }
        return cache
    }

    private func saveCache(_ cache: [String: WebFetcher.Validators]) {
        guard let cachePath, let data = try? JSONEncoder().encode(cache) else { return }
        try? data.write(to: URL(fileURLWithPath: cachePath), options: .atomic)
    }
}
