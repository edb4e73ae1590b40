/// Quotes at index time: who is quoted in a paragraph (`said:`), the words of the quotes,
/// and the quotes themselves for `telusur quotes`.
extension Indexer {
    /// The article's quotes by paragraph number.
    static func quotesByParagraph(of article: Article, entities: [ParagraphEntities],
                                  extractor: QuoteExtractor) -> [Int: [Quote]] {
        Dictionary(grouping: extractor.quotes(in: article, entities: entities), by: \.paragraph)
    }
}
