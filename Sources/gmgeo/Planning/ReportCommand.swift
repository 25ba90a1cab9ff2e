import ArgumentParser
import Foundation
import GeoCore
import GeoIO
import MapRender
import Planning

/// `gmgeo report`: every analysis on the data folder, into one output folder.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Run every analysis on the planning data and write GeoJSON, CSV tables and summary.md.",
        discussion: """
        Runs the green-space service per street, the road landscape belts per upgrade district, the corridors, the green-network connectivity and the validation of the projects, and writes one GeoJSON per result, CSV tables and a summary.md to read top to bottom. The folder is built beside the target and swapped in when complete; running the report twice gives identical files.

        Examples:
          gmgeo report
          gmgeo report -o reports/2026-q4
          gmgeo report --data my_district/ --rules my_rules.toml --projects proposals.gpkg
          gmgeo report --projects sites_from_amap.csv --projects-crs gcj02
          gmgeo report --projects 'survey.shp#encoding=GBK,crs=gcj02' --kind-field 项目类型
        """
    )

    @OptionGroup var planning: PlanningOptions
    @Option(name: [.short, .customLong("output")], help: "The output folder.") var output = "gmgeo-report"
    @Option(help: "The projects to validate (default: projects-sample in the data folder, if any).") var projects: String?
    @Option(name: .customLong("kind-field"), help: "The field holding the project kind.") var kindField = "kind"
    @Option(name: .customLong("unknown-kind"), help: "A project kind the rules do not know: refuse (default) or review.")
    var unknownKind: UnknownKindPolicy = .refuse
    @Option(name: .customLong("projects-crs"), help: "The CRS of --projects when it has none or a wrong one, e.g. gcj02 for phone-app points.")
    var projectsCRS: String?

    func run() throws {
        // Refused before minutes of work: a folder of the user's files is never replaced.
        try Staging.checkReplaceableFolder(output)
        try OutputPath.checkParent(of: output)
        let progress = Progress(steps: 6)
        progress.next("reading the data")
        let data = try planning.load()
        let crs = try CRS(data.rules.workingCRS)
        let district = try data.district()
        var files = ReportFiles()
        var summary = ReportSummary(data: data)

        progress.next("green-space service per street")
        let service = try GreenService.compute(zones: data.streets, green: data.green.features.compactMap(\.geometry), rules: data.rules.greenService)
        let serviceLayers = ResultLayers.greenService(service, zones: data.streets, crs: crs)
        files.layer(serviceLayers.zones, "green-service.geojson")
        files.layer(serviceLayers.gaps, "green-service-gaps.geojson")
        files.table(service.table(), "green-service.csv")
        summary.greenService(service)

        progress.next("corridors and road landscape belts")
        let corridors = try Corridors.build(data.network, rules: data.rules, within: district)
        let corridorLayer = ResultLayers.corridors(corridors, crs: crs)
        files.layer(corridorLayer, "corridors.geojson")
        let districts = PlanningData.named(data.upgradeDistricts)
        let belts = try Corridors.roadBelts(corridors, zones: districts)
        files.layer(ResultLayers.coverage(belts, zones: districts, crs: crs, name: "road-belts").zones, "road-belts.geojson")
        let beltTable = belts.roadBeltTable()
        files.table(beltTable, "road-belts.csv")
        summary.corridors(corridors, beltTable)

        progress.next("green-network connectivity")
        let network = try GreenNetwork.analyse(green: data.green.features.compactMap { f in f.geometry.map { (PlanningData.name(f), f["class"].description, $0) } },
                                               landscape: district, rules: data.rules.greenNetwork)
        let networkLayers = ResultLayers.greenNetwork(network, crs: crs)
        files.layer(networkLayers.patches, "green-patches.geojson")
        files.layer(networkLayers.links, "green-links.geojson")
        files.layer(networkLayers.gaps, "green-gap-links.geojson")
        files.table(network.patchTable(), "green-patches.csv")
        files.table(network.gapTable(), "green-gap-links.csv")
        summary.network(network, rules: data.rules.greenNetwork)

        progress.next("validating projects")
        let projectsPath = projects ?? data.folder.appendingPathComponent("projects-sample.geojson").path
        if projects != nil || FileManager.default.fileExists(atPath: projectsPath) {
            let argument = projects ?? projectsPath
            let layer = try LayerInput.readProjected(argument, options: ReadOptions(crs: try projectsCRS.map { try CRS($0) }), crs: crs)
            let result = try ProjectLayerValidation(layer, source: displayName(ofSource: try LayerInput.path(argument)), kindField: kindField,
                                                    data: data, corridors: corridors, unknownKinds: unknownKind)
            files.layer(result.checked, "projects-validated.geojson")
            summary.validatedLayer = result.checked
            files.table(result.table, "projects-validated.csv")
            summary.validation(result.assessments, result.table)
        }

        files.map([(data.boundary, "boundary"), (data.controlZones, "control-zones"), (data.green, "green"), (data.roads, "roads"),
                   (data.rail, "rail"), (data.stations, "stations"), (data.upgradeDistricts, "upgrade-districts")],
                  title: "光明区全域景观提升 总图 · Overview", name: "map-overview")
        files.map([(serviceLayers.zones, "green-service"), (serviceLayers.gaps, "green-service-gaps"), (data.green, "green"),
                   (data.boundary, "boundary")], title: "绿地服务覆盖 300 m / 500 m · Green-space service", name: "map-green-service")
        files.map([(corridorLayer, "corridors"), (data.roads, "roads"), (data.rail, "rail"),
                   (data.stations, "stations"), (data.boundary, "boundary")], title: "景观控制带 · Landscape corridors", name: "map-corridors")
        files.map([(data.boundary, "boundary"), (networkLayers.patches, "green-patches"), (networkLayers.links, "green-links"),
                   (networkLayers.gaps, "green-gap-links")], title: "绿色景观网络 · Green network and gap links", name: "map-green-network")
        if let validated = summary.validatedLayer {
            files.map([(data.boundary, "boundary"), (data.controlZones, "control-zones"), (data.roads, "roads"), (validated, "projects-validated")],
                      title: "项目选址校核 · Project validation", name: "map-projects")
        }
        progress.next("writing \(output)")
        files.text(summary.markdown(files: files.names + ["summary.md"]), "summary.md")
        try files.commit(to: output)
        Stderr.write("gmgeo: wrote \(files.names.count) files to \(output)/ (\(String(format: "%.1f", progress.elapsed)) s); start with \(output)/summary.md\n")
    }
}

