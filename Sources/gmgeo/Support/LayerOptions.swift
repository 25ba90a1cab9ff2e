import ArgumentParser
import Foundation
import GeoCore
import GeoIO
import Planning

/// How to read a layer: shared by every command that takes one.
struct InputOptions: ParsableArguments {
    @Option(help: "The layer to read from a multi-layer source (GeoPackage, DXF, PostGIS).")
    var layer: String?

    @Option(help: "The CRS of the input when it has none or a wrong one: EPSG:NNNN, gcj02, bd09, ...")
    var crs: String?

    @Option(help: "The text encoding of the input (CSV, Shapefile without .cpg, any text format): UTF-8 (default), GBK, GB18030.")
    var encoding: String?

    @Option(name: .customLong("x-field"), help: "The table column holding x (longitude/easting), when its name is not one gmgeo knows.")
    var xField: String?

    @Option(name: .customLong("y-field"), help: "The table column holding y (latitude/northing).")
    var yField: String?

    @Option(name: .customLong("location-field"), help: "The table column holding \"lon,lat\" in one cell (AMap exports).")
    var locationField: String?

    @Option(name: .customLong("wkt-field"), help: "The table column holding WKT geometries.")
    var wktField: String?

    @Option(name: .customLong("skip-bad-rows"), help: "Leave out table rows that cannot be read, listing them with the reason in this CSV (default: refuse the file).")
    var skipBadRows: String?

    /// Read options for these flags, with an attribute filter.
    func readOptions(filter: String? = nil) throws -> ReadOptions {
        var options = ReadOptions(layer: layer, crs: try crs.map { try CRS($0) }, encoding: encoding, filter: filter)
        options.columns = CoordinateColumns.Request(x: xField, y: yField, pair: locationField, wkt: wktField)
        if let skipBadRows { options.badRows = .skip(rejects: skipBadRows) }
        return options
    }
}

/// Resolving and reading layers named on the command line.
enum LayerInput {
    /// The path for a layer argument (a file, a `PG:` connection, or an embedded layer
    /// name, with or without `#settings`).
    static func path(_ argument: String) throws -> String {
        try resolve(argument, over: ReadOptions()).path
    }

    /// The path and read options for a layer argument: `base` (the command's flags) with the
    /// argument's own `#settings` on top.
    static func resolve(_ argument: String, over base: ReadOptions) throws -> (path: String, options: ReadOptions) {
        let reference = try LayerReference(argument)
        if let path = GeoDataCatalog.resolve(reference.source) { return (path, try reference.options(over: base)) }
        let known = GeoDataCatalog.layerNames()
        let hint = known.isEmpty ? "" : "; embedded layers: \(known.joined(separator: ", "))"
        throw InputError("\(reference.source): no such file or embedded layer\(hint)")
    }

    /// Opens a source named on the command line, with its `#settings` applied.
    static func open(_ argument: String, options: ReadOptions) throws -> VectorSource {
        let (path, resolved) = try resolve(argument, over: options)
        return try VectorSource(path, options: resolved)
    }

    /// Opens and reads a whole layer, printing the source's warnings on stderr; `counted`
    /// gets the number of features before any --where filter.
    static func read(_ argument: String, options: ReadOptions, counted: ((Int) -> Void)? = nil) throws -> Layer {
        let source = try open(argument, options: options)
        let layer = try source.readLayer()
        counted?(source.featuresBeforeFilter ?? layer.features.count)
        for warning in source.warnings { Stderr.write("gmgeo: \(warning)\n") }
        guard layer.crs != nil else { throw InputError("\(argument): the layer has no CRS; give --crs") }
        return layer
    }

    /// Reads a layer and projects it to the metric working CRS (by default the one of the
    /// rules in force: `WorkingCRS.standard`).
    static func readProjected(_ argument: String, options: ReadOptions, crs: CRS? = nil, counted: ((Int) -> Void)? = nil) throws -> Layer {
        let crs = try crs ?? WorkingCRS.standard()
        do {
            return try read(argument, options: options, counted: counted).reprojected(to: crs)
        } catch let error as CRSError {
            throw error.at(argument)
        } catch let error as IOError where error.location == nil {
            throw error.at(argument)
        }
    }

    /// Throws when an output would overwrite one of the inputs.
    static func refuseOverwrite(_ outputs: String?..., inputs: [String]) throws {
        for output in outputs.compactMap({ $0 }) where output != "-" && !output.hasPrefix("PG:") {
            let out = URL(fileURLWithPath: output).standardizedFileURL.resolvingSymlinksInPath().path
            for input in inputs where !input.hasPrefix("PG:") {
                let path = URL(fileURLWithPath: input).standardizedFileURL.resolvingSymlinksInPath().path
                if path == out { throw InputError("\(output): this is an input; write the result to another file") }
            }
        }
    }
}

