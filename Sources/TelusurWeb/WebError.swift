import Telusur

/// Why the web API refused or failed a request; each case has its HTTP status and the
/// message the CLI would print for the same problem.
public enum WebError: Error, Sendable {
    /// A search or read of the index failed (bad query, unknown id, shard unreachable, …).
    case search(SearchError)
    /// A parameter is missing or out of range (name, what is wrong).
    case badParameter(String, String)
    /// No such page or API path.
    case notFound(String)
    /// A method other than GET, HEAD (and OPTIONS with CORS).
    case methodNotAllowed(String)
    /// The request carries a body, or a bigger one than allowed.
    case bodyTooLarge(limit: Int)
    /// The endpoint has no CSV form.
    case notAcceptable(String)
    /// No or a wrong Bearer token.
    case unauthorized
    /// Every worker busy and the queue full, or the server stopping.
    case busy
    /// The search took longer than the per-search timeout.
    case timeout(Duration)
    /// Something the server did not expect.
    case internalError(String)

    /// The HTTP status.
    public var status: Int {
        switch self {
        case .search(let error):
            switch error {
            case .query, .emptyQuery, .ambiguousPerson, .unknownPerson, .unknownAgency: return 400
            case .articleMissing: return 404
            case .shardsUnreachable, .noShardReachable: return 503
            case .indexMissing, .cannotOpen, .entityData, .failed, .badIndex, .oldIndex, .programShardRefused: return 500
            }
        case .badParameter: return 400
        case .notFound: return 404
        case .methodNotAllowed: return 405
        case .bodyTooLarge: return 413
        case .notAcceptable: return 406
        case .unauthorized: return 401
        case .busy, .timeout: return 503
        case .internalError: return 500
        }
    }

    /// The column (from 1) of a query error, else nil.
    public var column: Int? {
        if case .search(.query(let error)) = self { return error.column }
        return nil
    }

    /// What failed and what to do, as the CLI says it.
    public var message: String {
        switch self {
        case .search(let error): return error.description
        case .badParameter(let name, let problem): return "parameter \(name): \(problem)"
        case .notFound(let path): return "no page or API at \(path); /api/openapi.json lists the API"
        case .methodNotAllowed(let method): return "method \(method) is not allowed; the API is read-only (GET)"
        case .bodyTooLarge(let limit): return "request body too large (at most \(limit) bytes; the API takes none)"
        case .notAcceptable(let path): return "\(path) has no CSV form; ask for JSON"
        case .unauthorized: return "this server needs a token: send the header Authorization: Bearer TOKEN"
        case .busy: return "the server is busy (every searcher in use and the queue full); try again"
        case .timeout(let limit): return "the search took longer than \(limit.components.seconds) s and was abandoned; narrow the query"
        case .internalError(let text): return "internal error: \(text)"
        }
    }
}
