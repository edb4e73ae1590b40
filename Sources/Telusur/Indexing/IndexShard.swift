/// One database of an index: the whole index, or one shard listed in a stub file.
public struct IndexShard: Sendable, Equatable, CustomStringConvertible {
    /// Where the shard is and how to reach it.
    public enum Address: Sendable, Equatable {
        /// A database directory on this machine (a stub's `auto PATH` line, the path
        /// resolved against the stub's directory).
        case local(path: String)
        /// A database served by `xapian-tcpsrv` (a stub's `remote HOST:PORT` line).
        case tcp(host: String, port: Int)
        /// A database served over a pipe by a program telusur starts, usually
        /// `ssh HOST xapian-progsrv PATH` (a stub's `remote :PROGRAM ARGS` line).
        case program(command: String, arguments: String)
    }

    /// Where the shard is.
    public var address: Address
    /// The stub line that lists it, as written ("remote 127.0.0.1:44321"); for an index
    /// that is one database, its path.
    public var name: String
    /// The stub file that lists it; nil for an index that is one database.
    public var stub: String?
    /// The line of ``stub`` that lists it, from 1 (0 without a stub).
    public var line: Int

    /// A shard from its parts.
    public init(address: Address, name: String, stub: String? = nil, line: Int = 0) {
        self.address = address
        self.name = name
        self.stub = stub
        self.line = line
    }

    /// True when another process serves the shard: the match then runs there, so only
    /// what Xapian can send over its remote protocol works on it.
    public var isRemote: Bool {
        if case .local = address { return false }
        return true
    }

    /// True when reaching the shard means starting a program (`remote :PROGRAM ARGS`).
    public var isProgram: Bool {
        if case .program = address { return true }
        return false
    }

    /// The shard as a person finds it: "remote 127.0.0.1:44321 (line 3 of Index/shards.stub)".
    public var description: String {
        guard let stub else { return name }
        return "\(name) (line \(line) of \(stub))"
    }
}