/// The report's files, kept in memory until all analyses succeed, then written to a staging
/// folder beside the target and swapped in: a failed run leaves the old report untouched.
struct ReportFiles {
    private var layers: [(Layer, String)] = []
    private var texts: [(String, String)] = []
    private var maps: [(layers: [MapLayer], title: String, name: String)] = []

    var names: [String] { layers.map(\.1) + texts.map(\.1) + maps.flatMap { ["\($0.name).png", "\($0.name).pdf"] } }

    /// A map drawn at commit time as `name`.png (150 dpi) and `name`.pdf, A4 landscape.
    mutating func map(_ layers: [(Layer, String)], title: String, name: String) {
        maps.append((layers.map { MapLayer(layer: $0.0, style: Palette.style(for: $0.1)) }, title, name))
    }

    mutating func layer(_ layer: Layer, _ name: String) { layers.append((layer, name)) }
    mutating func table(_ table: Table, _ name: String) { texts.append((table.csv(), name)) }
    mutating func text(_ text: String, _ name: String) { texts.append((text, name)) }

    /// Writes every file into a staging folder, then puts it in place of `folder` in one
    /// step (`Staging.commitFolder`: only a folder gmgeo wrote, or an empty one, is replaced).
    func commit(to folder: String) throws {
        let staging = try Staging(for: folder)
        do {
            for (layer, name) in layers { try LayerWriter(format: .geojson).write(layer, to: staging.folder.appendingPathComponent(name).path) }
            for (text, name) in texts { try Data(text.utf8).write(to: staging.folder.appendingPathComponent(name)) }
            // Each map file is independent: draw them on every core.
            let jobs = maps.flatMap { map in ["png", "pdf"].map { (map, $0) } }
            let into = staging.folder
            _ = try ParallelMap.map(jobs.indices) { i in
                let (map, format) = jobs[i]
                let page = try PageSetup(paper: "A4", landscape: true, dpi: 150, title: map.title,
                                         attribution: "Data: gmgeo GeoData (boundary DataV/AMap; most layers schematic)")
                return try MapRenderer.render(map.layers, page: page, to: into.appendingPathComponent("\(map.name).\(format)").path).scaleDenominator
            }
        } catch {
            staging.discard()
            throw error
        }
        try staging.commitFolder()
    }
}
