import ArgumentParser
import Foundation
import Telusur

/// `telusur alerts`: what each saved search found since it was last read.
struct AlertsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "alerts",
        abstract: "For each saved search, the articles indexed since it was last read; then marks them read.",
        discussion: """
            New means indexed later (by a later indexing batch), whatever the article's own date. \
            With --since, every article indexed at or after that time, for every alert. \
            Each alert is then marked read through the last committed batch (not with --keep-unread).

            Exit status: 0 something new, 1 nothing new, 2 error (no index, a locked index: see --wait).
            """
    )

    @OptionGroup var indexOption: IndexOption
    @OptionGroup var lock: LockOption

    @Option(help: ArgumentHelp("List what was indexed at or after this time instead of since the last read: YYYY-MM-DD (UTC midnight) or ISO 8601 (2024-02-07T10:00:00Z).", valueName: "DATE"))
    var since: String?

    @Option(help: "At most this many articles listed per alert, newest first (all are counted).")
    var limit = 20

    @Flag(help: "Do not mark the alerts read.")
    var keepUnread = false

    @Flag(help: "Print a JSON array: per alert {name, query, afterBatch, throughBatch, total, articles[{id, title, date, source, url}]}.")
    var json = false

    func validate() throws {
        guard limit >= 0 else { throw ValidationError("--limit must be 0 or more") }
        if let since, Self.date(since) == nil {
            throw ValidationError("--since \(since.terminalSafe()): not a date; use YYYY-MM-DD or ISO 8601 such as 2024-02-07T10:00:00Z")
        }
    }

    /// A day (UTC midnight) or an ISO 8601 time.
    static func date(_ text: String) -> Date? {
        if let time = ISO8601DateFormatter().date(from: text) { return time }
        let day = ISO8601DateFormatter()
        day.formatOptions = [.withFullDate]
        return text.utf8.count == 10 ? day.date(from: text) : nil
    }

    func run() throws {
        let found: [AlertNews] = try AlertsCommand.failing {
            let reader = try AlertReader(location: indexOption.location)
            let sinceDate = since.flatMap(Self.date)
            if keepUnread { return try reader.news(since: sinceDate, limit: limit) }
            return try lock.acquire { try reader.read(since: sinceDate, limit: limit) }
        }
        if json {
            print(try AlertsCommand.json(found))
        } else {
            print(Self.text(found, index: indexOption.location.path), terminator: "")
        }
        if !found.contains(where: { $0.total > 0 }) { throw ExitCode(1) }
    }

    /// Runs `body`, turning library errors into messages.
    static func failing<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as MonitoringError {
            throw CommandError(message: error.description)
        } catch let error as IndexingError {
            throw CommandError(message: error.description)
        } catch let error as SearchError {
            throw CommandError(message: error.description)
        }
    }

    /// The alerts as pretty-printed JSON.
    static func json(_ found: [AlertNews]) throws -> String {
        try JSONOutput.text(found)
    }

    /// One heading per alert, then its articles: date, source, title, id.
    static func text(_ found: [AlertNews], index: String) -> String {
        guard !found.isEmpty else { return "no alerts in \(index.terminalSafe()) (add one with `telusur alert add NAME QUERY`)\n" }
        var out = ""
        for news in found {
            out += "\(news.total) new for '\(news.name.terminalSafe())' (\(news.query.terminalSafe()))\n"
            for article in news.articles {
                let source = article.source.map { "  \($0.terminalSafe())" } ?? ""
                out += "  \(article.date ?? "----------")\(source)  \(article.title.terminalSafe())  [\(article.id.terminalSafe())]\n"
            }
            if news.total > news.articles.count {
                out += "  … and \(news.total - news.articles.count) more (--limit)\n"
            }
        }
        return out
    }
}
