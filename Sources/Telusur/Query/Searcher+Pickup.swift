import Foundation

/// One article that reuses text of another (`telusur pickup`).
public struct Pickup: Sendable, Equatable, Codable {
    /// The article that reuses the text.
    public var article: ArticleRecord
    /// How many of the original's sentences it has.
    public var sharedSentences: Int
    /// ``sharedSentences`` over the original's sentences (0…1).
    public var share: Double
    /// True when it is in the original's near-duplicate group (the same text, by SimHash).
    public var nearDuplicate: Bool
    /// The original's sentences it does not have, in the original's order.
    public var cut: [String]
    /// Its sentences the original does not have, in its order.
    public var added: [String]
}

/// Where an article's text was picked up.
public struct PickupReport: Sendable, Equatable, Codable {
    /// The original (the release).
    public var original: ArticleRecord
    /// Its distinct sentences long enough to count (``SentenceShingle/minimumWords``).
    public var sentences: Int
    /// Sentences left out of the search because more than ``Searcher/commonSentenceLimit``
    /// articles have them (boilerplate: "Simak berita lainnya…").
    public var commonSentences: Int
    /// The articles reusing at least the asked share, oldest first (then by id).
    public var pickups: [Pickup]
    /// The date of the earliest pickup ("YYYY-MM-DD"; the corpus gives no times), nil
    /// when none is dated.
    public var firstPickup: String?
}

/// How much of the corpus reuses another article's text (`telusur pickup --survey`).
public struct ReuseSurvey: Sendable, Equatable, Codable {
    /// One article reusing another.
    public struct Example: Sendable, Equatable, Codable {
        public var original: ArticleRecord
        public var reuser: ArticleRecord
        public var share: Double
        public var nearDuplicate: Bool
    }
    /// Articles in the index.
    public var articles: Int
    /// The share asked for.
    public var minimumShare: Double
    /// Articles that reuse at least that share of some other article's sentences.
    public var reusing: Int
    /// Of those, the ones that do so with an article outside their near-duplicate group
    /// (partial reuse the SimHash groups do not show).
    public var reusingOutsideGroup: Int
    /// (original, reuser) pairs at or above the share.
    public var pairs: Int
    /// Some pairs outside a group, highest share first.
    public var examples: [Example]
}

extension Searcher {
    /// Sentences that more articles than this share are boilerplate, not reuse.
    public static let commonSentenceLimit = 100

    /// Every article that reuses at least `minimumShare` of the sentences of article `id`,
    /// with the sentences it cut and added.
    ///
    /// The original's sentence shingles are read from its title document
    /// (``Schema/sentencePrefix`` terms); each shingle's postings name the articles that
    /// have the sentence, counted per article; only those at the share are read. One
    /// posting list per sentence, on one database or several.
    ///
    /// - Throws: ``SearchError/articleMissing(id:)`` when the index does not have it.
    public func pickups(of id: String, minimumShare: Double = 0.1) throws -> PickupReport {
        try retryingOnModification {
            guard let title = try database.firstDocument(term: Schema.paragraphTerm(article: id, number: 0)),
                  let original = try? ArticleRecord.decode(try database.document(title, slot: Schema.articleSlot).data)
            else { throw SearchError.articleMissing(id: id) }
            let group = try database.document(title, slot: Schema.groupSlot).value
            let shingles = try database.documentTerms(title, prefix: Schema.sentencePrefix)
            var counts: [UInt32: Int] = [:]
            var common = 0
            for term in shingles {
                guard try database.frequency(of: term) <= Self.commonSentenceLimit else { common += 1; continue }
                for document in try database.documents(withTerm: term) where document != title { counts[document, default: 0] += 1 }
            }
            let total = shingles.count
            let needed = max(1, Int((minimumShare * Double(total)).rounded(.up)))
            let originalSentences = try sentences(ofArticle: id)
            var pickups: [Pickup] = []
            for (document, shared) in counts where shared >= needed {
                guard let record = try? ArticleRecord.decode(try database.document(document, slot: Schema.articleSlot).data) else { continue }
                let theirs = try sentences(ofArticle: record.id)
                let theirKeys = Set(theirs.map(\.key))
                let ourKeys = Set(originalSentences.map(\.key))
                pickups.append(Pickup(
                    article: record, sharedSentences: shared, share: Double(shared) / Double(max(1, total)),
                    nearDuplicate: try database.document(document, slot: Schema.groupSlot).value == group,
                    cut: originalSentences.filter { !theirKeys.contains($0.key) }.map(\.text),
                    added: theirs.filter { !ourKeys.contains($0.key) }.map(\.text)))
            }
            pickups.sort { ($0.article.date ?? "~", $0.article.id) < ($1.article.date ?? "~", $1.article.id) }
            return PickupReport(original: original, sentences: total, commonSentences: common, pickups: pickups,
                                firstPickup: pickups.compactMap(\.article.date).min())
        }
    }

