/// Opens the shards of an index as one Xapian database (`Database::add_database` for
/// each): local shards directly, remote ones through Xapian's remote backend
/// (`Remote::open`), and reports the shards it cannot reach by name.
struct ShardConnector {
    /// The index.
    let location: IndexLocation
    /// Its shards, in stub order (one for an index that is one database).
    let shards: [IndexShard]
    /// Whether `remote :PROGRAM` lines of the stub may start their program. Off unless
    /// the user says so: an index folder someone sent you must not run a command.
    let allowPrograms: Bool

    /// How long to wait for a remote shard to accept a connection: a shard that does
    /// not answer in this time is reported, not waited for.
    static let connectTimeout: Duration = .seconds(2)
    /// How long any one exchange with a remote shard may take (a match on a big shard
    /// included). `xapian-tcpsrv` itself gives up on an active connection after 15 s.
    static let timeout: Duration = .seconds(15)

    /// The open database and what it is made of.
    struct Connection {
        let database: XapianDatabase
        /// The shards in it.
        let connected: [IndexShard]
        /// The shards left out because they could not be opened.
        let missing: [UnreachableShard]
        /// True when a connected shard is served by another process.
        var hasRemote: Bool { connected.contains(where: \.isRemote) }
    }

    /// Lists the shards of `location`.
    ///
    /// - Parameter allowPrograms: let `remote :PROGRAM` lines start their program.
    /// - Throws: ``SearchError/indexMissing(index:)``, or ``SearchError/badIndex(_:)``
    ///   for a stub that cannot be read.
    init(location: IndexLocation, allowPrograms: Bool = false) throws {
        self.location = location
        self.allowPrograms = allowPrograms
        guard location.exists else { throw SearchError.indexMissing(index: location.path) }
        do {
            shards = try location.shards()
        } catch let error as IndexingError {
            throw SearchError.badIndex(error)
        }
    }

    /// Opens every shard it can.
    ///
    /// - Parameter allowPartial: leave out the shards that cannot be opened instead of failing.
    /// - Throws: ``SearchError/cannotOpen(index:reason:)`` for an index that is one
    ///   database; ``SearchError/shardsUnreachable(_:)`` when a shard cannot be opened and
    ///   `allowPartial` is false; ``SearchError/noShardReachable(index:_:)`` when none can;
    ///   ``SearchError/programShardRefused(_:)``, before anything is opened, when a shard
    ///   is a program and programs are not allowed (`allowPartial` does not skip it: the
    ///   user is told, never left with a quietly smaller index).
    func connect(allowPartial: Bool) throws -> Connection {
        if !allowPrograms, let program = shards.first(where: \.isProgram) {
            throw SearchError.programShardRefused(program)
        }
        let database: XapianDatabase
        do {
            database = try XapianDatabase(paths: [])
        } catch let error as XapianError {
            throw SearchError.cannotOpen(index: location.path, reason: error)
        }
        var connected: [IndexShard] = []
        var missing: [UnreachableShard] = []
        for shard in shards {
            do {
                try add(shard, to: database)
                connected.append(shard)
            } catch let error as XapianError {
                guard shard.stub != nil else { throw SearchError.cannotOpen(index: location.path, reason: error) }
                missing.append(UnreachableShard(shard: shard, reason: error.message))
            }
        }
        if connected.isEmpty { throw SearchError.noShardReachable(index: location.path, missing) }
        if !missing.isEmpty && !allowPartial { throw SearchError.shardsUnreachable(missing) }
        return Connection(database: database, connected: connected, missing: missing)
    }

    private func add(_ shard: IndexShard, to database: XapianDatabase) throws {
        switch shard.address {
        case .local(let path):
            try database.addLocal(path: path)
        case .tcp(let host, let port):
            try database.addRemote(host: host, port: port, timeout: Self.timeout, connectTimeout: Self.connectTimeout)
        case .program(let command, let arguments):
            try database.addRemote(program: command, arguments: arguments, timeout: Self.timeout)
        }
    }

    /// Bytes on disk of the local shards (remote ones are counted where they are served).
    func localBytes() -> Int {
        guard location.isSharded else { return location.sizeOnDisk() }
        return shards.reduce(0) { total, shard in
            guard case .local(let path) = shard.address else { return total }
            return total + IndexLocation(option: path).sizeOnDisk()
        }
    }
}
