import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Watches files and directories and reports what changed under them, a burst of
/// changes at a time: inotify on Linux (`inotify_init1`, one watch per directory,
/// new directories watched as they appear), polling the tree's modification times
/// every half second elsewhere.
///
/// Hidden names (starting with `.`) and editors' backups (ending in `~`) are not
/// reported. A class because the inotify descriptor has a lifetime.
public final class FileWatcher {
    /// What changed in one burst.
    public struct Burst: Sendable, Equatable {
        /// Files written, created, or moved in: read them again.
        public var changed: Set<String> = []
        /// Files and directories deleted or moved away.
        public var removed: Set<String> = []

        public var isEmpty: Bool { changed.isEmpty && removed.isEmpty }
    }

    /// Why watching could not start.
    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    private let roots: [String]
    #if os(Linux)
    private let descriptor: Int32
    /// The directory of each watch descriptor.
    private var directories: [Int32: String] = [:]
    #endif
    /// Modification times, for polling.
    private var snapshot: [String: TimeInterval] = [:]

    /// Starts watching `roots` (files or directories).
    public init(roots: [String]) throws(Failure) {
        self.roots = roots.map { Article.originPath(of: $0) }
        #if os(Linux)
        descriptor = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
        guard descriptor >= 0 else {
            throw Failure(description: "cannot watch files (inotify_init1: \(String(cString: strerror(errno))))")
        }
        for root in self.roots {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: root, isDirectory: &isDirectory), isDirectory.boolValue {
                _ = addWatches(below: root)
            } else {
                // A file: watch its directory; only the file itself is reported.
                addWatch((root as NSString).deletingLastPathComponent)
            }
        }
        #else
        snapshot = takeSnapshot()
        #endif
    }

    deinit {
        #if os(Linux)
        close(descriptor)
        #endif
    }

    /// Waits for changes and returns them once the files have been quiet for
    /// `quiet`, or an empty burst when `shouldStop` says so (checked every 100 ms).
    public func nextBurst(quiet: Duration = .milliseconds(250), shouldStop: () -> Bool) -> Burst {
        var burst = Burst()
        var lastChange: ContinuousClock.Instant?
        let clock = ContinuousClock()
        while !shouldStop() {
            let found = poll(milliseconds: 100)
            if !found.isEmpty {
                burst.changed.formUnion(found.changed)
                burst.removed.formUnion(found.removed)
                lastChange = clock.now
            } else if let lastChange, clock.now - lastChange >= quiet {
                break
            }
        }
        // A file written and then deleted in the same burst is only removed.
        burst.changed = burst.changed.filter { FileManager.default.fileExists(atPath: $0) }
        burst.removed.subtract(burst.changed)
        return burst
    }

    /// Whether a path is one the watcher reports: under a root, not hidden.
    private func isReported(_ path: String) -> Bool {
        let components = path.split(separator: "/")
        guard let name = components.last, !name.hasPrefix("."), !name.hasSuffix("~") else { return false }
        return roots.contains { root in path == root || path.hasPrefix(root == "/" ? "/" : root + "/") }
    }

    #if os(Linux)
    private func addWatch(_ directory: String) {
        let mask = UInt32(IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM | IN_CREATE | IN_DELETE | IN_DELETE_SELF)
        let watch = inotify_add_watch(descriptor, directory, mask)
        if watch >= 0 { directories[watch] = directory }
    }

    /// Watches `directory` and every directory below it; returns the files found there.
    private func addWatches(below directory: String) -> [String] {
        addWatch(directory)
        var files: [String] = []
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return files }
        for name in names.sorted() where !name.hasPrefix(".") {
            let path = directory + "/" + name
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { continue }
            if isDirectory.boolValue {
                files += addWatches(below: path)
            } else {
                files.append(path)
            }
        }
        return files
    }

    private func poll(milliseconds: Int32) -> Burst {
        var burst = Burst()
        var request = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
        let ready = Glibc.poll(&request, 1, milliseconds)
        guard ready > 0 else { return burst }
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            guard count > 0 else { break }
            var offset = 0
            while offset + MemoryLayout<inotify_event>.size <= count {
                let (watch, mask, nameLength) = buffer.withUnsafeBytes { bytes -> (Int32, UInt32, Int) in
                    let event = bytes.loadUnaligned(fromByteOffset: offset, as: inotify_event.self)
                    return (event.wd, event.mask, Int(event.len))
                }
                let nameStart = offset + MemoryLayout<inotify_event>.size
                let nameBytes = buffer[nameStart..<min(count, nameStart + nameLength)].prefix { $0 != 0 }
                let name = String(decoding: nameBytes, as: UTF8.self)
                offset = nameStart + nameLength
                guard let directory = directories[watch] else { continue }
                let path = name.isEmpty ? directory : (directory == "/" ? "/" : directory + "/") + name
                if mask & UInt32(IN_DELETE_SELF) != 0 {
                    directories[watch] = nil
                    continue
                }
                guard isReported(path) else { continue }
                let isDirectory = mask & UInt32(IN_ISDIR) != 0
                if mask & UInt32(IN_CREATE | IN_MOVED_TO) != 0, isDirectory {
                    // A directory made or moved in: watch it, and read what is already in it.
                    burst.changed.formUnion(addWatches(below: path).filter(isReported))
                } else if mask & UInt32(IN_CLOSE_WRITE | IN_MOVED_TO) != 0 {
                    burst.changed.insert(path)
                } else if mask & UInt32(IN_DELETE | IN_MOVED_FROM) != 0 {
                    burst.removed.insert(path)
                    burst.changed.remove(path)
                }
            }
        }
        return burst
    }
    #else
    private func takeSnapshot() -> [String: TimeInterval] {
        var found: [String: TimeInterval] = [:]
        for root in roots {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: root, isDirectory: &isDirectory) else { continue }
            let files = isDirectory.boolValue
                ? (FileManager.default.subpaths(atPath: root) ?? []).map { root + "/" + $0 } : [root]
            for file in files where isReported(file) {
                if let date = try? FileManager.default.attributesOfItem(atPath: file)[.modificationDate] as? Date {
                    found[file] = date.timeIntervalSince1970
                }
            }
        }
        return found
    }

    private func poll(milliseconds: Int32) -> Burst {
        usleep(UInt32(max(milliseconds, 500)) * 1000)
        let now = takeSnapshot()
        var burst = Burst()
        for (file, time) in now where snapshot[file] != time { burst.changed.insert(file) }
        for file in snapshot.keys where now[file] == nil { burst.removed.insert(file) }
        snapshot = now
        return burst
    }
    #endif
}