    /// The sentences of an article's paragraphs with a key each (its folded words), for the diff.
    private func sentences(ofArticle id: String) throws -> [(text: String, key: UInt64)] {
        let tokenizer = Tokenizer()
        var list: [(text: String, key: UInt64)] = []
        var seen = Set<UInt64>()
        for paragraph in try paragraphs(ofArticle: id) {
            for sentence in SentenceShingle.sentences(of: paragraph.text, tokenizer: tokenizer) {
                guard let (key, _) = SentenceShingle.key(of: sentence.text, tokenizer: tokenizer), seen.insert(key).inserted else { continue }
                list.append((sentence.text, key))
            }
        }
        return list
    }

    /// How many articles reuse at least `minimumShare` of another's sentences, over the
    /// whole index: every sentence shingle shared by 2 to ``commonSentenceLimit``
    /// articles adds one to each pair of them; a pair is counted when the shared
    /// sentences reach the share of the original's (``Schema/sentenceCountSlot``).
    public func reuseSurvey(minimumShare: Double = 0.3, examples: Int = 10) throws -> ReuseSurvey {
        try retryingOnModification {
            var shared: [UInt64: UInt32] = [:]
            for (term, frequency) in try database.terms(prefix: Schema.sentencePrefix)
            where frequency >= 2 && frequency <= Self.commonSentenceLimit {
                let documents = try database.documents(withTerm: term)
                for i in documents.indices {
                    for j in documents.indices where j > i {
                        shared[UInt64(documents[i]) << 32 | UInt64(documents[j]), default: 0] += 1
                    }
                }
            }
            var sentenceCount: [UInt32: Int] = [:]
            var groups: [UInt32: String] = [:]
            func count(_ document: UInt32) throws -> Int {
                if let known = sentenceCount[document] { return known }
                let value = Int(try database.document(document, slot: Schema.sentenceCountSlot).value) ?? 0
                sentenceCount[document] = value
                return value
            }
            func group(_ document: UInt32) throws -> String {
                if let known = groups[document] { return known }
                let value = try database.document(document, slot: Schema.groupSlot).value
                groups[document] = value
                return value
            }
            var reusing = Set<UInt32>()
            var outside = Set<UInt32>()
            var pairs: [(original: UInt32, reuser: UInt32, share: Double, sameGroup: Bool)] = []
            for (pair, together) in shared {
                let a = UInt32(pair >> 32), b = UInt32(pair & 0xffff_ffff)
                for (original, reuser) in [(a, b), (b, a)] {
                    let sentences = try count(original)
                    guard sentences > 0 else { continue }
                    let share = Double(together) / Double(sentences)
                    guard share >= minimumShare else { continue }
                    let sameGroup = try group(original) == group(reuser)
                    reusing.insert(reuser)
                    if !sameGroup { outside.insert(reuser) }
                    pairs.append((original, reuser, min(1, share), sameGroup))
                }
            }
            pairs.sort { $0.share != $1.share ? $0.share > $1.share : ($0.original, $0.reuser) < ($1.original, $1.reuser) }
            var shown: [ReuseSurvey.Example] = []
            // Examples of partial reuse, spread over the shares: those outside a group,
            // from the middle of the list as much as from its top.
            let partial = pairs.filter { !$0.sameGroup && $0.share < 1 }
            let step = max(1, partial.count / max(1, examples))
            for pair in stride(from: 0, to: partial.count, by: step).prefix(examples).map({ partial[$0] }) {
                guard let original = try? ArticleRecord.decode(try database.document(pair.original, slot: Schema.articleSlot).data),
                      let reuser = try? ArticleRecord.decode(try database.document(pair.reuser, slot: Schema.articleSlot).data)
                else { continue }
                shown.append(.init(original: original, reuser: reuser, share: pair.share, nearDuplicate: false))
            }
            return ReuseSurvey(articles: try database.frequency(of: Schema.titleDocumentTerm), minimumShare: minimumShare,
                               reusing: reusing.count, reusingOutsideGroup: outside.count, pairs: pairs.count, examples: shown)
        }
    }
}
