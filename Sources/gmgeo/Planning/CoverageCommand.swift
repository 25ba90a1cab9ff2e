import ArgumentParser
import GeoCore
import GeoIO
import Planning

/// `gmgeo coverage`: how much of each zone a cover layer covers.
struct CoverageCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "coverage",
        abstract: "Area and share of each zone covered by a layer (optionally buffered), or the green-space service.",
        discussion: """
        Cover features are unioned before measuring (overlaps count once), areas are m² in the working CRS of the rules (EPSG:4547 for Guangming). Prints a Markdown table; -o writes the zones with covered_m2, share and meets_target; --gaps writes the uncovered parts (where to add cover).

        ZONES: streets, district, upgrade-districts, control-zones, any embedded layer or file. --green-service measures "300 m to green (>= 0.4 ha), 500 m to a park (>= 1 ha)" with the numbers in the rules file.

        Examples:
          gmgeo coverage --green-service
          gmgeo coverage --green-service --zones upgrade-districts --gaps where_to_add_green.geojson
          gmgeo coverage --zones upgrade-districts --cover green --buffer 300 --target 0.8 -o shares.geojson
          gmgeo coverage --zones streets --cover control-zones --csv zones.csv
        """
    )

    @Option(help: "The zones to measure.") var zones = "streets"
    @Option(help: "The cover layer (embedded name or file).") var cover: String?
    @Option(name: .customLong("cover-crs"), help: "The CRS of the --cover file when it has none or a wrong one (--crs is the zones').")
    var coverCRS: String?
    @Option(help: "Grow the cover by this many metres first.") var buffer: Double = 0
    @Option(help: "The share each zone should reach (0-1).") var target: Double?
    @Flag(name: .customLong("green-service"), help: "Measure the 300 m / 500 m green-space service (radii and sizes from the rules).")
    var greenService = false
    @OptionGroup var planning: PlanningOptions
    @OptionGroup var input: InputOptions
    @OptionGroup var output: OutputOptions
    @Option(help: "Write the uncovered parts to this file.") var gaps: String?
    @Option(help: "Write the table as CSV to this file.") var csv: String?

    func validate() throws {
        if greenService == (cover != nil) { throw ValidationError("give --cover LAYER or --green-service (one of them)") }
        if !(buffer.isFinite && buffer >= 0) { throw ValidationError("--buffer must be a distance in metres >= 0") }
        if let target, !(0...1).contains(target) { throw ValidationError("--target is a share between 0 and 1, e.g. 0.8") }
    }

    func run() throws {
        try output.checkWritable(alongside: csv, gaps)
        // Plain files need no data folder; named zones and the green service read it.
        let named = PlanningData.zoneSets.contains(zones)
        if !greenService && !named && planning.data == nil && planning.rules == nil {
            let crs = try WorkingCRS.standard()
            let zoneLayer = try LayerInput.readProjected(zones, options: try input.readOptions())
            try measure(PlanningData.named(zoneLayer), crs: crs)
            return
        }
        let data = try planning.load()
        let crs = try CRS(data.rules.workingCRS)
        let zoneList = try planning.zones(zones, data: data, input: input)
        guard !zoneList.isEmpty else { throw InputError("\(zones): no zones to measure") }
        if greenService {
            let result = try GreenService.compute(zones: zoneList, green: data.green.features.compactMap(\.geometry), rules: data.rules.greenService)
            let layers = ResultLayers.greenService(result, zones: zoneList, crs: crs)
            try write(layers.zones, layers.gaps)
            try TableOutput.emit([result.table()], csv: csv)
            return
        }
        try measure(zoneList, crs: crs)
    }

    private func measure(_ zoneList: [Zone], crs: CRS) throws {
        guard !zoneList.isEmpty else { throw InputError("\(zones): no zones to measure") }
        let coverOptions = ReadOptions(crs: try coverCRS.map { try CRS($0) }, encoding: input.encoding)
        let coverLayer = try LayerInput.read(cover ?? "", options: coverOptions).reprojected(to: crs)
        let result = try Coverage.compute(zones: zoneList, cover: coverLayer.features.compactMap(\.geometry), buffer: buffer, target: target)
        let layers = ResultLayers.coverage(result, zones: zoneList, crs: crs, name: "coverage")
        try write(layers.zones, layers.gaps)
        let title = "Coverage of \(zones) by \(cover ?? "")" + (buffer > 0 ? " within \(Format.fixed(buffer, 0)) m" : "")
        try TableOutput.emit([result.table(title: title)], csv: csv)
    }

    private func write(_ zonesLayer: Layer, _ gapsLayer: Layer) throws {
        if output.output != nil { try output.write(zonesLayer) }
        if let gaps { try LayerWriter(format: OutputFormat(path: gaps) ?? .geojson).write(gapsLayer, to: gaps) }
    }
}
