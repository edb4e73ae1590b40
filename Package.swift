// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "telusur",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "telusur", targets: ["telusur"]),
        .library(name: "Telusur", targets: ["Telusur"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        // DOCX and ODT files are ZIP archives.
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        // The HTTP server of `telusur serve` (TelusurWeb only; the core library stays free of it).
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.0.0"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.0.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.5.0"),
    ],
    targets: [
        // Xapian from Debian (libxapian-dev): its flags from pkg-config (xapian-core.pc).
        .systemLibrary(name: "CXapianCore", pkgConfig: "xapian-core", providers: [.apt(["libxapian-dev"])]),
        // The C shim over Xapian: a plain-C header, C++ inside, every exception caught.
        .target(name: "CXapian", dependencies: ["CXapianCore"]),
        // zlib from Debian (zlib1g-dev), for .jsonl.gz input.
        // (Named CSystemZlib: ZIPFoundation has a module CZlib of its own.)
        .systemLibrary(name: "CSystemZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        // libedit from Debian (libedit-dev), for the REPL's line editing.
        .systemLibrary(name: "CEditline", pkgConfig: "libedit", providers: [.apt(["libedit-dev"])]),
        // libxml2 from Debian (libxml2-dev), behind the plain-C shim CMarkup (its headers
        // bring ICU's, which clash with Foundation's in Swift): HTML pages, feeds, DOCX/ODT XML.
        .systemLibrary(name: "CLibXML2", pkgConfig: "libxml-2.0", providers: [.apt(["libxml2-dev"])]),
        .target(name: "CMarkup", dependencies: ["CLibXML2"]),
        // poppler's GLib interface from Debian (libpoppler-glib-dev), behind the plain-C
        // shim CPDF: the text of PDF files with each character's box.
        .systemLibrary(name: "CPoppler", pkgConfig: "poppler-glib", providers: [.apt(["libpoppler-glib-dev"])]),
        .target(name: "CPDF", dependencies: ["CPoppler"]),
        .target(
            name: "Telusur",
            dependencies: [
                "CXapian", "CSystemZlib", "CMarkup", "CPDF",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            // The curated entity data (agencies, regions, person lexicon and aliases).
            resources: [.copy("Resources")]
        ),
        // `telusur serve`: the search page and the HTTP API over the library.
        .target(
            name: "TelusurWeb",
            dependencies: [
                "Telusur",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"),
            ],
            // The page: plain HTML, CSS and JavaScript, no build step.
            resources: [.copy("Page")]
        ),
        .executableTarget(
            name: "telusur",
            dependencies: [
                "Telusur", "TelusurWeb", "CEditline",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // A micro-benchmark of the tokenizer on real text (Benchmarks/README.md).
        .executableTarget(
            name: "tokenizer-bench",
            dependencies: ["Telusur"]
        ),
        // cairo from Debian (libcairo2-dev, comes with libpoppler-glib-dev): the tests
        // write PDFs from known text with it.
        .systemLibrary(name: "CCairo", path: "Tests/CCairo", pkgConfig: "cairo"),
        .testTarget(
            name: "TelusurTests",
            dependencies: ["Telusur", "TelusurWeb", "CCairo", .product(name: "ZIPFoundation", package: "ZIPFoundation")]
        ),
    ],
    cxxLanguageStandard: .cxx17
)
