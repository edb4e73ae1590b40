/// One quotation in an article: words in quotation marks attributed by a cue (direct),
/// or reported speech with a cue and no marks (indirect), with who said it.
///
/// A quotation that runs over several paragraphs gives one `Quote` per paragraph, all
/// with the same speaker and cue.
public struct Quote: Sendable, Equatable, Hashable {
    /// Whether the words are the speaker's own (in quotation marks) or reported.
    public enum Kind: String, Sendable, Hashable, Codable {
        /// In quotation marks: `“…,” kata Herman Deru.`
        case direct
        /// Reported speech without marks: `Menurut Sri Mulyani, …`.
        case indirect
    }

    /// Who said it: a person, or when the text names none, a description and the body.
    public struct Speaker: Sendable, Equatable, Hashable {
        /// The person's canonical key, as in `person:` terms ("herman deru"); nil for a body
        /// or an unnamed speaker.
        public var key: String?
        /// The person's name as written ("Herman Deru").
        public var name: String?
        /// What the text says instead of a name ("seorang warga", "polisi", "KPK").
        public var description: String?
        /// The agency id of a body that speaks ("kpk"), when the text names one.
        public var agency: String?

        /// Creates a speaker.
        public init(key: String? = nil, name: String? = nil, description: String? = nil, agency: String? = nil) {
            self.key = key
            self.name = name
            self.description = description
            self.agency = agency
        }
    }

    /// The paragraph number (1 = the first paragraph of the body).
    public var paragraph: Int
    /// Direct or indirect.
    public var kind: Kind
    /// Who said it.
    public var speaker: Speaker
    /// The office given with the quote ("Gubernur Sumatera Selatan"), or nil.
    public var role: String?
    /// The cue that attributes it, folded ("kata", "ujarnya", "menurut", "dia menambahkan").
    public var cue: String
    /// The quoted or reported words, without the quotation marks.
    public var text: String
    /// UTF-8 byte range of ``text`` in the paragraph.
    public var range: Range<Int>

    /// Creates a quote.
    public init(paragraph: Int, kind: Kind, speaker: Speaker, role: String? = nil, cue: String, text: String,
                range: Range<Int>) {
        self.paragraph = paragraph
        self.kind = kind
        self.speaker = speaker
        self.role = role
        self.cue = cue
        self.text = text
        self.range = range
    }
}
