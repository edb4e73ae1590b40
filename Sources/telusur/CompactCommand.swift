import ArgumentParser
import Foundation
import Telusur

/// `telusur compact`
struct CompactCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compact",
        abstract: "Rewrite the index without the space updates left free (Xapian's compaction).",
        discussion: """
            Builds a compact copy next to the index while holding the write lock, then swaps it in atomically; searches keep working throughout.
            Exit status: 0 compacted, 2 error (no index, or it is locked: see --wait).
            """
    )

    @OptionGroup var indexOption: IndexOption
    @OptionGroup var lock: LockOption

    func run() throws {
        let location = indexOption.location
        let report: IndexCompactor.Report
        do {
            let held = try lock.acquire { try WriteLock(location: location) }
            report = try withExtendedLifetime(held) { try IndexCompactor(location: location).compact(holding: held) }
        } catch let error as IndexingError {
            throw CommandError(message: error.description)
        }
        let before = ByteCountFormatter.string(fromByteCount: Int64(report.bytesBefore), countStyle: .file)
        let after = ByteCountFormatter.string(fromByteCount: Int64(report.bytesAfter), countStyle: .file)
        let saved = report.bytesBefore > 0 ? 100 * (report.bytesBefore - report.bytesAfter) / report.bytesBefore : 0
        print("compacted \(location.path): \(before) → \(after) (\(saved)% smaller), \(report.documents) documents")
    }
}
