import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// One `xapian-tcpsrv` serving a database on a free loopback port, for tests.
///
/// The server runs in a process group of its own (on SIGTERM it kills its whole
/// group, which must not be the test runner's) and the group is killed when the value
/// dies. Every wait is bounded.
final class TCPShardServer {
    let port: Int
    private var pid: pid_t

    enum Failure: Error, CustomStringConvertible {
        case notInstalled
        case didNotStart(String)
        var description: String {
            switch self {
            case .notInstalled: return "xapian-tcpsrv is not installed (xapian-tools)"
            case .didNotStart(let why): return "xapian-tcpsrv did not start: \(why)"
            }
        }
    }

    static var isInstalled: Bool { FileManager.default.isExecutableFile(atPath: program) }
    static let program = "/usr/bin/xapian-tcpsrv"

    /// Starts a server for `database`: picks a free port (bind to port 0, close), starts
    /// the server on it and waits until it accepts connections; another port when that
    /// fails (another process took it meanwhile), five tries in all.
    init(database: String) throws {
        guard Self.isInstalled else { throw Failure.notInstalled }
        var last = "no attempt"
        for _ in 0..<5 {
            let port = try Self.freePort()
            let pid = try Self.spawn([Self.program, "--port", String(port), "--interface", "127.0.0.1", "--quiet", database])
            if Self.waitUntilAccepting(port: port, pid: pid, timeout: 5) {
                self.port = port
                self.pid = pid
                return
            }
            kill(-pid, SIGKILL)
            var status: Int32 = 0
            waitpid(pid, &status, 0)
            last = "port \(port) never accepted a connection"
        }
        throw Failure.didNotStart(last)
    }

    /// Starts a server for `database` on a given port (one a stopped server used):
    /// several tries, as the port may take a moment to be free again.
    init(database: String, port: Int) throws {
        guard Self.isInstalled else { throw Failure.notInstalled }
        for _ in 0..<10 {
            let pid = try Self.spawn([Self.program, "--port", String(port), "--interface", "127.0.0.1", "--quiet", database])
            if Self.waitUntilAccepting(port: port, pid: pid, timeout: 5) {
                self.port = port
                self.pid = pid
                return
            }
            kill(-pid, SIGKILL)
            var status: Int32 = 0
            waitpid(pid, &status, 0)
            usleep(200_000)
        }
        throw Failure.didNotStart("port \(port) never accepted a connection")
    }

    deinit { stop() }

    /// Stops the server and the connection processes it forked (SIGKILL to its group).
    func stop() {
        guard pid > 0 else { return }
        kill(-pid, SIGKILL)
        var status: Int32 = 0
        waitpid(pid, &status, 0)
        pid = 0
    }

    /// A port nothing listens on right now.
    static func freePort() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw Failure.didNotStart("socket: \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { pointer -> Int32 in
                guard bind(fd, pointer, length) == 0 else { return -1 }
                return getsockname(fd, pointer, &length)
            }
        }
        guard bound == 0 else { throw Failure.didNotStart("bind: \(String(cString: strerror(errno)))") }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    /// True once something accepts connections on the port, false if the process
    /// exits first or `timeout` seconds pass.
    static func waitUntilAccepting(port: Int, pid: pid_t, timeout: Double) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            var status: Int32 = 0
            if waitpid(pid, &status, WNOHANG) == pid { return false }
            if canConnect(port: port) { return true }
            usleep(20_000)
        }
        return false
    }

    /// True when a TCP connection to 127.0.0.1:port succeeds.
    static func canConnect(port: Int) -> Bool {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        return withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0
            }
        }
    }

    /// Starts `argv` in a new process group, output discarded.
    private static func spawn(_ argv: [String]) throws -> pid_t {
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var none = sigset_t()
        sigemptyset(&none)
        posix_spawnattr_setsigmask(&attributes, &none)  // the test runner's threads may block signals
        posix_spawnattr_setpgroup(&attributes, 0)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGMASK))
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        let arguments: [UnsafeMutablePointer<CChar>?] = argv.map { strdup($0) } + [nil]
        defer { for pointer in arguments { free(pointer) } }
        var pid: pid_t = 0
        let result = posix_spawn(&pid, argv[0], &actions, &attributes, arguments, environ)
        guard result == 0 else { throw Failure.didNotStart(String(cString: strerror(result))) }
        return pid
    }
}
