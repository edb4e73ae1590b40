import Foundation
import Testing
@testable import Telusur
@testable import TelusurWeb

/// `telusur serve` through a real socket on 127.0.0.1: the API's documents, errors,
/// limits and security defaults.
@Suite("WebServer")
struct WebServerTests {
    @Test("/api/search finds both seed releases, with the phrase in <mark>")
    func searchSeeds() async throws {
        let directory = TemporaryDirectory()
        let server = try await WebServerHarness(index: try await seedIndex(in: directory))
        let answer = try await server.get("/api/search?q=%22zero+konflik%22&facets=1")
        #expect(answer.status == 200)
        #expect(answer.headers["content-type"] == "application/json; charset=utf-8")
        let document = try answer.object()
        let results = try #require(document["results"] as? [[String: Any]])
        #expect(Set(results.compactMap { $0["id"] as? String }) == ["000_b340dedaa94c42df.txt", "002_f25fde0d847e90ce.txt"])
        let highlighted = results.flatMap { ($0["paragraphs"] as? [[String: Any]] ?? []).compactMap { $0["highlighted"] as? String } }
        #expect(highlighted.contains { $0.lowercased().contains("<mark>zero konflik</mark>") })
        // The same document as the CLI's --json, byte for byte.
        let seeds = try await seedIndex(in: directory).path
        let cli = try await offThePool { try CommandRunner.run(["search", "--index", seeds, "--json", "--facets", "zero konflik"]) }
        #expect(answer.text == cli.stdout.trimmingCharacters(in: .newlines))
        await server.stop()
        let line = try #require(server.logLines.first { $0.contains("/api/search") })
        #expect(line.hasPrefix("GET /api/search?q=%22zero+konflik%22&facets=1 200 "))
        #expect(line.hasSuffix("ms"))
    }

    @Test("/api/quotes is telusur quotes --json, byte for byte; every quote without q")
    func quotes() async throws {
        let directory = TemporaryDirectory()
        let index = try await seedIndex(in: directory)
        let server = try await WebServerHarness(index: index)
        let said = try await server.get("/api/quotes?q=said%3A%22Herman+Deru%22")
        let all = try await server.get("/api/quotes?limit=3&offset=1")
        await server.stop()
        #expect(said.status == 200)
        #expect(said.headers["content-type"] == "application/json; charset=utf-8")
        let cli = try await offThePool { try CommandRunner.run(["quotes", "--index", index.path, "--json", "said:\"Herman Deru\""]) }
        #expect(said.text == cli.stdout.trimmingCharacters(in: .newlines))
        let quotes = try #require(try said.object()["quotes"] as? [[String: Any]])
        #expect(!quotes.isEmpty)
        #expect(quotes.allSatisfy { ($0["speaker"] as? [String: Any])?["key"] as? String == "herman deru" })
        let cliAll = try await offThePool { try CommandRunner.run(["quotes", "--index", index.path, "--json", "--limit", "3", "--offset", "1"]) }
        #expect(all.text == cliAll.stdout.trimmingCharacters(in: .newlines))
        #expect((try all.object()["quotes"] as? [Any])?.count == 3)
    }

    @Test("a query that does not parse is 400 with the CLI's message and column")
    func badQuery() async throws {
        let directory = TemporaryDirectory()
        let server = try await WebServerHarness(index: try await seedIndex(in: directory))
        let answer = try await server.get("/api/search?q=zero+%22konflik")
        await server.stop()
        #expect(answer.status == 400)
        let document = try answer.object()
        #expect(document["column"] as? Int == 6)
        #expect(document["error"] as? String == "unbalanced quote: the phrase that starts at column 6 has no closing \"")
    }

    @Test("unknown ids are 404; ids and paths never reach the disk", arguments: [
        "/api/articles/nope", "/api/articles/..%2F..%2F..%2Fetc%2Fpasswd", "/api/similar/..%2Fx",
        "/../../../../etc/passwd", "/..%2F..%2F..%2Fetc%2Fpasswd", "/Page/index.html", "/app.js/../../../etc/passwd",
    ])
    func notFound(target: String) async throws {
        let directory = TemporaryDirectory()
        let server = try await WebServerHarness(index: try await seedIndex(in: directory))
        let answer = try await server.get(target)
        await server.stop()
        #expect(answer.status == 404 || answer.status == 400)
        #expect(!answer.text.contains("root:"))
        #expect((try answer.object())["error"] is String)
    }

