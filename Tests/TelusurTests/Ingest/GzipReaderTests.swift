import Foundation
import Testing
@testable import Telusur

@Suite("GzipReader")
struct GzipReaderTests {
    /// Reads all of a gzip file through the reader.
    static func inflate(_ path: String) throws -> (bytes: [UInt8], failure: ByteSourceError?) {
        let file = try FileChunkReader.open(path: path).get()
        let reader = GzipReader(upstream: file, pending: [])
        var bytes: [UInt8] = []
        while true {
            switch reader.read(appendingTo: &bytes) {
            case .success(let count):
                if count == 0 { return (bytes, nil) }
            case .failure(let failure):
                return (bytes, failure)
            }
        }
    }

    static let text = Array((1...2000).map { "baris \($0)\n" }.joined().utf8)

    @Test("decompresses a whole stream")
    func roundTrip() throws {
        let directory = try IngestFixture.Directory()
        let path = try directory.write("a.gz", bytes: IngestFixture.gzip(Self.text))
        let result = try Self.inflate(path)
        #expect(result.failure == nil)
        #expect(result.bytes == Self.text)
    }

    @Test("reads concatenated members one after the other, and ignores trailing zeros")
    func concatenatedMembers() throws {
        let directory = try IngestFixture.Directory()
        let first = Array("satu\n".utf8)
        let second = Array("dua\n".utf8)
        let path = try directory.write(
            "ab.gz", bytes: IngestFixture.gzip(first) + IngestFixture.gzip(second) + [0, 0, 0, 0]
        )
        let result = try Self.inflate(path)
        #expect(result.failure == nil)
        #expect(result.bytes == first + second)
    }

    @Test("a truncated stream fails after the bytes before the cut")
    func truncated() throws {
        let directory = try IngestFixture.Directory()
        let compressed = IngestFixture.gzip(Self.text)
        let path = try directory.write("cut.gz", bytes: Array(compressed[..<(compressed.count / 2)]))
        let result = try Self.inflate(path)
        #expect(result.failure == .truncatedGzip)
        #expect(result.bytes.count > 0)
        #expect(Array(Self.text.prefix(result.bytes.count)) == result.bytes)
    }

    @Test("corrupt data fails with zlib's reason")
    func corrupt() throws {
        let directory = try IngestFixture.Directory()
        var compressed = IngestFixture.gzip(Self.text)
        compressed[12] ^= 0xFF  // the first block's length no longer matches its complement
        let path = try directory.write("bad.gz", bytes: compressed)
        let result = try Self.inflate(path)
        #expect(result.failure == .corruptGzip(reason: "invalid stored block lengths"))
    }

    @Test("the header check needs 1f 8b")
    func header() {
        #expect(GzipReader.hasGzipHeader([0x1F, 0x8B, 0x08]))
        #expect(!GzipReader.hasGzipHeader([0x1F]))
        #expect(!GzipReader.hasGzipHeader(Array("{\"id\"".utf8)))
    }

    @Test("decompresses the real corpus file", .enabled(if: IngestFixture.corpusDirectory != nil))
    func realCorpus() throws {
        let directory = try #require(IngestFixture.corpusDirectory)
        let result = try Self.inflate(directory + "/kompas-2025.jsonl.gz")
        #expect(result.failure == nil)
        #expect(result.bytes.count(where: { $0 == UInt8(ascii: "\n") }) == 1942)
    }
}
