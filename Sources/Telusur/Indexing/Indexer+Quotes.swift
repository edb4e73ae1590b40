/// Quotes at index time: who is quoted in a paragraph (`said:`), the words of the quotes,
/// and the quotes themselves for `telusur quotes`.
extension Indexer {
    /// The article's quotes by paragraph number.
    static func quotesByParagraph(of article: Article, entities: [ParagraphEntities],
                                  extractor: QuoteExtractor) -> [Int: [Quote]] {
        Dictionary(grouping: extractor.quotes(in: article, entities: entities), by: \.paragraph)
    }

    /// Adds the quote terms and the quotes value to a paragraph's document: "XQUOTE",
    /// "XQP" + speaker, "XQG" + agency, "XQW" + each distinct word of the quotes (boolean,
    /// without positions: they would add a tenth to the index; a phrase beside `said:`
    /// matches its words, and `telusur quotes` checks the phrase in each quote), and
    /// ``Schema/quotesSlot``.
    func addQuotes(_ quotes: [Quote], of paragraph: Paragraph, to document: XapianDocument) throws {
        guard !quotes.isEmpty else { return }
        try document.addTerm(Schema.quoteDocumentTerm)
        var seen = Set<String>()
        for quote in quotes {
            var terms: [String] = []
            if let key = quote.speaker.key { terms.append(Schema.term(Schema.quoteSpeakerPrefix, key)) }
            if let agency = quote.speaker.agency { terms.append(Schema.term(Schema.quoteAgencyPrefix, agency)) }
            // A term Xapian cannot hold would fail the whole batch: such a speaker gets no term.
            for term in terms where term.utf8.count <= Self.maxTermBytes && seen.insert(term).inserted {
                try document.addTerm(term)
            }
        }
        // As boolean terms (wdf 0): they must not lengthen the paragraph, which would change
        // how every other search ranks it.
        var words = Set<String>()
        let tokenizer = Tokenizer()
        for quote in quotes {
            tokenizer.forEachToken(in: quote.text) { term, _, _, _ in words.insert(String(decoding: term, as: UTF8.self)) }
        }
        for word in words { try document.addTerm(Schema.quoteWordPrefix + word, wdf: 0) }
        try document.setValue(try QuoteRecord.encode(quotes), slot: Schema.quotesSlot)
    }
}
