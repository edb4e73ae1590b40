import Foundation
import Testing
@testable import Telusur

@Suite struct ReplSessionTests {
    static let articles = [
        Fixtures.article("lama", title: "Rapat lama", date: "2023-05-01", source: "kompas.com",
                         "Sumsel zero konflik pada pemilu.", "Bawaslu mengawasi."),
        Fixtures.article("baru", title: "Rapat baru", date: "2024-02-07", source: "editor.id",
                         "Sumsel zero konflik pada pemilu.", "KPU dan Bawaslu hadir.", "Zero konflik lagi."),
        Fixtures.article("lain", title: "Konflik di daerah", date: "2024-01-10", source: "kompas.com",
                         "Konflik zero tidak sama.", "Pemilu 2024."),
    ]

    static func session(_ directory: TemporaryDirectory, style: TerminalRenderer.Style = .plain, limit: Int = 10) throws -> ReplSession {
        ReplSession(searcher: try Fixtures.index(articles, in: directory), style: style, limit: limit)
    }

    /// The ids of the results listed in a plain reply, in order.
    static func ids(_ reply: ReplReply) -> [String] {
        reply.text.split(separator: "\n").compactMap { line in
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            return ["lama", "baru", "lain"].first { trimmed.hasSuffix($0) && trimmed.contains("·") }
        }
    }

    // MARK: searching

    @Test func aLineIsAQueryAndItsResultsEndWithCountsAndTime() throws {
        let directory = TemporaryDirectory()
        var session = try Self.session(directory)
        let reply = session.handle("  \"zero konflik\"  ")
        #expect(reply.kind == .output)
        #expect(reply.text.contains("1. Rapat baru"))
        #expect(reply.text.contains("¶1 Sumsel zero konflik pada pemilu."))
        #expect(reply.text.contains("2 articles, 3 paragraphs matched"))
        #expect(reply.text.hasSuffix(" ms\n"))
        #expect(session.lastResults?.total.articles == 2)
    }

    @Test func blankLinesPrintNothing() throws {
        let directory = TemporaryDirectory()
        var session = try Self.session(directory)
        #expect(session.handle("   ") == ReplReply(kind: .output, text: ""))
    }

