import ArgumentParser

/// A command whose last argument is a list of values (query words, paths, ids) that
/// may be very long: `telusur index releases/*.txt` over 50,000 files, or a query of
/// 10,000 words.
///
/// swift-argument-parser removes each argument it used by scanning the list, so its
/// parsing time grows with the square of the number of arguments (about 6 s for
/// 10,000 in a release build, 30 s in a debug one). ``TelusurCommand/parseQuickly(_:)``
/// parses the command line without the tail of plain values and appends them here.
protocol TrailingValues: ParsableCommand {
    /// The list of values that ends the command line.
    var trailingValues: [String] { get set }
}

extension SearchCommand: TrailingValues {
    var trailingValues: [String] {
        get { query }
        set { query = newValue }
    }
}

extension IndexCommand: TrailingValues {
    var trailingValues: [String] {
        get { paths }
        set { paths = newValue }
    }
}

extension RemoveCommand: TrailingValues {
    var trailingValues: [String] {
        get { ids }
        set { ids = newValue }
    }
}

extension TelusurCommand {
    /// Command lines at least this long take the quick path.
    static let quickParsingThreshold = 256

    /// `parseAsRoot`, fast for long lists of values: the plain values that end the
    /// command line (none starting with "-", so no option, no "--" and no "-" for
    /// standard input among them) are set aside but for the first two, which keep an
    /// option's value and the first value where the parser expects them, and appended
    /// to the parsed command's list. Anything else, or a command without such a list,
    /// is parsed as usual.
    static func parseQuickly(_ arguments: [String] = Array(CommandLine.arguments.dropFirst())) throws -> ParsableCommand {
        guard arguments.count >= quickParsingThreshold else { return try parseAsRoot(arguments) }
        var start = arguments.endIndex
        while start > arguments.startIndex, !arguments[start - 1].hasPrefix("-") { start -= 1 }
        let kept = min(arguments.endIndex, start + 2)
        guard arguments.endIndex - kept > 0 else { return try parseAsRoot(arguments) }
        let parsed = try parseAsRoot(Array(arguments[..<kept]))
        guard var command = parsed as? any TrailingValues else { return try parseAsRoot(arguments) }
        command.trailingValues.append(contentsOf: arguments[kept...])
        return command
    }
}
