extension ReplSession {
    /// A `:` line, parsed.
    public enum Command: Equatable, Sendable {
        /// `:open N`: the whole article of result N.
        case open(Int)
        /// `:more`, `:next`: the next page of the last search.
        case next
        /// `:prev`: the previous page.
        case previous
        /// `:limit N`: articles per page.
        case limit(Int)
        /// `:sort relevance|date|-date`.
        case sort(ResultOrder)
        /// `:json on|off`; nil shows the setting.
        case json(Bool?)
        /// `:facets on|off`; nil shows the setting.
        case facets(Bool?)
        /// `:within article|paragraph`; nil shows the setting.
        case within(QueryScope?)
        /// `:timeline day|week|month|year|off`; nil shows the setting.
        case timeline(TimelineSetting?)
        /// `:similar N`: articles like result N.
        case similar(Int)
        /// `:person NAME`: the query `person:"NAME"`.
        case person(String)
        /// `:agency NAME`: the query `agency:"NAME"`.
        case agency(String)
        /// `:quotes [QUERY]`: the quotes matching QUERY, else the last search's query.
        case quotes(String?)
        /// `:stats`: what the index holds.
        case stats
        /// `:help [COMMAND]`.
        case help(String?)
        /// `:quit`, `:q`, `:exit`.
        case quit
    }

    /// One entry of the command table: its names, synopsis, one-line help and how
    /// its argument is read.
    struct CommandSpec: Sendable {
        /// The name first, then aliases, without the colon.
        var names: [String]
        /// What follows the name in the synopsis ("N", "on|off"), or "".
        var argument: String
        /// One line for `:help`.
        var summary: String
        /// Builds the command from the rest of the line (trimmed; "" when nothing follows).
        var make: @Sendable (_ argument: String, _ usage: String) throws(ReplError) -> Command

        var name: String { names[0] }
        /// "open N", as in "usage: :open N".
        var usage: String { argument.isEmpty ? name : name + " " + argument }
        /// ":more, :next", as listed by `:help`.
        var title: String {
            names.map { ":" + $0 }.joined(separator: ", ") + (argument.isEmpty ? "" : " " + argument)
        }
    }

    /// Every command, in the order `:help` lists them.
    static let commandTable: [CommandSpec] = [
        CommandSpec(names: ["open"], argument: "N", summary: "the whole article of result N, matches highlighted") { argument, usage throws(ReplError) in
            .open(try resultNumber(argument, usage: usage))
        },
        CommandSpec(names: ["more", "next"], argument: "", summary: "the next page of results") { argument, usage throws(ReplError) in
            try noArgument(argument, usage: usage)
            return .next
        },
        CommandSpec(names: ["prev"], argument: "", summary: "the previous page") { argument, usage throws(ReplError) in
            try noArgument(argument, usage: usage)
            return .previous
        },
        CommandSpec(names: ["limit"], argument: "N", summary: "articles per page") { argument, usage throws(ReplError) in
            guard let number = Int(argument), number >= 1, number <= maxLimit else {
                throw ReplError.usage(argument.isEmpty ? "give a number of articles per page"
                                      : "\"\(argument)\" is not a number from 1 to \(maxLimit)", usage: usage)
            }
            return .limit(number)
        },
        CommandSpec(names: ["sort"], argument: "relevance|date|-date", summary: "best first, oldest first or newest first") { argument, usage throws(ReplError) in
            guard let order = ResultOrder(rawValue: argument.lowercased()) else {
                throw ReplError.usage(argument.isEmpty ? "give an order" : "unknown order \"\(argument)\"", usage: usage)
            }
            return .sort(order)
        },
        CommandSpec(names: ["json"], argument: "on|off", summary: "print results and articles as JSON") { argument, usage throws(ReplError) in
            .json(try onOff(argument, usage: usage))
        },
        CommandSpec(names: ["facets"], argument: "on|off", summary: "counts by person, agency, source and year under each search") { argument, usage throws(ReplError) in
            .facets(try onOff(argument, usage: usage))
        },
        CommandSpec(names: ["within"], argument: "article|paragraph", summary: "bare words anywhere in the article, or all in one paragraph") { argument, usage throws(ReplError) in
            guard !argument.isEmpty else { return .within(nil) }
            guard let scope = QueryScope(rawValue: argument.lowercased()) else {
                throw ReplError.usage("\"\(argument)\" is neither article nor paragraph", usage: usage)
            }
            return .within(scope)
        },
        CommandSpec(names: ["timeline"], argument: "PERIOD|off", summary: "articles per day, week, month or year above each search") { argument, usage throws(ReplError) in
            guard !argument.isEmpty else { return .timeline(nil) }
            if argument.lowercased() == "off" { return .timeline(TimelineSetting(period: nil)) }
            guard let period = Timeline.Period(rawValue: argument.lowercased()) else {
                throw ReplError.usage("unknown period \"\(argument)\"", usage: usage)
            }
            return .timeline(TimelineSetting(period: period))
        },
        CommandSpec(names: ["similar"], argument: "N", summary: "articles like result N") { argument, usage throws(ReplError) in
            .similar(try resultNumber(argument, usage: usage))
        },
        CommandSpec(names: ["person"], argument: "NAME", summary: "articles that name a person: the query person:\"NAME\"") { argument, usage throws(ReplError) in
            .person(try name(argument, usage: usage))
        },
        CommandSpec(names: ["agency"], argument: "NAME", summary: "articles that name an agency: the query agency:\"NAME\"") { argument, usage throws(ReplError) in
            .agency(try name(argument, usage: usage))
        },
        CommandSpec(names: ["quotes"], argument: "[QUERY]", summary: "who said what: the quotes of QUERY, else of the last search") { argument, _ throws(ReplError) in
            .quotes(argument.isEmpty ? nil : argument)
        },
        CommandSpec(names: ["stats"], argument: "", summary: "what the index holds") { argument, usage throws(ReplError) in
            try noArgument(argument, usage: usage)
            return .stats
        },
        CommandSpec(names: ["help"], argument: "[COMMAND]", summary: "this list, or the help of one command") { argument, _ throws(ReplError) in
            .help(argument.isEmpty ? nil : String(argument.drop(while: { $0 == ":" })))
        },
        CommandSpec(names: ["quit", "q", "exit"], argument: "", summary: "leave (Ctrl-D too)") { argument, usage throws(ReplError) in
            try noArgument(argument, usage: usage)
            return .quit
        },
    ]

