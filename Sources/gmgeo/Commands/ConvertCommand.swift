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
        The output format comes from OUT's extension (.geojson .geojsonl .gpkg .shp .csv .fgb .kml) or --format; OUT may also be a PostGIS connection ("PG:..."), where a new table is written in one transaction (an existing one is never replaced). GeoJSON is written as RFC 7946 requires: WGS 84 lon/lat, counter-clockwise outer rings, 7 decimals. Other formats keep the input's CRS unless --to-crs says otherwise. The output is written to a temporary file and renamed into place: it is complete or absent, and an input is never overwritten.

        Examples:
          gmgeo convert survey/parcels.shp parcels.gpkg --encoding GBK
          gmgeo convert sites_gcj02.csv sites.geojson --crs gcj02
          gmgeo convert roads roads_4547.gpkg --to-crs EPSG:4547 --where "class = 'expressway'"
          gmgeo convert green green.shp --select name_zh,class --output-encoding GBK
          gmgeo convert designs/site.dxf site.geojson --crs EPSG:4547 --make-valid
          gmgeo convert green "PG:dbname=planning host=db" --output-layer green_2026 --to-crs EPSG:4547
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

    @Option(name: .customLong("output-layer"), help: "The name of the new layer or table (default: the input layer's name).")
    var outputLayer: String?

    @Flag(help: "Replace a layer of the same name in an existing GeoPackage (its other layers stay).")
    var overwrite = false

    @Flag(help: "Add the features to a layer of the same name in an existing GeoPackage.")
    var append = false

    func run() throws {
        let (path, readOptions) = try LayerInput.resolve(input, over: try inputOptions.readOptions(filter: `where`))
        try LayerInput.refuseOverwrite(output, inputs: [path])
        var outputOptions = OutputOptions(output: output, format: format, outputEncoding: outputEncoding)
        outputOptions.overwrite = overwrite
        outputOptions.append = append
        let outputFormat = try outputOptions.resolvedFormat()
        try outputOptions.checkWritable()
        if let toCRS, try CRS(toCRS).isChineseOffset {
            throw InputError("--to-crs \(toCRS): GCJ-02 and BD-09 are offsets no file format can label, so gmgeo writes real CRSs only (EPSG:4326 for lon/lat); to hand coordinates to a web map, use gmgeo transform --to \(toCRS)")
        }
        if output == "-" {
            try StdoutFormat.through(outputFormat) { try convert(source: path, options: readOptions, to: $0, format: outputFormat, mode: outputOptions.mode) }
        } else {
            try convert(source: path, options: readOptions, to: output, format: outputFormat, mode: outputOptions.mode)
        }
    }

    private func convert(source path: String, options readOptions: ReadOptions, to output: String, format outputFormat: OutputFormat,
                         mode: WriteMode) throws {
        let source = try VectorSource(path, options: readOptions)
        // Features stream from reader to sink one at a time: layers larger than memory convert.
        let reader = try source.reader()
        for warning in source.warnings { Stderr.write("gmgeo: \(warning)\n") }
        var fields = reader.fields
        var keep: Set<String>?
        if let select {
            let names = select.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            let schema = Layer(name: reader.name, crs: reader.crs, fields: reader.fields, features: [])
            fields = try names.map { try schema.requireField($0) }
            keep = Set(names)
        }
        let targetCRS = try toCRS.map { try CRS($0) } ?? reader.crs
        let transformer = targetCRS == reader.crs ? nil : try Transformer(from: reader.crs, to: targetCRS)
        var sink: FeatureSink?
        var repaired = 0
        while var feature = try reader.next() {
            let place = "\(input): feature \(feature.id.map(String.init) ?? String(sink?.count ?? 0))"
            if let keep { feature.properties = feature.properties.filter { keep.contains($0.key) } }
            if let g = feature.geometry, let problem = try g.validityProblem() {
                guard makeValid else {
                    throw InputError("\(place): invalid geometry: \(problem); repair with --make-valid")
                }
                feature.geometry = try g.makeValid()
                repaired += 1
            }
            if let transformer, let g = feature.geometry {
                do { feature.geometry = try transformer.transform(g) } catch { throw error.at(place) }
            }
            if sink == nil {
                sink = try FeatureSink(path: output, format: outputFormat, name: outputLayer ?? reader.name, crs: targetCRS, fields: fields,
                                       encoding: outputEncoding, geometryType: feature.geometry?.type, mode: mode)
            }
            try sink?.write(feature)
        }
        let finished = try sink ?? FeatureSink(path: output, format: outputFormat, name: outputLayer ?? reader.name, crs: targetCRS,
                                               fields: fields, encoding: outputEncoding, mode: mode)
        try finished.finish()
        if repaired > 0 {
            Stderr.write("gmgeo: \(input): repaired \(repaired) invalid geometr\(repaired == 1 ? "y" : "ies") with makeValid\n")
        }
        let where_ = self.output == "-" ? "stdout" : displayName(ofSource: output)
        Stderr.write("gmgeo: wrote \(finished.count) feature\(finished.count == 1 ? "" : "s") to \(where_) in \(finished.outputCRS?.description ?? "no CRS")\n")
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
