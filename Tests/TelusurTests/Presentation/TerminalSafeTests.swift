import Testing
@testable import Telusur

/// Text from the input never reaches the terminal as control characters.
@Suite struct TerminalSafeTests {
    @Test(arguments: [
        ("biasa", "biasa"),
        ("a\u{1B}[2Jb", "a [2Jb"),
        ("nul\u{0}bel\u{7}del\u{7F}", "nul bel del "),
        ("c1\u{9B}31m", "c1  31m"),
        ("tab\tkept", "tab\tkept"),
        ("baris\nbaru", "baris baru"),
    ])
    func controlCharactersBecomeSpaces(text: String, expected: String) {
        #expect(text.terminalSafe() == expected)
        #expect(text.terminalSafe().utf8.count == text.utf8.count)  // highlight byte ranges stay valid
    }

    @Test func newlinesCanBeKept() {
        #expect("a\nb\u{1B}".terminalSafe(keepingNewlines: true) == "a\nb ")
    }

    @Test func theRendererNeverPrintsInputEscapes() throws {
        let directory = TemporaryDirectory()
        let searcher = try Fixtures.index([
            Fixtures.article("x\u{1B}]0;judul\u{7}", title: "Judul\u{1B}[31m", "Bawaslu \u{1B}[2J rapat.")
        ], in: directory)
        let results = try searcher.search("bawaslu")
        let plain = TerminalRenderer(style: .plain).render(results)
        #expect(!plain.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" })
        let colour = TerminalRenderer(style: .color).render(results)
        #expect(!colour.contains("\u{1B}[2J") && !colour.contains("\u{1B}[31m") && !colour.contains("\u{1B}]0"))
        #expect(colour.contains("\u{1B}[1;31mBawaslu\u{1B}[0m"))
    }
}
