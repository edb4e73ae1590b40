import Foundation

/// Where the index lives: `--index DIR`, else `$TELUSUR_INDEX`, else `./Index`.
public struct IndexLocation: Sendable, Equatable, CustomStringConvertible {
    /// The directory (or stub file) as the user gave it.
    public var path: String

    /// The name of the environment variable that names the index.
    public static let environmentVariable = "TELUSUR_INDEX"
    /// The default, relative to the current directory.
    public static let defaultPath = "./Index"

    /// Resolves the index from an option value and the environment.
    public init(option: String?, environment: [String: String] = ProcessInfo.processInfo.environment) {
        if let option, !option.isEmpty {
            path = option
        } else if let value = environment[Self.environmentVariable], !value.isEmpty {
            path = value
        } else {
            path = Self.defaultPath
        }
    }

    public var description: String { path }

    /// True when a Xapian database already exists there (a glass database's `iamglass`,
    /// a stub file listing shards, or a sharded index directory's `shards.stub`).
    public var exists: Bool {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { return false }
        if !isDirectory.boolValue { return true }  // a stub file
        return FileManager.default.fileExists(atPath: path + "/iamglass")
            || FileManager.default.fileExists(atPath: path + "/" + IndexStub.fileName)
    }

    /// The bytes the index takes on disk (every regular file under it).
    public func sizeOnDisk() -> Int {
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        guard manager.fileExists(atPath: path, isDirectory: &isDirectory) else { return 0 }
        guard isDirectory.boolValue else {
            return ((try? manager.attributesOfItem(atPath: path)[.size]) as? NSNumber)?.intValue ?? 0
        }
        var total = 0
        let enumerator = manager.enumerator(atPath: path)
        while let name = enumerator?.nextObject() as? String {
            let attributes = try? manager.attributesOfItem(atPath: path + "/" + name)
            if attributes?[.type] as? FileAttributeType == .typeRegular {
                total += (attributes?[.size] as? NSNumber)?.intValue ?? 0
            }
        }
        return total
    }
}
