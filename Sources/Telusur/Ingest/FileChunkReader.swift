import Foundation

/// An open file descriptor read in chunks; closes it when done if it opened it.
///
/// A class because the descriptor has a lifetime: it is closed in `deinit`.
final class FileChunkReader: ByteChunkSource {
    /// Bytes asked of `read(2)` at a time.
    static let chunkSize = 1 << 20

    private let descriptor: Int32
    private let closesDescriptor: Bool
    private var scratch: [UInt8]

    /// Reads from a descriptor someone else opened and will close, such as
    /// standard input's.
    init(borrowing descriptor: Int32) {
        self.descriptor = descriptor
        self.closesDescriptor = false
        self.scratch = [UInt8](repeating: 0, count: Self.chunkSize)
    }

    private init(owning descriptor: Int32) {
        self.descriptor = descriptor
        self.closesDescriptor = true
        self.scratch = [UInt8](repeating: 0, count: Self.chunkSize)
    }

    deinit {
        if closesDescriptor {
            close(descriptor)
        }
    }

    /// Opens `path` for reading.
    /// - Returns: The reader, or the `errno` of the failed `open(2)`.
    static func open(path: String) -> Result<FileChunkReader, ByteSourceError> {
        // A FIFO would block the open (and the whole run) until a writer comes.
        var info = stat()
        if stat(path, &info) == 0, info.st_mode & S_IFMT == S_IFIFO {
            return .failure(.namedPipe)
        }
        let descriptor = Foundation.open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            return .failure(.system(errno: errno))
        }
        return .success(FileChunkReader(owning: descriptor))
    }

    func read(appendingTo buffer: inout [UInt8]) -> Result<Int, ByteSourceError> {
        let descriptor = self.descriptor
        while true {
            let (count, code) = scratch.withUnsafeMutableBytes { bytes in
                let count = Foundation.read(descriptor, bytes.baseAddress, bytes.count)
                return (count, count < 0 ? errno : 0)
            }
            if count >= 0 {
                buffer.append(contentsOf: scratch[0..<count])
                return .success(count)
            }
            guard code == EINTR else {
                return .failure(.system(errno: code))
            }
        }
    }
}
