import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// A small HTTP/1.1 server on 127.0.0.1 for the fetch tests: canned answers per
/// path, `ETag`/`If-None-Match` honoured, every request recorded. Nothing in the
/// tests reaches another address.
final class LocalHTTPServer: Sendable {
    struct Route: Sendable {
        var status = 200
        var contentType = "text/html; charset=utf-8"
        var body = ""
        var etag: String?
        var location: String?
        /// Seconds to wait before answering.
        var delay: Double = 0
    }

    struct Request: Sendable {
        var path: String
        var headers: [String: String]
    }

    let port: Int
    private let socket: Int32
    private let routes: Mutex<[String: Route]>
    private let log = Mutex<[Request]>([])

    init(routes: [String: Route]) throws {
        self.routes = Mutex(routes)
        let fd = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var yes: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, listen(fd, 16) == 0 else { throw CocoaError(.fileWriteUnknown) }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        port = Int(UInt16(bigEndian: address.sin_port))
        socket = fd
        let server = self
        Thread.detachNewThread { server.serve() }
    }

    deinit {
        shutdown(socket, Int32(SHUT_RDWR))
        close(socket)
    }

    /// `http://127.0.0.1:PORT` + path.
    func url(_ path: String) -> String { "http://127.0.0.1:\(port)\(path)" }

    var requests: [Request] { log.withLock { $0 } }

    func set(_ path: String, _ route: Route) { routes.withLock { $0[path] = route } }

    private func serve() {
        while true {
            let client = accept(socket, nil, nil)
            guard client >= 0 else { return }
            let server = self
            Thread.detachNewThread { server.answer(client) }
        }
    }

    private func answer(_ client: Int32) {
        defer { close(client) }
        var data = [UInt8]()
        var buffer = [UInt8](repeating: 0, count: 4096)
        while !data.isEmpty ? !String(decoding: data, as: UTF8.self).contains("\r\n\r\n") : true {
            let count = read(client, &buffer, buffer.count)
            guard count > 0 else { return }
            data += buffer[0..<count]
            if data.count > 65536 { return }
        }
        let head = String(decoding: data, as: UTF8.self).components(separatedBy: "\r\n")
        let parts = head[0].split(separator: " ")
        guard parts.count >= 2 else { return }
        let path = String(parts[1])
        var headers: [String: String] = [:]
        for line in head.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        log.withLock { $0.append(Request(path: path, headers: headers)) }
        let route = routes.withLock { $0[path] } ?? Route(status: 404, contentType: "text/plain", body: "not found")
        if route.delay > 0 { Thread.sleep(forTimeInterval: route.delay) }
        var status = route.status
        var body = route.body
        if let etag = route.etag, headers["if-none-match"] == etag {
            status = 304
            body = ""
        }
        let reason = [200: "OK", 301: "Moved Permanently", 302: "Found", 304: "Not Modified", 404: "Not Found", 500: "Internal Server Error"][status] ?? "Status"
        var response = "HTTP/1.1 \(status) \(reason)\r\nContent-Type: \(route.contentType)\r\nContent-Length: \(body.utf8.count)\r\nConnection: close\r\n"
        if let etag = route.etag { response += "ETag: \(etag)\r\n" }
        if let location = route.location { response += "Location: \(location)\r\n" }
        response += "\r\n" + body
        let bytes = Array(response.utf8)
        _ = bytes.withUnsafeBytes { write(client, $0.baseAddress, $0.count) }
    }
}
