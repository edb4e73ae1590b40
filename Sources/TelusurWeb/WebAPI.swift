import Foundation
import Telusur

/// The search page and the JSON API, apart from the HTTP server: a ``WebRequest`` in,
/// a ``WebResponse`` out. Every document is the CLI's own (`ResultsDocument`,
/// `ArticleDocument`, `EntityListDocument`, `StatisticsDocument`), encoded by the
/// same code; every search runs on a ``SearcherPool`` worker.
public struct WebAPI: Sendable {
    public let pool: SearcherPool
    public let limits: WebLimits
    public let assets: PageAssets

    public init(pool: SearcherPool, limits: WebLimits = WebLimits(), assets: PageAssets) {
        self.pool = pool
        self.limits = limits
        self.assets = assets
    }

    /// Answers one request; every failure becomes a JSON error with its status.
    public func respond(to request: WebRequest) async -> WebResponse {
        do {
            guard request.method == "GET" || request.method == "HEAD" else { throw WebError.methodNotAllowed(request.method) }
            return try await route(request)
        } catch let error as WebError {
            return Self.failure(error)
        } catch let error as SearchError {
            return Self.failure(.search(error))
        } catch {
            return Self.failure(.internalError("\(error)"))
        }
    }

    /// The JSON answer for `error`.
    public static func failure(_ error: WebError) -> WebResponse {
        .json(ErrorDocument(error).json(), status: error.status)
    }

    private func route(_ request: WebRequest) async throws -> WebResponse {
        let segments = try request.segments()
        guard segments.first == "api" else {
            // The page's files: a fixed set held in memory, so no path reaches the disk.
            let name = segments.isEmpty ? "index.html" : segments.joined(separator: "/")
            guard let asset = assets.file(named: name) else { throw WebError.notFound(request.path) }
            return WebResponse(contentType: asset.contentType, body: asset.bytes)
        }
        let rest = Array(segments.dropFirst())
        switch (rest.first, rest.count) {
        case ("search", 1):
            let text = try queryText(request, name: "q")
            return try await search(request, text: text)
        case ("quotes", 1):
            return try await quotes(request)
        case ("person", 2):
            return try await search(request, text: CommandLineQuery.field(.person, [try name(rest[1], what: "person")]))
        case ("agency", 2):
            return try await search(request, text: CommandLineQuery.field(.agency, [try name(rest[1], what: "agency")]))
        case ("similar", 2):
            let id = try name(rest[1], what: "article id")
            let options = try searchOptions(request)
            let document = try await pool.run(timeout: limits.searchTimeout) { searcher in
                ResultsDocument(try searcher.similar(to: id, options: options))
            }
            return try results(document, request)
        case ("articles", 2):
            return try await article(try name(rest[1], what: "article id"), request)
        case ("persons", 1), ("agencies", 1):
            let persons = rest[0] == "persons"
            let top = try integer(request, "top", default: nil, in: 0...1_000_000)
            let match = request.parameters["match"].flatMap { $0.isEmpty ? nil : $0 }
            if let match, match.count > limits.queryLength { throw WebError.badParameter("match", "longer than \(limits.queryLength) characters") }
            let document = try await pool.run(timeout: limits.searchTimeout) { searcher in
                EntityListDocument(persons ? try searcher.persons(top: top, match: match) : try searcher.agencies(top: top, match: match))
            }
            return request.wantsCSV ? .csv(CSVTable(document)) : .json(try document.json())
        case ("stats", 1):
            try refuseCSV(request)
            let document = try await pool.run(timeout: limits.searchTimeout) { searcher in
                StatisticsDocument(try searcher.statistics(), index: searcher.location)
            }
            return .json(try document.json())
        case ("suggest", 1):
            try refuseCSV(request)
            let text = request.parameters["q"] ?? ""
            guard text.count <= limits.queryLength else { throw WebError.badParameter("q", "longer than \(limits.queryLength) characters") }
            let document = try await pool.run(timeout: limits.searchTimeout) { searcher in
                let completer = ReplCompleter(names: { field, prefix in (try? searcher.names(of: field, startingWith: prefix, limit: 20)) ?? [] })
                return SuggestionDocument(completer.complete(text))
            }
            return .json(try document.json())
        case ("openapi.json", 1):
            guard let asset = assets.file(named: "openapi.json") else { throw WebError.notFound(request.path) }
            return WebResponse(contentType: "application/json; charset=utf-8", body: asset.bytes)
        default:
            throw WebError.notFound(request.path)
        }
    }

    /// Runs a query and answers with the results document (or its CSV).
    private func search(_ request: WebRequest, text: String) async throws -> WebResponse {
        let parsed: ParsedQuery
        do { parsed = try QueryParser().parse(text) } catch { throw WebError.search(.query(error)) }
        let options = try searchOptions(request)
        let document = try await pool.run(timeout: limits.searchTimeout) { searcher in
            ResultsDocument(try searcher.search(parsed, options: options))
        }
        return try results(document, request)
    }

