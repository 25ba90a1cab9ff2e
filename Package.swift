// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "gmgeo",
    platforms: [.macOS(.v15)],
    products: [
        .library(name: "GeoCore", targets: ["GeoCore"]),
        .library(name: "GeoIO", targets: ["GeoIO"]),
        .library(name: "Planning", targets: ["Planning"]),
        .library(name: "MapRender", targets: ["MapRender"]),
        .library(name: "Reporting", targets: ["Reporting"]),
        .executable(name: "gmgeo", targets: ["gmgeo"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        // C shims: a module map and a header each, found with pkg-config.
        .systemLibrary(name: "CGEOS", path: "Sources/CGEOS", pkgConfig: "geos",
                       providers: [.apt(["libgeos-dev"])]),
        .systemLibrary(name: "CPROJ", path: "Sources/CPROJ", pkgConfig: "proj",
                       providers: [.apt(["libproj-dev"])]),
        .systemLibrary(name: "CGDAL", path: "Sources/CGDAL", pkgConfig: "gdal",
                       providers: [.apt(["libgdal-dev"])]),
        .systemLibrary(name: "CCairo", path: "Sources/CCairo", pkgConfig: "cairo",
                       providers: [.apt(["libcairo2-dev"])]),
        // Linux calls Swift's Glibc module does not declare (renameat2 for atomic swaps).
        .systemLibrary(name: "CSystem", path: "Sources/CSystem"),

        // gmgeo's own strict TOML reader (rules and style files): bad input is an error, never an abort.
        .target(name: "Settings"),

        // Swift wrappers of GEOS and PROJ: the only code that touches their pointers.
        .target(name: "GeoCore", dependencies: ["CGEOS", "CPROJ"]),

        // Layers and features in and out through GDAL/OGR: the only code touching GDAL pointers.
        .target(name: "GeoIO", dependencies: ["GeoCore", "CGDAL", "CSystem"]),

        // The command-line tool: parses flags, calls the libraries, prints.
        .executableTarget(name: "gmgeo", dependencies: [
            "GeoCore", "GeoIO", "Planning", "MapRender", "Reporting",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),

        // The foundation benchmark (Scripts/bench-foundation.sh): the reference workload of
        // ../shared/bench through GeoCore, timed the way bench_geos_c times it.
        .executableTarget(name: "GMGeoBench", dependencies: ["GeoCore"]),

        // Fuzz targets for every reader of untrusted input (Scripts/fuzz.sh runs them under
        // libFuzzer; built plainly, it replays files through a target).
        .executableTarget(name: "GMGeoFuzz", dependencies: ["GeoCore", "GeoIO", "Planning", "MapRender", "Settings"]),

        // The analyses: pure Swift over GeoCore/GeoIO values, no C pointers.
        .target(name: "Planning", dependencies: [
            "GeoCore", "GeoIO", "Settings",
        ]),

        // Maps for reports with cairo (PNG, PDF, SVG): the only code touching cairo pointers.
        .target(name: "MapRender", dependencies: [
            "GeoCore", "GeoIO", "CCairo", "Settings",
        ]),

        // The full report (every analysis, tables, maps, summary.md): what `gmgeo report`
        // and the coming Word and web outputs call.
        .target(name: "Reporting", dependencies: ["GeoCore", "GeoIO", "Planning", "MapRender"]),

        // Derives GeoData/guangming from ../shared/data and the schematic sketches
        // (Scripts/build-geodata.sh); not part of the shipped tool.
        .executableTarget(name: "GeoDataBuilder", dependencies: [
            "GeoCore", "GeoIO", "Settings",
        ]),

        // Shared test fixtures and paths to ../shared.
        .target(name: "TestSupport", dependencies: ["GeoCore"], path: "Tests/TestSupport"),
        .testTarget(name: "GeoCoreTests", dependencies: ["GeoCore", "TestSupport"]),
        .testTarget(name: "SettingsTests", dependencies: ["Settings", "GeoCore"]),
        .testTarget(name: "GeoIOTests", dependencies: ["GeoIO", "GeoCore", "TestSupport"]),
        .testTarget(name: "PlanningTests", dependencies: ["Planning", "GeoIO", "GeoCore", "TestSupport"]),
        .testTarget(name: "MapRenderTests", dependencies: ["MapRender", "GeoIO", "GeoCore", "TestSupport"]),
        // Black-box: runs the built gmgeo (MapRender only to read PNG pixels back).
        .testTarget(name: "CLITests", dependencies: ["TestSupport", "MapRender"], exclude: ["Snapshots"]),
    ],
    swiftLanguageModes: [.v6]
)
