import Foundation
import Testing

/// `telusur alert add|list|remove`: saved searches kept in the index's metadata.
@Suite struct AlertCommandTests {
    /// A small index of the repository's seeds, with `shards` shards (1 = one database).
    private func seedIndex(_ directory: TemporaryDirectory, shards: Int) throws -> String {
        let index = directory.path + "/index"
        var arguments = ["index", "--index", index, "--quiet", Repository.seeds]
        if shards > 1 { arguments += ["--shards", String(shards)] }
        let indexed = try CommandRunner.run(arguments)
        #expect(indexed.status == 0, "\(indexed.stderr)")
        return index
    }

    @Test(arguments: [1, 3])
    func addListRemoveRoundTrip(shards: Int) throws {
        let directory = TemporaryDirectory()
        let index = try seedIndex(directory, shards: shards)
        let empty = try CommandRunner.run(["alert", "list", "--index", index])
        #expect(empty.status == 0, "\(empty.stderr)")
        #expect(empty.stdout.hasPrefix("no alerts"))

        let added = try CommandRunner.run(["alert", "add", "--index", index, "politik uang", "\"politik uang\" sumsel"])
        #expect(added.status == 0, "\(added.stderr)")
        #expect(try CommandRunner.run(["alert", "add", "--index", index, "kpu", "kpu"]).status == 0)

        let listed = try CommandRunner.run(["alert", "list", "--index", index, "--json"])
        #expect(listed.status == 0, "\(listed.stderr)")
        let alerts = try #require(try JSONSerialization.jsonObject(with: Data(listed.stdout.utf8)) as? [[String: Any]])
        #expect(alerts.map { $0["name"] as? String } == ["politik uang", "kpu"])
        #expect(alerts.first?["query"] as? String == "\"politik uang\" sumsel")
        #expect(alerts.allSatisfy { ($0["lastRead"] as? String)?.isEmpty == false })
        // Saved as read through the last batch committed: the seeds' one indexing run.
        #expect(alerts.allSatisfy { $0["readBatch"] as? Int == 1 })

        // A copy of the index carries them: they live inside it.
        let copy = directory.path + "/copy"
        try FileManager.default.copyItem(atPath: index, toPath: copy)
        let copied = try CommandRunner.run(["alert", "list", "--index", copy])
        #expect(copied.stdout.split(separator: "\n").count == 2, "\(copied.stdout)")

        let removed = try CommandRunner.run(["alert", "remove", "--index", index, "kpu"])
        #expect(removed.status == 0, "\(removed.stderr)")
        let after = try CommandRunner.run(["alert", "list", "--index", index])
        #expect(after.stdout.split(separator: "\n").map { String($0.prefix(while: { $0 != "\t" })) } == ["politik uang"])
        // Re-indexing keeps them.
        #expect(try CommandRunner.run(["index", "--index", index, "--quiet", Repository.seeds]).status == 0)
        #expect(try CommandRunner.run(["alert", "list", "--index", index]).stdout.hasPrefix("politik uang\t"))
    }

    @Test func refusesDuplicatesUnknownNamesAndBadQueries() throws {
        let directory = TemporaryDirectory()
        let index = try seedIndex(directory, shards: 1)
        #expect(try CommandRunner.run(["alert", "add", "--index", index, "a", "kpu"]).status == 0)
        let duplicate = try CommandRunner.run(["alert", "add", "--index", index, "a", "bawaslu"])
        #expect(duplicate.status != 0)
        #expect(duplicate.stderr.contains("already has an alert named \"a\""))
        let unknown = try CommandRunner.run(["alert", "remove", "--index", index, "b"])
        #expect(unknown.status != 0)
        #expect(unknown.stderr.contains("no alert named \"b\""))
        let badQuery = try CommandRunner.run(["alert", "add", "--index", index, "c", "(kpu"])
        #expect(badQuery.status != 0)
        #expect(badQuery.stderr.contains("cannot save the alert"))
        let badName = try CommandRunner.run(["alert", "add", "--index", index, "x\u{1b}[31m", "kpu"])
        #expect(badName.status != 0)
        #expect(!badName.stderr.contains("\u{1b}"))
        let noIndex = try CommandRunner.run(["alert", "list", "--index", directory.path + "/none"])
        #expect(noIndex.status != 0)
        #expect(try CommandRunner.run(["alert", "list", "--index", index]).stdout.split(separator: "\n").count == 1)
    }
}
