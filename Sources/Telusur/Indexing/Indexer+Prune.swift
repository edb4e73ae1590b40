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
        let gone = try goneArticles(under: path)
        for article in gone { try remove(id: article.id) }
        try commit()
        return gone
    }

    /// The committed articles read from a file under `path` that no longer exists.
    func goneArticles(under path: String) throws -> [PrunedArticle] {
        let root = Article.originPath(of: path)
        var gone: [PrunedArticle] = []
        do {
            // A sharded index through its stub: every shard as one database.
            let database = try XapianDatabase(paths: [location.stubPath ?? location.path])
            let below = Schema.term(Schema.originPrefix, root == "/" ? root : root + "/")
            var terms = try database.terms(prefix: below).map(\.term)
            let itself = Schema.term(Schema.originPrefix, root)
            if try database.frequency(of: itself) > 0 { terms.insert(itself, at: 0) }
            for term in terms {
                let file = String(term.dropFirst(Schema.originPrefix.count))
                if FileManager.default.fileExists(atPath: file) { continue }
                for document in try database.documents(withTerm: term) {
                    let (_, id) = try database.document(document, slot: Schema.articleSlot)
                    gone.append(PrunedArticle(id: id, file: file))
                }
            }
        } catch let error as XapianError {
            throw IndexingError.maintenanceFailed(index: location.path, operation: "pruning", reason: error.message)
        }
        return gone
    }
}
