import ArgumentParser
import Foundation
import GeoCore
import GeoIO

/// `gmgeo info SOURCE`: what a file holds.
struct InfoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "info",
        abstract: "Describe a vector source: driver, layers, CRS, features, extent, fields, validity.",
        discussion: """
        SOURCE is a file (GeoJSON, GeoPackage, Shapefile, CSV with lon/lat or WKT columns, KML, DXF, DWG, FlatGeobuf, ...), a PostGIS connection ("PG:dbname=... host=..."), or the short name of an embedded Guangming layer (boundary, roads, green, ...).

        Examples:
          gmgeo info roads
          gmgeo info survey/parcels.shp --encoding GBK
          gmgeo info sites.csv --crs gcj02
          gmgeo info "PG:dbname=planning" --layer green
        """
    )

    @Argument(help: "The file, connection or embedded layer name.")
    var source: String

    @OptionGroup var input: InputOptions

    func run() throws {
        var base = try input.readOptions()
        base.refusesImpossibleCRS = false  // describe such a file, with a warning
        let (path, options) = try LayerInput.resolve(source, over: base)
        let vector = try VectorSource(path, options: options)
        var lines = ["\(displayName(ofSource: source))", "  driver: \(vector.driver)"]
        let names = options.layer.map { [$0] } ?? vector.layerNames
        for name in names {
            // Streamed: counts, extent and validity without holding the features.
            lines += try InfoCommand.describe(try LayerSummary(try vector.reader(layer: name)))
        }
        for warning in vector.warnings { Stderr.write("gmgeo: \(warning)\n") }
        try StandardOutput.write(lines.joined(separator: "\n") + "\n")
    }

    static func describe(_ layer: LayerSummary) throws -> [String] {
        var lines = ["  layer \(layer.name): \(layer.count) feature\(layer.count == 1 ? "" : "s")"]
        let crs = layer.crs
        lines.append("    CRS: \(crs) (\(crs.name)), \(crs.isGeographic ? "geographic" : "projected"), \(crs.unitName)")
        if let e = layer.extent {
            lines.append("    extent: \(format(e, crs.isGeographic ? 7 : 3))")
            if crs != .wgs84 {
                let lonlat = try Transformer(from: crs, to: .wgs84).transform(try Geometry.rectangle(e)).envelope
                if let lonlat { lines.append("    extent (lon/lat): \(format(lonlat, 7))") }
            }
        }
        let types = layer.geometryTypes.map { "\($0.0?.rawValue ?? "none") \($0.1)" }
        lines.append("    geometry types: \(types.isEmpty ? "none" : types.joined(separator: ", "))")
        lines.append("    fields: \(layer.fields.isEmpty ? "none" : layer.fields.map { "\($0.name) (\($0.type.rawValue))" }.joined(separator: ", "))")
        let missing = layer.geometryTypes.first { $0.0 == nil }?.1 ?? 0
        if layer.invalidCount == 0 {
            lines.append("    validity: all geometries valid\(missing > 0 ? " (\(missing) without geometry)" : "")")
        } else {
            lines.append("    validity: \(layer.invalidCount) invalid (repair with gmgeo convert --make-valid)")
            lines += layer.invalid.map { "      \($0)" }
            if layer.invalidCount > layer.invalid.count { lines.append("      ... and \(layer.invalidCount - layer.invalid.count) more") }
        }
        return lines
    }

    private static func format(_ e: Envelope, _ decimals: Int) -> String {
        let f = { (v: Double) in String(format: "%.\(decimals)f", v) }
        return "\(f(e.minX)), \(f(e.minY)) - \(f(e.maxX)), \(f(e.maxY))"
    }
}