    @Test("within=paragraph and within=article answer as the CLI's --within; another value is 400")
    func within() async throws {
        let directory = TemporaryDirectory()
        let seeds = try await seedIndex(in: directory)
        let server = try await WebServerHarness(index: seeds)
        var paragraphs: [String: Int] = [:]
        for scope in ["article", "paragraph"] {
            let answer = try await server.get("/api/search?q=%22zero+konflik%22+herman&within=" + scope)
            #expect(answer.status == 200)
            let total = try #require(try answer.object()["total"] as? [String: Any])
            paragraphs[scope] = total["paragraphs"] as? Int
            let cli = try await offThePool {
                try CommandRunner.run(["search", "--index", seeds.path, "--json", "--within", scope, "\"zero konflik\" herman"])
            }
            #expect(answer.text == cli.stdout.trimmingCharacters(in: .newlines))
        }
        // In one paragraph: the two where the phrase and the name meet; in the article, every paragraph with either.
        #expect(paragraphs["paragraph"] == 2)
        #expect((paragraphs["article"] ?? 0) > 2)
        let bad = try await server.get("/api/search?q=pemilu&within=sentence")
        #expect(bad.status == 400)
        #expect(((try? bad.object())?["error"] as? String ?? "").contains("parameter within: must be article or paragraph"), "\(bad.text)")
        await server.stop()
    }

    @Test("limits: limit ≤ 1000, query length, sort values, methods, body size")
    func limits() async throws {
        let directory = TemporaryDirectory()
        let server = try await WebServerHarness(index: try await seedIndex(in: directory))
        let long = String(repeating: "kata+", count: 500)
        let cases: [(String, String, Int, String)] = [
            ("GET", "/api/search?q=pemilu&limit=1001", 400, "parameter limit: must be a whole number from 0 to 1000, not \"1001\""),
            ("GET", "/api/search?q=pemilu&limit=-1", 400, "parameter limit"),
            ("GET", "/api/search?q=pemilu&sort=sideways", 400, "parameter sort: must be relevance, date or -date"),
            ("GET", "/api/search?q=" + long, 400, "longer than 2000 characters"),
            ("GET", "/api/search?q=", 400, "parameter q: give a query"),
            ("GET", "/api/search?q=%ZZ", 400, "malformed percent escape"),
            ("DELETE", "/api/search?q=pemilu", 405, "read-only"),
            ("POST", "/api/search?q=pemilu", 405, "read-only"),
        ]
        for (method, target, status, message) in cases {
            let answer = try await HTTPClient.request(port: server.port, method, target)
            #expect(answer.status == status, "\(method) \(target)")
            #expect(((try? answer.object())?["error"] as? String ?? "").contains(message), "\(target): \(answer.text)")
        }
        let big = try await HTTPClient.request(port: server.port, "GET", "/api/stats", body: Data(repeating: 65, count: 100_000))
        #expect(big.status == 413)
        let ok = try await server.get("/api/search?q=pemilu&limit=1000")
        #expect(ok.status == 200)
        await server.stop()
    }

    @Test("CSV with format=csv or Accept: text/csv; formulas in cells are defused")
    func csv() async throws {
        let directory = TemporaryDirectory()
        let server = try await WebServerHarness(index: try await seedIndex(in: directory))
        let byParameter = try await server.get("/api/search?q=%22zero+konflik%22&format=csv")
        let byHeader = try await server.get("/api/search?q=%22zero+konflik%22", headers: ["Accept": "text/csv"])
        let persons = try await server.get("/api/persons?format=csv&top=2")
        let stats = try await server.get("/api/stats?format=csv")
        await server.stop()
        #expect(byParameter.status == 200)
        #expect(byParameter.headers["content-type"] == "text/csv; charset=utf-8")
        #expect(byParameter.text == byHeader.text)
        let rows = byParameter.text.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        #expect(rows.first == "rank,id,title,date,source,url,score,paragraph_no,paragraph")
        #expect(rows.count == 3)
        #expect(persons.text.hasPrefix("key,name,articles\r\n"))
        #expect(stats.status == 406)
        let table = CSVTable(header: ["a", "b"], rows: [["=SUM(A1:A9)", "-3"], ["a, \"b\"", nil]])
        #expect(table.text == "a,b\r\n'=SUM(A1:A9),-3\r\n\"a, \"\"b\"\"\",\r\n")
    }

