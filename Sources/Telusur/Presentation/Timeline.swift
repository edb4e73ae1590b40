/// Matching articles per period, every period from the first to the last present
/// (zeros included), from the year and month counts of a search (`--timeline`).
public struct Timeline: Sendable, Equatable {
    /// How long one period is.
    public enum Period: String, Sendable, CaseIterable {
        case month, year
    }

    /// One bar: the period ("2019-09", "2019") and its matching articles.
    public struct Bar: Sendable, Equatable {
        public var period: String
        public var articles: Int
    }

    public var period: Period
    public var bars: [Bar]

    /// The timeline of `facets` (searched with ``SearchOptions/allMonths``).
    public init(_ facets: Facets, period: Period) {
        self.period = period
        let counts = period == .month ? facets.months : facets.years
        let known = Dictionary(counts.map { ($0.value, $0.articles) }, uniquingKeysWith: +)
        let keys = counts.map(\.value).filter { Self.parse($0, period) != nil }.sorted()
        guard let first = keys.first.flatMap({ Self.parse($0, period) }),
              let last = keys.last.flatMap({ Self.parse($0, period) }) else {
            bars = []
            return
        }
        var bars: [Bar] = []
        var current = first
        while current <= last {
            let name = Self.name(current, period)
            bars.append(Bar(period: name, articles: known[name] ?? 0))
            current += 1
        }
        self.bars = bars
    }

    /// A period as a number that counts up by one: months since year 0, or the year.
    private static func parse(_ text: String, _ period: Period) -> Int? {
        let parts = text.split(separator: "-")
        guard let year = parts.first.flatMap({ Int($0) }) else { return nil }
        switch period {
        case .year: return parts.count == 1 ? year : nil
        case .month:
            guard parts.count == 2, let month = Int(parts[1]), (1...12).contains(month) else { return nil }
            return year * 12 + month - 1
        }
    }

    private static func name(_ number: Int, _ period: Period) -> String {
        switch period {
        case .year: return String(number)
        case .month:
            let month = number % 12 + 1
            return "\(number / 12)-" + (month < 10 ? "0" : "") + String(month)
        }
    }

    /// A bar chart for the terminal: one line a period, bars of Unicode blocks scaled
    /// to `width` columns for the largest count, then the count.
    public func render(width: Int = 50, style: TerminalRenderer.Style = .plain) -> String {
        let top = bars.map(\.articles).max() ?? 0
        guard top > 0 else { return "" }
        let blocks = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"]
        var out = ""
        for bar in bars {
            let eighths = bar.articles * width * 8 / top
            let text = String(repeating: "█", count: eighths / 8) + blocks[eighths % 8]
            out += "\(bar.period)  \(style.match.0)\(text)\(style.match.1)\(bar.articles == 0 ? "" : " ")\(bar.articles)\n"
        }
        return out
    }
}
