/// The progress line `telusur index` keeps redrawing on a terminal:
/// "12000 articles · 98765 paragraphs · 356 articles/s · 0:34".
public struct IndexingProgress: Sendable {
    /// Seconds between two redraws.
    public static let interval = 0.5

    public init() {}

    /// The line for `articles` and `paragraphs` done after `seconds`.
    public func line(articles: Int, paragraphs: Int, seconds: Double) -> String {
        let rate = seconds > 0 ? Int((Double(articles) / seconds).rounded()) : 0
        let whole = Int(seconds)
        let clock = "\(whole / 60):" + (whole % 60 < 10 ? "0" : "") + "\(whole % 60)"
        return "\(articles) articles · \(paragraphs) paragraphs · \(rate) articles/s · \(clock)"
    }
}