    @Test("persons, agencies, person, agency, stats, suggest, article: the CLI's documents")
    func documents() async throws {
        let directory = TemporaryDirectory()
        let index = try await seedIndex(in: directory)
        let server = try await WebServerHarness(index: index)
        let persons = try await server.get("/api/persons")
        let agencies = try await server.get("/api/agencies?match=kpu")
        let person = try await server.get("/api/person/Herman%20Deru")
        let stats = try await server.get("/api/stats")
        let suggest = try await server.get("/api/suggest?q=zero+person:Her")
        let article = try await server.get("/api/articles/000_b340dedaa94c42df.txt?q=%22zero+konflik%22")
        let similar = try await server.get("/api/similar/000_b340dedaa94c42df.txt")
        await server.stop()
        let cliPersons = try await offThePool { try CommandRunner.run(["persons", "--index", index.path, "--json"]) }
        #expect(persons.text == cliPersons.stdout.trimmingCharacters(in: .newlines))
        let cliStats = try await offThePool { try CommandRunner.run(["stats", "--index", index.path, "--json"]) }
        #expect(stats.text == cliStats.stdout.trimmingCharacters(in: .newlines))
        #expect((try agencies.json() as? [[String: Any]])?.first?["key"] as? String == "kpu")
        #expect(((try person.object())["total"] as? [String: Any])?["articles"] as? Int == 1)
        #expect(try suggest.object()["candidates"] as? [String] == ["person:\"Herman Deru\""])
        let paragraphs = try #require((try article.object())["paragraphs"] as? [[String: Any]])
        #expect(paragraphs.count > 3)
        #expect(paragraphs.contains { ($0["highlighted"] as? String ?? "").contains("<mark>") })
        #expect(((try similar.object())["results"] as? [[String: Any]])?.first?["id"] as? String == "002_f25fde0d847e90ce.txt")
    }

    @Test("with --token every API request needs it (constant-time compare); the page files do not")
    func token() async throws {
        let directory = TemporaryDirectory()
        let server = try await WebServerHarness(index: try await seedIndex(in: directory)) { $0.token = "s3cret-token" }
        let none = try await server.get("/api/stats")
        let wrong = try await server.get("/api/stats", headers: ["Authorization": "Bearer s3cret-tokeX"])
        let short = try await server.get("/api/stats", headers: ["Authorization": "Bearer s3cret"])
        let basic = try await server.get("/api/stats", headers: ["Authorization": "Basic s3cret-token"])
        let right = try await server.get("/api/stats", headers: ["Authorization": "Bearer s3cret-token"])
        let page = try await server.get("/")
        await server.stop()
        for refused in [none, wrong, short, basic] {
            #expect(refused.status == 401)
            #expect(refused.headers["www-authenticate"] == "Bearer")
        }
        #expect(right.status == 200)
        #expect(page.status == 200)
        #expect(page.text.contains("<title>telusur</title>"))
        #expect(ConstantTime.equal(Array("abc".utf8), Array("abc".utf8)))
        #expect(!ConstantTime.equal(Array("abc".utf8), Array("abd".utf8)))
        #expect(!ConstantTime.equal(Array("abc".utf8), Array("abcd".utf8)))
        #expect(!ConstantTime.equal([], Array("a".utf8)))
    }

