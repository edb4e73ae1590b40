extension Searcher {
    /// Values of a field that the index knows and that start with `prefix`
    /// (case-insensitively), in alphabetical order: what completion offers after
    /// `source:`. Only `source` is indexed as a name list so far; other fields
    /// (people and agencies, once the index has them) return none.
    ///
    /// Reads the field's boolean terms (Xapian's `allterms_begin(prefix)`).
    public func names(of field: String, startingWith prefix: String, limit: Int = 50) throws -> [String] {
        let termPrefix: String
        switch field.lowercased() {
        case QueryField.source.rawValue: termPrefix = Schema.sourcePrefix
        default: return []
        }
        do {
            return try database.terms(prefix: termPrefix + prefix.lowercased(), limit: limit).map { entry in
                String(entry.term.dropFirst(termPrefix.count))
            }
        } catch let error as XapianError {
            throw SearchError.failed(index: location.path, reason: error)
        }
    }
}
