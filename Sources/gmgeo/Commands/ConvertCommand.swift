import ArgumentParser
import Foundation
import GeoCore
import GeoIO

/// `gmgeo convert IN OUT`: between formats and CRSs, with filters and repair.
struct ConvertCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "convert",
        abstract: "Convert a layer to another format or CRS, optionally filtered and repaired.",
        discussion: """
        The output format comes from OUT's extension (.geojson .geojsonl .gpkg .shp .csv .fgb
        .kml) or --format. GeoJSON is written as RFC 7946 requires: WGS 84 lon/lat,
        counter-clockwise outer rings, 7 decimals. Other formats keep the input's CRS unless
        --to-crs says otherwise. The output is written to a temporary file and renamed into
        place: it is complete or absent, and an input is never overwritten.

        Examples:
          gmgeo convert survey/parcels.shp parcels.gpkg --encoding GBK
          gmgeo convert sites_gcj02.csv sites.geojson --crs gcj02
          gmgeo convert roads roads_4547.gpkg --to-crs EPSG:4547 --where "class = 'expressway'"
          gmgeo convert green green.shp --select name_zh,class --output-encoding GBK
          gmgeo convert designs/site.dxf site.geojson --crs EPSG:4547 --make-valid
        """
    )

    @Argument(help: "The input file, connection or embedded layer name.")
    var input: String

    @Argument(help: "The output file.")
    var output: String

    @OptionGroup var inputOptions: InputOptions

    @Option(name: .customLong("to-crs"), help: "Transform to this CRS (GeoJSON and KML are always EPSG:4326).")
    var toCRS: String?

    @Option(help: "Keep features matching this OGR SQL condition, e.g. \"class = 'arterial'\".")
    var `where`: String?

    @Option(help: "Keep only these fields, comma-separated.")
    var select: String?

    @Flag(name: .customLong("make-valid"), help: "Repair invalid geometries (GEOS makeValid) and say how many.")
    var makeValid = false

    @Option(help: "Output format when the extension does not say it.")
    var format: String?

    @Option(name: .customLong("output-encoding"), help: "Shapefile attribute encoding to write, e.g. GBK (default UTF-8).")
    var outputEncoding: String?

    func run() throws {
        let path = try LayerInput.path(input)
        try LayerInput.refuseOverwrite(output, inputs: [path])
        var layer = try LayerInput.read(input, options: try inputOptions.readOptions(filter: `where`))
        if let select {
            let names = select.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            let fields = try names.map { try layer.requireField($0) }
            layer.fields = fields
            for i in layer.features.indices {
                layer.features[i].properties = layer.features[i].properties.filter { names.contains($0.key) }
            }
        }
        layer = try ConvertCommand.checkValidity(layer, repair: makeValid, source: input)
        if let toCRS { layer = try layer.reprojected(to: try CRS(toCRS)) }
        let out = OutputOptions(output: output, format: format, outputEncoding: outputEncoding)
        try out.write(layer)
        Stderr.write("gmgeo: wrote \(layer.features.count) feature\(layer.features.count == 1 ? "" : "s") to \(output)\n")
    }

    /// Reports invalid geometries; repairs them with `repair`, else refuses with the first reasons.
    static func checkValidity(_ layer: Layer, repair: Bool, source: String) throws -> Layer {
        let report = try layer.validityReport()
        if report.isClean { return layer }
        guard repair else {
            let first = report.invalid.prefix(3).map(\.description).joined(separator: "; ")
            throw InputError("\(source): \(report.invalid.count) invalid geometr\(report.invalid.count == 1 ? "y" : "ies") (\(first)); repair with --make-valid")
        }
        let (fixed, count) = try layer.madeValid()
        Stderr.write("gmgeo: \(source): repaired \(count) invalid geometr\(count == 1 ? "y" : "ies") with makeValid\n")
        return fixed
    }
}

extension OutputOptions {
    /// Options made in code (convert takes OUT as an argument).
    init(output: String?, format: String?, outputEncoding: String?) {
        self.init()
        self.output = output
        self.format = format
        self.outputEncoding = outputEncoding
    }
}
