import CXapian

/// Building one database out of shards (`Database::add_database`), local or served by
/// another process through Xapian's remote backend.
///
/// Each call adds its shard or throws and leaves the database as it was, so a caller
/// can skip a shard it cannot reach.
extension XapianDatabase {
    /// Adds a local database directory or stub file (`add_database(Database(path))`).
    func addLocal(path: String) throws {
        try path.withBytes { p, n in try XapianCall.run { tx_database_add(handle, p, n, $0) } }
    }

    /// Adds a database served by `xapian-tcpsrv` on `host:port`
    /// (`Remote::open(host, port, timeout, connect_timeout)`).
    ///
    /// - Parameters:
    ///   - timeout: how long any one exchange with the server may take.
    ///   - connectTimeout: how long to wait for the connection itself.
    /// - Throws: ``XapianError`` of kind `.network` or `.networkTimeout` when the server
    ///   cannot be reached.
    func addRemote(host: String, port: Int, timeout: Duration, connectTimeout: Duration) throws {
        try host.withBytes { p, n in
            try XapianCall.run {
                tx_database_add_remote_tcp(handle, p, n, UInt32(clamping: port), timeout.milliseconds,
                                           connectTimeout.milliseconds, $0)
            }
        }
    }

    /// Adds a database served over a pipe by a program it starts, usually
    /// `ssh HOST xapian-progsrv PATH` (`Remote::open(program, args, timeout)`).
    func addRemote(program: String, arguments: String, timeout: Duration) throws {
        try program.withBytes { p, pn in
            try arguments.withBytes { a, an in
                try XapianCall.run { tx_database_add_remote_program(handle, p, pn, a, an, timeout.milliseconds, $0) }
            }
        }
    }
}

extension Duration {
    /// Whole milliseconds, as Xapian's remote timeouts take them.
    fileprivate var milliseconds: UInt32 {
        let (seconds, attoseconds) = components
        return UInt32(clamping: seconds * 1000 + attoseconds / 1_000_000_000_000_000)
    }
}

extension XapianError {
    /// True for the failures of a remote shard: it could not be reached, did not answer
    /// in time, or closed the connection.
    public var isNetworkFailure: Bool { kind == .network || kind == .networkTimeout }
}
