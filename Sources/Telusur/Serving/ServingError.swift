/// Why an index could not be served to remote searchers.
public enum ServingError: Error, Sendable, CustomStringConvertible {
    /// `xapian-tcpsrv` is not on the PATH.
    case programMissing(program: String)
    /// There is no index at the path.
    case indexMissing(index: String)
    /// The index's stub cannot be read.
    case badIndex(IndexingError)
    /// The index lists a shard another process serves: only local databases can be served.
    case remoteShard(index: String, shard: IndexShard)
    /// A shard path that is not a glass database directory (xapian-tcpsrv would read a
    /// file or a XAPIANDB in it as a stub, whose `remote :PROGRAM` lines run programs).
    case notADatabase(index: String, path: String)
    /// Something already listens on the port.
    case portInUse(interface: String, port: Int)
    /// The port is not one a server can listen on.
    case badPort(Int)
    /// The server program could not be started.
    case cannotStart(program: String, reason: String)

    public var description: String {
        switch self {
        case .programMissing(let program):
            return "\(program) is not on the PATH; install xapian-tools (Debian: apt-get install xapian-tools)"
        case .indexMissing(let index):
            return "no index at \(index); build one with `telusur index PATH... --index \(index)` (or `--shards N` for a sharded one)"
        case .badIndex(let error):
            return error.description
        case .remoteShard(let index, let shard):
            return "index \(index) lists shard \(shard), which another process serves; serve the local shards, each where it is"
        case .notADatabase(let index, let path):
            return "index \(index) lists \(path), which is not a telusur database directory (no iamglass in it); serve only databases built by `telusur index`"
        case .portInUse(let interface, let port):
            return "port \(port) on \(interface) is in use (another shard-server?); stop that one or choose another --port"
        case .badPort(let port):
            return "port \(port) is not between 1 and 65535"
        case .cannotStart(let program, let reason):
            return "cannot start \(program): \(reason)"
        }
    }
}
