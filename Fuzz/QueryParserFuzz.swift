// libFuzzer target: the query parser, and the highlighting of a paragraph for the
// parsed query. The input's first line is the query, the rest the paragraph.
// Built by run.sh with Sources/Telusur/{Analysis,Query/Query*,Presentation} files.

/// Crashes (so libFuzzer keeps the input) when an invariant breaks.
func require(_ condition: Bool, _ message: @autoclosure () -> String) {
    if !condition { fatalError("query parser invariant: " + message()) }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func queryParserFuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let input = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let parts = input.split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: false)
    let query = String(parts.first ?? "")
    let paragraph = parts.count > 1 ? String(parts[1]) : "Bawaslu Sumsel: zero konflik pada pemilu 2024."
    let parsed: ParsedQuery
    do {
        parsed = try QueryParser().parse(query)
    } catch {
        // An error says where: a column inside the query (or just after it).
        require(error.column >= 1 && error.column <= query.count + 1, "column \(error.column) of \(query.count) characters")
        require(!error.message.isEmpty, "empty message")
        _ = error.pointer
        return 0
    }
    check(parsed.root)
    // Highlighting the paragraph for this query: sorted, disjoint ranges inside it.
    let highlighter = Highlighter(query: parsed)
    let ranges = highlighter.ranges(in: paragraph)
    let length = paragraph.utf8.count
    var end = 0
    for range in ranges {
        require(range.lowerBound >= end && range.upperBound <= length && !range.isEmpty, "range \(range) in \(length) bytes")
        end = range.upperBound
    }
    let snippet = Snippet(text: paragraph, ranges: ranges)
    for range in snippet.ranges {
        require(range.lowerBound >= 0 && range.upperBound <= snippet.text.utf8.count, "snippet range \(range)")
    }
    _ = Highlighter.wrap(snippet.text.terminalSafe(), ranges: snippet.ranges, open: "<mark>", close: "</mark>")
    return 0
}

/// Every leaf of the tree holds something to search for.
func check(_ node: QueryNode?) {
    guard let node else { return }
    switch node {
    case .term(let term): require(!term.isEmpty, "empty term")
    case .phrase(let words): require(!words.isEmpty && words.allSatisfy { !$0.isEmpty }, "empty phrase word")
    case .near(let nodes, let distance):
        require(nodes.count >= 2 && distance > 0, "NEAR of \(nodes.count)")
        nodes.forEach(check)
    case .wildcard(let prefix): require(!prefix.isEmpty, "empty wildcard")
    case .title(let inner): check(inner)
    case .filter(_, let value): require(!value.isEmpty, "empty filter")
    case .dateRange(let from, let to): require(from <= to, "date range \(from)..\(to)")
    case .and(let nodes), .or(let nodes):
        require(!nodes.isEmpty, "empty AND/OR")
        nodes.forEach(check)
    case .not(let inner): check(inner)
    }
}
