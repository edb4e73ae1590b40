/// Why reading bytes stopped before the end of the input.
enum ByteSourceError: Error, Equatable {
    /// A system call failed with this `errno`.
    case system(errno: Int32)
    /// The gzip data ended before the end of its stream.
    case truncatedGzip
    /// zlib could not decompress the data, for this reason.
    case corruptGzip(reason: String)
    /// The gzip stream ended and this many bytes followed that are not another gzip
    /// member; everything before them was read.
    case trailingGzipData(bytes: Int)
    /// A named pipe (FIFO) given by name: opening it blocks until something writes.
    case namedPipe
}

/// Input read a chunk at a time, so that no file has to fit in memory.
///
/// Implemented by ``FileChunkReader`` (a file or standard input) and
/// ``GzipReader`` (the decompressed bytes of another source).
protocol ByteChunkSource: AnyObject {
    /// Appends the next bytes of the input to `buffer`.
    /// - Returns: How many bytes were appended; 0 only at the end of the input.
    func read(appendingTo buffer: inout [UInt8]) -> Result<Int, ByteSourceError>
}
