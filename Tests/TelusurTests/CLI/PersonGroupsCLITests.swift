import Foundation
import Testing

/// Issue 13, one entry per person: old spellings and a bare name with its dominant
/// bearer are one entry in `persons`, the facets, completion and `person:`.
@Suite struct PersonGroupsCLITests {
    static func line(_ id: String, _ body: String) -> String {
        #"{"id":"\#(id)","title":"Berita \#(id)","date":"2024-01-0\#(id.suffix(1))","source":"contoh.id","url":null,"body":"\#(body)"}"#
    }

    /// Gatot Subroto 3 articles + Gatot Soebroto 1 (one article has both); Michael Owen
    /// 2 + Mikhael Owen 1; Firli Bahuri 4 + a bare Firli 1.
    static func indexed(_ directory: TemporaryDirectory) throws -> String {
        let index = directory.path + "/Index"
        let lines = [
            line("g1", "Jenderal Gatot Subroto memimpin pasukan."),
            line("g2", "Jenderal Gatot Subroto tiba di Bandung."),
            line("g3", "Jenderal Gatot Subroto dan Jenderal Gatot Soebroto adalah satu orang."),
            line("g4", "Jenderal Gatot Soebroto lahir di Banyumas."),
            line("m1", "Pelatih Michael Owen hadir."),
            line("m2", "Pelatih Michael Owen pulang."),
            line("m3", "Pelatih Mikhael Owen pergi."),
            line("f1", "Ketua KPK Firli Bahuri hadir."),
            line("f2", "Ketua KPK Firli Bahuri pulang."),
            line("f3", "Ketua KPK Firli Bahuri pergi."),
            line("f4", "Ketua KPK Firli Bahuri datang."),
            line("f5", "Rapat itu penting, kata Firli."),
        ]
        let result = try CommandRunner.run(["index", "--index", index, "-"], stdin: lines.joined(separator: "\n") + "\n")
        #expect(result.status == 0, "\(result.stderr)")
        return index
    }

    static func persons(_ output: String) throws -> [String: Int] {
        let list = try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [[String: Any]])
        var counts: [String: Int] = [:]
        for entry in list { counts[entry["name"] as? String ?? ""] = entry["articles"] as? Int }
        return counts
    }

    @Test func personsListsOneEntryPerPersonCountedOncePerArticle() throws {
        let directory = TemporaryDirectory()
        let index = try Self.indexed(directory)
        let listed = try CommandRunner.run(["persons", "--index", index, "--json"])
        #expect(listed.status == 0, "\(listed.stderr)")
        // The spelling most articles use names the entry: Michael is not rewritten.
        #expect(try Self.persons(listed.stdout) == ["Gatot Subroto": 4, "Michael Owen": 3, "Firli Bahuri": 5])
        let matched = try CommandRunner.run(["persons", "--index", index, "--json", "--match", "soebroto"])
        #expect(try Self.persons(matched.stdout) == ["Gatot Subroto": 4])
    }

    @Test func personFindsEverySpellingAndTheBareName() throws {
        let directory = TemporaryDirectory()
        let index = try Self.indexed(directory)
        for typed in ["Gatot Soebroto", "Gatot Subroto"] {
            let found = try CommandRunner.run(["search", "--index", index, "--ids", "person:\"\(typed)\""])
            #expect(found.stdout.split(separator: "\n").sorted() == ["g1", "g2", "g3", "g4"])
        }
        for typed in ["Michael Owen", "Mikhael Owen"] {
            let found = try CommandRunner.run(["search", "--index", index, "--ids", "person:\"\(typed)\""])
            #expect(found.stdout.split(separator: "\n").sorted() == ["m1", "m2", "m3"])
        }
        let firli = try CommandRunner.run(["search", "--index", index, "--ids", "person:\"Firli Bahuri\""])
        #expect(firli.stdout.split(separator: "\n").sorted() == ["f1", "f2", "f3", "f4", "f5"])
    }

    @Test func facetsAndArticlesShowTheEntry() throws {
        let directory = TemporaryDirectory()
        let index = try Self.indexed(directory)
        let found = try CommandRunner.run(["search", "--index", index, "--json", "--facets", "--no-group", "jenderal"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(found.stdout.utf8)) as? [String: Any])
        let facets = try #require(object["facets"] as? [String: Any])
        let persons = try #require(facets["persons"] as? [[String: Any]])
        #expect(persons.compactMap { $0["key"] as? String } == ["gatot subroto"])
        let results = try #require(object["results"] as? [[String: Any]])
        for result in results {
            let persons = result["persons"] as? [[String: Any]] ?? []
            #expect(persons.compactMap { $0["key"] as? String } == ["gatot subroto"])
        }
    }
}
