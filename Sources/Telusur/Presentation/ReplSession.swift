/// An interactive search session over one index: takes a typed line, returns what to
/// print. A line is a query in the full query language, or a `:` command (`:open N`,
/// `:more`, `:sort -date`, … see ``Command``).
///
/// Keeps what a researcher's next line refers to: the last query and the page shown
/// (for `:more`, `:prev` and `:open N`), and the settings (`:limit`, `:sort`,
/// `:json`, `:facets`). Knows nothing of terminals: the `telusur repl` command owns
/// the line editor, the pager and signals.
public struct ReplSession {
    /// The index searched.
    public let searcher: Searcher
    /// Colour or plain text.
    public let style: TerminalRenderer.Style
    /// Articles per page (`:limit`).
    public private(set) var limit: Int
    /// The order of results (`:sort`).
    public private(set) var sort: ResultOrder = .relevance
    /// Whether results and articles are printed as JSON (`:json`).
    public private(set) var json = false
    /// Whether facet counts follow each search (`:facets`).
    public private(set) var facets = false
    /// Where bare words must meet (`:within article|paragraph`).
    public private(set) var within: QueryScope = .article
    /// Matching articles per period above each search (`:timeline month`), or none.
    public private(set) var timeline: Timeline.Period?
    /// The page shown last, with its query: what `:more`, `:prev` and `:open N` refer to.
    public private(set) var lastResults: SearchResults?
    /// The offset of ``lastResults`` (articles before its first one).
    private var offset = 0

    /// A session over `searcher`, printing in `style`, `limit` articles a page.
    public init(searcher: Searcher, style: TerminalRenderer.Style = .plain, limit: Int = 10) {
        self.searcher = searcher
        self.style = style
        self.limit = max(1, min(limit, Self.maxLimit))
    }

    /// Runs one line and returns what to print. Never throws: every problem (a bad
    /// query, an unknown command, a failed search) becomes an ``ReplReply/Kind/error``
    /// reply and the session goes on.
    /// The longest line the REPL works on (64 KiB): far beyond any query, far below a pasted file.
    public static let maximumLineBytes = 64 * 1024

    public mutating func handle(_ line: String) -> ReplReply {
        // A pasted file is not a query: say so before any work on it.
        guard line.utf8.count <= Self.maximumLineBytes else {
            return .error("line too long (\(line.utf8.count) bytes); a query or command is at most \(Self.maximumLineBytes / 1024) KiB; "
                + "to search for a text's words, pick the words that matter, or use `telusur similar ID` for an indexed article")
        }
        let text = String(line.trimmingWhitespace())
        guard !text.isEmpty else { return .output("") }
        do {
            if text.hasPrefix(":") {
                return try run(try Self.parseCommand(text))
            }
            return try search(text)
        } catch let error as ReplError {
            return .error(error.description)
        } catch let error as QueryError {
            return .error(error.message + "\n" + error.pointer)
        } catch let error as SearchError {
            if case .query(let query) = error { return .error(query.message + "\n" + query.pointer) }
            return .error(error.description)
        } catch {
            return .error("\(error)")
        }
    }

    /// Completion backed by this session's index (source names now; people and
    /// agencies once the index lists them, through ``Searcher/names(of:startingWith:limit:)``).
    public var completer: ReplCompleter {
        let searcher = self.searcher
        return ReplCompleter(names: { field, prefix in
            // Completion is a convenience while typing: an index that cannot be read
            // offers no names, and the next search reports the problem.
            (try? searcher.names(of: field, startingWith: prefix)) ?? []
        })
    }

    // MARK: commands