    @Test func aBadQueryPrintsTheParsersMessageAndCaret() throws {
        let directory = TemporaryDirectory()
        var session = try Self.session(directory)
        let reply = session.handle("\"zero konflik")
        #expect(reply == ReplReply(kind: .error, text: """
            unbalanced quote: the phrase that starts at column 1 has no closing "
              "zero konflik
              ^

            """))
    }

    @Test func theNextQuerySeesArticlesIndexedMeanwhile() throws {
        let directory = TemporaryDirectory()
        var session = try Self.session(directory)
        #expect(session.handle("kominda").text.contains("0 articles"))
        let indexer = try Indexer(location: IndexLocation(option: directory.path + "/index"))
        try indexer.add(Fixtures.article("kemudian", "Rapat Kominda di Palembang."))
        try indexer.commit()
        #expect(session.handle("kominda").text.contains("1 article, 1 paragraph matched"))
    }

    // MARK: paging

    @Test func moreAndPrevWalkThePages() throws {
        let directory = TemporaryDirectory()
        var session = try Self.session(directory, limit: 1)
        _ = session.handle(":sort date")
        let first = session.handle("konflik")
        #expect(Self.ids(first) == ["lama"])
        #expect(first.text.contains("3 articles, 5 paragraphs matched; showing 1–1"))
        #expect(Self.ids(session.handle(":more")) == ["lain"])
        let third = session.handle(":next")
        #expect(Self.ids(third) == ["baru"])
        #expect(third.text.contains("3. Rapat baru"))
        #expect(session.handle(":more") == ReplReply(kind: .error, text: "no more results: all 3 articles have been shown\n"))
        #expect(Self.ids(session.handle(":prev")) == ["lain"])
        #expect(Self.ids(session.handle(":prev")) == ["lama"])
        #expect(session.handle(":prev") == ReplReply(kind: .error, text: "already on the first page\n"))
    }

    @Test func pagingBeforeAnySearchSaysWhatToDo() throws {
        let directory = TemporaryDirectory()
        var session = try Self.session(directory)
        #expect(session.handle(":more") == ReplReply(kind: .error, text: ":more needs results: type a query first\n"))
        #expect(session.handle(":prev").text == ":prev needs results: type a query first\n")
        #expect(session.handle(":open 1").text == ":open needs results: type a query first\n")
    }

    @Test func limitAndSortRunTheLastSearchAgain() throws {
        let directory = TemporaryDirectory()
        var session = try Self.session(directory)
        #expect(session.handle(":limit 2") == ReplReply(kind: .output, text: "2 articles per page\n"))
        #expect(Self.ids(session.handle("konflik")).count == 2)
        let newest = session.handle(":sort -date")
        #expect(newest.text.hasPrefix("sorted newest first\n"))
        #expect(Self.ids(newest) == ["baru", "lain"])
        let one = session.handle(":limit 1")
        #expect(one.text.hasPrefix("1 article per page\n"))
        #expect(Self.ids(one) == ["baru"])
        #expect(session.sort == .newest)
        #expect(session.limit == 1)
    }

    // MARK: :open

    @Test func openShowsTheWholeArticleWithMatchesHighlighted() throws {
        let directory = TemporaryDirectory()
        var session = try Self.session(directory, style: .color)
        _ = session.handle("\"zero konflik\"")
        let reply = session.handle(":open 1")
        #expect(reply.kind == .article)
        let bold = "\u{1B}[1;31m", reset = "\u{1B}[0m"
        #expect(reply.text.hasPrefix("\u{1B}[1mRapat baru\u{1B}[0m\n"))
        #expect(reply.text.contains("2024-02-07 · editor.id · baru · https://contoh.id/baru"))
        #expect(reply.text.contains("Sumsel \(bold)zero konflik\(reset) pada pemilu."))
        #expect(reply.text.contains("KPU dan Bawaslu hadir."))
        #expect(reply.text.contains("\(bold)Zero konflik\(reset) lagi."))
        #expect(reply.text.contains("3 paragraphs, 2 with matches"))
    }

    @Test func openPlainReadsLikeTheArticle() throws {
        let directory = TemporaryDirectory()
        var session = try Self.session(directory)
        _ = session.handle(":sort date")
        _ = session.handle("bawaslu")
        #expect(session.handle(":open 1") == ReplReply(kind: .article, text: """
            Rapat lama
            2023-05-01 · kompas.com · lama · https://contoh.id/lama

            ¶1 Sumsel zero konflik pada pemilu.

            ¶2 Bawaslu mengawasi.

            2 paragraphs, 1 with matches

            """))
    }

    @Test func openReachesResultsBeyondThePageShown() throws {
        let directory = TemporaryDirectory()
        var session = try Self.session(directory, limit: 1)
        _ = session.handle(":sort date")
        _ = session.handle("konflik")
        #expect(session.handle(":open 3").text.hasPrefix("Rapat baru\n"))
        #expect(session.handle(":open 4") == ReplReply(kind: .error, text: "there is no result 4: the last search matched 3 articles\n"))
    }

    // MARK: settings

    @Test func jsonOnPrintsDocuments() throws {
        let directory = TemporaryDirectory()
        var session = try Self.session(directory)
        #expect(session.handle(":json") == ReplReply(kind: .output, text: "json is off\n"))
        #expect(session.handle(":json on") == ReplReply(kind: .output, text: "json on\n"))
        let results = session.handle("\"zero konflik\"")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(results.text.utf8)) as? [String: Any])
        #expect((object["total"] as? [String: Any])?["articles"] as? Int == 2)
        let article = session.handle(":open 2")
        #expect(article.kind == .output)  // a document for a program: never paged
        let document = try #require(try JSONSerialization.jsonObject(with: Data(article.text.utf8)) as? [String: Any])
        #expect(document["id"] as? String == "lama")
        let paragraphs = try #require(document["paragraphs"] as? [[String: Any]])
        #expect(paragraphs.first?["highlighted"] as? String == "Sumsel <mark>zero konflik</mark> pada pemilu.")
        #expect(session.handle(":json off").text == "json off\n")
        #expect(!session.handle(":open 2").text.hasPrefix("{"))
    }

    @Test func facetsCountAndSimilarFindsLikeArticles() throws {
        let directory = TemporaryDirectory()
        var session = try Self.session(directory)
        #expect(session.handle(":facets on") .text.hasPrefix("facets on"))
        #expect(session.facets)
        let faceted = session.handle("konflik")
        #expect(faceted.text.contains("sources: kompas.com (2) · editor.id (1)"))
        #expect(faceted.text.contains("years: 2023 (1) · 2024 (2)"))  // periods in date order
        #expect(session.handle(":facets off").text.hasPrefix("facets off"))
        #expect(!session.handle("konflik").text.contains("sources:"))
        let similar = session.handle(":similar 1")
        #expect(similar.kind == .output)
        #expect(!Self.ids(similar).isEmpty)
        #expect(session.handle(":similar 9").text.hasPrefix("there is no result 9"))
    }

    @Test func quotesSpeakersFacetAndQuoteMarksInOpen() throws {
        let directory = TemporaryDirectory()
        let searcher = try Fixtures.index([
            Fixtures.article("kutip", title: "Rapat pemilu", date: "2024-02-07", source: "kompas.com",
                             "Gubernur Herman Deru membuka rapat pemilu.", "\"Kami siap menggelar pemilu,\" kata Herman Deru."),
            Fixtures.article("sepi", title: "Pemilu damai", date: "2024-02-08", source: "kompas.com", "Pemilu berjalan damai."),
        ], in: directory)
        var session = ReplSession(searcher: searcher)
        #expect(session.handle(":quotes").text == ":quotes needs results: type a query first\n")
        let said = session.handle(":quotes said:\"Herman Deru\"")
        #expect(said.text.hasPrefix("1. Herman Deru\n"), "\(said.text)")
        #expect(said.text.contains("   “Kami siap menggelar pemilu”\n"))
        #expect(said.text.hasSuffix("1 quote\n"))
        #expect(session.handle(":quotes said:").kind == .error)
        _ = session.handle(":facets on")
        let faceted = session.handle("pemilu")
        #expect(faceted.text.contains("speakers: Herman Deru (1)\n"), "\(faceted.text)")
        // :quotes without a query: the quotes of the last search
        #expect(session.handle(":quotes").text.contains("kutip ¶2 · direct (kata)"))
        _ = session.handle("kata")  // only the article with the quote
        let opened = session.handle(":open 1")
        #expect(opened.text.contains("¶2 \"Kami siap menggelar pemilu,\" kata Herman Deru.\n   ❝ Herman Deru · direct (kata): “Kami siap menggelar pemilu”\n"),
                "\(opened.text)")
        _ = session.handle(":json on")
        let json = session.handle(":quotes said:\"Herman Deru\"")
        let document = try #require(try JSONSerialization.jsonObject(with: Data(json.text.utf8)) as? [String: Any])
        #expect(document["total"] as? Int == 1)
    }

    @Test func personAndAgencyRunFieldQueries() throws {
        let directory = TemporaryDirectory()
        var session = try Self.session(directory)
        var typed = try Self.session(directory)
        /// A reply without its timing, which differs from run to run.
        func timeless(_ reply: ReplReply) -> ReplReply {
            ReplReply(kind: reply.kind, text: reply.text.replacingOccurrences(of: #" · [0-9.]+ ms"#, with: "", options: .regularExpression))
        }
        // The same as typing the field query, quotes in the name dropped.
        #expect(timeless(session.handle(":person Herman \"Deru\"")) == timeless(typed.handle("person:\"Herman Deru\"")))
        #expect(timeless(session.handle(":agency Bawaslu Sumsel")) == timeless(typed.handle("agency:\"Bawaslu Sumsel\"")))
        if QueryField(rawValue: "person") == nil {
            // Until the index has these fields, the parser's own message is the answer.
            let person = session.handle(":person Herman Deru")
            #expect(person.kind == .error)
            #expect(person.text.hasPrefix("unknown field \"person:\" at column 1"))
            #expect(person.text.hasSuffix("\n  person:\"Herman Deru\"\n  ^\n"))
        }
    }

    @Test func statsDescribesTheIndex() throws {
        let directory = TemporaryDirectory()
        var session = try Self.session(directory)
        let reply = session.handle(":stats")
        #expect(reply.kind == .output)
        #expect(reply.text.hasPrefix("index        \(directory.path)/index\narticles     3\nparagraphs   7\n"))
        #expect(reply.text.contains("last update  "))
    }

    @Test func quitInAllItsSpellings() throws {
        let directory = TemporaryDirectory()
        var session = try Self.session(directory)
        for line in [":quit", ":q", ":exit", "  :QUIT  "] {
            #expect(session.handle(line).kind == .quit, "\(line)")
        }
        #expect(session.handle(":quit now").kind == .error)
    }

    // MARK: commands

    @Test(arguments: [
        (":open 3", ReplSession.Command.open(3)),
        (":more", .next), (":next", .next), (":prev", .previous),
        (":limit 25", .limit(25)),
        (":sort relevance", .sort(.relevance)), (":sort date", .sort(.date)), (":sort -date", .sort(.newest)),
        (":json on", .json(true)), (":json OFF", .json(false)), (":json", .json(nil)),
        (":facets on", .facets(true)), (":facets off", .facets(false)),
        (":similar 2", .similar(2)),
        (":person   Herman Deru ", .person("Herman Deru")), (":agency \"KPU Sumsel\"", .agency("KPU Sumsel")),
        (":stats", .stats), (":help", .help(nil)), (":help :open", .help("open")), (":q", .quit),
    ])
    func parsesCommands(line: String, command: ReplSession.Command) throws {
        #expect(try ReplSession.parseCommand(line) == command)
    }

    @Test(arguments: [
        (":open", "give a result number; usage: :open N"),
        (":open zero", "\"zero\" is not a result number; usage: :open N"),
        (":open 0", "\"0\" is not a result number; usage: :open N"),
        (":limit", "give a number of articles per page; usage: :limit N"),
        (":limit 5000", "\"5000\" is not a number from 1 to 1000; usage: :limit N"),
        (":sort newest", "unknown order \"newest\"; usage: :sort relevance|date|-date"),
        (":json maybe", "\"maybe\" is neither on nor off; usage: :json on|off"),
        (":person", "give a name; usage: :person NAME"),
        (":more 2", "this command takes no argument; usage: :more"),
        (":foo", "unknown command :foo; type :help for the commands"),
        (":opne 1", "unknown command :opne; did you mean :open? type :help"),
        (":sim 1", "unknown command :sim; did you mean :similar? type :help"),
        (":quite", "unknown command :quite; did you mean :quit? type :help"),
        (":", "a command goes right after the colon, as in :open 1; type :help for the commands"),
    ])
    func commandErrorsSayWhatToType(line: String, message: String) throws {
        let directory = TemporaryDirectory()
        var session = try Self.session(directory)
        #expect(session.handle(line) == ReplReply(kind: .error, text: message + "\n"))
    }

    @Test func helpListsEveryCommand() throws {
        let directory = TemporaryDirectory()
        var session = try Self.session(directory)
        let fields = QueryField.allCases.map { $0.rawValue + ":" }.joined(separator: " ")
        #expect(session.handle(":help") == ReplReply(kind: .output, text: """
            Type a query to search: words, "phrases", OR, -word, NEAR, word*, (groups),
            \(fields) (see README). Commands:
              :open N                     the whole article of result N, matches highlighted
              :more, :next                the next page of results
              :prev                       the previous page
              :limit N                    articles per page
              :sort relevance|date|-date  best first, oldest first or newest first
              :json on|off                print results and articles as JSON
              :facets on|off              counts by person, agency, source and year under each search
              :within article|paragraph   bare words anywhere in the article, or all in one paragraph
              :timeline PERIOD|off        articles per day, week, month or year above each search
              :similar N                  articles like result N
              :person NAME                articles that name a person: the query person:"NAME"
              :agency NAME                articles that name an agency: the query agency:"NAME"
              :quotes [QUERY]             who said what: the quotes of QUERY, else of the last search
              :stats                      what the index holds
              :help [COMMAND]             this list, or the help of one command
              :quit, :q, :exit            leave (Ctrl-D too)
            Tab completes commands, fields and names; Ctrl-C abandons the line; Ctrl-D leaves.

            """))
        #expect(session.handle(":help more").text == ":more, :next\n  the next page of results\n")
        #expect(session.handle(":help opne").text == "unknown command :opne; did you mean :open? type :help\n")
    }

    // MARK: history file

    @Test func historyFileFollowsXDG() {
        #expect(ReplSession.historyFile(environment: ["XDG_STATE_HOME": "/s", "HOME": "/h"]) == "/s/telusur/history")
        #expect(ReplSession.historyFile(environment: ["XDG_STATE_HOME": "relative", "HOME": "/h"]) == "/h/.local/state/telusur/history")
        #expect(ReplSession.historyFile(environment: ["HOME": "/h"]) == "/h/.local/state/telusur/history")
        #expect(ReplSession.historyFile(environment: [:]) == nil)
    }
}
