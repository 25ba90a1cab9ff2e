import Foundation
import GeoCore
import GeoIO
import MapRender
import Planning
import Settings

/// The readers gmgeo exposes to untrusted input, one fuzz target each. Every input must be
/// read or refused with a thrown error: a crash, a hang or a leak is a finding.
enum FuzzTarget: String, CaseIterable {
    case wkt, wkb, geojsonGeometry = "geojson-geometry", geojson, csv, shapefile, gpkg, transform, rules, style

    /// The target named by $GMGEO_FUZZ_TARGET.
    static var selected: FuzzTarget {
        let name = ProcessInfo.processInfo.environment["GMGEO_FUZZ_TARGET"] ?? "wkt"
        guard let target = FuzzTarget(rawValue: name) else {
            FileHandle.standardError.write(Data("GMGEO_FUZZ_TARGET must be one of \(allCases.map(\.rawValue).joined(separator: ", "))\n".utf8))
            exit(2)
        }
        return target
    }

    /// A scratch folder in memory (files are how GDAL reads).
    static let scratch: URL = {
        let base = FileManager.default.fileExists(atPath: "/dev/shm") ? URL(fileURLWithPath: "/dev/shm") : FileManager.default.temporaryDirectory
        let url = base.appendingPathComponent("gmgeo-fuzz-\(getpid())")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        // The fuzzed .shp reads with a fixed .shx and .dbf ($GMGEO_FUZZ_SIDECARS).
        if let sidecars = ProcessInfo.processInfo.environment["GMGEO_FUZZ_SIDECARS"] {
            for name in (try? FileManager.default.contentsOfDirectory(atPath: sidecars)) ?? [] {
                try? FileManager.default.copyItem(atPath: "\(sidecars)/\(name)", toPath: url.appendingPathComponent(name).path)
            }
        }
        return url
    }()

    /// Feeds one input to the reader; errors are the expected way to refuse it.
    func run(_ data: Data) {
        let text = String(decoding: data, as: UTF8.self)
        switch self {
        case .wkt:
            if let g = try? Geometry(wkt: text) { exercise(g) }
        case .wkb:
            if let g = try? Geometry(wkb: [UInt8](data)) { exercise(g) }
        case .geojsonGeometry:
            if let g = try? Geometry(geoJSON: text) { exercise(g) }
        case .geojson:
            readFile(data, name: "in.geojson")
        case .csv:
            readFile(data, name: "in.csv")
            let path = FuzzTarget.scratch.appendingPathComponent("in.csv").path
            _ = try? PointTable.read(path)
        case .shapefile:
            // The .shp is fuzzed; its .shx and .dbf come from the seed set beside the corpus.
            readFile(data, name: "in.shp")
        case .gpkg:
            readFile(data, name: "in.gpkg")
        case .transform:
            if let lines = try? CoordinateLines(data, origin: "fuzz") {
                _ = lines.rendered(xs: lines.xs, ys: lines.ys, decimals: 4)
            }
        case .rules:
            _ = try? PlanningRules(toml: text)
        case .style:
            let path = FuzzTarget.scratch.appendingPathComponent("style.toml")
            try? data.write(to: path)
            _ = try? StyleFile.load(path.path)
        }
    }

    private func readFile(_ data: Data, name: String) {
        let path = FuzzTarget.scratch.appendingPathComponent(name)
        try? data.write(to: path)
        if let layer = try? VectorSource(path.path).readLayer() {
            for f in layer.features.prefix(50) { if let g = f.geometry { exercise(g) } }
        }
    }

    /// What commands do with a geometry once read: validity, measures, text out.
    private func exercise(_ g: Geometry) {
        _ = try? g.isValid()
        _ = try? g.area()
        _ = try? g.wkt(decimals: 7)
        _ = try? g.geoJSON()
        _ = try? g.wkb()
    }
}
