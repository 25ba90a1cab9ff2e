import ArgumentParser
import Foundation
import GeoCore
import GeoIO

/// How to read a layer: shared by every command that takes one.
struct InputOptions: ParsableArguments {
    @Option(help: "The layer to read from a multi-layer source (GeoPackage, DXF, PostGIS).")
    var layer: String?

    @Option(help: "The CRS of the input when it has none or a wrong one: EPSG:NNNN, gcj02, bd09, ...")
    var crs: String?

    @Option(help: "Shapefile attribute encoding when there is no .cpg, e.g. GBK.")
    var encoding: String?

    /// Read options for these flags, with an attribute filter.
    func readOptions(filter: String? = nil) throws -> ReadOptions {
        ReadOptions(layer: layer, crs: try crs.map { try CRS($0) }, encoding: encoding, filter: filter)
    }
}

/// Resolving and reading layers named on the command line.
enum LayerInput {
    /// The path for a layer argument: a file, a `PG:` connection, or an embedded layer name.
    static func path(_ argument: String) throws -> String {
        if let path = GeoDataCatalog.resolve(argument) { return path }
        let known = GeoDataCatalog.layerNames()
        let hint = known.isEmpty ? "" : "; embedded layers: \(known.joined(separator: ", "))"
        throw InputError("\(argument): no such file or embedded layer\(hint)")
    }

    /// Opens and reads a whole layer, printing the source's warnings on stderr.
    static func read(_ argument: String, options: ReadOptions) throws -> Layer {
        let source = try VectorSource(try path(argument), options: options)
        let layer = try source.readLayer()
        for warning in source.warnings { Stderr.write("gmgeo: \(warning)\n") }
        guard layer.crs != nil else { throw InputError("\(argument): the layer has no CRS; give --crs") }
        return layer
    }

    /// Reads a layer and projects it to the metric working CRS (EPSG:4547).
    static func readProjected(_ argument: String, options: ReadOptions) throws -> Layer {
        do {
            return try read(argument, options: options).reprojected(to: .guangmingWorking)
        } catch let error as CRSError {
            throw error.at(argument)
        } catch let error as IOError where error.location == nil {
            throw error.at(argument)
        }
    }

    /// Throws when an output would overwrite one of the inputs.
    static func refuseOverwrite(_ output: String, inputs: [String]) throws {
        let out = URL(fileURLWithPath: output).standardizedFileURL.resolvingSymlinksInPath().path
        for input in inputs where !input.hasPrefix("PG:") {
            let path = URL(fileURLWithPath: input).standardizedFileURL.resolvingSymlinksInPath().path
            if path == out { throw InputError("\(output): this is an input; write the result to another file") }
        }
    }
}

/// Where and how to write a result layer.
struct OutputOptions: ParsableArguments {
    @Option(name: [.short, .customLong("output")], help: "The output file (format from its extension); '-' or none: GeoJSON on stdout.")
    var output: String?

    @Option(help: "Output format when the extension does not say: geojson, geojsonseq, gpkg, shapefile, csv, flatgeobuf, kml.")
    var format: String?

    @Option(name: .customLong("output-encoding"), help: "Shapefile attribute encoding to write, e.g. GBK (default UTF-8).")
    var outputEncoding: String?

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

    /// Writes `layer` to the output file, or as GeoJSON to stdout (complete or not at all).
    func write(_ layer: Layer) throws {
        let writer = LayerWriter(format: try resolvedFormat(), encoding: outputEncoding)
        if let output, output != "-" {
            try writer.write(layer, to: output)
            return
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("gmgeo-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("out.geojson").path
        try writer.write(layer, to: file)
        guard let data = FileManager.default.contents(atPath: file) else { throw InputError("cannot read back the output") }
        FileHandle.standardOutput.write(data)
    }
}
