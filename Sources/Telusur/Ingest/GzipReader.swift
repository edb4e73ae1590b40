import CZlib

/// The decompressed bytes of a gzip stream, read from another source a chunk at a
/// time (zlib's `inflate` with `16 + MAX_WBITS`, which expects the gzip header).
///
/// Concatenated gzip members, as `cat a.gz b.gz` makes, are read one after the
/// other; bytes after the last member that are not another gzip header are
/// ignored, as `gzip -d` does, and reported (``ByteSourceError/trailingGzipData(bytes:)``)
/// once everything before them has been read. A class because the zlib stream has a lifetime:
/// `inflateEnd` runs in `deinit`.
final class GzipReader: ByteChunkSource {
    /// Decompressed bytes produced per call at most.
    static let chunkSize = 1 << 18

    /// Whether `bytes` starts with the gzip magic number `1f 8b`.
    static func hasGzipHeader(_ bytes: [UInt8]) -> Bool {
        bytes.count >= 2 && bytes[0] == 0x1f && bytes[1] == 0x8b
    }

    private enum State {
        case inflating
        case finished
        case failed(ByteSourceError)
    }

    private let upstream: any ByteChunkSource
    /// zlib keeps a pointer back to the stream, so it needs a fixed address.
    private let stream: UnsafeMutablePointer<z_stream>
    private let output: UnsafeMutablePointer<UInt8>
    private var input: [UInt8]
    private var inputOffset = 0
    private var upstreamEnded = false
    private var state = State.inflating
    /// Whether `inflateInit2_` succeeded, so that `inflateEnd` must run.
    private let isInitialized: Bool

    /// Decompresses `upstream`.
    /// - Parameters:
    ///   - upstream: The compressed bytes.
    ///   - pending: Compressed bytes already read from `upstream` (to look for the
    ///     header), which come first.
    init(upstream: any ByteChunkSource, pending: [UInt8]) {
        self.upstream = upstream
        self.input = pending
        stream = .allocate(capacity: 1)
        stream.initialize(to: z_stream())
        output = .allocate(capacity: Self.chunkSize)
        let status = inflateInit2_(stream, 16 + MAX_WBITS, zlibVersion(), Int32(MemoryLayout<z_stream>.size))
        isInitialized = status == Z_OK
        if !isInitialized {
            state = .failed(.corruptGzip(reason: "zlib could not start, status \(status)"))
        }
    }

    deinit {
        if isInitialized {
            inflateEnd(stream)
        }
        stream.deinitialize(count: 1)
        stream.deallocate()
        output.deallocate()
    }

    func read(appendingTo buffer: inout [UInt8]) -> Result<Int, ByteSourceError> {
        while true {
            switch state {
            case .finished:
                return .success(0)
            case .failed(let failure):
                return .failure(failure)
            case .inflating:
                break
            }
            if inputOffset == input.count, !upstreamEnded {
                if let failure = refill() {
                    state = .failed(failure)
                    continue
                }
            }
            let (status, produced) = inflateOnce()
            if produced > 0 {
                buffer.append(contentsOf: UnsafeBufferPointer(start: output, count: produced))
            }
            switch status {
            case Z_STREAM_END:
                if nextMemberFollows() {
                    inflateReset(stream)
                } else {
                    // Zeros after the stream are padding (tape blocks, as `gzip -d` allows).
                    let trailing = trailingBytes()
                    state = trailing.count > 0 && !trailing.allZero ? .failed(.trailingGzipData(bytes: trailing.count)) : .finished
                }
            case Z_OK:
                break
            case Z_BUF_ERROR:
                // No progress was possible: zlib needs input that will never come.
                if upstreamEnded, inputOffset == input.count {
                    state = .failed(.truncatedGzip)
                }
            case Z_MEM_ERROR:
                state = .failed(.corruptGzip(reason: "out of memory"))
            default:
                let reason = stream.pointee.msg.map { String(cString: $0) } ?? "zlib status \(status)"
                state = .failed(.corruptGzip(reason: reason))
            }
            if produced > 0 {
                return .success(produced)
            }
        }
    }

    /// Runs `inflate` once over the pending input into `output`.
    /// - Returns: zlib's status and how many bytes it wrote.
    private func inflateOnce() -> (status: Int32, produced: Int) {
        let offset = inputOffset
        let stream = self.stream
        let output = self.output
        let (status, consumed, produced) = input.withUnsafeMutableBufferPointer { bytes in
            let available = bytes.count - offset
            stream.pointee.next_in = bytes.baseAddress.map { $0 + offset }
            stream.pointee.avail_in = UInt32(available)
            stream.pointee.next_out = output
            stream.pointee.avail_out = UInt32(Self.chunkSize)
            let status = inflate(stream, Z_NO_FLUSH)
            let consumed = available - Int(stream.pointee.avail_in)
            let produced = Self.chunkSize - Int(stream.pointee.avail_out)
            // The array may move after this closure: keep no pointer into it.
            stream.pointee.next_in = nil
            stream.pointee.avail_in = 0
            return (status, consumed, produced)
        }
        inputOffset += consumed
        return (status, produced)
    }

    /// Replaces the consumed input with the next chunk from upstream.
    /// - Returns: The failure, if reading failed.
    private func refill() -> ByteSourceError? {
        input.removeSubrange(0..<inputOffset)
        inputOffset = 0
        switch upstream.read(appendingTo: &input) {
        case .success(let count):
            if count == 0 {
                upstreamEnded = true
            }
            return nil
        case .failure(let failure):
            return failure
        }
    }

    /// After the end of a member: whether another gzip member starts next.
    private func nextMemberFollows() -> Bool {
        while input.count - inputOffset < 2, !upstreamEnded {
            input.removeSubrange(0..<inputOffset)
            inputOffset = 0
            let before = input.count
            switch upstream.read(appendingTo: &input) {
            case .success(let count):
                if count == 0 {
                    upstreamEnded = true
                }
            case .failure:
                // Only trailing bytes are lost; the stream itself was complete.
                input.removeSubrange(before...)
                upstreamEnded = true
            }
        }
        let rest = input.count - inputOffset
        return rest >= 2 && input[inputOffset] == 0x1f && input[inputOffset + 1] == 0x8b
    }

    /// The bytes left after the last member, up to the end of the input (read to the end).
    private func trailingBytes() -> (count: Int, allZero: Bool) {
        var count = input.count - inputOffset
        var allZero = input[inputOffset...].allSatisfy { $0 == 0 }
        while !upstreamEnded {
            input.removeAll(keepingCapacity: true)
            inputOffset = 0
            switch upstream.read(appendingTo: &input) {
            case .success(let read):
                if read == 0 { upstreamEnded = true }
                count += read
                allZero = allZero && input.allSatisfy { $0 == 0 }
            case .failure:
                upstreamEnded = true
            }
        }
        return (count, allZero)
    }
}
