/// Quotes at index time: who is quoted in a paragraph (`said:`), the words of the quotes,
/// and the quotes themselves for `telusur quotes`.
extension Indexer {
    /// The article's quotes by paragraph number.
    static func quotesByParagraph(of article: Article, entities: [ParagraphEntities],
                                  extractor: QuoteExtractor) -> [Int: [Quote]] {
        Dictionary(grouping: extractor.quotes(in: article, entities: entities), by: \.paragraph)
    }

    /// Adds the quote terms and the quotes value to a paragraph's document: "XQUOTE",
    /// "XQP" + speaker, "XQG" + agency, "XQW" + each word of the quotes at its position
    /// in the quote (a later quote continues the positions, one gap apart, so a phrase
    /// never spans two quotes), and ``Schema/quotesSlot``.
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
        var bytes: [UInt8] = []
        var lengths: [UInt32] = []
        var positions: [UInt32] = []
        let prefix = Array(Schema.quoteWordPrefix.utf8)
        var base = 0
        let tokenizer = Tokenizer()
        for quote in quotes {
            var last = 0
            tokenizer.forEachToken(in: quote.text) { term, position, _, _ in
                bytes.append(contentsOf: prefix)
                bytes.append(contentsOf: term)
                lengths.append(UInt32(prefix.count + term.count))
                positions.append(UInt32(clamping: base + position))
                last = max(last, position)
            }
            base += last + 2
        }
        if !lengths.isEmpty { try document.addPostings(bytes: bytes, lengths: lengths, positions: positions) }
        try document.setValue(try QuoteRecord.encode(quotes), slot: Schema.quotesSlot)
    }
}
