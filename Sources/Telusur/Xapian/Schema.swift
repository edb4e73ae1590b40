import Foundation

/// A Xapian value slot number (`Xapian::valueno`).
public struct ValueSlot: RawRepresentable, Hashable, Sendable {
    public var rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }
}

/// Everything telusur writes into a Xapian document, in one place: term prefixes,
/// value slots and the unique-id term (Xapian's docsprint `index_plan.rst` and
/// `uniqueness.rst`).
///
/// One Xapian document per paragraph. Paragraph 0 of every article is its title;
/// its data is the article's metadata (see ``ArticleRecord``); the data of the other
/// paragraphs is their text.
public enum Schema {
    // MARK: value slots

    /// The article id; results collapse on it (`set_collapse_key`).
    public static let articleSlot = ValueSlot(rawValue: 0)
    /// The date as "YYYY-MM-DD" ("" when unknown): sorts as text, so it serves
    /// `--sort date` and the newer-first tie-break.
    public static let dateSlot = ValueSlot(rawValue: 1)
    /// The paragraph number as decimal text (0 = title).
    public static let paragraphSlot = ValueSlot(rawValue: 2)
    /// The source (outlet domain), for facets.
    public static let sourceSlot = ValueSlot(rawValue: 3)
    /// On paragraph 0 only: the content hash of the article, to skip unchanged articles.
    public static let hashSlot = ValueSlot(rawValue: 4)

    /// On every document: the article ("i:" + id, first) and its facet values
    /// ("s:kompas.com", "y:2024", "m:2024-02", "d:2024-02-07", "p:herman deru", "g:kpu"), separated by
    /// U+001F. The shim's counting spy counts each value once per article; on remote
    /// shards a `ValueCountMatchSpy` counts the strings, one of a kind per article
    /// because of the first element, and Swift splits them.
    public static let facetSlot = ValueSlot(rawValue: 5)
    /// Separator of facet values in ``facetSlot``.
    public static let facetSeparator: Character = "\u{1F}"
    /// Prefix of the first element of ``facetSlot``, the article id (not a facet).
    public static let facetArticlePrefix = "i:"

    /// On the title document: "<simhash as 16 hex digits> <group id>", to find near-duplicates.
    public static let fingerprintSlot = ValueSlot(rawValue: 6)
    /// On every document: the id of the article's near-duplicate group (the first
    /// article indexed with that text; its own id when it has no twin). Results
    /// collapse on it unless `--no-group`.
    public static let groupSlot = ValueSlot(rawValue: 7)
    /// On every document: the tie-break of relevance ranking, the date then the article
    /// id ("2024-02-07" U+001F id; see ``orderValue(date:id:)``). Equal scores go to the
    /// newer article, then by id, whatever the document numbers: without it Xapian
    /// breaks ties by document number, which depends on how articles are spread over
    /// shards. (Schema version 2; older indexes break ties on ``dateSlot``.)
    public static let orderSlot = ValueSlot(rawValue: 8)

    /// The value of ``orderSlot``.
    public static func orderValue(date: String?, id: String) -> String {
        (date ?? "") + String(facetSeparator) + id
    }

    /// The order for "oldest first" (`--sort date`): as ``orderSlot`` but an undated
    /// article sorts after every date, so it comes last (in ``orderSlot`` sorted newest
    /// first it does too). A value slot, not a key maker: Xapian 1.4 cannot send a key
    /// maker to a remote shard. (Schema version 3; older indexes sort on ``orderSlot``.)
    public static let oldestFirstSlot = ValueSlot(rawValue: 10)

    /// The value of ``oldestFirstSlot``.
    public static func oldestFirstValue(date: String?, id: String) -> String {
        (date.flatMap { $0.isEmpty ? nil : $0 } ?? "~") + String(facetSeparator) + id
    }
    /// On a paragraph with quotes: its quotes as JSON (``QuoteRecord``), for `telusur quotes`.
    public static let quotesSlot = ValueSlot(rawValue: 9)

    /// On every document: the indexing batch that wrote the article, as ten decimal
    /// digits (``DocumentCodec/batchValue(_:)``), so a value range selects the articles
    /// indexed after a batch (`telusur alerts`: new since last read, by the time they
    /// were indexed, not their date). The last committed batch is in ``batchKey``.
    public static let batchSlot = ValueSlot(rawValue: 11)
    /// On the title document: how many distinct sentence shingles (``sentencePrefix``)
    /// the article has, as decimal text: the denominator of the share of an article
    /// another one reuses.
    public static let sentenceCountSlot = ValueSlot(rawValue: 12)

    // MARK: terms

