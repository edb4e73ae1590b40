import Foundation

/// Checks an index: Xapian's own check of its files (`Xapian::Database::check`), then
/// telusur's invariants, article by article.
///
/// The invariants are what the indexer promises: every article is whole and once
/// (its title document plus exactly the paragraphs its record counts, each paragraph's
/// unique term on one document), and no document belongs to no article. It reads the
/// last committed state; an indexer may keep writing meanwhile.
public struct IndexChecker {
    /// What the check found.
    public struct Report: Sendable, Equatable {
        /// Errors Xapian's check found in the database files (0 = sound).
        public var structureErrors: Int
        /// Xapian's report, table by table.
        public var structureReport: String
        /// Articles (title documents).
        public var articles: Int
        /// Paragraphs, titles not counted.
        public var paragraphs: Int
        /// Xapian documents.
        public var documents: Int
        /// Broken invariants, one sentence each (at most ``IndexChecker/maxListed``).
        public var problems: [String]
        /// How many invariants were broken, listed or not.
        public var problemCount: Int

        /// True when Xapian found no error and every invariant holds.
        public var isHealthy: Bool { structureErrors == 0 && problemCount == 0 }
    }

    /// Most problems listed in a report; the rest are counted.
    public static let maxListed = 50

    /// The index to check.
    public let location: IndexLocation

    /// A checker for the index at `location`.
    public init(location: IndexLocation) {
        self.location = location
    }

    /// Runs both checks.
    ///
    /// - Parameter verbose: adds Xapian's per-table statistics to its report.
    /// - Throws: ``IndexingError/missing(index:)`` when there is no index;
    ///   ``IndexingError/maintenanceFailed(index:operation:reason:)`` when it cannot be
    ///   opened at all (a damaged index says so here).
    public func check(verbose: Bool = false) throws -> Report {
        guard location.exists else { throw IndexingError.missing(index: location.path) }
        // A sharded index: each shard's files, then the articles through the stub.
        let shards = try localShards()
        // Xapian's check opens the table files read/write: on a read-only mount it fails
        // with "Couldn't open … read/write"; say so plainly instead.
        for shard in shards where access(shard, W_OK) != 0 {
            throw IndexingError.notWritable(index: location.path, reason: String(cString: strerror(errno)))
        }
        do {
            var report = Report(structureErrors: 0, structureReport: "",
                                articles: 0, paragraphs: 0, documents: 0, problems: [], problemCount: 0)
            for shard in shards {
                let structure = try Self.stableCheck(path: shard, verbose: verbose)
                report.structureErrors += structure.errors
                report.structureReport += shards.count > 1 ? "\(shard):\n" + structure.report : structure.report
            }
            if report.structureErrors > 0 { return report }
            let database = try XapianDatabase(paths: shards)
            for attempt in 1...Self.attempts {
                do {
                    try checkArticles(in: database, into: &report)
                    if shards.count > 1 { try checkRouting(shards, into: &report) }
                    break
                } catch let error as XapianError where error.kind == .databaseModified && attempt < Self.attempts {
                    // An indexer committed twice while we read: start again on its last commit.
                    try database.reopen()
                }
            }
            return report
        } catch let error as XapianError where error.kind == .databaseCorrupt {
            // So damaged that Xapian stops reading: that is the check's answer, not a failure of it.
            return Report(structureErrors: 1, structureReport: error.message,
                          articles: 0, paragraphs: 0, documents: 0, problems: [], problemCount: 0)
        } catch let error as XapianError {
            throw IndexingError.maintenanceFailed(index: location.path, operation: "checking", reason: error.message)
        }
    }

    /// How many times a check starts again when an indexer commits while it reads.
    static let attempts = 8

    /// Xapian's structure check of one database, on one revision: a commit while the
    /// check reads its tables can look like damage, so when the revision moved during
    /// the check, it runs again; only errors found on a revision that held still count.
    private static func stableCheck(path: String, verbose: Bool) throws -> (errors: Int, report: String) {
        var result: (errors: Int, report: String) = (0, "")
        for attempt in 1...attempts {
            let before = try XapianMaintenance.revision(of: path)
            do {
                result = try XapianMaintenance.check(path: path, verbose: verbose)
            } catch let error as XapianError where attempt < attempts
                && (error.kind == .databaseModified || error.kind == .databaseCorrupt) {
                if try XapianMaintenance.revision(of: path) != before { continue }
                throw error
            }
            if try XapianMaintenance.revision(of: path) == before { return result }
        }
        return result
    }

    /// The database directories to check: the index, or each shard its stub lists.
    private func localShards() throws -> [String] {
        guard location.isSharded else { return [location.path] }
        return try location.shards().map { shard in
            guard case .local(let path) = shard.address else { throw IndexingError.remoteShard(index: location.path, shard: shard) }
            return path
        }
    }

    /// On a sharded index: every article is in the shard ``ShardRouter`` picks for it
    /// (elsewhere, re-indexing it would leave a second copy).
    private func checkRouting(_ shards: [String], into report: inout Report) throws {
        let router = ShardRouter(count: shards.count)
        for (number, path) in shards.enumerated() {
            let shard = try XapianDatabase(paths: [path])
            for title in try shard.documents(withTerm: Schema.titleDocumentTerm) {
                let (_, id) = try shard.document(title, slot: Schema.articleSlot)
                let expected = router.shard(for: id)
                guard expected != number else { continue }
                report.problemCount += 1
                if report.problems.count < Self.maxListed {
                    report.problems.append("article \"\(id)\" is in shard \(number) (\(path)) instead of shard \(expected)")
                }
            }
        }
    }

    private func checkArticles(in database: XapianDatabase, into report: inout Report) throws {
        report.articles = 0
        report.paragraphs = 0
        report.problems = []
        report.problemCount = 0
        func problem(_ text: String) {
            report.problemCount += 1
            if report.problems.count < Self.maxListed { report.problems.append(text) }
        }
        report.documents = try database.documentCount()
        var accounted = 0
        for title in try database.documents(withTerm: Schema.titleDocumentTerm) {
            let (data, id) = try database.document(title, slot: Schema.articleSlot)
            report.articles += 1
            guard let record = try? ArticleRecord.decode(data), record.id == id, record.paragraphs >= 0 else {
                problem("article \"\(id)\": its title document has no readable record")
                continue
            }
            report.paragraphs += record.paragraphs
            accounted += record.paragraphs + 1
            let documents = try database.frequency(of: Schema.articleTerm(id))
            if documents != record.paragraphs + 1 {
                problem("article \"\(id)\": \(documents) documents instead of \(record.paragraphs + 1) (title and \(record.paragraphs) paragraphs)")
            }
            for number in 0...record.paragraphs {
                let copies = try database.frequency(of: Schema.paragraphTerm(article: id, number: number))
                if copies != 1 {
                    problem("article \"\(id)\": paragraph \(number) is there \(copies) times instead of once")
                }
            }
        }
        if report.documents != accounted {
            problem("\(report.documents) documents, but the articles account for \(accounted): \(report.documents - accounted) belong to no article")
        }
    }
}
