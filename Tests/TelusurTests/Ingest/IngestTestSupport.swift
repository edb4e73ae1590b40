import Foundation
@testable import Telusur

/// Swift Testing has a `SourceLocation` of its own; this names telusur's.
typealias IngestSourceLocation = Telusur.SourceLocation

/// Files for the ingest tests: each test makes its own fresh directory.
enum IngestFixture {
    /// A fresh directory under the system's temporary directory, removed when
    /// the value is released.
    final class Directory {
        /// The directory's path, without a trailing slash.
        let path: String

        init() throws {
            path = FileManager.default.temporaryDirectory
                .appendingPathComponent("telusur-ingest-\(UUID().uuidString)").path
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        }

        deinit {
            // Make everything writable again so that removal works.
            _ = chmod(path, 0o755)
            try? FileManager.default.removeItem(atPath: path)
        }

        /// Writes `bytes` to `name` (may contain subdirectories) and returns the path.
        @discardableResult
        func write(_ name: String, bytes: [UInt8]) throws -> String {
            let file = path + "/" + name
            let parent = (file as NSString).deletingLastPathComponent
            try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
            try Data(bytes).write(to: URL(fileURLWithPath: file))
            return file
        }

        /// Writes UTF-8 `text` to `name` and returns the path.
        @discardableResult
        func write(_ name: String, _ text: String) throws -> String {
            try write(name, bytes: Array(text.utf8))
        }

        /// Makes the directory `name` and returns its path.
        @discardableResult
        func makeDirectory(_ name: String) throws -> String {
            let directory = path + "/" + name
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            return directory
        }
    }

    /// One JSON Lines line for an article.
    static func jsonLine(
        id: String,
        title: String? = "Judul",
        date: String? = "2024-02-07",
        body: String = "Paragraf pertama.\nParagraf kedua."
    ) -> String {
        var object: [String: Any] = ["id": id, "body": body, "source": "contoh.id"]
        object["title"] = title
        object["date"] = date
        guard let data = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]) else {
            return "{}"
        }
        return String(decoding: data, as: UTF8.self)
    }

    /// Reads `paths` and gathers what came out.
    static func read(
        _ paths: [String],
        format: InputFormat = .auto,
        standardInput: FileHandle = .standardInput,
        maximumRecordSize: Int? = nil
    ) -> (articles: [Article], problems: [IngestError], summary: IngestSummary) {
        var reader = ArticleReader(paths: paths, format: format, standardInput: standardInput)
        if let maximumRecordSize {
            reader.maximumRecordSize = maximumRecordSize
        }
        var articles: [Article] = []
        var problems: [IngestError] = []
        let summary = reader.read(article: { articles.append($0) }, problem: { problems.append($0) })
        return (articles, problems, summary)
    }

    /// The project's root directory, found from this file's path.
    static let projectRoot: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<4 {
            url.deleteLastPathComponent()
        }
        return url.path
    }()

    /// The shared corpus folder next to the project, if it is there.
    static let corpusDirectory: String? = {
        let candidate = (projectRoot as NSString).appendingPathComponent("../shared/corpus")
        return FileManager.default.fileExists(atPath: candidate + "/clickid-2019.jsonl.gz") ? candidate : nil
    }()

    /// `bytes` as a gzip file that uses stored (uncompressed) deflate blocks of
    /// `blockSize` bytes, so that tests can cut it anywhere they like.
    static func gzip(_ bytes: [UInt8], blockSize: Int = 1000) -> [UInt8] {
        var out: [UInt8] = [0x1F, 0x8B, 0x08, 0x00, 0, 0, 0, 0, 0x00, 0xFF]
        var offset = 0
        repeat {
            let count = min(blockSize, bytes.count - offset)
            let isLast = offset + count == bytes.count
            out.append(isLast ? 1 : 0)
            out += [UInt8(count & 0xFF), UInt8(count >> 8), UInt8(~count & 0xFF), UInt8((~count >> 8) & 0xFF)]
            out += bytes[offset..<offset + count]
            offset += count
        } while offset < bytes.count
        out += littleEndian(crc32(bytes)) + littleEndian(UInt32(truncatingIfNeeded: bytes.count))
        return out
    }

    private static func littleEndian(_ value: UInt32) -> [UInt8] {
        (0..<4).map { UInt8(truncatingIfNeeded: value >> (8 * $0)) }
    }

    private static func crc32(_ bytes: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes {
            crc ^= UInt32(byte)
            for _ in 0..<8 {
                crc = crc & 1 == 1 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1
            }
        }
        return ~crc
    }
}
