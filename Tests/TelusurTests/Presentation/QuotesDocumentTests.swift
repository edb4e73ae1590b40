import Foundation
import Testing
@testable import Telusur

@Suite struct QuotesDocumentTests {
    static let article = QuotesDocument.ArticleInfo(id: "a1", title: "Rapat", date: "2024-02-07", source: "contoh.id", url: nil)

    /// The schema of the issue, exactly: the keys, nulls written out, the kinds.
    @Test func jsonHasTheIssuesSchema() throws {
        let named = Quote(paragraph: 3, kind: .direct, speaker: Quote.Speaker(key: "herman deru", name: "Herman Deru"),
                          role: "Gubernur", cue: "kata", text: "Kami siap", range: 3..<12)
        let body = Quote(paragraph: 4, kind: .indirect, speaker: Quote.Speaker(description: "KPK", agency: "kpk"),
                         cue: "menyatakan", text: "penyidikan berjalan", range: 0..<19)
        let document = QuotesDocument(total: 7, quotes: [.init(named, article: Self.article), .init(body, article: Self.article)])
        let json = try document.encoded()
        #expect(json == """
            {"quotes":[{"article":{"date":"2024-02-07","id":"a1","source":"contoh.id","title":"Rapat","url":null},\
            "cue":"kata","kind":"direct","paragraph":3,"role":"Gubernur","speaker":{"key":"herman deru","name":"Herman Deru"},\
            "speaker_desc":null,"text":"Kami siap"},\
            {"article":{"date":"2024-02-07","id":"a1","source":"contoh.id","title":"Rapat","url":null},\
            "cue":"menyatakan","kind":"indirect","paragraph":4,"role":null,"speaker":null,"speaker_desc":"KPK",\
            "text":"penyidikan berjalan"}],"total":7}
            """)
        let decoded = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(Set(decoded.keys) == ["total", "quotes"])
        let first = try #require((decoded["quotes"] as? [[String: Any]])?.first)
        #expect(Set(first.keys) == ["article", "paragraph", "speaker", "speaker_desc", "role", "kind", "cue", "text"])
    }

    @Test func csvQuotesFieldsAndEscapesControlCharacters() {
        let quote = Quote(paragraph: 1, kind: .direct, speaker: Quote.Speaker(key: "budi", name: "Budi"),
                          cue: "kata", text: "Satu, \"dua\"\u{1B}[31m", range: 0..<10)
        let csv = QuotesDocument(total: 1, quotes: [.init(quote, article: Self.article)]).csv()
        let lines = csv.components(separatedBy: "\r\n")
        #expect(lines[0] == "article,date,source,title,url,paragraph,speaker,speaker_key,speaker_desc,role,kind,cue,text")
        #expect(lines[1].hasPrefix("a1,2024-02-07,contoh.id,Rapat,,1,Budi,budi,,,direct,kata,\"Satu, \"\"dua\"\""))
        #expect(!csv.contains("\u{1B}"))
    }
}
