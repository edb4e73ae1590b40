import Testing
@testable import Telusur

@Suite struct HighlighterTests {
    func marked(_ query: String, _ text: String) throws -> String {
        Highlighter(query: try QueryParser().parse(query)).highlight(text, open: "[", close: "]")
    }

    @Test func marksEveryTerm() throws {
        #expect(try marked("kpu bawaslu", "KPU dan Bawaslu, juga kpu.") == "[KPU] dan [Bawaslu], juga [kpu].")
    }

    @Test func marksPhraseWordsOnlyWhereThePhraseMatched() throws {
        let text = "Zero konflik di Sumsel; konflik bukan zero."
        #expect(try marked("\"zero konflik\"", text) == "[Zero konflik] di Sumsel; konflik bukan zero.")
    }

    @Test func marksWildcardsAndNotNegations() throws {
        #expect(try marked("pemilu* -kampanye", "Pemilu dan pemilukada tanpa kampanye.") == "[Pemilu] dan [pemilukada] tanpa kampanye.")
    }

    @Test func keepsTheTextOutsideTheMarksExactly() throws {
        #expect(try marked("ma'ruf", "Wakil Presiden Ma’ruf Amin.") == "Wakil Presiden [Ma’ruf] Amin.")
    }
}

@Suite struct SnippetTests {
    @Test func shortTextIsKeptWhole() {
        let snippet = Snippet(text: "pendek", ranges: [0..<6])
        #expect(snippet.text == "pendek")
        #expect(snippet.ranges == [0..<6])
    }

    @Test func longTextIsCutAroundTheFirstMatchAtWordBoundaries() {
        let words = (1...200).map { "kata\($0)" }
        let text = words.joined(separator: " ")
        let target = text.utf8.count / 2
        let start = text.utf8.distance(from: text.utf8.startIndex, to: text.range(of: "kata100")!.lowerBound)
        _ = target
        let snippet = Snippet(text: text, ranges: [start..<(start + 7)])
        #expect(snippet.text.hasPrefix("…kata"))
        #expect(snippet.text.hasSuffix("…"))
        #expect(snippet.text.utf8.count <= Snippet.width + 8)
        let marked = Highlighter.wrap(snippet.text, ranges: snippet.ranges, open: "[", close: "]")
        #expect(marked.contains("[kata100]"))
    }
}
