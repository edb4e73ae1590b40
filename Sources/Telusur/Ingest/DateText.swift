import Foundation

/// Reads the dates pages, feeds and documents write into `YYYY-MM-DD`.
///
/// Machine dates: `2016-02-23T14:39:42+07:00`, `2015-11-05 T10:08:58Z`,
/// `2022/12/10 07:16:35`, `2022-12-10T07-16-35Z`, RFC 822 (`Tue, 23 Aug 2016
/// 19:40:00 +0700`), PDF's `D:20240105…`. People's dates, Indonesian or English:
/// `Selasa, 23 Februari 2016 11:22`, `17 February 2017`, `5 Des 2022`, the
/// dateline's `(25/2/2020)` and `05/11/2015`. The date is taken as written, in the
/// writer's own time zone: a WIB evening stays on its day.
enum DateText {
    /// The date a metadata value holds, or `nil`.
    static func parse(_ value: String) -> String? {
        let text = value.trimmingWhitespace()
        var body = Substring(text)
        if body.hasPrefix("D:") { body = body.dropFirst(2) }
        let digits = Array(body.utf8.prefix(8))
        // ISO-like: 2016-02-23…, 2022/12/10…
        if let iso = isoDate(body) { return iso }
        // PDF: D:20240105…
        if digits.count == 8, digits.allSatisfy({ (0x30...0x39).contains($0) }) {
            let string = String(decoding: digits, as: UTF8.self)
            let date = "\(string.prefix(4))-\(string.dropFirst(4).prefix(2))-\(string.dropFirst(6))"
            if Article.isValidDate(date) { return date }
        }
        return find(in: String(text))
    }

    /// The first date written in running text, or `nil`.
    static func find(in text: String) -> String? {
        let words = text.split(whereSeparator: { $0.isWhitespace || $0 == "," || $0 == "|" })
        for (index, word) in words.enumerated() {
            // 23 Februari 2016
            if let day = Int(word), (1...31).contains(day), index + 2 < words.count,
               let month = month(words[index + 1]), let year = year(words[index + 2]) {
                if let date = make(year, month, day) { return date }
            }
            // February 17, 2017 (the comma is a separator)
            if let month = month(word), index + 2 < words.count, let day = Int(words[index + 1]),
               let year = year(words[index + 2]), let date = make(year, month, day) {
                return date
            }
            // (25/2/2020), 05/11/2015, 25-2-2020
            var core = word
            while let first = core.first, first == "(" { core = core.dropFirst() }
            while let last = core.last, last == ")" || last == "." { core = core.dropLast() }
            let parts = core.split(separator: "/", omittingEmptySubsequences: false)
            let dashed = core.split(separator: "-", omittingEmptySubsequences: false)
            for pieces in [parts, dashed] where pieces.count == 3 {
                if let day = Int(pieces[0]), let month = Int(pieces[1]), pieces[2].count == 4, let year = Int(pieces[2]),
                   pieces[0].count <= 2, let date = make(year, month, day) {
                    return date
                }
            }
            if let iso = isoDate(core) { return iso }
        }
        return nil
    }

    private static func isoDate(_ text: Substring) -> String? {
        let bytes = Array(text.utf8.prefix(10))
        guard bytes.count >= 8 else { return nil }
        func number(_ slice: ArraySlice<UInt8>) -> Int? {
            guard !slice.isEmpty, slice.allSatisfy({ (0x30...0x39).contains($0) }) else { return nil }
            return Int(String(decoding: slice, as: UTF8.self))
        }
        guard let year = number(bytes[0..<4]), bytes[4] == UInt8(ascii: "-") || bytes[4] == UInt8(ascii: "/") else {
            return nil
        }
        let separator = bytes[4]
        guard let second = bytes[5...].firstIndex(of: separator), let month = number(bytes[5..<second]) else { return nil }
        var end = second + 1
        while end < bytes.count, (0x30...0x39).contains(bytes[end]) { end += 1 }
        guard end - (second + 1) <= 2, let day = number(bytes[(second + 1)..<end]) else { return nil }
        return make(year, month, day)
    }

    private static func year(_ word: Substring) -> Int? {
        let trimmed = word.trimmingCharacters(in: [".", ")", "("])
        guard trimmed.count == 4, let year = Int(trimmed), (1900...2100).contains(year) else { return nil }
        return year
    }

    private static func month(_ word: Substring) -> Int? {
        let name = word.lowercased().trimmingCharacters(in: [".", ","])
        let months: [(Int, [String])] = [
            (1, ["januari", "january", "jan"]), (2, ["februari", "february", "feb", "pebruari"]),
            (3, ["maret", "march", "mar"]), (4, ["april", "apr"]), (5, ["mei", "may"]),
            (6, ["juni", "june", "jun"]), (7, ["juli", "july", "jul"]),
            (8, ["agustus", "august", "agu", "agt", "ags", "aug"]), (9, ["september", "sep", "sept"]),
            (10, ["oktober", "october", "okt", "oct"]), (11, ["november", "nopember", "nov"]),
            (12, ["desember", "december", "des", "dec"]),
        ]
        return months.first { $0.1.contains(name) }?.0
    }

    private static func make(_ year: Int, _ month: Int, _ day: Int) -> String? {
        guard (1...9999).contains(year), (1...12).contains(month), (1...31).contains(day) else { return nil }
        func pad(_ value: Int, _ width: Int) -> String {
            let text = String(value)
            return String(repeating: "0", count: max(0, width - text.count)) + text
        }
        let date = "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
        return Article.isValidDate(date) ? date : nil
    }
}
