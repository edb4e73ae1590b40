/// Turns a command line as people type it into one swift-argument-parser reads the
/// same way, before parsing:
///
/// - `telusur --index DIR` (options and no command) opens the REPL, as `telusur` alone does;
/// - `--sort -date`: an option that takes a value takes the next argument even when it
///   starts with "-" (the parser would read it as an unknown option);
/// - `telusur search pemilu -kampanye --limit 5`: for `search`, every argument that is
///   not one of its options is a query word, "-kampanye" (exclude) included, in the order
///   written; after `--` everything is a query word, as in every POSIX tool.
enum ArgumentNormaliser {
    /// The options, of any command, that take a value.
    static let valueOptions: Set<String> = [
        "--index", "--limit", "--offset", "--sort", "--paragraphs", "--color", "--bm25",
        "--within", "--facet-limit", "--timeline", "--timeline-by", "--timeline-top", "--format", "--batch", "--shards",
        "--progress", "--port", "--interface", "--date", "--top", "--match", "--query",
    ]

    /// The commands that, with no command named, the arguments are for.
    static let topLevelFlags: Set<String> = ["-h", "--help", "--version", "--generate-completion-script",
                                             "--experimental-dump-help"]

    static func normalised(_ arguments: [String]) -> [String] {
        guard let first = arguments.first else { return arguments }
        if first.hasPrefix("-"), !topLevelFlags.contains(first.split(separator: "=").first.map(String.init) ?? first) {
            return normalised(["repl"] + arguments)
        }
        var out = [first]
        var words: [String] = []
        let isSearch = first == "search"
        var index = 1
        while index < arguments.count {
            let argument = arguments[index]
            if argument == "--" {
                words += arguments[(index + 1)...]
                break
            }
            if argument.hasPrefix("--") {
                if valueOptions.contains(argument), index + 1 < arguments.count {
                    out.append(argument + "=" + arguments[index + 1])
                    index += 2
                    continue
                }
                out.append(argument)
            } else if isSearch && argument != "-h" {
                words.append(argument)
            } else {
                out.append(argument)
            }
            index += 1
        }
        return words.isEmpty ? out : out + ["--"] + words
    }
}
