extension Substring {
    /// The text without leading and trailing Unicode whitespace (spaces, tabs,
    /// `\r`, no-break spaces, ideographic spaces, …).
    func trimmingWhitespace() -> Substring {
        let scalars = unicodeScalars
        var start = scalars.startIndex
        var end = scalars.endIndex
        while start < end, scalars[start].properties.isWhitespace {
            start = scalars.index(after: start)
        }
        while end > start {
            let before = scalars.index(before: end)
            guard scalars[before].properties.isWhitespace else { break }
            end = before
        }
        return self[start..<end]
    }
}

extension String {
    /// The text without leading and trailing Unicode whitespace.
    func trimmingWhitespace() -> Substring {
        self[...].trimmingWhitespace()
    }
}
