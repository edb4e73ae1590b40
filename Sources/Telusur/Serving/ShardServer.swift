import Dispatch
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Serves an index to remote searchers through Xapian's own server, `xapian-tcpsrv`
/// (Debian's xapian-tools): one database, or the local shards of a sharded index,
/// which the server then offers as one.
///
/// Xapian's remote protocol has no authentication and no encryption: whoever can
/// connect can read the whole index. The server listens on 127.0.0.1 unless told
/// otherwise; across machines, use ssh and `xapian-progsrv` instead (README, "Shards").
public struct ShardServer: Sendable {
    /// The index served.
    public var index: IndexLocation
    /// The TCP port.
    public var port: Int
    /// The address to listen on.
    public var interface: String

    /// The server program.
    public static let program = "xapian-tcpsrv"
    /// The address listened on unless told otherwise.
    public static let loopback = "127.0.0.1"

    /// A server for `index` on `interface:port` (nothing is started until ``run(started:)``).
    public init(index: IndexLocation, port: Int, interface: String = ShardServer.loopback) {
        self.index = index
        self.port = port
        self.interface = interface
    }

    /// True when only this machine can connect.
    public var isLoopback: Bool {
        interface == "localhost" || interface == "::1" || interface.hasPrefix("127.")
    }

    /// The database directories to serve: the index, or each shard its stub lists.
    ///
    /// - Throws: ``ServingError``.
    public func databases() throws -> [String] {
        guard index.exists else { throw ServingError.indexMissing(index: index.path) }
        let shards: [IndexShard]
        do { shards = try index.shards() } catch let error as IndexingError { throw ServingError.badIndex(error) }
        return try shards.map { shard in
            guard case .local(let path) = shard.address else { throw ServingError.remoteShard(index: index.path, shard: shard) }
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue,
                  FileManager.default.fileExists(atPath: path + "/iamglass"),
                  !FileManager.default.fileExists(atPath: path + "/XAPIANDB") else {
                throw ServingError.notADatabase(index: index.path, path: path)
            }
            return path
        }
    }

    /// The server's arguments: `--port P --interface ADDR DATABASE...`.
    public func arguments() throws -> [String] {
        guard (1...65535).contains(port) else { throw ServingError.badPort(port) }
        return ["--port", String(port), "--interface", interface] + (try databases())
    }

