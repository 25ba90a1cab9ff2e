import ArgumentParser
import Foundation
import GeoCore
import GeoIO

/// `gmgeo buffer LAYER`: buffer every feature (by a distance, or by class) and optionally dissolve.
struct BufferCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "buffer",
        abstract: "Buffer a layer's features in metres, by one distance or by class, and optionally dissolve them.",
        discussion: """
        Distances are metres in EPSG:4547 (the layer is projected first). --widths gives a distance per value of the --by field; a feature whose value is not listed is an error. --dissolve unions all buffers into one feature on every core.

        Examples:
          gmgeo buffer rail --distance 50 --dissolve -o rail_strip.geojson
          gmgeo buffer roads --by class --widths expressway=50,arterial=30 --dissolve -o road_belts.gpkg
          gmgeo buffer stations --distance 300 --quadsegs 16 -o station_areas.geojson
        """
    )

    @Argument(help: "The layer to buffer (file, connection or embedded name).") var layerArgument: String
    @Option(help: "One buffer distance in metres for every feature.") var distance: Double?
    @Option(help: "The field whose value picks the distance (with --widths).") var by: String = "class"
    @Option(help: "Distances per value, e.g. expressway=50,arterial=30.") var widths: String?
    @Flag(help: "Union all buffers into one feature.") var dissolve = false
    @Option(help: "Segments per quarter circle.") var quadsegs: Int = 8
    @Option(help: "End cap: round, flat or square.") var cap: BufferStyle.Cap = .round
    @Option(help: "Join: round, mitre or bevel.") var join: BufferStyle.Join = .round
    @OptionGroup var input: InputOptions
    @OptionGroup var output: OutputOptions

    func validate() throws {
        if (distance == nil) == (widths == nil) { throw ValidationError("give --distance M or --widths VALUE=M,... (one of them)") }
        if let distance, !distance.isFinite { throw ValidationError("--distance must be a number of metres") }
        if !(1...1000).contains(quadsegs) { throw ValidationError("--quadsegs must be between 1 and 1000") }
    }

    /// "expressway=50,arterial=30" as a table.
    static func parseWidths(_ text: String) throws -> [String: Double] {
        var table: [String: Double] = [:]
        for item in text.split(separator: ",") {
            let pair = item.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard pair.count == 2, !pair[0].isEmpty, let w = Double(pair[1]), w.isFinite else {
                throw InputError("--widths: '\(item)' is not VALUE=METRES")
            }
            table[pair[0]] = w
        }
        return table
    }

    func run() throws {
        try output.checkWritable()
        if let out = output.output, out != "-" { try LayerInput.refuseOverwrite(out, inputs: [try LayerInput.path(layerArgument)]) }
        let layer = try LayerInput.readProjected(layerArgument, options: try input.readOptions())
        let table = try widths.map(BufferCommand.parseWidths)
        if table != nil { _ = try layer.requireField(by) }
        let located = layer.features.filter { $0.geometry != nil }
        let amounts = try located.enumerated().map { i, f -> Double in
            if let distance { return distance }
            let value = f[by].description
            guard let w = table?[value] else {
                throw InputError("\(layerArgument): feature \(f.id.map(String.init) ?? String(i)) has \(by) = '\(value)', which --widths does not list")
            }
            return w
        }
        let style = BufferStyle(quadrantSegments: quadsegs, cap: cap, join: join)
        let geometries = located.compactMap(\.geometry)
        let buffers = try ParallelMap.map(geometries.indices) { i in try geometries[i].buffer(amounts[i], style: style) }
        var result = layer
        if dissolve {
            result.fields = [Field("features", .integer)]
            result.features = [Feature(id: 0, geometry: try Geometry.parallelUnion(buffers), properties: ["features": .integer(Int64(buffers.count))])]
        } else {
            result.fields.append(Field("buffer_m", .real))
            result.features = zip(located, zip(buffers, amounts)).map { f, b in
                var copy = f
                copy.geometry = b.0
                copy["buffer_m"] = .real(b.1)
                return copy
            }
        }
        try output.write(result)
        Stderr.write("gmgeo: buffered \(buffers.count) features of \(displayName(ofSource: layerArgument))\(dissolve ? " into one" : "")\n")
    }
}
