import ArgumentParser
import Foundation
import Telusur

/// `telusur pickup ID`: where an article's text was republished.
struct PickupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pickup",
        abstract: "Articles that reuse the text of a given release or article: share of its sentences, outlet, date, what was cut and added.",
        discussion: """
            Sentences are compared by their words (case, accents and punctuation ignored); a sentence needs \
            6 words to count, and one shared by more than 100 articles is boilerplate and left out. \
            --survey counts, over the whole index, the articles that reuse at least --min-share of another.

            Exit status: 0 some pickup found, 1 none, 2 error (no such article).
            """
    )

    @OptionGroup var indexOption: IndexOption
    @OptionGroup var shardOption: ShardOption

    @Option(help: "The least share of the original's sentences an article must reuse (0 to 1).")
    var minShare: Double?

    @Option(help: "Sentences cut and added shown per pickup (all of them with --json).")
    var diff = 3

    @Flag(help: "Instead of one article: how many articles of the index reuse at least --min-share (default 0.3) of another, with examples.")
    var survey = false

    @Flag(help: "Print JSON.")
    var json = false

    @Argument(help: "The article id (of the release).")
    var id: String?

    func validate() throws {
        if let minShare { guard minShare > 0 && minShare <= 1 else { throw ValidationError("--min-share must be above 0 and at most 1") } }
        guard survey || id != nil else { throw ValidationError("give an article ID, or --survey") }
        guard diff >= 0 else { throw ValidationError("--diff must be 0 or more") }
    }

    func run() throws {
        let searcher = try shardOption.searcher(indexOption.location)
        let clock = ContinuousClock()
        let start = clock.now
        if survey {
            let found = try searcher.reuseSurvey(minimumShare: minShare ?? 0.3)
            let seconds = Self.seconds(clock.now - start)
            if json { print(try JSONOutput.text(found)); return }
            print("\(found.reusing) of \(found.articles) articles reuse at least \(Self.percent(found.minimumShare)) of another article's sentences (\(found.pairs) pairs); \(found.reusingOutsideGroup) of them outside their near-duplicate group" + String(format: "; %.1f s", seconds))
            for example in found.examples {
                print("  \(Self.percent(example.share)) of \(Self.describe(example.original)) in \(Self.describe(example.reuser))")
            }
            if found.reusing == 0 { throw ExitCode(1) }
            return
        }
        guard let id else { return }
        let report: PickupReport
        do {
            report = try searcher.pickups(of: id, minimumShare: minShare ?? 0.1)
        } catch let error as SearchError {
            throw CommandError(message: error.description)
        }
        let milliseconds = Self.seconds(clock.now - start) * 1000
        if report.sentences == 0 {
            printError("telusur: article \(id.terminalSafe()) has no sentence of \(SentenceShingle.minimumWords) words or more in the index (an index built before sentence shingles has none: re-index it)")
        }
        if json {
            print(try JSONOutput.text(report))
        } else {
            var head = "\(Self.describe(report.original)): \(report.sentences) sentence\(report.sentences == 1 ? "" : "s")"
            if report.commonSentences > 0 { head += " (\(report.commonSentences) boilerplate left out)" }
            head += "; \(report.pickups.count) pickup\(report.pickups.count == 1 ? "" : "s")"
            if let first = report.firstPickup { head += ", first on \(first)" }
            print(head + String(format: "; %.0f ms", milliseconds))
            for pickup in report.pickups {
                let same = pickup.nearDuplicate ? " (near-duplicate)" : ""
                print("  \(Self.percent(pickup.share)) \(pickup.sharedSentences)/\(report.sentences)  \(Self.describe(pickup.article))\(same)")
                for (mark, sentences) in [("-", pickup.cut), ("+", pickup.added)] where diff > 0 {
                    for sentence in sentences.prefix(diff) { print("      \(mark) \(Self.clipped(sentence).terminalSafe())") }
                    if sentences.count > diff { print("      \(mark) … \(sentences.count - diff) more") }
                }
            }
        }
        if report.pickups.isEmpty { throw ExitCode(1) }
    }

    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }

    static func percent(_ share: Double) -> String { String(format: "%.0f%%", share * 100) }

    static func describe(_ record: ArticleRecord) -> String {
        "\(record.date ?? "----------")  \((record.source ?? "-").terminalSafe())  \(clipped(record.title, to: 70).terminalSafe())  [\(record.id.terminalSafe())]"
    }

    /// At most `limit` characters, with "…" when cut.
    static func clipped(_ text: String, to limit: Int = 110) -> String {
        text.count <= limit ? text : String(text.prefix(limit - 1)) + "…"
    }
}
