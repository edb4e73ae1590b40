import Foundation

/// The saved searches of an index, kept in Xapian's user metadata (`set_metadata` /
/// `get_metadata` under ``metadataKey``) of the index's first local shard, so a copy
/// of the index, or a shard server serving it, carries them.
///
/// Each change is one commit under the index's write lock.
public struct AlertStore {
    /// The metadata key holding the JSON list of alerts.
    public static let metadataKey = "telusur.alerts"
    /// The longest name accepted, in characters.
    public static let maximumNameLength = 100

    /// The index as the user named it (for messages).
    public let location: IndexLocation
    /// The database directory that holds the list.
    let databasePath: String

    /// Finds the database of `location` that holds its alerts.
    ///
    /// - Throws: ``IndexingError/missing(index:)`` without an index,
    ///   ``MonitoringError/remote(index:)`` when its first shard is remote.
    public init(location: IndexLocation) throws {
        guard location.exists else { throw IndexingError.missing(index: location.path) }
        self.location = location
        guard let first = try location.shards().first, case .local(let path) = first.address else {
            throw MonitoringError.remote(index: location.path)
        }
        databasePath = path
    }

    /// Every alert, in the order they were added.
    public func list() throws -> [SavedAlert] {
        let database: XapianDatabase
        do {
            database = try XapianDatabase(paths: [databasePath])
        } catch let error as XapianError {
            throw IndexingError.cannotOpen(index: location.path, reason: error)
        }
        return try decode(database.metadata(Self.metadataKey))
    }

    /// Saves a new alert, read as of now.
    ///
    /// - Throws: ``MonitoringError`` for a bad or taken name or a query that does not
    ///   parse; ``IndexingError/locked(index:)`` while another process writes.
    @discardableResult
    public func add(name: String, query: String, within: QueryScope = .article, now: Date = Date()) throws -> SavedAlert {
        guard Self.isGoodName(name) else { throw MonitoringError.badName(name: name) }
        do {
            _ = try QueryParser().parse(query)
        } catch {
            throw MonitoringError.badQuery(query: query, reason: error.description)
        }
        var alert = SavedAlert(name: name, query: query, lastRead: ISO8601DateFormatter().string(from: now),
                               within: within == .article ? nil : within)
        try update { alerts in
            // Read under the lock: what is indexed so far counts as read.
            alert.readBatch = try committedBatch()
            guard !alerts.contains(where: { $0.name == name }) else {
                throw MonitoringError.duplicate(name: name, index: location.path)
            }
            alerts.append(alert)
        }
        return alert
    }

    /// The number of the last committed indexing batch (``Schema/batchKey``; 0 before any).
    public func committedBatch() throws -> Int {
        DocumentCodec.batchNumber(try metadata(Schema.batchKey))
    }

    /// When batch `number` was committed, nil when the index does not say.
    public func batchTime(_ number: Int) throws -> Date? {
        ISO8601DateFormatter().date(from: try metadata(Schema.batchTimeKey(number)))
    }

    /// The last batch committed before `date` (0 when none was): the articles of the
    /// batches after it were indexed at or after `date`. Batch times grow with their
    /// numbers, so it walks back from the last one.
    public func lastBatch(before date: Date) throws -> Int {
        var number = try committedBatch()
        while number > 0 {
            if let time = try batchTime(number), time < date { return number }
            number -= 1
        }
        return 0
    }

    /// Marks each alert named in `read` as read through its batch (never back), now.
    public func markRead(_ read: [(name: String, through: Int)], now: Date = Date()) throws {
        guard !read.isEmpty else { return }
        let stamp = ISO8601DateFormatter().string(from: now)
        try update { alerts in
            for (name, through) in read {
                guard let at = alerts.firstIndex(where: { $0.name == name }) else { continue }
                alerts[at].readBatch = max(alerts[at].readBatch ?? 0, through)
                alerts[at].lastRead = stamp
            }
        }
    }

    private func metadata(_ key: String) throws -> String {
        do {
            return try XapianDatabase(paths: [databasePath]).metadata(key)
        } catch let error as XapianError {
            throw IndexingError.cannotOpen(index: location.path, reason: error)
        }
    }

    /// Deletes the alert called `name`.
    public func remove(name: String) throws {
        try update { alerts in
            guard let at = alerts.firstIndex(where: { $0.name == name }) else {
                throw MonitoringError.unknown(name: name, index: location.path)
            }
            alerts.remove(at: at)
        }
    }

    /// Replaces the stored list with `change` applied to it, in one commit.
    func update(_ change: (inout [SavedAlert]) throws -> Void) throws {
        let writer: XapianWriter
        do {
            writer = try XapianWriter(path: databasePath)
        } catch let error as XapianError {
            if error.kind == .databaseLocked { throw IndexingError.lockFailure(index: location.path) }
            throw IndexingError.cannotOpen(index: location.path, reason: error)
        }
        // Read after taking the lock, so no other writer's change is lost.
        var alerts = try list()
        try change(&alerts)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let data = try encoder.encode(alerts)
        do {
            try writer.begin()
            try writer.setMetadata(String(decoding: data, as: UTF8.self), for: Self.metadataKey)
            try writer.commit()
        } catch let error as XapianError {
            throw IndexingError.writeFailed(index: location.path, article: nil, reason: error)
        }
    }

    private func decode(_ text: String) throws -> [SavedAlert] {
        guard !text.isEmpty else { return [] }
        do {
            return try JSONDecoder().decode([SavedAlert].self, from: Data(text.utf8))
        } catch {
            throw MonitoringError.damaged(index: location.path, reason: "\(error)")
        }
    }

    /// A name is 1…100 characters, none of them a control character.
    static func isGoodName(_ name: String) -> Bool {
        guard !name.isEmpty, name.count <= maximumNameLength else { return false }
        return !name.unicodeScalars.contains { $0.properties.generalCategory == .control || $0.properties.generalCategory == .format }
    }
}
