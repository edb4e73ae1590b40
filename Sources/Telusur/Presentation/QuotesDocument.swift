import Foundation

/// The `--json` document of `telusur quotes`:
/// `{"total": N, "quotes": [{"article": {"id", "title", "date", "source", "url"},
/// "paragraph": N, "speaker": {"name", "key"} | null, "speaker_desc": "…" | null,
/// "role": "…" | null, "kind": "direct" | "indirect", "cue": "…", "text": "…"}]}`.
public struct QuotesDocument: Encodable, Sendable {
    /// The article a quote is from.
    public struct ArticleInfo: Encodable, Sendable, Equatable {
        public var id: String
        public var title: String
        public var date: String?
        public var source: String?
        public var url: String?

        public init(id: String, title: String, date: String?, source: String?, url: String?) {
            self.id = id
            self.title = title
            self.date = date
            self.source = source
            self.url = url
        }

        public func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(id, forKey: .id)
            try container.encode(title, forKey: .title)
            try container.encode(date, forKey: .date)
            try container.encode(source, forKey: .source)
            try container.encode(url, forKey: .url)
        }

        private enum CodingKeys: String, CodingKey { case id, title, date, source, url }
    }

    /// A named speaker.
    public struct SpeakerInfo: Encodable, Sendable, Equatable {
        public var name: String
        public var key: String
    }

    /// One quote with its article.
    public struct Entry: Encodable, Sendable {
        public var article: ArticleInfo
        public var paragraph: Int
        public var speaker: SpeakerInfo?
        public var speakerDescription: String?
        public var role: String?
        public var kind: Quote.Kind
        public var cue: String
        public var text: String

        /// Makes the entry of `quote` from `article`.
        public init(_ quote: Quote, article: ArticleInfo) {
            self.article = article
            paragraph = quote.paragraph
            speaker = quote.speaker.key.map { SpeakerInfo(name: quote.speaker.name ?? $0, key: $0) }
            speakerDescription = quote.speaker.key == nil ? quote.speaker.description : nil
            role = quote.role
            kind = quote.kind
            cue = quote.cue
            text = quote.text
        }

        public func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(article, forKey: .article)
            try container.encode(paragraph, forKey: .paragraph)
            try container.encode(speaker, forKey: .speaker)
            try container.encode(speakerDescription, forKey: .speakerDescription)
            try container.encode(role, forKey: .role)
            try container.encode(kind, forKey: .kind)
            try container.encode(cue, forKey: .cue)
            try container.encode(text, forKey: .text)
        }

        private enum CodingKeys: String, CodingKey {
            case article, paragraph, speaker, role, kind, cue, text
            case speakerDescription = "speaker_desc"
        }
    }

    /// How many quotes matched (more than `quotes` holds when a page was asked for).
    public var total: Int
    /// The page of quotes.
    public var quotes: [Entry]

    public init(total: Int, quotes: [Entry]) {
        self.total = total
        self.quotes = quotes
    }

    /// The document as one line of JSON (keys sorted, slashes unescaped).
    public func encoded() throws -> String {
        try JSONOutput.text(self, layout: .compact)
    }
}
