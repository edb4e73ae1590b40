import Foundation
@testable import Telusur

/// The same articles indexed twice in one temporary directory: once as one database
/// and once as a sharded index, to check that searching shards (local or remote)
/// gives what one database gives.
final class ShardedCorpus {
    let directory: TemporaryDirectory
    /// The articles: the two seeds and the first `slice` articles of the 2025 corpus file.
    let articles: [Article]
    /// One database.
    let single: IndexLocation
    /// A sharded index directory (`shard-00`… and `shards.stub`).
    let sharded: IndexLocation
    let shardCount: Int

    /// The corpus file the slice comes from (outside the repository).
    static let corpusFile = Repository.corpus + "/kompas-2025.jsonl.gz"
    static var isAvailable: Bool { FileManager.default.fileExists(atPath: corpusFile) }

    init(shards: Int = 3, slice: Int = 200, name: String = #function) throws {
        directory = TemporaryDirectory(name)
        shardCount = shards
        let file = try directory.write("slice.jsonl", try CommandRunner.shell("zcat '\(Self.corpusFile)' | head -n \(slice)"))
        var read: [Article] = []
        _ = ArticleReader(paths: [Repository.seeds, file]).read(article: { read.append($0) }, problem: { _ in })
        articles = read
        single = IndexLocation(option: directory.path + "/single")
        sharded = IndexLocation(option: directory.path + "/sharded")
        for (location, count) in [(single, nil), (sharded, shards)] as [(IndexLocation, Int?)] {
            let indexer = try Indexer(location: location, options: Indexer.Options(shards: count))
            for article in articles { try indexer.add(article) }
            try indexer.commit()
        }
    }

    /// The path of shard `number` of the sharded index.
    func shardPath(_ number: Int) -> String { sharded.path + "/" + ShardLayout.shardName(number) }

    /// Writes a stub that lists shard 0 as a local `auto` line and each server as a
    /// `remote 127.0.0.1:PORT` line, and returns it.
    func mixedStub(servers: [TCPShardServer], name: String = "mixed.stub") throws -> IndexLocation {
        var text = "# shard 0 here, the others over TCP\nauto sharded/shard-00\n"
        for server in servers { text += "remote 127.0.0.1:\(server.port)\n" }
        return IndexLocation(option: try directory.write(name, text))
    }
}

extension SearchResults {
    /// The results without the time they took, for comparing two searches.
    var timeless: SearchResults {
        var copy = self
        copy.elapsedMilliseconds = 0
        return copy
    }
}

/// What first differs between two results, for a readable test failure; nil when equal.
func firstDifference(_ a: SearchResults, _ b: SearchResults) -> String? {
    if a.total != b.total { return "totals \(a.total) vs \(b.total)" }
    if a.hits.map(\.article.id) != b.hits.map(\.article.id) {
        let at = Array(zip(a.hits, b.hits)).firstIndex { $0.article.id != $1.article.id } ?? min(a.hits.count, b.hits.count)
        func show(_ hits: [ArticleHit]) -> String {
            hits.dropFirst(max(0, at - 1)).prefix(3).map { "\($0.article.id)@\($0.score) \($0.article.date ?? "-")" }.joined(separator: ", ")
        }
        return "ids differ at \(at): \(show(a.hits)) vs \(show(b.hits))"
    }
    for (x, y) in zip(a.hits, b.hits) where x != y {
        if x.score != y.score { return "score of \(x.article.id): \(x.score) vs \(y.score)" }
        if x.paragraphs != y.paragraphs { return "paragraphs of \(x.article.id): \(x.paragraphs.map(\.number)) vs \(y.paragraphs.map(\.number))" }
        if x.duplicates != y.duplicates { return "duplicates of \(x.article.id): \(x.duplicates.map(\.id)) vs \(y.duplicates.map(\.id))" }
        return "hit \(x.article.id): \(x) vs \(y)"
    }
    if a.facets != b.facets { return "facets \(a.facets) vs \(b.facets)" }
    if a.suggestion != b.suggestion { return "suggestion \(a.suggestion ?? "nil") vs \(b.suggestion ?? "nil")" }
    if a.entities != b.entities { return "entities \(a.entities) vs \(b.entities)" }
    if a.missingShards != b.missingShards { return "missing shards \(a.missingShards) vs \(b.missingShards)" }
    return a.timeless == b.timeless ? nil : "something else"
}
