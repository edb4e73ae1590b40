import Foundation

/// A Xapian stub file: a text file that lists the databases to search as one, a line
/// each (Xapian's `auto PATH`, `glass PATH`, `remote HOST:PORT`, `remote :PROGRAM ARGS`;
/// blank lines and `#` comments skipped; relative paths are relative to the stub's
/// directory).
///
/// telusur reads stubs itself rather than leaving them to Xapian, so that it knows
/// which shards are remote (their matches run elsewhere) and can name a shard that
/// cannot be reached. A sharded index is a directory with one database per shard and
/// a stub, ``fileName``, whose `auto` lines list them in routing order.
public struct IndexStub: Sendable, Equatable {
    /// The stub of a sharded index directory.
    public static let fileName = "shards.stub"

    /// The stub file.
    public var path: String
    /// Its shards, in the order of its lines.
    public var shards: [IndexShard]

    /// Reads and parses the stub file at `path`.
    ///
    /// - Throws: ``IndexingError/badStub(path:line:reason:)``.
    public static func read(at path: String) throws -> IndexStub {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw IndexingError.badStub(path: path, line: 0, reason: "cannot read it (\(error.localizedDescription))")
        }
        return try parse(text, path: path)
    }

    /// Parses the text of a stub file found at `path` (which relative paths are resolved against).
    ///
    /// - Throws: ``IndexingError/badStub(path:line:reason:)`` for a line Xapian would not
    ///   accept, or for a stub that lists nothing.
    public static func parse(_ text: String, path: String) throws -> IndexStub {
        let directory = (path as NSString).deletingLastPathComponent
        var shards: [IndexShard] = []
        for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespacesAndNewlines)
            if line.isEmpty || line.hasPrefix("#") { continue }
            let number = index + 1
            let (type, rest) = split(line)
            let address: IndexShard.Address
            switch type {
            case "auto", "glass":
                guard !rest.isEmpty else { throw IndexingError.badStub(path: path, line: number, reason: "`\(type)` needs a path") }
                address = .local(path: rest.hasPrefix("/") || directory.isEmpty ? rest : directory + "/" + rest)
            case "remote":
                address = try remoteAddress(rest, path: path, line: number)
            default:
                throw IndexingError.badStub(
                    path: path, line: number,
                    reason: "\"\(line.prefix(80))\" is not a shard; write `auto PATH`, `remote HOST:PORT` or `remote :PROGRAM ARGS`")
            }
            shards.append(IndexShard(address: address, name: line, stub: path, line: number))
        }
        guard !shards.isEmpty else { throw IndexingError.badStub(path: path, line: 0, reason: "it lists no shard") }
        return IndexStub(path: path, shards: shards)
    }

    /// The stub of a new sharded index: `auto NAME` for each shard directory, in routing order.
    static func text(shardDirectories names: [String]) -> String {
        var text = "# telusur: a sharded index of \(names.count) shards, searched as one.\n"
        text += "# An article is in shard FNV-1a(id) mod \(names.count), counted in the order of these lines:\n"
        text += "# keep the order. A copy of this file may list shards as `remote HOST:PORT` to search them\n"
        text += "# through `telusur shard-server` (README, \"Shards\").\n"
        for name in names { text += "auto \(name)\n" }
        return text
    }

    /// "type rest" split at the first space, as Xapian does.
    private static func split(_ line: String) -> (String, String) {
        guard let space = line.firstIndex(of: " ") else { return (line, "") }
        return (String(line[..<space]), String(line[line.index(after: space)...]).trimmingCharacters(in: .whitespaces))
    }

    /// `HOST:PORT`, `[IPv6]:PORT` or `:PROGRAM ARGS`, as Xapian 1.4 reads them.
    private static func remoteAddress(_ text: String, path: String, line: Int) throws -> IndexShard.Address {
        if text.hasPrefix(":") {
            let command = text.dropFirst()
            guard let space = command.firstIndex(of: " ") else {
                guard !command.isEmpty else {
                    throw IndexingError.badStub(path: path, line: line, reason: "`remote :` needs a program, e.g. `remote :ssh HOST xapian-progsrv PATH`")
                }
                return .program(command: String(command), arguments: "")
            }
            return .program(command: String(command[..<space]), arguments: String(command[command.index(after: space)...]))
        }
        guard let colon = text.lastIndex(of: ":"), let port = Int(text[text.index(after: colon)...]),
              (1...65535).contains(port) else {
            throw IndexingError.badStub(
                path: path, line: line,
                reason: "\"remote \(text.prefix(80))\" has no port; write `remote HOST:PORT` (or `remote :PROGRAM ARGS` for a program)")
        }
        var host = String(text[..<colon])
        if host.hasPrefix("["), host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        guard !host.isEmpty else {
            throw IndexingError.badStub(path: path, line: line, reason: "\"remote \(text)\" has no host; write `remote HOST:PORT`")
        }
        return .tcp(host: host, port: port)
    }
}
