import Testing
@testable import Telusur

@Suite struct ReplCompleterTests {
    /// A completer with a fixed list of names, as the index will give them.
    static var completer: ReplCompleter {
        ReplCompleter(names: { field, prefix in
        let names = [
            "person": ["Herman Deru", "Hani Syopiar Rustam", "Agus Fatoni"],
            "agency": ["Bawaslu", "Badan Intelijen Negara", "KPU"],
            "source": ["editor.id", "kompas.com"],
            "said": ["Herman Deru", "Agus Fatoni"],
        ]
        return (names[field] ?? []).filter { $0.lowercased().hasPrefix(prefix.lowercased()) }
        })
    }

    static func candidates(_ line: String) -> [String] {
        completer.complete(line).candidates
    }

    @Test(arguments: [
        (":op", [":open"]),
        (":s", [":similar", ":sort", ":stats"]),
        (":Q", [":q", ":quit", ":quotes"]),
        (":", ReplSession.commandNames.sorted()),
        (":nothing", []),
    ])
    func commandNames(line: String, expected: [String]) {
        #expect(Self.candidates(line) == expected)
    }

    @Test func aUniqueCommandIsFollowedByASpace() {
        let completion = Self.completer.complete(":op")
        #expect(completion == ReplCompletion(word: ":op", candidates: [":open"], appendSpace: true))
        #expect(Self.completer.complete(":s").commonPrefix == ":s")
        #expect(Self.completer.complete(":mo").commonPrefix == ":more")
    }

    @Test(arguments: [
        ("ti", ["title:"]),
        ("zero ti", ["title:"]),
        ("pemilu -so", ["-source:"]),
        ("(pe", ["(person:"]),
        ("a", ["agency:"]),
        ("sa", ["said:"]),
        ("zero", []),
    ])
    func fieldNames(line: String, expected: [String]) {
        #expect(Self.candidates(line) == expected)
        #expect(Self.completer.complete(line).appendSpace == false)  // the value follows the colon
    }

    @Test func fieldValuesComeFromTheNameLookup() {
        #expect(Self.candidates("bawaslu source:ko") == ["source:kompas.com"])
        #expect(Self.candidates("agency:b") == ["agency:\"Badan Intelijen Negara\"", "agency:Bawaslu"])
        #expect(Self.candidates("person:her") == ["person:\"Herman Deru\""])
        #expect(Self.completer.complete("person:her").appendSpace)
        #expect(Self.candidates("title:her") == [])
        // said: offers the persons quoted
        #expect(Self.candidates("pemilu said:her") == ["said:\"Herman Deru\""])
        #expect(Self.candidates("said:\"Agus F") == ["Fatoni\""])
    }

    @Test func anOpenQuoteIsCompletedAndClosed() {
        // The word is what follows the last blank; the name started before it.
        #expect(Self.candidates("person:\"Herman D") == ["Deru\""])
        #expect(Self.candidates("pemilu agency:\"Badan Intel") == ["Intelijen Negara\""])
        #expect(Self.candidates("person:\"he") == ["person:\"Herman Deru\""])
        #expect(Self.candidates("title:\"zero ko") == [])
    }

    @Test func commandArguments() {
        #expect(Self.candidates(":person Her") == ["Herman Deru"])
        #expect(Self.candidates(":person Herman D") == ["Deru"])
        #expect(Self.candidates(":agency k") == ["KPU"])
        #expect(Self.candidates(":sort ") == ["-date", "date", "relevance"])
        #expect(Self.candidates(":sort d") == ["date"])
        #expect(Self.candidates(":json o") == ["off", "on"])
        #expect(Self.candidates(":facets of") == ["off"])
        #expect(Self.candidates(":help op") == ["open"])
        #expect(Self.candidates(":open ") == [])
        #expect(Self.candidates(":sort date d") == [])
    }

    @Test func sourceNamesComeFromTheIndex() throws {
        let directory = TemporaryDirectory()
        let searcher = try Fixtures.index(ReplSessionTests.articles, in: directory)
        let session = ReplSession(searcher: searcher)
        #expect(session.completer.complete("source:").candidates == ["source:editor.id", "source:kompas.com"])
        #expect(session.completer.complete("source:KOM").candidates == ["source:kompas.com"])
        #expect(try searcher.names(of: "source", startingWith: "e") == ["editor.id"])
        #expect(try searcher.names(of: "person", startingWith: "") == [])  // not in the index yet
    }
}
