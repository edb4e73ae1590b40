import Foundation

/// A fresh directory under the system's temporary folder, removed when the value dies.
/// Every test makes its own, so tests run in parallel without sharing an index.
final class TemporaryDirectory {
    let path: String

    init(_ name: String = #function) {
        let safe = name.filter { $0.isLetter || $0.isNumber }
        path = NSTemporaryDirectory() + "telusur-test-\(safe)-\(UUID().uuidString.prefix(8))"
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    /// Writes `contents` to `name` inside the directory and returns its path.
    @discardableResult
    func write(_ name: String, _ contents: String) throws -> String {
        let file = path + "/" + name
        let parent = (file as NSString).deletingLastPathComponent
        try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
        try Data(contents.utf8).write(to: URL(fileURLWithPath: file))
        return file
    }
}

/// Paths of the repository, found from this source file.
enum Repository {
    /// The package root.
    static let root: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<4 { url.deleteLastPathComponent() }  // Support, TelusurTests, Tests
        return url.path
    }()

    /// The two seed press releases.
    static var seeds: String { root + "/seeds" }

    /// The shared corpus (read-only, outside the repository).
    static var corpus: String {
        let beside = root + "/../shared/corpus"
        // A worktree or clone elsewhere than beside shared/: the workplace's copy.
        return FileManager.default.fileExists(atPath: beside) ? beside : "/work/shared/corpus"
    }
}
