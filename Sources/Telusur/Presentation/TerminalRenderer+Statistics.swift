import Foundation

extension TerminalRenderer {
    /// What `telusur stats` and the REPL's `:stats` print: one "name  value" line each.
    public func render(statistics stats: IndexStatistics, index: IndexLocation) -> String {
        """
        index        \(index.path.terminalSafe())
        articles     \(stats.articles)
        paragraphs   \(stats.paragraphs)
        terms        \(stats.terms)
        size         \(ByteCountFormatter.string(fromByteCount: Int64(stats.bytes), countStyle: .file))\(stats.remoteShards > 0 ? " (local shards)" : "")
        \(stats.shards > 1 ? "shards       \(stats.shards)\(stats.remoteShards > 0 ? " (\(stats.remoteShards) remote)" : "")\n" : "")last update  \(stats.lastUpdate ?? "never")

        """
    }
}
