@testable import Telusur

/// Small articles for index and search tests.
enum Fixtures {
    static func article(_ id: String, title: String = "Judul", date: String? = "2024-02-07",
                        source: String? = "contoh.id", _ paragraphs: String...) -> Article {
        Article(id: id, title: title, date: date, source: source, url: "https://contoh.id/\(id)",
                paragraphs: paragraphs.enumerated().map { Paragraph(number: $0.offset + 1, text: $0.element) })
    }

    /// Indexes `articles` into a new index in `directory` and opens a searcher on it.
    static func index(_ articles: [Article], in directory: TemporaryDirectory) throws -> Searcher {
        let location = IndexLocation(option: directory.path + "/index")
        do {
            let indexer = try Indexer(location: location)
            for article in articles { try indexer.add(article) }
            try indexer.commit()
        }
        return try Searcher(location: location)
    }
}
