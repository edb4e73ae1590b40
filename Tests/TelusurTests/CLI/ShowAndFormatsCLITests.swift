import Foundation
import Testing
import Telusur

/// `telusur show` and `telusur index` on the new formats, through the real executable.
@Suite struct ShowAndFormatsCLITests {
    @Test func showPrintsTheWholeArticleAsIndexed() throws {
        let directory = TemporaryDirectory()
        let index = directory.path + "/Index"
        #expect(try CommandRunner.run(["index", "--index", index, Repository.seeds]).status == 0)
        let id = "000_b340dedaa94c42df.txt"
        let shown = try CommandRunner.run(["show", "--index", index, "--json", id])
        #expect(shown.status == 0, "\(shown.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(shown.stdout.utf8)) as? [String: Any])
        #expect(Set(object.keys) == ["id", "title", "date", "source", "url", "paragraphs", "persons", "agencies"])
        #expect(object["id"] as? String == id)
        let paragraphs = try #require(object["paragraphs"] as? [[String: Any]])
        let text = try String(contentsOfFile: Repository.seeds + "/" + id, encoding: .utf8)
        let lines = text.split(separator: "\n").map { String($0.trimmingCharacters(in: .whitespaces)) }.filter { !$0.isEmpty }
        // Every paragraph in full, numbered from 1, nothing else in it.
        #expect(paragraphs.map { $0["text"] as? String } == lines)
        #expect(paragraphs.map { $0["no"] as? Int } == Array(1...lines.count))
        #expect(paragraphs.allSatisfy { Set($0.keys) == ["no", "text"] })
        #expect((object["persons"] as? [String])?.contains("Herman Deru") == true)
        #expect((object["agencies"] as? [String])?.contains("KPU") == true)

        let plain = try CommandRunner.run(["show", "--index", index, id])
        #expect(plain.status == 0)
        #expect(plain.stdout.contains("¶\(lines.count) " + lines[lines.count - 1]))
        #expect(plain.stdout.contains("persons: "))

        let missing = try CommandRunner.run(["show", "--index", index, "tidak-ada"])
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("no article \"tidak-ada\""))
    }

    @Test func showNeverSendsControlCharactersFromTheInputToTheTerminal() throws {
        let directory = TemporaryDirectory()
        let index = directory.path + "/Index"
        let page = try directory.write("jahat.html", """
            <html><head><title>Judul \u{1B}[31mmerah</title></head><body><article>
            <p>Paragraf dengan kode \u{1B}]0;judul\u{07} terminal yang tidak boleh sampai ke layar pengguna sama sekali.</p>
            <p>Paragraf kedua yang cukup panjang agar halaman ini dianggap berisi artikel yang sebenarnya, dengan beberapa kata tambahan lagi di sini.</p>
            </article></body></html>
            """)
        let indexed = try CommandRunner.run(["index", "--index", index, page])
        #expect(indexed.status == 0, "\(indexed.stderr)")
        let plain = try CommandRunner.run(["show", "--index", index, "jahat.html"])
        #expect(plain.status == 0, "\(plain.stderr)")
        #expect(!plain.stdout.contains("\u{1B}"))
        #expect(!plain.stdout.contains("\u{07}"))
    }

    @Test func everyFileNotReadIsNamedAndTheExitStatusSaysSo() throws {
        let directory = TemporaryDirectory()
        let index = directory.path + "/Index"
        let folder = directory.path + "/masuk"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        _ = try directory.write("masuk/rilis.txt", "Gubernur meresmikan jembatan.\n")
        _ = try directory.write("masuk/.draf.txt", "Draf.\n")
        _ = try directory.write("masuk/catatan.csv", "a,b\n1,2\n")
        try Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A]).write(to: URL(fileURLWithPath: folder + "/foto.png"))
        let run = try CommandRunner.run(["index", "--index", index, folder])
        #expect(run.status == 1)
        #expect(run.stdout.contains("indexed 1 article"))
        #expect(run.stdout.contains("3 not read"))
        #expect(run.stderr.contains(folder + "/.draf.txt: not read, hidden"))
        #expect(run.stderr.contains(folder + "/catatan.csv: not read, its name shows no format telusur reads"))
        #expect(run.stderr.contains(folder + "/foto.png: not read, a PNG image, not a format telusur reads"))
        #expect(run.stdout.contains("\"not_read\": 3"))
    }
}

/// `telusur index URL --follow` against a server on 127.0.0.1 that the test starts.
@Suite struct IndexByAddressCLITests {
    @Test func aFeedByAddressWithFollowIndexesEachPageAndARerunFetchesOnlyWhatChanged() throws {
        let server = try LocalHTTPServer(routes: [:])
        server.set("/rss", .init(contentType: "application/rss+xml", body: WebReaderTests.feed(server), etag: "\"f1\""))
        server.set("/berita/1", .init(body: WebReaderTests.page("Jembatan Musi Diresmikan", "Gubernur meresmikan jembatan di Palembang.")))
        server.set("/berita/2", .init(body: WebReaderTests.page("Rapat KPU Digelar", "KPU menggelar rapat pleno.")))
        let directory = TemporaryDirectory()
        let index = directory.path + "/Index"
        let run = try CommandRunner.run(["index", "--index", index, "--no-entities", "--follow", server.url("/rss")])
        #expect(run.status == 1, "\(run.stdout)\(run.stderr)")  // the 404 page
        #expect(run.stdout.contains("indexed 3 articles"))
        #expect(run.stderr.contains(server.url("/berita/hilang") + ": the server answered HTTP 404"))
        let shown = try CommandRunner.run(["show", "--index", index, "--json", server.url("/berita/1")])
        #expect(shown.status == 0, "\(shown.stderr)")
        #expect(shown.stdout.contains("Gubernur meresmikan jembatan di Palembang."))
        let again = try CommandRunner.run(["index", "--index", index, "--no-entities", "--follow", server.url("/rss")])
        #expect(again.status == 0, "\(again.stderr)")
        #expect(again.stdout.contains("indexed 0 articles"))
    }
}
