import Foundation

/// The databases the ``Indexer`` writes: the index itself, the shards its stub lists,
/// or, for a new index with several shards, `DIR/shard-00`… and the stub
/// `DIR/shards.stub` that lists them.
struct ShardLayout {
    /// The database directories, in routing order.
    let paths: [String]
    /// For a new sharded index: the stub to write and its shard directories' names.
    private let newStub: (path: String, names: [String])?

    /// Works out the layout of `location` for writing.
    ///
    /// - Parameter requested: the `--shards` number, if given.
    /// - Throws: ``IndexingError/shardCountMismatch(index:existing:requested:)`` when the
    ///   index has another number of shards, ``IndexingError/remoteShard(index:shard:)``
    ///   when its stub lists a shard another process serves, and stub errors.
    init(location: IndexLocation, requested: Int?) throws {
        if location.isSharded {
            let shards = try location.shards()
            var paths: [String] = []
            for shard in shards {
                guard case .local(let path) = shard.address else {
                    throw IndexingError.remoteShard(index: location.path, shard: shard)
                }
                paths.append(path)
            }
            if let requested, requested != paths.count {
                throw IndexingError.shardCountMismatch(index: location.path, existing: paths.count, requested: requested)
            }
            self.paths = paths
            newStub = nil
        } else if location.exists || (requested ?? 1) <= 1 {
            if let requested, requested != 1 {
                throw IndexingError.shardCountMismatch(index: location.path, existing: 1, requested: requested)
            }
            paths = [location.path]
            newStub = nil
        } else {
            let count = requested ?? 1
            let names = (0..<count).map(Self.shardName)
            paths = names.map { (location.path as NSString).appendingPathComponent($0) }
            newStub = ((location.path as NSString).appendingPathComponent(IndexStub.fileName), names)
        }
    }

    /// The directory name of shard `number` (from 0): "shard-00", "shard-01", …
    static func shardName(_ number: Int) -> String {
        let digits = String(number)
        return "shard-" + String(repeating: "0", count: max(0, 2 - digits.count)) + digits
    }

    /// Writes the stub of a new sharded index (atomically: a reader sees all of it or none).
    func writeStubIfNew() throws {
        guard let newStub else { return }
        do {
            try Data(IndexStub.text(shardDirectories: newStub.names).utf8).write(to: URL(fileURLWithPath: newStub.path), options: .atomic)
        } catch {
            throw IndexingError.badStub(path: newStub.path, line: 0, reason: "cannot write it (\(error.localizedDescription))")
        }
    }
}
