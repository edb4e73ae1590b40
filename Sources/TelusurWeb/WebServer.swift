import Foundation
import Hummingbird
import Logging
import HTTPTypes
import Telusur

/// `telusur serve`: the page and the API over HTTP/1.1 (Hummingbird 2), with the
/// security defaults: loopback unless told otherwise, a Bearer token required off
/// loopback, no CORS unless an origin is given, read-only, bounded requests.
public struct WebServer: Sendable {
    /// Where and how to serve.
    public struct Configuration: Sendable {
        /// The address to listen on.
        public var interface: String = "127.0.0.1"
        /// The port (0: any free one, see ``WebServer/run(onListening:)``).
        public var port: Int = 8080
        /// The Bearer token every API request must carry, if any.
        public var token: String?
        /// The one origin allowed to call the API from another site's page, if any.
        public var corsOrigin: String?
        /// Limits on requests.
        public var limits = WebLimits()

        public init(interface: String = "127.0.0.1", port: Int = 8080, token: String? = nil, corsOrigin: String? = nil) {
            self.interface = interface
            self.port = port
            self.token = token
            self.corsOrigin = corsOrigin
        }

        /// True for 127.0.0.0/8, ::1 and localhost.
        public var isLoopback: Bool {
            let name = interface.lowercased()
            return name == "localhost" || name == "::1" || name == "[::1]" || name.hasPrefix("127.")
        }

        /// Checks the combination of settings.
        ///
        /// - Throws: ``WebError/badParameter(_:_:)`` for a non-loopback interface without a
        ///   token, an empty token, or a port out of range.
        public func validate() throws {
            guard (0...65535).contains(port) else { throw WebError.badParameter("--port", "must be 0 to 65535") }
            if let token, token.isEmpty { throw WebError.badParameter("--token", "must not be empty") }
            if !isLoopback && token == nil {
                throw WebError.badParameter("--interface", "\(interface) is not loopback: other machines could read the index; give --token SECRET (clients send Authorization: Bearer SECRET)")
            }
            if let corsOrigin, corsOrigin.isEmpty || corsOrigin.contains(where: { $0.isWhitespace || $0.isNewline }) {
                throw WebError.badParameter("--cors", "give one origin, e.g. https://intranet.example")
            }
        }
    }

    public let configuration: Configuration
    public let api: WebAPI
    /// Where the one line per request goes (standard error by default).
    private let log: @Sendable (String) -> Void

    public init(configuration: Configuration, api: WebAPI, log: @escaping @Sendable (String) -> Void = WebServer.logToStandardError) {
        self.configuration = configuration
        self.api = api
        self.log = log
    }

    /// Writes one line to standard error.
    public static let logToStandardError: @Sendable (String) -> Void = { line in
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }

    /// Serves until SIGINT or SIGTERM (or the task is cancelled), then stops taking
    /// connections, lets the open requests finish and closes the searchers.
    ///
    /// - Parameter onListening: called with the port once the socket listens.
    public func run(signals: Bool = true, onListening: @escaping @Sendable (Int) async -> Void = { _ in }) async throws {
        try configuration.validate()
        var logger = Logger(label: "telusur-serve")
        logger.logLevel = .warning
        let responder = CallbackResponder<BasicRequestContext> { request, _ in
            await self.handle(request)
        }
        let app = Application(
            responder: responder,
            configuration: .init(address: .hostname(configuration.interface, port: configuration.port), serverName: nil),
            onServerRunning: { channel in await onListening(channel.localAddress?.port ?? configuration.port) },
            logger: logger)
        defer { api.pool.close() }
        if signals {
            try await app.runService()
        } else {
            try await app.run()
        }
    }

    /// One request: body limit, token, CORS, the API, headers, then the log line.
    func handle(_ request: Request) async -> Response {
        let clock = ContinuousClock()
        let start = clock.now
        let method = request.method.rawValue
        let target = request.uri.path + (request.uri.query.map { "?" + $0 } ?? "")
        var answer = await answer(request)
        if let origin = configuration.corsOrigin {
            answer.headers.append(("Access-Control-Allow-Origin", origin))
            answer.headers.append(("Vary", "Origin"))
        }
        let elapsed = clock.now - start
        let milliseconds = Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
        log("\(method) \(target) \(answer.status) \(String(format: "%.1f", milliseconds))ms".terminalSafe())
        return Self.response(answer)
    }

    private func answer(_ request: Request) async -> WebResponse {
        // The API takes no body: read at most the limit, refuse more.
        do {
            let body = request.body
            _ = try await body.collect(upTo: configuration.limits.bodyBytes)
        } catch {
            return WebAPI.failure(.bodyTooLarge(limit: configuration.limits.bodyBytes))
        }
        if request.method == .options, let origin = configuration.corsOrigin {
            return WebResponse(status: 204, contentType: "text/plain", body: [], headers: [
                ("Access-Control-Allow-Origin", origin), ("Access-Control-Allow-Methods", "GET, HEAD, OPTIONS"),
                ("Access-Control-Allow-Headers", "Authorization, Accept"), ("Access-Control-Max-Age", "600"),
            ])
        }
        // The page's own files hold no data; every API request needs the token.
        if let token = configuration.token, request.uri.path.hasPrefix("/api/") || request.uri.path == "/api" {
            let sent = request.headers[.authorization] ?? ""
            guard sent.hasPrefix("Bearer "), ConstantTime.equal(Array(sent.utf8.dropFirst(7)), Array(token.utf8)) else {
                var refused = WebAPI.failure(.unauthorized)
                refused.headers.append(("WWW-Authenticate", "Bearer"))
                return refused
            }
        }
        do {
            let parsed = try WebRequest(method: request.method.rawValue, path: request.uri.path, query: request.uri.query,
                                        accept: request.headers[.accept])
            return await api.respond(to: parsed)
        } catch let error as WebError {
            return WebAPI.failure(error)
        } catch {
            return WebAPI.failure(.internalError("\(error)"))
        }
    }

    private static func response(_ answer: WebResponse) -> Response {
        var headers: HTTPFields = [:]
        headers[.contentType] = answer.contentType
        headers[.contentLength] = String(answer.body.count)
        headers[.cacheControl] = "no-store"
        headers[.xContentTypeOptions] = "nosniff"
        headers[HTTPField.Name("Referrer-Policy")!] = "no-referrer"
        // No inline script, nothing from elsewhere: text from the index can never run as code.
        headers[.contentSecurityPolicy] = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; frame-ancestors 'none'"
        for (name, value) in answer.headers {
            if let field = HTTPField.Name(name) { headers[field] = value }
        }
        return Response(status: HTTPResponse.Status(code: answer.status), headers: headers,
                        body: ResponseBody(byteBuffer: ByteBuffer(bytes: answer.body)))
    }
}

/// Comparison that takes the same time wherever the first difference is.
enum ConstantTime {
    /// True when `a` and `b` are equal; the time depends only on their lengths.
    static func equal(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        var difference = UInt8(truncatingIfNeeded: a.count ^ b.count)
        if a.count != b.count { difference |= 1 }
        for i in 0..<max(a.count, b.count) {
            let x = i < a.count ? a[i] : 0
            let y = i < b.count ? b[i] : 0
            difference |= x ^ y
        }
        return difference == 0
    }
}