    /// The full path of `program` found on `searchPath` (a PATH value), or nil.
    public static func locate(_ program: String, searchPath: String? = ProcessInfo.processInfo.environment["PATH"]) -> String? {
        if program.contains("/") { return FileManager.default.isExecutableFile(atPath: program) ? program : nil }
        for directory in (searchPath ?? "/usr/bin:/bin").split(separator: ":") where !directory.isEmpty {
            let candidate = String(directory) + "/" + program
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    /// Runs the server until it exits and returns the status to exit with.
    ///
    /// The server runs in a process group of its own: on SIGTERM, `xapian-tcpsrv` stops
    /// its whole group (the processes it forked for open connections included), which
    /// must not be telusur's. SIGINT and SIGTERM sent to telusur are forwarded to that
    /// group as SIGTERM.
    ///
    /// - Parameter started: called once the server runs, with its command line.
    /// - Returns: the server's exit status (0 when it was stopped by a forwarded
    ///   signal), or 128 + the signal that killed it otherwise.
    /// - Throws: ``ServingError``.
    public func run(started: ([String]) -> Void = { _ in }) throws -> Int32 {
        guard let path = Self.locate(Self.program) else { throw ServingError.programMissing(program: Self.program) }
        let arguments = try arguments()
        // Ignored here so they reach the handlers below instead of killing telusur; the
        // server gets the default actions back (posix_spawn's SETSIGDEF).
        let forwarded = [SIGINT, SIGTERM]
        for number in forwarded { signal(number, SIG_IGN) }
        defer { for number in forwarded { signal(number, SIG_DFL) } }
        // A parent may have started telusur with these blocked (Foundation's Process
        // does): they would then never arrive.
        var unblock = sigset_t()
        sigemptyset(&unblock)
        for number in forwarded { sigaddset(&unblock, number) }
        pthread_sigmask(SIG_UNBLOCK, &unblock, nil)
        // Through `setpriv --pdeathsig TERM` (util-linux), so that the server is told to
        // stop when telusur dies, even by kill -9, instead of listening on as an orphan.
        if Self.accepts(host: interface, port: port) { throw ServingError.portInUse(interface: interface, port: port) }
        let guardian = Self.locate("setpriv")
        let command = guardian.map { [$0, "--pdeathsig", "TERM", "--", path] + arguments } ?? [path] + arguments
        let pid = try Self.spawn(command[0], arguments: Array(command.dropFirst()), defaultSignals: forwarded)
        let sources = forwarded.map { number in
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { kill(-pid, SIGTERM) }
            source.resume()
            return source
        }
        defer { for source in sources { source.cancel() } }
        var status: Int32 = 0
        // "serving" only once it listens: a port in use ends the server first.
        if Self.waitUntilListening(pid: pid, host: interface, port: port, status: &status) {
            started([path] + arguments)
            while waitpid(pid, &status, 0) == -1 {
                guard errno == EINTR else { throw ServingError.cannotStart(program: path, reason: String(cString: strerror(errno))) }
            }
        }
        let signalNumber = status & 0x7f
        return signalNumber == 0 ? (status >> 8) & 0xff : 128 + signalNumber
    }

    /// Waits until `host:port` accepts a connection (true) or the server `pid` has
    /// exited (false, its wait status in `status`), checking every 50 ms for at most
    /// 30 s (a big index takes a while to open); true if it is still starting then.
    private static func waitUntilListening(pid: pid_t, host: String, port: Int, status: inout Int32) -> Bool {
        for _ in 0..<600 {
            if waitpid(pid, &status, WNOHANG) == pid { return false }
            if accepts(host: host, port: port) { return true }
            usleep(50_000)
        }
        return true
    }

    /// Whether a TCP connection to `host:port` succeeds now.
    static func accepts(host: String, port: Int) -> Bool {
        var hints = addrinfo()
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        var found: UnsafeMutablePointer<addrinfo>?
        let target = host == "0.0.0.0" ? "127.0.0.1" : host == "::" ? "::1" : host
        guard getaddrinfo(target, String(port), &hints, &found) == 0, let first = found else { return false }
        defer { freeaddrinfo(first) }
        var entry: UnsafeMutablePointer<addrinfo>? = first
        while let current = entry {
            let descriptor = socket(current.pointee.ai_family, current.pointee.ai_socktype, current.pointee.ai_protocol)
            if descriptor >= 0 {
                defer { close(descriptor) }
                if connect(descriptor, current.pointee.ai_addr, current.pointee.ai_addrlen) == 0 { return true }
            }
            entry = current.pointee.ai_next
        }
        return false
    }

    /// Starts `path` in a new process group with `defaultSignals` reset to their default
    /// actions and no signal blocked (a blocked SIGTERM would never stop it).
    private static func spawn(_ path: String, arguments: [String], defaultSignals: [Int32]) throws -> pid_t {
        #if canImport(Glibc)
        var attributes = posix_spawnattr_t()
        #else
        var attributes: posix_spawnattr_t?
        #endif
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for number in defaultSignals { sigaddset(&defaults, number) }
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        var none = sigset_t()
        sigemptyset(&none)
        posix_spawnattr_setsigmask(&attributes, &none)
        posix_spawnattr_setpgroup(&attributes, 0)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))
        let argv: [UnsafeMutablePointer<CChar>?] = ([path] + arguments).map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        var pid: pid_t = 0
        let result = posix_spawn(&pid, path, nil, &attributes, argv, environ)
        guard result == 0 else { throw ServingError.cannotStart(program: path, reason: String(cString: strerror(result))) }
        return pid
    }
}