    /// Marks paragraph 0 (the title document) of every article; its term frequency
    /// is the number of articles.
    public static let titleDocumentTerm = "XTITLE"
    /// Prefix of title words, on the title document (for `title:` searches).
    public static let titlePrefix = "S"
    /// Prefix of the article id term, on every paragraph of the article: deleting
    /// by it removes the whole article.
    public static let articlePrefix = "XA"
    /// Prefix of the source term (`source:`).
    public static let sourcePrefix = "XS"
    /// Prefix of a person mentioned in the paragraph (`person:`): "XP" + "herman deru".
    public static let personPrefix = "XP"
    /// Prefix of an agency mentioned in the paragraph (`agency:`): "XG" + "kpu", and
    /// "XG" + "kpu@sumatera-selatan" where the text names the region.
    public static let agencyPrefix = "XG"
    /// On the title document: every person of the article, for listing with article counts.
    public static let articlePersonPrefix = "XPA"
    /// On the title document: every agency of the article.
    public static let articleAgencyPrefix = "XGA"
    /// Prefix of an office written with a person in the paragraph (`office:`): "XK" +
    /// "gubernur sumatera selatan" (``EntityLexicon/officeKey(_:)``).
    public static let officePrefix = "XK"
    /// On the title document: who held an office, "XKH" + office + "#" + person, for
    /// `telusur office` (the holders of an office by prefix).
    public static let officeHolderPrefix = "XKH"
    /// On the title document: the offices of a person, "XKP" + person + "#" + office,
    /// for `telusur person --offices`.
    public static let personOfficePrefix = "XKP"
    /// Between the two keys of the office terms (neither key holds it).
    public static let officeSeparator = "#"

    /// On the title document: one 16-bit band of the SimHash fingerprint ("XH" + band
    /// + 4 hex digits); two fingerprints within 3 bits share at least one band.
    public static let fingerprintBandPrefix = "XH"
    /// On the title document: the near-duplicate group ("XD" + group id).
    public static let groupPrefix = "XD"

    /// On the title document: one sentence of the article's paragraphs ("XZ" + its
    /// ``SentenceShingle`` as 16 hex digits), each once, for `telusur pickup`: the
    /// articles that share sentences with another are the postings of its shingles.
    public static let sentencePrefix = "XZ"

    /// On the title document: each distinct word of the article once ("W" + word);
    /// its term frequency is the number of articles containing the word.
    public static let articleWordPrefix = "W"

    /// Prefix of the origin term, on the title document only: "XO" + the absolute path
    /// of the file the article was read from (none for standard input, or when the path
    /// is too long for a term). `telusur index --prune` finds gone files by it.
    public static let originPrefix = "XO"

    /// On a paragraph with at least one quote (``QuoteExtractor``).
    public static let quoteDocumentTerm = "XQUOTE"
    /// Prefix of a person quoted in the paragraph (`said:`): "XQP" + "herman deru".
    public static let quoteSpeakerPrefix = "XQP"
    /// Prefix of a body quoted in the paragraph (`said:agency:KPU`): "XQG" + "kpu".
    public static let quoteAgencyPrefix = "XQG"
    /// Prefix of the words inside the paragraph's quotes, as boolean terms without
    /// positions (`said:"Herman Deru" pemilu`): "XQW" + "pemilu".
    public static let quoteWordPrefix = "XQW"

    /// The unique id term of one paragraph: `Q<article id>#<number>`, the id in NFC
    /// (as ingest stores it), so "café" typed decomposed finds it too.
    public static func paragraphTerm(article id: String, number: Int) -> String {
        "Q" + id.nfcNormalized + "#" + String(number)
    }

    /// The article's id term (`XA` + the id in NFC): every document of the article has it.
    public static func articleTerm(_ id: String) -> String {
        term(articlePrefix, id.nfcNormalized)
    }

    /// The source term (`XS` + the source folded as query words are: compatibility
    /// forms such as fullwidth "ｋｏｍｐａｓ.ｃｏｍ" or circled "ⓚⓟⓤ" to their plain
    /// letters, then lower case), so `source:` matches however either side was typed.
    public static func sourceTerm(_ source: String) -> String {
        term(sourcePrefix, foldedSource(source))
    }

    /// A source as the source term holds it.
    public static func foldedSource(_ source: String) -> String {
        source.precomposedStringWithCompatibilityMapping.lowercased()
    }

    /// A boolean term: `prefix` + `value`, with Xapian's ":" separator when the value
    /// starts with an upper-case letter (so "XA" + "Foo" never reads as prefix "XAF").
    public static func term(_ prefix: String, _ value: String) -> String {
        if let first = value.unicodeScalars.first, first.properties.isUppercase {
            return prefix + ":" + value
        }
        return prefix + value
    }

    /// The metadata key holding the time of the last commit (ISO 8601).
    public static let lastUpdateKey = "telusur.last-update"
    /// The metadata key holding the number of the last committed indexing batch (ten
    /// decimal digits), on every shard: each commit writes the next number.
    public static let batchKey = "telusur.batch"
    /// The metadata key holding when batch `number` was committed (ISO 8601), for
    /// `telusur alerts --since`.
    public static func batchTimeKey(_ number: Int) -> String {
        "telusur.batch-time." + String(number)
    }
    /// The metadata key holding the schema version, checked when opening.
    public static let versionKey = "telusur.schema"
    /// The current schema version. 2: ``orderSlot``, and the article first in ``facetSlot``.
    public static let version = "3"
}
