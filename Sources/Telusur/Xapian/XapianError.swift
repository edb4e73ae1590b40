import CXapian

/// A failure reported by Xapian through the C shim, with Xapian's own class of error.
///
/// The shim catches every C++ exception and returns its kind (`tx_status`) and message;
/// ``XapianCall/run(_:)`` turns them into this error. Stages that know the context
/// (which index, which command) wrap it in their own error with advice for the user.
public struct XapianError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Which of Xapian's exception classes was thrown.
    public enum Kind: Sendable, Equatable {
        /// `DatabaseLockError`: another process writes to the database.
        case databaseLocked
        /// `DatabaseModifiedError`: a reader fell too far behind a writer; reopen and retry.
        case databaseModified
        /// `DatabaseOpeningError`: no database at that path, or not one Xapian can open.
        case databaseOpening
        /// `DatabaseVersionError`: written by an incompatible Xapian version.
        case databaseVersion
        /// `DatabaseCorruptError`.
        case databaseCorrupt
        /// Any other `DatabaseError`.
        case database
        /// `DocNotFoundError`.
        case documentNotFound
        /// `NetworkTimeoutError`: a remote shard did not answer in time.
        case networkTimeout
        /// `NetworkError`: a remote shard could not be reached or closed the connection.
        case network
        /// `QueryParserError`.
        case queryParser
        /// `InvalidArgumentError`.
        case invalidArgument
        /// `InvalidOperationError`.
        case invalidOperation
        /// `UnimplementedError`: for example a feature a remote shard does not support.
        case unimplemented
        /// `RangeError`.
        case range
        /// Another `Xapian::Error`.
        case other
        /// `std::bad_alloc`.
        case outOfMemory
        /// Another `std::exception`, or something else thrown.
        case cxx
    }

    /// The class of the failure.
    public var kind: Kind
    /// Xapian's message, prefixed by its class name (e.g. "DatabaseLockError: Unable to get write lock").
    public var message: String

    public var description: String { message }

    init(status: tx_status, message: String) {
        self.message = message
        switch status {
        case TX_ERR_DATABASE_LOCK: kind = .databaseLocked
        case TX_ERR_DATABASE_MODIFIED: kind = .databaseModified
        case TX_ERR_DATABASE_OPENING: kind = .databaseOpening
        case TX_ERR_DATABASE_VERSION: kind = .databaseVersion
        case TX_ERR_DATABASE_CORRUPT: kind = .databaseCorrupt
        case TX_ERR_DATABASE: kind = .database
        case TX_ERR_DOC_NOT_FOUND: kind = .documentNotFound
        case TX_ERR_NETWORK_TIMEOUT: kind = .networkTimeout
        case TX_ERR_NETWORK: kind = .network
        case TX_ERR_QUERY_PARSER: kind = .queryParser
        case TX_ERR_INVALID_ARGUMENT: kind = .invalidArgument
        case TX_ERR_INVALID_OPERATION: kind = .invalidOperation
        case TX_ERR_UNIMPLEMENTED: kind = .unimplemented
        case TX_ERR_RANGE: kind = .range
        case TX_ERR_NO_MEMORY: kind = .outOfMemory
        case TX_ERR_STD, TX_ERR_UNKNOWN: kind = .cxx
        default: kind = .other
        }
    }
}

/// The one place where a shim status becomes a Swift error.
enum XapianCall {
    /// Runs one shim call with a fresh `tx_error`, throwing ``XapianError`` when it fails.
    @inline(__always)
    static func run(_ body: (UnsafeMutablePointer<tx_error>) -> tx_status) throws {
        var err = tx_error(kind: TX_OK, message: nil)
        let status = body(&err)
        if status == TX_OK { return }
        let message = err.message.map { String(cString: $0) } ?? "Xapian call failed"
        tx_error_clear(&err)
        throw XapianError(status: status, message: message)
    }

    /// Takes ownership of a malloc'd buffer returned by the shim and frees it.
    static func takeString(_ pointer: UnsafeMutablePointer<CChar>?, _ count: Int) -> String {
        guard let pointer else { return "" }
        defer { tx_free(pointer) }
        return String(decoding: UnsafeRawBufferPointer(start: pointer, count: count), as: UTF8.self)
    }
}

extension String {
    /// Calls `body` with this string's UTF-8 bytes as a (pointer, length) pair for the shim.
    @inline(__always)
    func withBytes<R>(_ body: (UnsafePointer<CChar>?, Int) throws -> R) rethrows -> R {
        var copy = self
        return try copy.withUTF8 { buffer in
            try buffer.withMemoryRebound(to: CChar.self) { try body($0.baseAddress, $0.count) }
        }
    }
}
