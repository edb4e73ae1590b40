import Foundation

/// The search page's files (HTML, CSS, JavaScript, the OpenAPI document), read once from
/// the package's resources into memory: the server answers only for these names, so
/// no request path is ever joined to a directory on disk.
public struct PageAssets: Sendable {
    /// One file and how it is served.
    public struct File: Sendable {
        public var bytes: [UInt8]
        public var contentType: String
    }

    private let files: [String: File]

    /// The files shipped in the `Page` resource folder.
    ///
    /// - Throws: ``WebError/internalError(_:)`` when the resources are missing (a broken install).
    public static func bundled() throws -> PageAssets {
        guard let folder = Bundle.module.url(forResource: "Page", withExtension: nil) else {
            throw WebError.internalError("the page's files (resource folder Page) are missing from this build of telusur")
        }
        var files: [String: File] = [:]
        for name in ["index.html", "app.js", "app.css", "openapi.json", "favicon.svg"] {
            let url = folder.appendingPathComponent(name)
            guard let data = try? Data(contentsOf: url) else {
                throw WebError.internalError("the page's file \(url.path) cannot be read; reinstall telusur")
            }
            files[name] = File(bytes: Array(data), contentType: contentType(of: name))
        }
        return PageAssets(files: files)
    }

    /// The file served for `name` (a path below `/`), or nil.
    public func file(named name: String) -> File? { files[name] }

    private static func contentType(of name: String) -> String {
        switch (name as NSString).pathExtension {
        case "html": return "text/html; charset=utf-8"
        case "js": return "text/javascript; charset=utf-8"
        case "css": return "text/css; charset=utf-8"
        case "json": return "application/json; charset=utf-8"
        case "svg": return "image/svg+xml"
        default: return "application/octet-stream"
        }
    }
}
