import Foundation
import Testing
@testable import Telusur

/// kill -9 the real indexer at random points: the index must always open, hold only
/// whole committed batches, and a re-run must end with exactly the right articles.
@Suite struct CrashSafetyTests {
    /// Kill points required; the loop stops early at this many and never runs more
    /// than `timeBudget` seconds.
    static let killPoints = 12
    static let timeBudget = 120.0

    @Test func killNineAtRandomPointsNeverLosesOrDuplicatesAnything() throws {
        let directory = TemporaryDirectory()
        let index = directory.path + "/Index"
        let (versionA, versionB) = try Self.corpora(in: directory)
        let articlesA = try Self.read(versionA)
        let articlesB = try Self.read(versionB)
        try #require(articlesA.count == 300 && articlesB.count == 300)

        // One clean run gives the time a run takes, so kills land while it works.
        let clock = ContinuousClock()
        let started = clock.now
        let clean = try CommandRunner.run(["index", "--batch", "200", "--index", index, versionA])
        #expect(clean.status == 0, "\(clean.stderr)")
        let runSeconds = max(0.3, Self.seconds(clock.now - started))

        var generator = SystemRandomNumberGenerator()
        var kills = 0
        var attempts = 0
        var states: [String] = []  // "A/B" counts at each kill point, for the log
        let deadline = clock.now + .seconds(Self.timeBudget)
        while kills < Self.killPoints, clock.now < deadline, attempts < 60 {
            attempts += 1
            // Alternate the two versions, so every run has articles to replace.
            let input = attempts % 2 == 1 ? versionB : versionA
            let child = try BackgroundProcess(["index", "--batch", "200", "--index", index, input])
            Thread.sleep(forTimeInterval: Double.random(in: 0.02...runSeconds, using: &generator))
            guard child.kill9() else { continue }  // it finished first: not a kill point
            kills += 1

            // The index opens; stats and check work and find it sound.
            let stats = try CommandRunner.run(["stats", "--json", "--index", index])
            #expect(stats.status == 0, "kill point \(kills): \(stats.stderr)")
            let check = try CommandRunner.run(["check", "--index", index])
            #expect(check.status == 0, "kill point \(kills): \(check.stdout)\(check.stderr)")
            // Only whole articles, each in one of its two versions, and a prefix of the input.
            let (inA, inB) = try Self.expectConsistent(index: index, versionA: articlesA, versionB: articlesB, point: kills)
            states.append("\(inA)/\(inB)")
        }
        #expect(kills >= 10, "only \(kills) kill points in \(attempts) attempts")
        // Kills landed in the middle of runs: some left a mix of both versions.
        #expect(states.contains { !$0.hasPrefix("0/") && !$0.hasSuffix("/0") }, "\(states)")

        // A full re-run ends with exactly version B: nothing lost, nothing twice.
        let final = try CommandRunner.run(["index", "--batch", "200", "--index", index, versionB])
        #expect(final.status == 0, "\(final.stderr)")
        let searcher = try Searcher(location: IndexLocation(option: index))
        for article in articlesB {
            #expect(try searcher.paragraphs(ofArticle: article.id).map(\.text) == article.paragraphs.map(\.text))
        }
        let stats = try searcher.statistics()
        let paragraphs = articlesB.reduce(0) { $0 + $1.paragraphs.count }
        #expect(stats.articles == articlesB.count)
        #expect(stats.paragraphs == paragraphs)
        #expect(stats.documents == articlesB.count + paragraphs)
        #expect(try CommandRunner.run(["check", "--index", index]).status == 0)
        print("CrashSafetyTests: survived \(kills) kill -9 points in \(attempts) runs; articles in version A/B at each: \(states.joined(separator: " "))")
    }

    /// The articles in the index are the first K of the input, each exactly as in
    /// version A or version B, and the totals count each once.
    /// - Returns: how many articles are in version A and in version B.
    @discardableResult
    static func expectConsistent(index: String, versionA: [Article], versionB: [Article], point: Int) throws -> (Int, Int) {
        let searcher = try Searcher(location: IndexLocation(option: index))
        var present = 0
        var paragraphs = 0
        var inA = 0
        var inB = 0
        var gapAt: String?
        for (a, b) in zip(versionA, versionB) {
            guard try searcher.article(id: a.id) != nil else {
                if gapAt == nil { gapAt = a.id }
                continue
            }
            #expect(gapAt == nil, "kill point \(point): \(a.id) is indexed but \(gapAt ?? "") before it is not")
            let texts = try searcher.paragraphs(ofArticle: a.id).map(\.text)
            if texts == a.paragraphs.map(\.text) { inA += 1 } else if texts == b.paragraphs.map(\.text) { inB += 1 }
            let whole = texts == a.paragraphs.map(\.text) || texts == b.paragraphs.map(\.text)
            #expect(whole, "kill point \(point): article \(a.id) has \(texts.count) paragraphs, not version A or B")
            present += 1
            paragraphs += texts.count
        }
        let stats = try searcher.statistics()
        #expect(stats.articles == present, "kill point \(point)")
        #expect(stats.documents == present + paragraphs, "kill point \(point): a paragraph is there twice or orphaned")
        return (inA, inB)
    }

    /// Two versions of 300 articles as JSON Lines: the corpus slice (or synthetic text
    /// when the shared corpus is absent), and the same with one more paragraph each.
    static func corpora(in directory: TemporaryDirectory) throws -> (String, String) {
        let corpus = Repository.corpus + "/kompas-2025.jsonl.gz"
        var lines: [String]
        if FileManager.default.fileExists(atPath: corpus) {
            lines = try CommandRunner.shell("zcat '\(corpus)' | head -n 300").split(separator: "\n").map(String.init)
        } else {
            lines = (0..<300).map { i in
                let body = (1...(5 + i % 20)).map { "Paragraf \($0) dari berita \(i) tentang pemilu dan bawaslu." }
                return Self.json(["id": "sintetis-\(i)", "title": "Berita \(i)", "date": "2024-02-07", "body": body.joined(separator: "\n")])
            }
        }
        var updated: [String] = []
        for line in lines {
            guard var object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                  let body = object["body"] as? String, let id = object["id"] as? String else { continue }
            object["body"] = body + "\nPembaruan untuk \(id): paragraf tambahan."
            updated.append(Self.json(object))
        }
        let a = try directory.write("a.jsonl", lines.joined(separator: "\n") + "\n")
        let b = try directory.write("b.jsonl", updated.joined(separator: "\n") + "\n")
        return (a, b)
    }

    static func read(_ path: String) throws -> [Article] {
        var articles: [Article] = []
        _ = ArticleReader(paths: [path]).read(article: { articles.append($0) }, problem: { Issue.record("\($0)") })
        return articles
    }

    static func json(_ object: [String: Any]) -> String {
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data()
        return String(decoding: data, as: UTF8.self)
    }

    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }
}
