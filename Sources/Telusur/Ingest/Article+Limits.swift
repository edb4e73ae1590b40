extension Article {
    /// The longest id, in UTF-8 bytes: the index stores it inside terms, which Xapian
    /// limits to 245 bytes with their prefixes and paragraph numbers. A longer id is a
    /// problem reported where it was read (``IngestError/idTooLong(_:id:limit:)``).
    public static let maximumIDLength = 200
}
