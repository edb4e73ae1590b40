// tokenizer-bench: how fast the tokenizer runs on real text, on one core.
//
//   swift build -c release --product tokenizer-bench
//   .build/release/tokenizer-bench [--rounds N] CORPUS.jsonl.gz...
//
// Reads every paragraph (and title) of the corpus into memory first, then times
// Tokenizer.forEachToken over all of it, N rounds, and prints MB/s per round and the
// median. Reading and decompressing are not timed.
import Foundation
import Telusur

var rounds = 5
var paths: [String] = []
var arguments = CommandLine.arguments.dropFirst()
while let argument = arguments.popFirst() {
    if argument == "--rounds", let value = arguments.popFirst(), let n = Int(value), n > 0 {
        rounds = n
    } else {
        paths.append(argument)
    }
}
if paths.isEmpty {
    FileHandle.standardError.write(Data("usage: tokenizer-bench [--rounds N] CORPUS.jsonl.gz...\n".utf8))
    exit(2)
}

var texts: [String] = []
let summary = ArticleReader(paths: paths, format: .jsonl).read(article: { article in
    texts.append(article.title)
    texts.append(contentsOf: article.paragraphs.map(\.text))
}, problem: { problem in
    FileHandle.standardError.write(Data("tokenizer-bench: \(problem)\n".utf8))
})
let clock = ContinuousClock()
var speeds: [Double] = []
var result = (bytes: 0, tokens: 0)
for round in 1...rounds {
    let start = clock.now
    result = Tokenizer.benchmarkThroughput(texts)
    let elapsed = clock.now - start
    let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    let speed = Double(result.bytes) / seconds / 1_000_000
    speeds.append(speed)
    print(String(format: "round %d: %.1f MB/s (%.3f s)", round, speed, seconds))
}
speeds.sort()
print(String(format: "%d articles, %d texts, %.1f MB, %d tokens; median %.1f MB/s over %d rounds",
             summary.articles, texts.count, Double(result.bytes) / 1_000_000, result.tokens, speeds[speeds.count / 2], rounds))