    /// `telusur quotes --json`: the quotes matching `q`, every quote when it is
    /// empty or absent; `limit`, `offset`, `sort=newest|relevance`.
    private func quotes(_ request: WebRequest) async throws -> WebResponse {
        try refuseCSV(request)
        let text = request.parameters["q"] ?? ""
        guard text.count <= limits.queryLength else { throw WebError.badParameter("q", "the query is longer than \(limits.queryLength) characters") }
        let parsed: ParsedQuery
        do { parsed = try QueryParser().parse(text) } catch { throw WebError.search(.query(error)) }
        let limit = try integer(request, "limit", default: 20, in: 0...limits.maxLimit) ?? 20
        let offset = try integer(request, "offset", default: 0, in: 0...limits.maxOffset) ?? 0
        let sort = request.parameters["sort"] ?? ""
        guard let order = sort.isEmpty ? QuoteOrder.newest : QuoteOrder(rawValue: sort) else {
            throw WebError.badParameter("sort", "must be newest or relevance, not \"\(sort)\"")
        }
        let document = try await pool.run(timeout: limits.searchTimeout) { searcher in
            QuotesDocument(try searcher.quotes(parsed, order: order, limit: limit, offset: offset))
        }
        return .json(try document.encoded())
    }

    private func results(_ document: ResultsDocument, _ request: WebRequest) throws -> WebResponse {
        request.wantsCSV ? .csv(CSVTable(document)) : .json(try document.json())
    }

    /// One whole article, matches of `q` (if given) highlighted.
    private func article(_ id: String, _ request: WebRequest) async throws -> WebResponse {
        try refuseCSV(request)
        let text = request.parameters["q"] ?? ""
        guard text.count <= limits.queryLength else { throw WebError.badParameter("q", "longer than \(limits.queryLength) characters") }
        // Highlighting is a courtesy: a query that does not parse highlights nothing.
        let query = (try? QueryParser().parse(text)) ?? .empty
        let document = try await pool.run(timeout: limits.searchTimeout) { searcher in
            guard let record = try searcher.article(id: id) else { throw SearchError.articleMissing(id: id) }
            return ArticleDocument(article: record, paragraphs: try searcher.paragraphs(ofArticle: id), query: query)
        }
        return .json(try document.json())
    }

    private func refuseCSV(_ request: WebRequest) throws {
        if request.parameters["format"]?.lowercased() == "csv" { throw WebError.notAcceptable(request.path) }
    }

    /// The query text of parameter `name`: present, not blank, not too long.
    private func queryText(_ request: WebRequest, name: String) throws -> String {
        guard let text = request.parameters[name], !text.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw WebError.badParameter(name, "give a query, e.g. /api/search?q=%22zero+konflik%22")
        }
        guard text.count <= limits.queryLength else {
            throw WebError.badParameter(name, "the query is longer than \(limits.queryLength) characters")
        }
        return text
    }

    /// A name or id from the path: not empty, not too long, no control characters.
    /// (Ids and names only ever become Xapian terms, through the library's term
    /// building; none reaches a file path.)
    private func name(_ text: String, what: String) throws -> String {
        guard !text.isEmpty, text.utf8.count <= limits.nameBytes else {
            throw WebError.badParameter(what, "must be 1 to \(limits.nameBytes) bytes")
        }
        guard !text.unicodeScalars.contains(where: { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) }) else {
            throw WebError.badParameter(what, "contains control characters")
        }
        return text
    }

    /// `limit`, `offset`, `sort`, `within`, `facets`, `timeline`, `paragraphs`, `group` as search options.
    private func searchOptions(_ request: WebRequest) throws -> SearchOptions {
        var options = SearchOptions()
        options.limit = try integer(request, "limit", default: 10, in: 0...limits.maxLimit) ?? 10
        options.offset = try integer(request, "offset", default: 0, in: 0...limits.maxOffset) ?? 0
        options.paragraphsPerArticle = try integer(request, "paragraphs", default: 1, in: 1...10) ?? 1
        if let sort = request.parameters["sort"], !sort.isEmpty {
            guard let order = ResultOrder(rawValue: sort) else {
                throw WebError.badParameter("sort", "must be relevance, date or -date, not \"\(sort)\"")
            }
            options.sort = order
        }
        if let within = request.parameters["within"], !within.isEmpty {
            guard let scope = QueryScope(rawValue: within) else {
                throw WebError.badParameter("within", "must be article or paragraph, not \"\(within)\"")
            }
            options.within = scope
        }
        let timeline = try flag(request, "timeline")
        options.facets = try flag(request, "facets") || timeline
        options.allMonths = timeline
        options.group = try flag(request, "group", default: true)
        return options
    }

    private func integer(_ request: WebRequest, _ name: String, default value: Int?, in range: ClosedRange<Int>) throws -> Int? {
        guard let text = request.parameters[name], !text.isEmpty else { return value }
        guard let number = Int(text), range.contains(number) else {
            throw WebError.badParameter(name, "must be a whole number from \(range.lowerBound) to \(range.upperBound), not \"\(text)\"")
        }
        return number
    }

    private func flag(_ request: WebRequest, _ name: String, default value: Bool = false) throws -> Bool {
        guard let text = request.parameters[name] else { return value }
        switch text.lowercased() {
        case "", "1", "true", "yes", "on": return true
        case "0", "false", "no", "off": return false
        default: throw WebError.badParameter(name, "must be 1 or 0, not \"\(text)\"")
        }
    }
}
