import Foundation
import Testing

/// Issue 13, offices held: the office written with a name is stored, `telusur office`
/// says who held it when, `person --offices` lists a person's offices, `office:` filters.
@Suite struct OfficeCommandTests {
    static func indexed(_ directory: TemporaryDirectory) throws -> String {
        let index = directory.path + "/Index"
        // Titles without the id: "Berita gatot" would write the given name in lower case
        // in the same article, and the recognizer then drops it from the name.
        func line(_ id: String, _ date: String, _ body: String) -> String {
            #"{"id":"\#(id)","title":"Berita hari ini","date":"\#(date)","source":"contoh.id","url":null,"body":"\#(body)"}"#
        }
        let lines = [
            line("gatot", "2019-09-10", "Kapolda Metro Jaya Irjen Pol Gatot Eddy Pramono meninjau lokasi."),
            line("fadil", "2021-03-01", "Kapolda Metro Jaya Irjen Pol Fadil Imran hadir di lokasi."),
            line("deru1", "2019-05-01", "Gubernur Sumsel H. Herman Deru membuka rapat."),
            line("deru2", "2019-09-02", "Rapat dibuka Herman Deru, Gubernur Sumatera Selatan, pagi ini."),
            line("other", "2019-09-03", "Warga berkumpul di Palembang."),
        ]
        let result = try CommandRunner.run(["index", "--index", index, "-"], stdin: lines.joined(separator: "\n") + "\n")
        #expect(result.status == 0, "\(result.stderr)")
        return index
    }

    static func holdings(_ output: String) throws -> [[String: Any]] {
        try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [[String: Any]])
    }

    @Test func officeSaysWhoHeldItThenWithArticles() throws {
        let directory = TemporaryDirectory()
        let index = try Self.indexed(directory)
        let then = try CommandRunner.run(["office", "--index", index, "--json", "--date", "2019-09", "Kapolda Metro Jaya"])
        #expect(then.status == 0, "\(then.stderr)")
        let list = try Self.holdings(then.stdout)
        #expect(list.count == 1)
        #expect((list.first?["person"] as? [String: Any])?["key"] as? String == "gatot eddy pramono")
        #expect((list.first?["office"] as? [String: Any])?["name"] as? String == "Kapolda DKI Jakarta")
        #expect((list.first?["evidence"] as? [[String: Any]])?.compactMap { $0["id"] as? String } == ["gatot"])
        // Every holder without a date, the same office by the region's name.
        let all = try CommandRunner.run(["office", "--index", index, "--json", "Kapolda DKI Jakarta"])
        let keys = try Self.holdings(all.stdout).compactMap { ($0["person"] as? [String: Any])?["key"] as? String }
        #expect(Set(keys) == ["gatot eddy pramono", "fadil imran"])
        let text = try CommandRunner.run(["office", "--index", index, "--date", "2021", "Kapolda Metro Jaya"])
        #expect(text.stdout.contains("Fadil Imran"))
        #expect(text.stdout.contains("2021-03-01"))
        #expect(!text.stdout.contains("Gatot"))
        let nobody = try CommandRunner.run(["office", "--index", index, "--date", "2018", "Kapolda Metro Jaya"])
        #expect(nobody.status == 1)
    }

    @Test func personOffersTheOfficesSeenWithFirstAndLastDate() throws {
        let directory = TemporaryDirectory()
        let index = try Self.indexed(directory)
        let found = try CommandRunner.run(["person", "--index", index, "--offices", "--json", "Herman Deru"])
        #expect(found.status == 0, "\(found.stderr)")
        let list = try Self.holdings(found.stdout)
        #expect(list.count == 1)
        let held = try #require(list.first)
        #expect((held["office"] as? [String: Any])?["key"] as? String == "gubernur sumatera selatan")
        #expect(held["articles"] as? Int == 2)
        #expect(held["first"] as? String == "2019-05-01")
        #expect(held["last"] as? String == "2019-09-02")
        let text = try CommandRunner.run(["person", "--index", index, "--offices", "Herman Deru"])
        #expect(text.stdout.contains("Gubernur Sumatera Selatan  2019-05-01 … 2019-09-02"))
    }

    @Test func officeFiltersInTheQueryLanguage() throws {
        let directory = TemporaryDirectory()
        let index = try Self.indexed(directory)
        let found = try CommandRunner.run(["search", "--index", index, "--ids", "office:\"Gubernur Sumsel\""])
        #expect(found.stdout.split(separator: "\n").sorted() == ["deru1", "deru2"])
        let bad = try CommandRunner.run(["office", "--index", index, "--date", "2019-13", "Gubernur Sumsel"])
        #expect(bad.status != 0)
        #expect(bad.stderr.contains("is no date"))
    }
}
