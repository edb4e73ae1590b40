extension Searcher {
    /// Values of a field that the index knows and that start with `prefix`
    /// (case-insensitively): what completion offers after `source:` (alphabetical),
    /// `person:` and `agency:` (most written-about first), `said:` (the persons quoted,
    /// alphabetical).
    ///
    /// Reads the field's boolean terms (Xapian's `allterms_begin(prefix)`).
    public func names(of field: String, startingWith prefix: String, limit: Int = 50) throws -> [String] {
        let termPrefix: String
        switch field.lowercased() {
        case QueryField.source.rawValue: termPrefix = Schema.sourcePrefix
        case QueryField.said.rawValue:
            // The persons quoted ("XQP" terms hold their keys), shown as names.
            do {
                return try database.terms(prefix: Schema.quoteSpeakerPrefix + prefix.lowercased(), limit: limit).map { entry in
                    PersonName.display(String(entry.term.dropFirst(Schema.quoteSpeakerPrefix.count)))
                }
            } catch let error as XapianError {
                throw SearchError.failed(index: location.path, reason: error)
            }
        case QueryField.person.rawValue, QueryField.agency.rawValue:
            let wanted = prefix.lowercased()
            let known = field.lowercased() == QueryField.person.rawValue
                ? try persons(top: nil, match: nil) : try agencies(top: nil, match: nil)
            return Array(known.filter { $0.name.lowercased().hasPrefix(wanted) || $0.key.hasPrefix(wanted) }.map(\.name).prefix(limit))
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
