import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Fetches pages and feeds over HTTP(S) politely: a timeout, at most a few
/// redirects, a size cap, one request at a time with a delay between two requests
/// to the same host, a User-Agent that names telusur, and conditional requests
/// (`If-None-Match`, `If-Modified-Since`) so that a re-run fetches only what changed.
///
/// A class because it keeps, for the run, when each host was last asked.
public final class WebFetcher {
    /// Limits and manners.
    public struct Options: Sendable {
        /// Seconds to wait for an answer.
        public var timeout: Double = 20
        /// Redirects followed before giving up.
        public var maximumRedirects = 5
        /// The largest body accepted, in bytes.
        public var maximumBytes = 20 << 20
        /// Seconds between two requests to the same host.
        public var delayPerHost: Double = 1
        /// Sent with every request.
        public var userAgent = "telusur/0.1 (Indonesian news search; +https://github.com/telusur)"

        public init() {}
    }

    /// What a server answered.
    public struct Response: Sendable {
        /// The address answered, after redirects.
        public var url: URL
        /// The body; empty when the server said nothing changed.
        public var body: [UInt8]
        /// True for 304 Not Modified: what was fetched before still stands.
        public var notModified: Bool
        /// The validators to send next time.
        public var validators: Validators
    }

    /// `ETag` and `Last-Modified`, as the server gave them.
    public struct Validators: Codable, Sendable, Equatable {
        public var etag: String?
        public var lastModified: String?

        public init(etag: String? = nil, lastModified: String? = nil) {
            self.etag = etag
            self.lastModified = lastModified
        }
    }

    /// Why a fetch failed; the description is for the user.
    public enum Failure: Error, Sendable, CustomStringConvertible {
        case status(URL, Int)
        case timedOut(URL, seconds: Double)
        case tooManyRedirects(URL, limit: Int)
        case tooLarge(URL, limit: Int)
        case transport(URL, String)

        /// What went wrong and what to do, without the address.
        public var reason: String {
            switch self {
            case .status(_, let code):
                return "the server answered HTTP \(code) (\(HTTPURLResponse.localizedString(forStatusCode: code))); check the address"
            case .timedOut(_, let seconds):
                return "no answer within \(Int(seconds)) s; try again later"
            case .tooManyRedirects(_, let limit):
                return "more than \(limit) redirects; check the address"
            case .tooLarge(_, let limit):
                return "larger than \(limit >> 20) MiB, not fetched"
            case .transport(_, let reason):
                return "cannot be fetched (\(reason)); check the address and the network"
            }
        }

        public var description: String {
            switch self {
            case .status(let url, _), .timedOut(let url, _), .tooManyRedirects(let url, _), .tooLarge(let url, _),
                 .transport(let url, _):
                return url.absoluteString + ": " + reason
            }
        }
    }

    public let options: Options
    private var lastRequest: [String: Date] = [:]

    public init(options: Options = Options()) {
        self.options = options
    }

    /// Fetches `url`, sending `validators` from an earlier fetch when there are some.
    public func fetch(_ url: URL, validators: Validators? = nil) -> Result<Response, Failure> {
        let host = url.host ?? ""
        if let last = lastRequest[host] {
            let wait = options.delayPerHost - Date().timeIntervalSince(last)
            if wait > 0 { Thread.sleep(forTimeInterval: wait) }
        }
        defer { lastRequest[host] = Date() }
        var request = URLRequest(url: url, timeoutInterval: options.timeout)
        request.setValue(options.userAgent, forHTTPHeaderField: "User-Agent")
        if let etag = validators?.etag { request.setValue(etag, forHTTPHeaderField: "If-None-Match") }
        if let modified = validators?.lastModified { request.setValue(modified, forHTTPHeaderField: "If-Modified-Since") }
        let delegate = RedirectLimiter(limit: options.maximumRedirects)
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = options.timeout
        configuration.timeoutIntervalForResource = options.timeout
        configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
        let session = URLSession(configuration: configuration, delegate: delegate, delegateQueue: nil)
        defer { session.finishTasksAndInvalidate() }
        let done = DispatchSemaphore(value: 0)
        let box = ResultBox()
        let task = session.dataTask(with: request) { data, response, error in
            box.set(data, response, error)
            done.signal()
        }
        task.resume()
        if done.wait(timeout: .now() + options.timeout + 5) == .timedOut {
            task.cancel()
            return .failure(.timedOut(url, seconds: options.timeout))
        }
        let (data, response, error) = box.get()
        if delegate.exceeded { return .failure(.tooManyRedirects(url, limit: options.maximumRedirects)) }
        if let error = error as? URLError {
            if error.code == .timedOut { return .failure(.timedOut(url, seconds: options.timeout)) }
            return .failure(.transport(url, error.localizedDescription))
        } else if let error {
            return .failure(.transport(url, String(describing: error)))
        }
        guard let http = response as? HTTPURLResponse else { return .failure(.transport(url, "no HTTP answer")) }
        let next = Validators(etag: http.value(forHTTPHeaderField: "ETag"),
                              lastModified: http.value(forHTTPHeaderField: "Last-Modified"))
        if http.statusCode == 304 {
            return .success(Response(url: http.url ?? url, body: [], notModified: true, validators: validators ?? next))
        }
        if (300..<400).contains(http.statusCode) { return .failure(.tooManyRedirects(url, limit: options.maximumRedirects)) }
        guard (200..<300).contains(http.statusCode) else { return .failure(.status(url, http.statusCode)) }
        let body = data ?? Data()
        guard body.count <= options.maximumBytes else { return .failure(.tooLarge(url, limit: options.maximumBytes)) }
        return .success(Response(url: http.url ?? url, body: Array(body), notModified: false, validators: next))
    }
}

/// Stops following redirects after `limit`.
private final class RedirectLimiter: NSObject, URLSessionTaskDelegate, @unchecked Sendable {
    let limit: Int
    private let lock = NSLock()
    private var count = 0
    private var isExceeded = false

    init(limit: Int) { self.limit = limit }

    var exceeded: Bool { lock.withLock { isExceeded } }

    func urlSession(_ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
                    newRequest request: URLRequest, completionHandler: @escaping (URLRequest?) -> Void) {
        let allowed: Bool = lock.withLock {
            count += 1
            if count > limit { isExceeded = true }
            return count <= limit
        }
        completionHandler(allowed ? request : nil)
    }
}

/// The completion handler's values, handed from URLSession's queue to the caller.
private final class ResultBox: @unchecked Sendable {
    private let lock = NSLock()
    private var values: (Data?, URLResponse?, (any Error)?) = (nil, nil, nil)

    func set(_ data: Data?, _ response: URLResponse?, _ error: (any Error)?) {
        lock.withLock { values = (data, response, error) }
    }

    func get() -> (Data?, URLResponse?, (any Error)?) { lock.withLock { values } }
}
