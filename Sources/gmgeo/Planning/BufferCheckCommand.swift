import ArgumentParser
import GeoCore
import GeoIO
import Planning

/// `gmgeo buffer-check`: corridors of the plan, and features checked against them.
struct BufferCheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "buffer-check",
        abstract: "Build the road, rail and station corridors and check features against them and the setbacks.",
        discussion: """
        Corridors: both sides of expressways and arterials, along rail lines and around stations, with the widths of the rules file ([corridors]). For each feature: the corridors it falls in, the distance in metres to the nearest expressway, arterial, rail line and station, and every setback violation ([setbacks]) with the offending distance.

        Examples:
          gmgeo buffer-check projects-sample
          gmgeo buffer-check buildings.shp --encoding GBK -o checked.geojson --corridors corridors.geojson
          gmgeo buffer-check --corridors corridors.gpkg
        """
    )

    @Argument(help: "The features to check (omit to only build the corridors).") var features: String?
    @OptionGroup var planning: PlanningOptions
    @OptionGroup var input: InputOptions
    @OptionGroup var output: OutputOptions
    @Option(help: "Write the corridor polygons to this file.") var corridors: String?
    @Option(help: "Write the table as CSV to this file.") var csv: String?

    func run() throws {
        try output.checkWritable(alongside: csv, corridors)
        let data = try planning.load()
        let crs = try CRS(data.rules.workingCRS)
        let built = try Corridors.build(data.network, rules: data.rules, within: try data.district())
        if let corridors { try LayerWriter(format: OutputFormat(path: corridors) ?? .geojson).write(ResultLayers.corridors(built, crs: crs), to: corridors) }
        let corridorTable = try Corridors.table(built)
        guard let features else {
            try TableOutput.emit([corridorTable], csv: csv)
            return
        }
        let layer = try LayerInput.readProjected(features, options: try input.readOptions(), crs: crs)
        let unlocated = layer.features.filter { $0.geometry?.isEmpty ?? true }.count
        guard unlocated == 0 else {
            throw InputError("\(features): \(unlocated) of \(layer.features.count) features have no geometry; every feature needs one to be checked")
        }
        let findings = try BufferCheck.run(layer.features.compactMap(\.geometry), network: data.network, corridors: built, rules: data.rules)
        let checked = ResultLayers.bufferCheck(layer, findings)
        if output.output != nil { try output.write(checked) }
        try TableOutput.emit([BufferCheck.table(names: checked.features.map(PlanningData.name), findings: findings, title: "Buffer check of \(features)"),
                              corridorTable], csv: csv)
    }
}
