/// The limits the server enforces on every request.
public struct WebLimits: Sendable {
    /// The longest query, in characters.
    public var queryLength = 2000
    /// The most articles one page may ask for.
    public var maxLimit = 1000
    /// The furthest a page may start.
    public var maxOffset = 100_000
    /// The most bytes of request body read (the API is GET-only and takes none).
    public var bodyBytes = 1024
    /// How long one search may take, queueing included.
    public var searchTimeout: Duration = .seconds(10)
    /// The longest article id or entity name in a path, in UTF-8 bytes.
    public var nameBytes = 200

    public init() {}
}
