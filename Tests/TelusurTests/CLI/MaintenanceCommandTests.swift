import Foundation
import Testing
@testable import Telusur

/// `remove`, `index --prune`, `compact` and `check` through the real executable.
@Suite struct MaintenanceCommandTests {
    @Test func removeSaysWhichIdsWereNotThere() throws {
        let directory = TemporaryDirectory()
        let index = directory.path + "/Index"
        #expect(try CommandRunner.run(["index", "--index", index, Repository.seeds]).status == 0)

        let some = try CommandRunner.run(["remove", "--index", index, "000_b340dedaa94c42df.txt", "tidak-ada"])
        #expect(some.status == 1)
        #expect(some.stdout.contains("removed 1 article from \(index)"))
        #expect(some.stderr.contains("no article with id \"tidak-ada\" in index \(index)"))
        let all = try CommandRunner.run(["remove", "--index", index, "002_f25fde0d847e90ce.txt"])
        #expect(all.status == 0, "\(all.stderr)")
        let stats = try CommandRunner.run(["stats", "--json", "--index", index])
        #expect(stats.stdout.contains("\"articles\":0"))
        #expect(try CommandRunner.run(["search", "--index", index, "bawaslu"]).status == 1)

        let missing = try CommandRunner.run(["remove", "--index", directory.path + "/none", "x"])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("no index at"))
        #expect(!FileManager.default.fileExists(atPath: directory.path + "/none"))  // not created
    }

    @Test func pruneRemovesArticlesWhoseFilesAreGone() throws {
        let directory = TemporaryDirectory()
        let index = directory.path + "/Index"
        let releases = directory.path + "/rilis"
        try directory.write("rilis/a.txt", "Bawaslu Sumsel menggelar rapat.\n")
        try directory.write("rilis/2024/b.md", "# Judul B\nBawaslu kedua.\n")
        try directory.write("rilis/feed.jsonl", """
            {"id":"f1","title":"F1","body":"Bawaslu feed satu."}
            {"id":"f2","title":"F2","body":"Bawaslu feed dua."}

            """)
        let stdinLine = #"{"id":"s1","title":"S1","body":"Bawaslu dari stdin."}"#
        #expect(try CommandRunner.run(["index", "--index", index, releases]).status == 0)
        #expect(try CommandRunner.run(["index", "--index", index, "-"], stdin: stdinLine + "\n").status == 0)
        #expect(try Self.articles(index) == 5)

        // Without --prune nothing goes; with it, the articles of the deleted files go.
        try FileManager.default.removeItem(atPath: releases + "/2024/b.md")
        try FileManager.default.removeItem(atPath: releases + "/feed.jsonl")
        let plain = try CommandRunner.run(["index", "--index", index, releases])
        #expect(plain.status == 0)
        #expect(try Self.articles(index) == 5)
        let pruned = try CommandRunner.run(["index", "--prune", "--index", index, releases])
        #expect(pruned.status == 0, "\(pruned.stderr)")
        #expect(pruned.stdout.contains("pruned 3 articles whose files are gone"))
        #expect(pruned.stdout.contains("\"pruned\": 3"))
        #expect(try Self.articles(index) == 2)  // a.txt, and the one from stdin (never pruned)
        #expect(try CommandRunner.run(["search", "--index", index, "id:a.txt"]).status == 0)
        #expect(try CommandRunner.run(["search", "--index", index, "id:s1"]).status == 0)
        #expect(try CommandRunner.run(["check", "--index", index]).status == 0)
    }

    @Test func pruneKeepsAnArticleThatMovedToAnotherFile() throws {
        let directory = TemporaryDirectory()
        let index = directory.path + "/Index"
        try directory.write("feeds/senin.jsonl", #"{"id":"f1","title":"F1","body":"Bawaslu senin."}"# + "\n")
        #expect(try CommandRunner.run(["index", "--index", index, directory.path + "/feeds"]).status == 0)
        try FileManager.default.moveItem(atPath: directory.path + "/feeds/senin.jsonl", toPath: directory.path + "/feeds/selasa.jsonl")
        let again = try CommandRunner.run(["index", "--prune", "--index", index, directory.path + "/feeds"])
        #expect(again.stdout.contains("1 replaced"), "\(again.stdout)")  // it has a new origin
        #expect(again.stdout.contains("pruned 0 articles"))
        #expect(try Self.articles(index) == 1)
    }

    @Test func prunePathsAreResolvedLikeTheIndexedOnes() throws {
        let directory = TemporaryDirectory()
        let index = directory.path + "/Index"
        try directory.write("rilis/sub/a.txt", "Bawaslu.\n")
        try directory.write("rilis/sub/b.txt", "KPU.\n")
        // Indexed as a relative path, pruned by an absolute spelling of it with . and ..
        #expect(try CommandRunner.run(["index", "--index", index, "rilis"], directory: directory.path).status == 0)
        try FileManager.default.removeItem(atPath: directory.path + "/rilis/sub/b.txt")
        let pruned = try CommandRunner.run(["index", "--prune", "--index", index, directory.path + "/./rilis/../rilis/"])
        #expect(pruned.stdout.contains("pruned 1 article whose files are gone"), "\(pruned.stdout)\(pruned.stderr)")
        #expect(try Self.articles(index) == 1)
    }

    @Test func compactShrinksSwapsAndKeepsEverything() throws {
        let directory = TemporaryDirectory()
        let index = directory.path + "/Index"
        let (corpus, updated) = try CrashSafetyTests.corpora(in: directory)
        #expect(try CommandRunner.run(["index", "--batch", "100", "--index", index, corpus]).status == 0)
        #expect(try CommandRunner.run(["index", "--batch", "100", "--index", index, updated]).status == 0)
        try directory.write("Index/README.md", "not Xapian's\n")
        let before = try CommandRunner.run(["search", "--json", "--limit", "3", "--index", index, "pembaruan"])

        let compacted = try CommandRunner.run(["compact", "--index", index])
        #expect(compacted.status == 0, "\(compacted.stderr)")
        #expect(compacted.stdout.contains("compacted \(index): "))
        #expect(compacted.stdout.contains("% smaller"))

        let after = try CommandRunner.run(["search", "--json", "--limit", "3", "--index", index, "pembaruan"])
        #expect(after.status == 0)
        #expect(Self.ids(after.stdout) == Self.ids(before.stdout))
        #expect(try Self.articles(index) == 300)
        #expect(try CommandRunner.run(["check", "--index", index]).status == 0)
        #expect(FileManager.default.fileExists(atPath: index + "/README.md"))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.contains("compacting") }
        #expect(leftovers.isEmpty, "\(leftovers)")
        // And it can be written again.
        #expect(try CommandRunner.run(["index", "--index", index, Repository.seeds]).status == 0)

        let missing = try CommandRunner.run(["compact", "--index", directory.path + "/none"])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("no index at"))
    }

    @Test func aSearcherOpenBeforeCompactionKeepsWorkingAndSeesTheCopyAfterRefresh() throws {
        let directory = TemporaryDirectory()
        let index = directory.path + "/Index"
        #expect(try CommandRunner.run(["index", "--index", index, Repository.seeds]).status == 0)
        let searcher = try Searcher(location: IndexLocation(option: index))
        #expect(try searcher.search("\"zero konflik\"").total.articles == 2)
        #expect(try CommandRunner.run(["compact", "--index", index]).status == 0)
        #expect(try searcher.search("\"zero konflik\"").total.articles == 2)  // still its open files
        try directory.write("baru.txt", "Zero konflik di Banyuasin.\n")
        #expect(try CommandRunner.run(["index", "--index", index, directory.path + "/baru.txt"]).status == 0)
        try searcher.refresh()
        #expect(try searcher.search("\"zero konflik\"").total.articles == 3)
    }

    @Test func compactThroughASymbolicLinkCompactsTheRealDirectory() throws {
        let directory = TemporaryDirectory()
        let real = directory.path + "/real/Index"
        let link = directory.path + "/Index"
        #expect(try CommandRunner.run(["index", "--index", real, Repository.seeds]).status == 0)
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: real)
        #expect(try CommandRunner.run(["compact", "--index", link]).status == 0)
        let type = try FileManager.default.attributesOfItem(atPath: link)[.type] as? FileAttributeType
        #expect(type == .typeSymbolicLink)
        #expect(try Self.articles(link) == 2)
        #expect(try CommandRunner.run(["check", "--index", real]).status == 0)
    }

    @Test func checkReportsASoundIndex() throws {
        let directory = TemporaryDirectory()
        let index = directory.path + "/Index"
        #expect(try CommandRunner.run(["index", "--index", index, Repository.seeds]).status == 0)
        let check = try CommandRunner.run(["check", "--index", index])
        #expect(check.status == 0, "\(check.stderr)")
        #expect(check.stdout.contains("structure    ok (Xapian's check found no errors)"))
        #expect(check.stdout.contains("articles     2, all whole, each once"))
        let verbose = try CommandRunner.run(["check", "--verbose", "--index", index])
        #expect(verbose.stdout.contains("postlist"))
        let missing = try CommandRunner.run(["check", "--index", directory.path + "/none"])
        #expect(missing.status == 2)
    }

    @Test func checkFindsDocumentsThatBelongToNoArticleAndDuplicates() throws {
        let directory = TemporaryDirectory()
        let index = directory.path + "/Index"
        #expect(try CommandRunner.run(["index", "--index", index, Repository.seeds]).status == 0)
        do {
            // Written behind the indexer's back: a paragraph of an article that does not
            // exist, and a second copy of paragraph 1 of a real one.
            let writer = try XapianWriter(path: index)
            try writer.begin()
            for (article, number) in [("hantu", 1), ("000_b340dedaa94c42df.txt", 1)] {
                let document = try XapianDocument()
                try document.addTerm(Schema.term(Schema.articlePrefix, article))
                try document.addTerm(Schema.paragraphTerm(article: article, number: number))
                try writer.add(document)
            }
            try writer.commit()
        }
        let check = try CommandRunner.run(["check", "--index", index])
        #expect(check.status == 2)
        #expect(check.stdout.contains("paragraph 1 is there 2 times instead of once"), "\(check.stdout)")
        #expect(check.stdout.contains("belong to no article"))
        #expect(check.stderr.contains("is damaged; rebuild it"))
    }

    @Test func checkFindsACorruptFile() throws {
        let directory = TemporaryDirectory()
        let index = directory.path + "/Index"
        #expect(try CommandRunner.run(["index", "--index", index, Repository.seeds]).status == 0)
        // Overwrite the postlist table's blocks with garbage (its first block stays).
        let table = try FileHandle(forUpdating: URL(fileURLWithPath: index + "/postlist.glass"))
        let size = try table.seekToEnd()
        try table.seek(toOffset: 8192)
        try table.write(contentsOf: Data(repeating: 0xA5, count: max(0, Int(size) - 8192)))
        try table.close()
        let check = try CommandRunner.run(["check", "--index", index])
        #expect(check.status == 2)
        #expect(check.stdout.contains("found by Xapian's check:"), "\(check.stdout)\(check.stderr)")
        #expect(check.stderr.contains("is damaged; rebuild it"))
    }

    static func articles(_ index: String) throws -> Int {
        try Searcher(location: IndexLocation(option: index)).statistics().articles
    }

    static func ids(_ json: String) -> [String] {
        let object = try? JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
        return (object?["results"] as? [[String: Any]])?.compactMap { $0["id"] as? String } ?? []
    }
}
