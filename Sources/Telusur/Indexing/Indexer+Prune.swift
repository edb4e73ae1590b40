import Foundation

extension Indexer {
    /// An article removed because its file is gone.
    public struct PrunedArticle: Sendable, Equatable {
        /// The article's id.
        public var id: String
        /// The file it was read from, which no longer exists.
        public var file: String
    }

    /// Removes the articles that were read from a file under `path` (a directory, or
    /// the file itself) when that file no longer exists, then commits.
    ///
    /// Articles are found by their origin term (`XO` + the file's absolute path, see
    /// ``Schema/originPrefix``); those read from standard input have none and are never
    /// pruned. Commits what is pending first.
    ///
    /// - Returns: the articles removed, in the order of their files' paths.
    /// - Throws: ``IndexingError/writeFailed(index:article:reason:)`` or
    ///   ``IndexingError/maintenanceFailed(index:operation:reason:)``.
    @discardableResult
    public func prune(under path: String) throws -> [PrunedArticle] {
        try commit()
        let root = Article.originPath(of: path)
        let rootState = FileState(of: root)
        if case .unknown = rootState {
            throw IndexingError.pruneRootMissing(index: location.path, path: path, reason: rootState.reason)
        }
        var gone: [PrunedArticle] = []
        do {
            // Every shard as one database (the shard directories, never the stub: only
            // telusur reads stubs).
            let database = try XapianDatabase(paths: shardPaths)
            let below = Schema.term(Schema.originPrefix, root == "/" ? root : root + "/")
            var terms = try database.terms(prefix: below).map(\.term)
            // A folder that is gone (moved, unmounted) says nothing about its files:
            // refuse, rather than take every article read from it for deleted. A file
            // given by its own path that is gone was deleted.
            if rootState == .gone, !terms.isEmpty {
                throw IndexingError.pruneRootMissing(index: location.path, path: path, reason: rootState.reason)
            }
            let itself = Schema.term(Schema.originPrefix, root)
            if try database.frequency(of: itself) > 0 { terms.insert(itself, at: 0) }
            for term in terms {
                let file = String(term.dropFirst(Schema.originPrefix.count))
                // Only a file known to be deleted goes; one that cannot be looked at
                // (an unreadable folder, a loop of links) is kept and not counted.
                guard FileState(of: file) == .gone else { continue }
                for document in try database.documents(withTerm: term) {
                    let (_, id) = try database.document(document, slot: Schema.articleSlot)
                    gone.append(PrunedArticle(id: id, file: file))
                }
            }
        } catch let error as XapianError {
            throw IndexingError.maintenanceFailed(index: location.path, operation: "pruning", reason: error.message)
        }
        for article in gone { try remove(id: article.id) }
        try commit()
        return gone
    }
}

/// What `stat` says of a path: there, known to be gone, or unknown (no permission to
/// look, a loop of links, an I/O error), which prune must not take for gone.
enum FileState: Equatable {
    case present
    case gone
    case unknown(String)

    init(of path: String) {
        var info = stat()
        if stat(path, &info) == 0 {
            self = .present
        } else if errno == ENOENT || errno == ENOTDIR {
            self = .gone
        } else {
            self = .unknown(String(cString: strerror(errno)))
        }
    }

    /// Why the path cannot be used, for a message.
    var reason: String {
        switch self {
        case .present: return "it exists"
        case .gone: return "it does not exist"
        case .unknown(let reason): return "it cannot be looked at (\(reason))"
        }
    }
}