    private mutating func run(_ command: Command) throws -> ReplReply {
        switch command {
        case .open(let number):
            let hit = try result(number, for: "open")
            let paragraphs = try searcher.paragraphs(ofArticle: hit.article.id)
            let query = lastResults?.query ?? ParsedQuery(text: "", root: nil)
            if json {
                return .output(try ArticleDocument(article: hit.article, paragraphs: paragraphs, query: query).json() + "\n")
            }
            return .article(TerminalRenderer(style: style).render(article: hit.article, paragraphs: paragraphs, query: query))
        case .next:
            guard let last = lastResults else { throw ReplError.noSearchYet(command: "more") }
            guard offset + limit < last.total.articles else { throw ReplError.noMorePages(total: last.total.articles) }
            return try show(last.query, offset: offset + limit)
        case .previous:
            guard let last = lastResults else { throw ReplError.noSearchYet(command: "prev") }
            guard offset > 0 else { throw ReplError.firstPage }
            return try show(last.query, offset: max(0, offset - limit))
        case .limit(let number):
            limit = number
            return try settingChanged(number == 1 ? "1 article per page" : "\(number) articles per page")
        case .sort(let order):
            sort = order
            let names: [ResultOrder: String] = [.relevance: "best first", .date: "oldest first", .newest: "newest first"]
            return try settingChanged("sorted \(names[order] ?? order.rawValue)")
        case .json(let value):
            guard let value else { return .output("json is \(json ? "on" : "off")\n") }
            json = value
            return .output("json \(value ? "on" : "off")\n")
        case .facets(let value):
            guard let value else { return .output("facets are \(facets ? "on" : "off")\n") }
            guard value else {
                facets = false
                return .output("facets off\n")
            }
            guard facetedOptions(offset: 0) != nil else { throw ReplError.notAvailable(command: "facets") }
            facets = true
            return try settingChanged("facets on")
        case .similar(let number):
            let hit = try result(number, for: "similar")
            guard let results = try similarResults(to: hit, options: options(offset: 0)) else {
                throw ReplError.notAvailable(command: "similar")
            }
            lastResults = results
            offset = 0
            return .output(try render(results))
        case .person(let name):
            return try search(CommandLineQuery.field(.person, [name]))
        case .agency(let name):
            return try search(CommandLineQuery.field(.agency, [name]))
        case .within(let scope):
            guard let scope else { return .output("within \(within.rawValue)\n") }
            within = scope
            return try settingChanged(scope == .article ? "words anywhere in the article" : "words in one paragraph")
        case .timeline(let period):
            guard let period else { return .output("timeline \(timeline?.rawValue ?? "off")\n") }
            timeline = period.period
            return try settingChanged("timeline " + (period.period?.rawValue ?? "off"))
        case .quotes(let text):
            let query: ParsedQuery
            if let text {
                query = try QueryParser().parse(text)
            } else {
                guard let last = lastResults else { throw ReplError.noSearchYet(command: "quotes") }
                query = last.query
            }
            try searcher.refresh()
            let results = try searcher.quotes(query, limit: limit)
            if json { return .output(try QuotesDocument(results).encoded().jsonTerminalSafe + "\n") }
            return .output(TerminalRenderer(style: style).render(results, query: query))
        case .stats:
            try searcher.refresh()
            return .output(TerminalRenderer(style: style).render(statistics: try searcher.statistics(), index: searcher.location))
        case .help(let name):
            return .output(try Self.helpText(for: name))
        case .quit:
            return ReplReply(kind: .quit, text: "")
        }
    }

    /// The options of a search that also counts facets (people, agencies, sources,
    /// years), used while `:facets on`; nil when this build cannot count facets, which
    /// makes `:facets on` say so. The renderer prints the counts the results carry.
    ///
    /// The one place to wire facets: return
    /// `SearchOptions(limit: limit, offset: offset, sort: sort, facets: true)`.
    func facetedOptions(offset: Int) -> SearchOptions? {
        configured(SearchOptions(limit: limit, offset: offset, sort: sort, facets: true))
    }

    /// `options` with the session's settings that every search shares: the scope and the timeline.
    private func configured(_ options: SearchOptions) -> SearchOptions {
        var options = options
        options.within = within
        if timeline != nil {
            options.facets = true
            options.allMonths = true
        }
        return options
    }

    /// The articles most like `hit`, one page of them, or nil when this build cannot
    /// search for similar articles, which makes `:similar N` say so. The results become
    /// the ones `:open N` and `:more` refer to.
    ///
    /// The one place to wire `:similar`: return
    /// `try searcher.similar(to: hit.article.id, options: options)`.
    func similarResults(to hit: ArticleHit, options: SearchOptions) throws -> SearchResults? {
        try searcher.similar(to: hit.article.id, options: options)
    }

    // MARK: searching

    /// Parses and runs a query, from its first page. The index is reopened first, so
    /// articles another process indexed meanwhile are found.
    private mutating func search(_ text: String) throws -> ReplReply {
        let parsed = try QueryParser().parse(text)
        return try show(parsed, offset: 0)
    }

    /// Runs `query` for the page at `offset` and keeps it as the last results.
    private mutating func show(_ query: ParsedQuery, offset: Int) throws -> ReplReply {
        try searcher.refresh()
        let results = try searcher.search(query, options: options(offset: offset))
        lastResults = results
        self.offset = offset
        return .output(try render(results))
    }

    /// After `:limit` or `:sort`: a line saying so, and the last search again from its
    /// first page in the new setting.
    private mutating func settingChanged(_ description: String) throws -> ReplReply {
        guard let last = lastResults else { return .output(description + "\n") }
        let reply = try show(last.query, offset: 0)
        return .output(description + "\n" + reply.text)
    }

    private func options(offset: Int) -> SearchOptions {
        let plain = configured(SearchOptions(limit: limit, offset: offset, sort: sort))
        return facets ? facetedOptions(offset: offset) ?? plain : plain
    }

    /// Results as the terminal renderer prints them (matched counts and time last),
    /// or as the `--json` document.
    private func render(_ results: SearchResults) throws -> String {
        let chart = timeline.map { Timeline(results.facets, period: $0) }
        if json { return try ResultsDocument(results, timeline: chart).json() + "\n" }
        return (chart?.render(style: style) ?? "") + TerminalRenderer(style: style).render(results)
    }

    /// Result `number` of the last search: from the page shown, else read from the index.
    private func result(_ number: Int, for command: String) throws -> ArticleHit {
        guard let last = lastResults else { throw ReplError.noSearchYet(command: command) }
        if let hit = last.hits.first(where: { $0.rank == number }) { return hit }
        guard number <= last.total.articles else { throw ReplError.noSuchResult(number, total: last.total.articles) }
        let page = try searcher.search(last.query, options: configured(SearchOptions(limit: 1, offset: number - 1, sort: sort)))
        guard let hit = page.hits.first else { throw ReplError.noSuchResult(number, total: page.total.articles) }
        return hit
    }
}
