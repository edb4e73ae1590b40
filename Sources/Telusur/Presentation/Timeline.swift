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

    /// What `--timeline-by` breaks the matches down by.
    public enum Breakdown: String, Sendable, CaseIterable {
        case source, person, agency

        /// How a value of this kind is shown: persons and agencies by name, sources as they are.
        public func displayName(_ value: String) -> String {
            switch self {
            case .source: value
            case .person: PersonName.display(value)
            case .agency: (try? EntityLexicon.shared.get())?.agencyName(value) ?? value
            }
        }

        var facet: DocumentCodec.FacetKind {
            switch self {
            case .source: .source
            case .person: .person
            case .agency: .agency
            }
        }
    }

    /// One value's bars (`--timeline-by`): the same periods as ``bars``.
    public struct Line: Sendable, Equatable {
        /// The value as in queries and facets ("kompas.com", "herman deru", "kpu@sumatera-selatan").
        public var value: String
        /// As shown ("kompas.com", "Herman Deru", "KPU Sumatera Selatan").
        public var name: String
        /// Its matching articles, dated or not.
        public var articles: Int
        public var bars: [Bar]
    }

    public var period: Period
    public var bars: [Bar]
    /// What ``lines`` break the matches down by, if anything.
    public var breakdown: Breakdown?
    /// With ``breakdown``: one line per value, most articles first.
    public var lines: [Line] = []

    /// The timeline of `facets` (searched with ``SearchOptions/allMonths``). Weeks are
    /// ISO 8601 weeks (Monday to Sunday, "2019-W38"), added up from the days; an
    /// article counts once in its week.
    public init(_ facets: Facets, period: Period) {
        self.period = period
        let known = Self.counts(facets, period)
        guard let first = known.keys.min(), let last = known.keys.max() else {
            bars = []
            return
        }
        bars = (first...last).map { Bar(period: Self.name($0, period), articles: known[$0] ?? 0) }
    }

    /// The timeline of `facets`, and a line for each value of its breakdown
    /// (``Facets/breakdown``, searched with ``SearchOptions/breakdown`` set to `by`),
    /// over the same periods; `name` gives how a value is shown.
    public init(_ facets: Facets, period: Period, by breakdown: Breakdown, name: (String) -> String) {
        self.init(facets, period: period)
        self.breakdown = breakdown
        guard let first = Self.counts(facets, period).keys.min() else { return }
        lines = facets.breakdown.map { series in
            var known: [Int: Int] = [:]
            for day in series.days {
                guard let number = Self.periodNumber(ofDay: day.value, period) else { continue }
                known[number, default: 0] += day.articles
            }
            let bars = self.bars.indices.map { i in Bar(period: self.bars[i].period, articles: known[first + i] ?? 0) }
            return Line(value: series.value, name: name(series.value), articles: series.articles, bars: bars)
        }
    }

    /// The matching articles of each period, the periods numbered as ``parse(_:_:)`` does.
    private static func counts(_ facets: Facets, _ period: Period) -> [Int: Int] {
        let counts: [Facets.Count]
        switch period {
        case .day, .week: counts = facets.days
        case .month: counts = facets.months
        case .year: counts = facets.years
        }
        var known: [Int: Int] = [:]
        for count in counts {
            guard let number = parse(count.value, period) else { continue }
            known[number, default: 0] += count.articles
        }
        return known
    }

    /// The period a day ("2019-09-17") falls in, as ``parse(_:_:)`` numbers them.
    private static func periodNumber(ofDay day: String, _ period: Period) -> Int? {
        switch period {
        case .day, .week: return parse(day, period)
        case .month: return parse(String(day.prefix(7)), period)
        case .year: return parse(String(day.prefix(4)), period)
        }
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
    /// to `width` columns for the largest count, then the count. With a breakdown, a
    /// table instead: one row a period, the count of every match, then one column per value.
    public func render(width: Int = 50, style: TerminalRenderer.Style = .plain) -> String {
        guard breakdown == nil else { return renderTable(style: style) }
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

    /// The breakdown as a table: names cut to 24 columns and made terminal-safe, counts
    /// right-aligned under them.
    private func renderTable(style: TerminalRenderer.Style) -> String {
        guard !bars.isEmpty else { return "" }
        let names = ["all"] + lines.map { Self.cell($0.name.terminalSafe(), width: 24) }
        let periodWidth = bars.map(\.period.count).max() ?? 0
        let columns = names.indices.map { i in
            max(names[i].count, (i == 0 ? bars.map(\.articles) : lines[i - 1].bars.map(\.articles)).map { String($0).count }.max() ?? 1)
        }
        func pad(_ text: String, _ width: Int) -> String { String(repeating: " ", count: max(0, width - text.count)) + text }
        var out = String(repeating: " ", count: periodWidth)
        for (i, name) in names.enumerated() { out += "  " + pad(name, columns[i]) }
        out += "\n"
        for (row, bar) in bars.enumerated() {
            out += bar.period + String(repeating: " ", count: periodWidth - bar.period.count)
            out += "  " + style.match.0 + pad(String(bar.articles), columns[0]) + style.match.1
            for (i, line) in lines.enumerated() { out += "  " + pad(String(line.bars[row].articles), columns[i + 1]) }
            out += "\n"
        }
        return out
    }

    private static func cell(_ text: String, width: Int) -> String {
        text.count <= width ? text : String(text.prefix(width - 1)) + "…"
    }
}
