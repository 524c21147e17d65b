// swift-tools-version: 6.0
// Guichet Habitat: layers, each using only the ones before it:
// GuichetCore (pure domain) → GuichetStorage (GRDB/SQLite) → GuichetReports (CSV/ODS/PDF)
// → GuichetApp (every use case once, async) → GuichetCLI + GuichetUI (GTK) → `guichet` executable.
import PackageDescription

let package = Package(
    name: "Guichet",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "guichet", targets: ["guichet"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
    ],
    targets: [
        // Domain core: entities, rules, cotation, budgets, summaries. Foundation only, no I/O.
        .target(name: "GuichetCore"),
        // Storage: SQLite through GRDB; implements the repository protocols of the core.
        .target(name: "GuichetStorage", dependencies: [
            "GuichetCore",
            .product(name: "GRDB", package: "GRDB.swift"),
        ]),
        // cairo + pango for PDF output (no GTK needed).
        .systemLibrary(name: "CPangoCairo", pkgConfig: "pangocairo",
                       providers: [.apt(["libpango1.0-dev", "libcairo2-dev"])]),
        // librsvg draws the service's SVG logo on letters and reports (vector, in the PDF).
        .systemLibrary(name: "CRsvg", pkgConfig: "librsvg-2.0", providers: [.apt(["librsvg2-dev"])]),
        // Reports: CSV for French Excel, OpenDocument spreadsheets, PDF.
        .target(name: "GuichetReports", dependencies: [
            "GuichetCore", "GuichetStorage", "CPangoCairo", "CRsvg",
            .product(name: "ZIPFoundation", package: "ZIPFoundation"),
        ]),
        // GTK 4 as a system library, plus a C shim for macros, casts, varargs and trampolines.
        .systemLibrary(name: "CGtk", pkgConfig: "gtk4", providers: [.apt(["libgtk-4-dev"])]),
        .target(name: "CGtkShim", dependencies: ["CGtk"]),
        // Thin Swift layer over GTK: references, signals, builder, list models, main-loop bridge.
        .target(name: "GtkKit", dependencies: ["CGtk", "CGtkShim"]),
        // The application layer: every use case of the window and the command line, once, async
        // (store work off the caller's thread). The front ends are thin callers of it.
        .target(name: "GuichetApp", dependencies: ["GuichetCore", "GuichetStorage", "GuichetReports"]),
        // Command line: the same use cases as the window, headless. Storage and reports directly
        // only for what has no window counterpart (database creation, demo data, benchmarks).
        .target(name: "GuichetCLI", dependencies: [
            "GuichetCore", "GuichetApp", "GuichetStorage", "GuichetReports",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        // The GTK front end: one controller file per screen, described in ui/*.ui; data and rules
        // only through GuichetApp.
        .target(name: "GuichetUI", dependencies: ["GuichetCore", "GuichetApp", "GtkKit"]),
        .executableTarget(name: "guichet", dependencies: ["GuichetCLI", "GuichetUI"]),

        // Helpers shared by the test targets (temporary folders removed after each test).
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "GuichetCoreTests", dependencies: ["GuichetCore"]),
        .testTarget(name: "GuichetStorageTests", dependencies: ["GuichetStorage", "TestSupport"]),
        .testTarget(name: "GuichetReportsTests", dependencies: ["GuichetReports", "TestSupport"]),
        .testTarget(name: "GuichetAppTests", dependencies: ["GuichetApp", "TestSupport"]),
        .testTarget(name: "GuichetCLITests", dependencies: ["GuichetCLI"]),
        .testTarget(name: "GtkKitTests", dependencies: ["GtkKit"]),
        .testTarget(name: "GuichetUITests", dependencies: ["GuichetUI", "GuichetApp", "GuichetCLI", "GuichetStorage", "GuichetReports", "TestSupport"]),
    ],
    swiftLanguageModes: [.v6]
)