/// Where and how to write a result layer.
struct OutputOptions: ParsableArguments {
    @Option(name: [.short, .customLong("output")], help: "The output file (format from its extension); '-': GeoJSON, GeoJSONSeq or CSV (--format) on stdout.")
    var output: String?

    @Option(help: "Output format when the extension does not say: geojson, geojsonseq, gpkg, shapefile, csv, flatgeobuf, kml.")
    var format: String?

    @Option(name: .customLong("output-encoding"), help: "Shapefile attribute encoding to write, e.g. GBK (default UTF-8).")
    var outputEncoding: String?

    @Flag(help: "Replace a layer of the same name in an existing GeoPackage (its other layers stay).")
    var overwrite = false

    @Flag(help: "Add the features to a layer of the same name in an existing GeoPackage.")
    var append = false

    /// What to do with a same-named layer in an existing GeoPackage.
    var mode: WriteMode { overwrite ? .overwrite : append ? .append : .create }

    /// The output format, from --format or the extension.
    func resolvedFormat() throws -> OutputFormat {
        if let format {
            guard let f = OutputFormat(name: format) else {
                throw InputError("unknown --format '\(format)'; use one of \(OutputFormat.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            return f
        }
        guard let output, output != "-" else { return .geojson }
        guard let f = OutputFormat(path: output) else {
            throw InputError("\(output): cannot tell the format from the extension; add --format")
        }
        return f
    }

    /// Fails before any work when the output (or `others`, e.g. a --csv file) cannot be
    /// written, or asks for a binary format on stdout.
    func checkWritable(alongside others: String?...) throws {
        if overwrite && append { throw InputError("give --overwrite or --append, not both") }
        let format = try resolvedFormat()
        if output == "-" || output == nil { try StdoutFormat.check(format) }
        for path in [output].compactMap({ $0 }).filter({ $0 != "-" }) + others.compactMap({ $0 }) {
            try OutputPath.check(path)
        }
    }

    /// Writes `layer` to the output file, or to stdout for '-' or no -o (complete or not at all).
    func write(_ layer: Layer) throws {
        let format = try resolvedFormat()
        var writer = LayerWriter(format: format, encoding: outputEncoding)
        writer.mode = mode
        if let output, output != "-" {
            try writer.write(layer, to: output)
            return
        }
        try StdoutFormat.through(format) { try writer.write(layer, to: $0) }
    }
}

/// Text formats written to stdout: made in a temporary file (so a failure leaves no half
/// output) and copied out with checked writes.
enum StdoutFormat {
    /// Throws unless `format` is text a terminal or pipe can take.
    static func check(_ format: OutputFormat) throws {
        guard [.geojson, .geojsonseq, .csv].contains(format) else {
            throw InputError("\(format.rawValue) cannot go to stdout; give an output file name (-o FILE)")
        }
    }

    /// Calls `make` with a function that appends bytes to a temporary file, then copies the
    /// file to stdout in blocks (constant memory, nothing printed when `make` throws).
    static func throughFile(_ make: ((([UInt8]) throws -> Void)) throws -> Void) throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("gmgeo-\(UUID().uuidString).txt")
        guard FileManager.default.createFile(atPath: url.path, contents: nil), let file = FileHandle(forUpdatingAtPath: url.path) else {
            throw InputError("cannot create a temporary file in \(url.deletingLastPathComponent().path)")
        }
        defer {
            try? file.close()
            try? FileManager.default.removeItem(at: url)
        }
        do {
            try make { bytes in try file.write(contentsOf: bytes) }
        } catch let error as CocoaError {
            throw InputError("cannot write a temporary file: \(error.localizedDescription)")
        }
        try file.seek(toOffset: 0)
        while let block = try file.read(upToCount: 4 << 20), !block.isEmpty {
            try StandardOutput.write(block)
        }
    }

    /// Calls `make` with a temporary file path, then copies the file to stdout.
    static func through(_ format: OutputFormat, _ make: (String) throws -> Void) throws {
        try check(format)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("gmgeo-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("out.\(format == .csv ? "csv" : "geojson")").path
        try make(file)
        guard let data = FileManager.default.contents(atPath: file) else { throw InputError("cannot read back the output") }
        try StandardOutput.write(data)
    }
}

/// The metric CRS gmgeo measures in: the [crs] working of the rules in force, for every
/// command (those without --rules use the data folder's rules.toml).
enum WorkingCRS {
    /// The default data folder's rules' working CRS; EPSG:4547 when there is no data folder.
    static func standard() throws -> CRS {
        guard let folder = GeoDataCatalog.defaultFolder else { return .guangmingWorking }
        let file = folder.appendingPathComponent("rules.toml")
        guard FileManager.default.fileExists(atPath: file.path) else { return .guangmingWorking }
        do {
            return try CRS(try PlanningRules(contentsOf: file).workingCRS)
        } catch let error as RulesError {
            throw InputError(error.description)
        }
    }
}
