extension Searcher {
    /// One article read back whole, as the index holds it: what `telusur show` prints
    /// and what a server answers for one article.
    public struct WholeArticle: Sendable, Equatable {
        /// The stored metadata.
        public var record: ArticleRecord
        /// Every paragraph in order, uncut.
        public var paragraphs: [MatchedParagraph]
        /// The persons recognised in it, as shown ("Herman Deru"), sorted by key.
        public var persons: [String]
        /// The agencies recognised in it, as shown ("KPU Sumatera Selatan"), sorted by key.
        public var agencies: [String]
    }

    /// The article with this id, every paragraph and its persons and agencies, or
    /// `nil` when the index does not have it.
    ///
    /// The persons and agencies are the title document's `XPA`/`XGA` terms (Xapian's
    /// `termlist_begin` on that document), so they are what indexing found.
    public func wholeArticle(id: String) throws -> WholeArticle? {
        try retryingOnModification {
            guard let record = try article(id: id),
                  let title = try database.firstDocument(term: Schema.paragraphTerm(article: id, number: 0))
            else { return nil }
            let paragraphs = try paragraphs(ofArticle: id)
            let lexicon = try? EntityLexicon.shared.get()
            let persons = try database.documentTerms(title, prefix: Schema.articlePersonPrefix).map {
                PersonName.display(String($0.dropFirst(Schema.articlePersonPrefix.count)))
            }
            let agencies = try database.documentTerms(title, prefix: Schema.articleAgencyPrefix).map { term in
                let key = String(term.dropFirst(Schema.articleAgencyPrefix.count))
                return lexicon?.agencyName(key) ?? key
            }
            return WholeArticle(record: record, paragraphs: paragraphs, persons: persons, agencies: agencies)
        }
    }
}
