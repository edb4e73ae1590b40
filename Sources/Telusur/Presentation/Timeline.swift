/// Matching articles per period, every period from the first to the last present
/// (zeros included), from the day, month and year counts of a search (`--timeline`).
public struct Timeline: Sendable, Equatable {
    /// How long one period is.
    public enum Period: String, Sendable, CaseIterable {
        case day, week, month, year
    }

    /// One bar: the period ("2019-09-17", "2019-W38", "2019-09", "2019") and its matching articles.
    public struct Bar: Sendable, Equatable {
        public var period: String
        public var articles: Int
    }

    public var period: Period
    public var bars: [Bar]

    /// The timeline of `facets` (searched with ``SearchOptions/allMonths``). Weeks are
    /// ISO 8601 weeks (Monday to Sunday, "2019-W38"), added up from the days; an
    /// article counts once in its week.
    public init(_ facets: Facets, period: Period) {
        self.period = period
        let counts: [Facets.Count]
        switch period {
        case .day, .week: counts = facets.days
        case .month: counts = facets.months
        case .year: counts = facets.years
        }
        var known: [Int: Int] = [:]
        for count in counts {
            guard let number = Self.parse(count.value, period) else { continue }
            known[number, default: 0] += count.articles
        }
        guard let first = known.keys.min(), let last = known.keys.max() else {
            bars = []
            return
        }
        bars = (first...last).map { Bar(period: Self.name($0, period), articles: known[$0] ?? 0) }
    }

    /// A period as a number that counts up by one: days since 1970-01-01, weeks since
    /// the Monday of 1969-12-29, months since year 0, or the year.
    private static func parse(_ text: String, _ period: Period) -> Int? {
        let parts = text.split(separator: "-")
        guard let year = parts.first.flatMap({ Int($0) }) else { return nil }
        switch period {
        case .year: return parts.count == 1 ? year : nil
        case .month:
            guard parts.count == 2, let month = Int(parts[1]), (1...12).contains(month) else { return nil }
            return year * 12 + month - 1
        case .day, .week:
            guard parts.count == 3, let month = Int(parts[1]), (1...12).contains(month),
                  let day = Int(parts[2]), (1...31).contains(day) else { return nil }
            let number = daysSinceEpoch(year: year, month: month, day: day)
            // 1970-01-01 was a Thursday: day 0 is in the week that starts on day -3.
            return period == .day ? number : floorDivide(number + 3, 7)
        }
    }

    private static func name(_ number: Int, _ period: Period) -> String {
        switch period {
        case .year: return String(number)
        case .month:
            let month = number % 12 + 1
            return "\(number / 12)-" + twoDigits(month)
        case .day:
            let (year, month, day) = civilDate(daysSinceEpoch: number)
            return "\(year)-\(twoDigits(month))-\(twoDigits(day))"
        case .week:
            // ISO 8601: the week belongs to the year of its Thursday.
            let thursday = number * 7 - 3 + 3
            let (year, _, _) = civilDate(daysSinceEpoch: thursday)
            let week = (thursday - daysSinceEpoch(year: year, month: 1, day: 1)) / 7 + 1
            return "\(year)-W" + twoDigits(week)
        }
    }

    private static func twoDigits(_ n: Int) -> String { (n < 10 ? "0" : "") + String(n) }

    private static func floorDivide(_ a: Int, _ b: Int) -> Int { a >= 0 ? a / b : -((-a + b - 1) / b) }

    /// Days from 1970-01-01 in the proleptic Gregorian calendar (H. Hinnant's `days_from_civil`).
    static func daysSinceEpoch(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = floorDivide(y, 400)
        let yoe = y - era * 400
        let doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }

    /// The date `days` after 1970-01-01 (`civil_from_days`).
    static func civilDate(daysSinceEpoch days: Int) -> (year: Int, month: Int, day: Int) {
        let z = days + 719468
        let era = floorDivide(z, 146097)
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (month <= 2 ? 1 : 0), month, day)
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
