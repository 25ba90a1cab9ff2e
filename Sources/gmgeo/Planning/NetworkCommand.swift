import ArgumentParser
import GeoCore
import GeoIO
import Planning

/// `gmgeo network`: connectivity of the green landscape network.
struct NetworkCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "network",
        abstract: "Green-network connectivity: components, Conefor IIC/PC/EC(PC), patch importance, gap links.",
        discussion: """
        Green patches (dissolved if the rules say so; smaller than [green_network] min_patch_area dropped) are linked when within link_distance edge to edge or joined by a greenway. PC uses p = exp(-k d) with p = 0.5 at half_probability_distance; A_L is the district's area. Gap links are the shortest bridges between neighbouring components, ranked by how much PC would rise if they were built.

        Examples:
          gmgeo network
          gmgeo network --link-distance 500 -o patches.geojson --links links.geojson --gap-links gaps.geojson
          gmgeo network --green my_green.gpkg --data GeoData/guangming
          gmgeo network --green parks.gpkg --no-dissolve --min-patch-area 0 --link-distance 200
          gmgeo network --green survey_green.shp --crs EPSG:4547 --encoding GBK
          gmgeo network --green city_green.gpkg --importance --csv patches.csv   (dPC past 10,000 patches: minutes)
        """
    )

    @OptionGroup var planning: PlanningOptions
    @Option(help: "The green layer (default: the data folder's green).") var green: String?
    @OptionGroup(title: "Reading --green") var input: InputOptions
    @Option(name: .customLong("link-distance"), help: "Override [green_network] link_distance (m).") var linkDistance: Double?
    @Option(name: .customLong("min-patch-area"), help: "Override [green_network] min_patch_area (m²); 0 keeps every patch.") var minPatchArea: Double?
    @Flag(inversion: .prefixedNo, help: "Override [green_network] dissolve: merge touching green features into one patch.") var dissolve: Bool?
    @Flag(inversion: .prefixedNo, help: "Compute each patch's dPC/dIIC (default: up to 10,000 patches, about a minute; past that it takes minutes).") var importance: Bool?
    @OptionGroup var output: OutputOptions
    @Option(help: "Write the links (lines) to this file.") var links: String?
    @Option(name: .customLong("gap-links"), help: "Write the gap links (lines) to this file.") var gapLinks: String?
    @Option(help: "Write the patch table as CSV to this file.") var csv: String?

    func validate() throws {
        if let d = linkDistance, !(d.isFinite && d >= 0) { throw ValidationError("--link-distance must be metres >= 0") }
        if let a = minPatchArea, !(a.isFinite && a >= 0) { throw ValidationError("--min-patch-area must be square metres >= 0") }
    }

    func run() throws {
        try output.checkWritable(alongside: csv, links, gapLinks)
        let data = try planning.load()
        let crs = try CRS(data.rules.workingCRS)
        var rules = data.rules.greenNetwork
        if let linkDistance { rules.linkDistance = linkDistance }
        if let minPatchArea { rules.minPatchArea = minPatchArea }
        if let dissolve { rules.dissolve = dissolve }
        let greenLayer = try green.map { try GreenPoints.circles(LayerInput.readProjected($0, options: try input.readOptions()), location: $0) } ?? data.green
        let result = try GreenNetwork.analyse(green: greenLayer.features.compactMap { f in f.geometry.map { (PlanningData.name(f), f["class"].description, $0) } },
                                              landscape: try data.district(), rules: rules, importance: importance,
                                              step: Progress(steps: 4).next, progress: StepProgress("best paths from each patch").report)
        guard !result.patches.isEmpty else { throw InputError("no green patch of at least \(Format.fixed(rules.minPatchArea, 0)) m²") }
        let layers = ResultLayers.greenNetwork(result, crs: crs)
        if output.output != nil { try output.write(layers.patches) }
        if let links { try LayerWriter(format: OutputFormat(path: links) ?? .geojson).write(layers.links, to: links) }
        if let gapLinks { try LayerWriter(format: OutputFormat(path: gapLinks) ?? .geojson).write(layers.gaps, to: gapLinks) }
        try TableOutput.emit([result.patchTable(), result.summaryTable(rules: rules), result.gapTable()], csv: csv)
    }
}
