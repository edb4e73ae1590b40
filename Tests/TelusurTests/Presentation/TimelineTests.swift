import Testing
@testable import Telusur

@Suite struct TimelineTests {
    static func facets(days: [(String, Int)]) -> Facets {
        var facets = Facets()
        facets.days = days.map { Facets.Count(value: $0.0, articles: $0.1) }
        return facets
    }

    @Test func weeksAreISOWeeksAddedUpFromTheDays() {
        // 2020-12-31 (Thursday) and 2021-01-03 (Sunday) are in 2020-W53; 2021-01-04 starts 2021-W01.
        let timeline = Timeline(Self.facets(days: [("2020-12-31", 2), ("2021-01-03", 1), ("2021-01-04", 4), ("2021-01-18", 1)]), period: .week)
        #expect(timeline.bars == [
            .init(period: "2020-W53", articles: 3), .init(period: "2021-W01", articles: 4),
            .init(period: "2021-W02", articles: 0), .init(period: "2021-W03", articles: 1),
        ])
        // 2019-12-30 (Monday) is in 2020-W01; 1969 and the epoch's week work too.
        #expect(Timeline(Self.facets(days: [("2019-12-30", 1)]), period: .week).bars.map(\.period) == ["2020-W01"])
        #expect(Timeline(Self.facets(days: [("1969-12-29", 1), ("1970-01-04", 1)]), period: .week).bars.map(\.period) == ["1970-W01"])
    }

    @Test func daysHaveEveryDayAcrossMonthEndsAndLeapDays() {
        let timeline = Timeline(Self.facets(days: [("2020-02-28", 1), ("2020-03-01", 2)]), period: .day)
        #expect(timeline.bars == [
            .init(period: "2020-02-28", articles: 1), .init(period: "2020-02-29", articles: 0), .init(period: "2020-03-01", articles: 2),
        ])
        #expect(Timeline(Self.facets(days: [("2019-02-28", 1), ("2019-03-01", 1)]), period: .day).bars.count == 2)
        #expect(Timeline(Self.facets(days: [("1999-12-31", 1), ("2000-01-01", 1)]), period: .day).bars.map(\.period) == ["1999-12-31", "2000-01-01"])
    }
}
