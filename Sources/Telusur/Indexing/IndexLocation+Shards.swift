import Foundation

/// The shards of an index: one database, a sharded index directory (`DIR/shards.stub`),
/// or a stub file mixing local and remote shards.
extension IndexLocation {
    /// The stub file that lists the index's shards: the location itself when it is a
    /// file, `DIR/shards.stub` when that exists; nil when the index is one database.
    public var stubPath: String? {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { return nil }
        if !isDirectory.boolValue { return path }
        let stub = (path as NSString).appendingPathComponent(IndexStub.fileName)
        return FileManager.default.fileExists(atPath: stub) ? stub : nil
    }

    /// True when the index is listed by a stub (a sharded directory or a stub file).
    public var isSharded: Bool { stubPath != nil }

    /// The databases to search, in order: the index itself when it is one database,
    /// else the shards its stub lists (a local shard that is itself a sharded index or
    /// a stub is replaced by the shards it lists).
    ///
    /// - Throws: ``IndexingError/badStub(path:line:reason:)``.
    public func shards() throws -> [IndexShard] {
        try shards(depth: 0)
    }

    private func shards(depth: Int) throws -> [IndexShard] {
        guard let stubPath else { return [IndexShard(address: .local(path: path), name: path)] }
        let stub = try IndexStub.read(at: stubPath)
        var result: [IndexShard] = []
        for shard in stub.shards {
            guard case .local(let path) = shard.address, IndexLocation(option: path).isSharded else {
                result.append(shard)
                continue
            }
            guard depth < Self.maximumStubNesting else {
                throw IndexingError.badStub(path: stub.path, line: shard.line,
                                            reason: "stubs nest more than \(Self.maximumStubNesting) deep (does one list itself?)")
            }
            result += try IndexLocation(option: path).shards(depth: depth + 1)
        }
        return result
    }

    /// How deep stubs may list other stubs.
    static let maximumStubNesting = 8
}
