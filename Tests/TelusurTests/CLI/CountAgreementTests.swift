import Foundation
import Testing

/// Issue 19: `--ids` and `--json` give the same articles; a folded near-duplicate is
/// listed under its group in JSON, never dropped.
@Suite struct CountAgreementTests {
    @Test func everyMatchingArticleIsAResultOrADuplicateOfOne() throws {
        let directory = TemporaryDirectory()
        let body = "Pemerintah provinsi menggelar rapat koordinasi pengamanan pemilu bersama seluruh jajaran forum komunikasi pimpinan daerah di kantor gubernur pada hari Senin. Rapat membahas kesiapan petugas, logistik surat suara, dan pengawasan di setiap tempat pemungutan suara."
        // 60 outlets publish one release word for word; one article stands alone.
        var lines = (0..<60).map { #"{"id":"copy\#($0)","date":"2024-01-\#(10 + $0 % 20)","source":"s\#($0).id","title":"Rapat pemilu","body":"\#(body)"}"# }
        lines.append(#"{"id":"alone","date":"2024-02-01","source":"lain.id","title":"Lain","body":"Pemilu di desa berjalan damai."}"#)
        let file = try directory.write("a.jsonl", lines.joined(separator: "\n") + "\n")
        let index = directory.path + "/idx"
        #expect(try CommandRunner.run(["index", "--index", index, file]).status == 0)

        let ids = try CommandRunner.run(["search", "--index", index, "--ids", "pemilu"]).stdout.split(separator: "\n").map(String.init)
        #expect(ids.count == 61)
        let json = try CommandRunner.run(["search", "--index", index, "--json", "--all", "pemilu"])
        let document = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let results = try #require(document["results"] as? [[String: Any]])
        #expect(results.count == 2)
        let listed = results.flatMap { result in
            [result["id"] as? String ?? ""] + (result["duplicates"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
        }
        #expect(listed.count == 61)
        #expect(Set(listed) == Set(ids))
        #expect((document["total"] as? [String: Any])?["articles"] as? Int == 61)

        // Copies that do not match the query are not listed: only s3.id's copy matches here.
        let one = try CommandRunner.run(["search", "--index", index, "--json", "pemilu source:s3.id"])
        let oneDocument = try #require(try JSONSerialization.jsonObject(with: Data(one.stdout.utf8)) as? [String: Any])
        let oneResults = try #require(oneDocument["results"] as? [[String: Any]])
        #expect(oneResults.count == 1 && (oneResults.first?["duplicates"] as? [Any])?.isEmpty == true, "\(one.stdout)")
    }
}
