import Foundation
import GeoCore
import GeoIO
import MapRender
import Planning

/// The full planning report: every analysis on a data folder (green-space service, corridors
/// and road belts, green network, project validation) as GeoJSON, CSV tables, maps and a
/// summary.md. `gmgeo report` reads the inputs and calls `build`; the coming Word and web
/// outputs start from the same files.
public enum Report {
    /// Runs every analysis and gathers the files (nothing is written yet).
    /// - Parameters:
    ///   - projects: the projects to validate (in the working CRS) and how to name their source.
    ///   - language: the language of the summary, the reasons and the web map.
    ///   - date: the day on report.docx's title page.
    ///   - citizenReports: citizen reports (working CRS) for the hot-spot section, and their file's name.
    ///   - step: called with the name of each step as it starts (for progress).
    public static func build(data: PlanningData, projects: (layer: Layer, source: String)?, kindField: String,
                             unknownKinds: UnknownKindPolicy, language: Language = .zh, date: Date = Date(),
                             citizenReports: (records: CitizenReportRecords, source: String)? = nil,
                             step: (String) -> Void) throws -> ReportFiles {
        let crs = try CRS(data.rules.workingCRS)
        let district = try data.district()
        var files = ReportFiles()
        var summary = ReportSummary(data: data, language: language)

        step("green-space service per street")
        let service = try GreenService.compute(zones: data.streets, green: data.green.features.compactMap(\.geometry), rules: data.rules.greenService)
        let serviceLayers = ResultLayers.greenService(service, zones: data.streets, crs: crs)
        files.layer(serviceLayers.zones, "green-service.geojson")
        files.layer(serviceLayers.gaps, "green-service-gaps.geojson")
        files.table(service.table(), "green-service.csv")
        summary.greenService(service)

        step("corridors and road landscape belts")
        let corridors = try Corridors.build(data.network, rules: data.rules, within: district)
        let corridorLayer = ResultLayers.corridors(corridors, crs: crs)
        files.layer(corridorLayer, "corridors.geojson")
        let districts = PlanningData.named(data.upgradeDistricts)
        let belts = try Corridors.roadBelts(corridors, zones: districts)
        let beltLayer = ResultLayers.coverage(belts, zones: districts, crs: crs, name: "road-belts").zones
        files.layer(beltLayer, "road-belts.geojson")
        let beltTable = belts.roadBeltTable()
        files.table(beltTable, "road-belts.csv")
        summary.corridors(corridors, beltTable)

        step("green-network connectivity")
        let network = try GreenNetwork.analyse(green: data.green.features.compactMap { f in f.geometry.map { (PlanningData.name(f), f["class"].description, $0) } },
                                               landscape: district, rules: data.rules.greenNetwork)
        let networkLayers = ResultLayers.greenNetwork(network, crs: crs)
        files.layer(networkLayers.patches, "green-patches.geojson")
        files.layer(networkLayers.links, "green-links.geojson")
        files.layer(networkLayers.gaps, "green-gap-links.geojson")
        files.table(network.patchTable(), "green-patches.csv")
        files.table(network.gapTable(), "green-gap-links.csv")
        summary.network(network, rules: data.rules.greenNetwork)

        step("validating projects")
        if let projects {
            let result = try ProjectLayerValidation(projects.layer, source: projects.source, kindField: kindField, data: data,
                                                    corridors: corridors, unknownKinds: unknownKinds, language: language)
            files.layer(result.checked, "projects-validated.geojson")
            summary.validatedLayer = result.checked
            files.table(result.table, "projects-validated.csv")
            summary.validation(result.assessments, result.table)
        }

        // The input layers the report draws on, as the overview map shows them.
        let inputs = [data.boundary, data.controlZones, data.green, data.roads, data.rail, data.stations, data.upgradeDistricts]
        var hotspotCells: Layer?
        if let reports = citizenReports {
            step("citizen reports")
            guard let rules = data.rules.citizenReports else {
                throw RulesError(file: "rules.toml", message: "--citizen-reports needs a [citizen_reports] section in the rules (copy it from GeoData/guangming/rules.toml)")
            }
            let result = try Hotspots.analyse(reports.records, data: data, rules: rules)
            files.layer(result.cells, "hotspot-cells.geojson")
            files.layer(try result.caseLayer(), "citizen-cases.geojson")
            for (name, table) in result.tables { files.table(table, "citizen-\(name).csv") }
            summary.citizenReports(result, rules: rules, source: reports.source)
            files.map([(result.cells, "hotspot-cells"), (data.roads, "roads-context"), (data.boundary, "boundary")],
                      title: "市民随手拍热点 · Citizen-report hot spots", name: "map-hotspots", sources: [data.boundary, data.roads])
            hotspotCells = result.cells
        }

        files.map([(data.boundary, "boundary"), (data.controlZones, "control-zones"), (data.green, "green"), (data.roads, "roads"),
                   (data.rail, "rail"), (data.stations, "stations"), (data.upgradeDistricts, "upgrade-districts")],
                  title: "光明区全域景观提升 总图 · Overview", name: "map-overview", sources: inputs)
        files.map([(serviceLayers.zones, "green-service"), (serviceLayers.gaps, "green-service-gaps"), (data.green, "green"),
                   (data.boundary, "boundary")], title: "绿地服务覆盖 \(Format.fixed(data.rules.greenService.greenRadius, 0)) m / \(Format.fixed(data.rules.greenService.parkRadius, 0)) m · Green-space service", name: "map-green-service",
                  sources: [data.boundary, data.green])
        // Corridors over thin roads: the strips' edges must show beside the road lines at 1:100,000.
        files.map([(data.roads, "roads-context"), (data.rail, "rail"), (corridorLayer, "corridors"),
                   (data.stations, "stations"), (data.boundary, "boundary")], title: "景观控制带 · Landscape corridors", name: "map-corridors",
                  sources: [data.roads, data.rail, data.stations, data.boundary])
        files.map([(data.boundary, "boundary"), (networkLayers.patches, "green-patches"), (networkLayers.links, "green-links"),
                   (networkLayers.gaps, "green-gap-links")], title: "绿色景观网络 · Green network and gap links", name: "map-green-network",
                  sources: [data.boundary, data.green])
        if let validated = summary.validatedLayer {
            files.map([(data.boundary, "boundary"), (data.controlZones, "control-zones"), (data.roads, "roads"), (validated, "projects-validated")],
                      title: "项目选址校核 · Project validation", name: "map-projects",
                      sources: [data.boundary, data.controlZones, data.roads, validated])
        }
        // The web map and the QGIS project: every result over the district's own lines (no
        // base tiles offline), each layer styled as on the printed maps.
        var shown: [WebMapLayer] = [
            WebMapLayer(id: "green-service", layer: serviceLayers.zones, style: Palette.style(for: "green-service"), visible: false),
            WebMapLayer(id: "green-service-gaps", layer: serviceLayers.gaps, style: Palette.style(for: "green-service-gaps"), visible: false),
            WebMapLayer(id: "road-belts", layer: beltLayer, style: Palette.style(for: "road-belts"), visible: false),
            WebMapLayer(id: "corridors", layer: corridorLayer, style: Palette.style(for: "corridors"), visible: false),
            WebMapLayer(id: "control-zones", layer: data.controlZones, style: Palette.style(for: "control-zones")),
            WebMapLayer(id: "upgrade-districts", layer: data.upgradeDistricts, style: Palette.style(for: "upgrade-districts"), visible: false),
            WebMapLayer(id: "green", layer: data.green, style: Palette.style(for: "green"), visible: false),
            WebMapLayer(id: "green-patches", layer: networkLayers.patches, style: Palette.style(for: "green-patches")),
            WebMapLayer(id: "boundary", layer: data.boundary, style: Palette.style(for: "boundary")),
            WebMapLayer(id: "roads", layer: data.roads, style: Palette.style(for: "roads")),
            WebMapLayer(id: "rail", layer: data.rail, style: Palette.style(for: "rail")),
            WebMapLayer(id: "stations", layer: data.stations, style: Palette.style(for: "stations")),
            WebMapLayer(id: "green-links", layer: networkLayers.links, style: Palette.style(for: "green-links")),
            WebMapLayer(id: "green-gap-links", layer: networkLayers.gaps, style: Palette.style(for: "green-gap-links")),
        ]
        if let validated = summary.validatedLayer {
            shown.append(WebMapLayer(id: "projects-validated", layer: validated, style: Palette.style(for: "projects-validated")))
        }
        if let hotspotCells {
            shown.insert(WebMapLayer(id: "hotspot-cells", layer: hotspotCells, style: Palette.style(for: "hotspot-cells")), at: 0)
        }
        shown = shown.filter { $0.layer.features.contains { $0.geometry != nil } }
        let names = data.districtNames
        let mapTitle = language == .zh ? "\(names.zh)全域景观提升 成果图" : "\(names.en) landscape upgrade: results"
        files.web(WebMap(title: mapTitle, language: language, credit: SourceLine.text(for: inputs), layers: shown))
        try ReportQGIS.add(shown, title: mapTitle, crs: crs, language: language, to: &files)
        let sources = SourceLine.text(for: inputs, language: language)
        let word = WordReport(title: summary.title, subtitle: language == .zh ? "gmgeo 分析成果 · 数据文件夹 \(data.folder.lastPathComponent)"
                                  : "gmgeo analysis · data folder \(data.folder.lastPathComponent)",
                              date: WordReport.day(of: date), sources: sources + "\n\n" + ReportSummary.caveat(inputs, language: language), language: language)
        // report.docx is made from summary.md at commit time; registered first, so the summary
        // lists it where pandoc will make it.
        files.word(word)
        files.text(summary.markdown(files: files.names + ["summary.md"]), "summary.md")
        return files
    }
}
