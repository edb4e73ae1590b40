extension ParsedQuery {
    /// The query with no clause: highlights nothing (an article opened without a search).
    public static let empty = ParsedQuery(text: "", root: nil)
}