    /// What `:timeline` sets: a period, or nil for off.
    public struct TimelineSetting: Equatable, Sendable {
        public var period: Timeline.Period?
    }

    /// The largest `:limit`.
    static let maxLimit = 1000

    /// Parses a line that starts with ":".
    ///
    /// - Throws: ``ReplError/unknownCommand(_:suggestion:)`` with the closest command,
    ///   ``ReplError/usage(_:usage:)`` for a missing or bad argument.
    public static func parseCommand(_ line: String) throws(ReplError) -> Command {
        let body = line.drop(while: { $0.isWhitespace }).dropFirst()  // the ":"
        let name = String(body.prefix(while: { !$0.isWhitespace }))
        let argument = String(body.dropFirst(name.count).trimmingWhitespace())
        guard let spec = commandTable.first(where: { $0.names.contains(name.lowercased()) }) else {
            throw ReplError.unknownCommand(name, suggestion: suggestion(for: name.lowercased()))
        }
        return try spec.make(argument, spec.usage)
    }

    /// Every command name with its colon, aliases included (for completion).
    public static var commandNames: [String] {
        commandTable.flatMap { $0.names.map { ":" + $0 } }
    }

    /// The command a mistyped name most likely meant: the only one it starts, else the
    /// nearest within two edits.
    static func suggestion(for name: String) -> String? {
        guard !name.isEmpty else { return nil }
        let names = commandTable.flatMap(\.names)
        let started = names.filter { $0.hasPrefix(name) }
        if started.count == 1 { return started[0] }
        let scored = names.map { (name: $0, distance: editDistance(name, $0)) }
        guard let best = scored.min(by: { $0.distance < $1.distance }), best.distance <= 2,
              best.distance < name.count else { return nil }
        return best.name
    }

    /// Levenshtein distance, by characters.
    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        guard !a.isEmpty else { return b.count }
        guard !b.isEmpty else { return a.count }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }

    /// `:help`, or `:help COMMAND`.
    static func helpText(for name: String?) throws(ReplError) -> String {
        if let name {
            guard let spec = commandTable.first(where: { $0.names.contains(name.lowercased()) }) else {
                throw ReplError.unknownCommand(name, suggestion: suggestion(for: name.lowercased()))
            }
            return "\(spec.title)\n  \(spec.summary)\n"
        }
        let width = commandTable.map(\.title.count).max() ?? 0
        var text = "Type a query to search: words, \"phrases\", OR, -word, NEAR, word*, (groups),\n"
        text += QueryField.allCases.map { $0.rawValue + ":" }.joined(separator: " ") + " (see README). Commands:\n"
        for spec in commandTable {
            text += "  " + spec.title + String(repeating: " ", count: width - spec.title.count + 2) + spec.summary + "\n"
        }
        text += "Tab completes commands, fields and names; Ctrl-C abandons the line; Ctrl-D leaves.\n"
        return text
    }

    // MARK: arguments

    private static func resultNumber(_ argument: String, usage: String) throws(ReplError) -> Int {
        guard let number = Int(argument), number >= 1 else {
            throw ReplError.usage(argument.isEmpty ? "give a result number" : "\"\(argument)\" is not a result number", usage: usage)
        }
        return number
    }

    private static func onOff(_ argument: String, usage: String) throws(ReplError) -> Bool? {
        switch argument.lowercased() {
        case "": return nil
        case "on": return true
        case "off": return false
        default: throw ReplError.usage("\"\(argument)\" is neither on nor off", usage: usage)
        }
    }

    private static func name(_ argument: String, usage: String) throws(ReplError) -> String {
        // Quotes would end the phrase early: the name is everything after the command.
        let name = String(argument.filter { !"\"“”".contains($0) }.trimmingWhitespace())
        guard !name.isEmpty else { throw ReplError.usage("give a name", usage: usage) }
        return name
    }

    private static func noArgument(_ argument: String, usage: String) throws(ReplError) {
        guard argument.isEmpty else { throw ReplError.usage("this command takes no argument", usage: usage) }
    }
}