    @Test("a non-loopback interface needs --token")
    func interfaceNeedsToken() async throws {
        #expect(throws: WebError.self) { try WebServer.Configuration(interface: "0.0.0.0").validate() }
        #expect(throws: WebError.self) { try WebServer.Configuration(interface: "192.168.1.5").validate() }
        try WebServer.Configuration(interface: "0.0.0.0", token: "t").validate()
        try WebServer.Configuration(interface: "127.0.0.1").validate()
        try WebServer.Configuration(interface: "::1").validate()
        let refused = try await offThePool { try CommandRunner.run(["serve", "--index", "/nonexistent", "--interface", "0.0.0.0"]) }
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("0.0.0.0 is not loopback"))
        #expect(refused.stderr.contains("--token"))
    }

    @Test("no CORS header unless --cors ORIGIN")
    func cors() async throws {
        let directory = TemporaryDirectory()
        let index = try await seedIndex(in: directory)
        let closed = try await WebServerHarness(index: index)
        let plain = try await closed.get("/api/stats", headers: ["Origin": "https://evil.example"])
        await closed.stop()
        #expect(plain.headers["access-control-allow-origin"] == nil)
        let open = try await WebServerHarness(index: index) { $0.corsOrigin = "https://intranet.example" }
        let allowed = try await open.get("/api/stats", headers: ["Origin": "https://intranet.example"])
        let preflight = try await HTTPClient.request(port: open.port, "OPTIONS", "/api/stats")
        await open.stop()
        #expect(allowed.headers["access-control-allow-origin"] == "https://intranet.example")
        #expect(preflight.status == 204)
        #expect(preflight.headers["access-control-allow-methods"] == "GET, HEAD, OPTIONS")
    }

    @Test("many requests at once on two searchers all succeed")
    func concurrent() async throws {
        let directory = TemporaryDirectory()
        let server = try await WebServerHarness(index: try await seedIndex(in: directory), workers: 2)
        let port = server.port
        let statuses = try await withThrowingTaskGroup(of: Int.self) { group in
            for i in 0..<24 {
                group.addTask {
                    let query = ["pemilu", "%22zero+konflik%22", "person:%22Herman+Deru%22", "sumsel&facets=1"][i % 4]
                    return try await HTTPClient.request(port: port, "GET", "/api/search?q=" + query).status
                }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        await server.stop()
        #expect(statuses.count == 24)
        #expect(statuses.allSatisfy { $0 == 200 })
    }

    @Test("the server sees articles indexed while it runs")
    func reopens() async throws {
        let directory = TemporaryDirectory()
        let location = IndexLocation(option: directory.path + "/index")
        do {
            let indexer = try Indexer(location: location)
            try indexer.add(Fixtures.article("a1", "Rapat koordinasi pemilu di Palembang."))
            try indexer.commit()
        }
        let server = try await WebServerHarness(index: location, workers: 1, refresh: .milliseconds(50))
        let before = try await server.object("/api/search?q=jembatan")
        do {
            let indexer = try Indexer(location: location)
            try indexer.add(Fixtures.article("a2", "Jembatan Ampera diperbaiki."))
            try indexer.commit()
        }
        try await Task.sleep(for: .milliseconds(200))
        let after = try await server.object("/api/search?q=jembatan")
        await server.stop()
        #expect((before["total"] as? [String: Any])?["articles"] as? Int == 0)
        #expect((after["total"] as? [String: Any])?["articles"] as? Int == 1)
    }

    @Test("a shard that cannot be reached is 503 with the CLI's message")
    func unreachableShard() async throws {
        let directory = TemporaryDirectory()
        let seeds = try await seedIndex(in: directory)
        let stub = try directory.write("index.stub", "auto \(seeds.path)\nremote 127.0.0.1:1\n")
        do {
            _ = try SearcherPool(.init(location: IndexLocation(option: stub), workers: 1))
            Issue.record("the pool opened an index with an unreachable shard")
        } catch let error as WebError {
            #expect(error.status == 503)
            #expect(error.message.contains("127.0.0.1:1"))
            #expect(error.message.contains("--allow-partial"))
        }
        let partial = try SearcherPool(.init(location: IndexLocation(option: stub), allowPartial: true, workers: 1))
        let api = WebAPI(pool: partial, assets: try PageAssets.bundled())
        let answer = await api.respond(to: try WebRequest(method: "GET", path: "/api/search", query: "q=pemilu"))
        partial.closeAndWait()
        #expect(answer.status == 200)
        let document = try JSONSerialization.jsonObject(with: Data(answer.body)) as? [String: Any]
        #expect((document?["missing_shards"] as? [[String: Any]])?.count == 1)
    }

    @Test("a remote shard: searched through Xapian's remote backend; gone, the answer is 503 with the CLI's advice",
          .enabled(if: TCPShardServer.isInstalled, "xapian-tcpsrv is not installed (xapian-tools)"))
    func remoteShard() async throws {
        let directory = TemporaryDirectory()
        let seeds = try await seedIndex(in: directory)
        let shard = try TCPShardServer(database: seeds.path)
        let stub = try directory.write("remote.stub", "remote 127.0.0.1:\(shard.port)\n")
        let server = try await WebServerHarness(index: IndexLocation(option: stub), workers: 1)
        let served = try await server.get("/api/search?q=%22zero+konflik%22")
        shard.stop()
        let gone = try await server.get("/api/search?q=%22zero+konflik%22")
        await server.stop()
        #expect(served.status == 200)
        #expect(((try served.object())["results"] as? [[String: Any]])?.count == 2)
        #expect(gone.status == 503)
        let message = try #require((try gone.object())["error"] as? String)
        #expect(message.contains("127.0.0.1:\(shard.port)"))
        #expect(message.contains("telusur shard-server"))
    }
}

extension WebServerHarness {
    func object(_ target: String) async throws -> [String: Any] { try await get(target).object() }
}
