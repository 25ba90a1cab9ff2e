import ArgumentParser
import Foundation
import GeoCore
import GeoIO
import MapRender
import Reporting
import Planning

/// `gmgeo report`: every analysis on the data folder, into one output folder.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Run every analysis on the planning data and write GeoJSON, CSV tables, maps, summary.md and a web map.",
        discussion: """
        Runs the green-space service per street, the road landscape belts per upgrade district, the corridors, the green-network connectivity and the validation of the projects, and writes one GeoJSON per result, CSV tables, maps (PNG and PDF), a summary.md to read top to bottom, the same as report.docx for Word (through pandoc), report.qgs for QGIS (a .qml beside each GeoJSON, the inputs in inputs/) and an interactive map, map/index.html, that opens by double-click with no network (Leaflet from libjs-leaflet is copied beside it). Words for people are Chinese, or English with --lang en; --citizen-reports adds the citizen-report hot spots. The folder is built beside the target and swapped in when complete; running the report twice on one day gives identical files.

        Examples:
          gmgeo report
          gmgeo report -o reports/2026-q4
          gmgeo report --lang en
          gmgeo report --citizen-reports reports.csv --citizen-reports-crs gcj02
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
    @Option(name: .customLong("citizen-reports"), help: "Citizen reports (an app export, as for gmgeo hotspots) for a hot-spot section, map and tables.")
    var citizenReports: String?
    @Option(name: .customLong("citizen-reports-crs"), help: "The CRS of --citizen-reports (phone apps write gcj02).") var citizenReportsCRS: String?
    @Option(help: "The language of summary.md, the projects' reasons and the web map: zh (default) or en. File and field names stay English.") var lang: Language = .zh

    func run() throws {
        // Refused before minutes of work: a folder of the user's files is never replaced.
        try Staging.checkReplaceableFolder(output, ownFiles: ReportFiles.knownNames)
        try OutputPath.checkParent(of: output)
        let progress = Progress(steps: citizenReports == nil ? 6 : 7)
        progress.next("reading the data")
        let data = try planning.load()
        let projectsPath = projects ?? data.folder.appendingPathComponent("projects-sample.geojson").path
        var projectLayer: (layer: Layer, source: String)?
        if projects != nil || FileManager.default.fileExists(atPath: projectsPath) {
            let argument = projects ?? projectsPath
            let layer = try LayerInput.readProjected(argument, options: ReadOptions(crs: try projectsCRS.map { try CRS($0) }),
                                                     crs: try CRS(data.rules.workingCRS))
            projectLayer = (layer, displayName(ofSource: try LayerInput.path(argument)))
        }
        var reports: (records: CitizenReportRecords, source: String)?
        if let citizenReports {
            let options = ReadOptions(crs: try citizenReportsCRS.map { try CRS($0) })
            let records = try CitizenReportInput(timeField: "time", categoryField: "category", idField: "id")
                .read(citizenReports, options: options, working: try CRS(data.rules.workingCRS))
            reports = (records, displayName(ofSource: try LayerInput.path(citizenReports)))
        }
        let report = try Report.build(data: data, projects: projectLayer, kindField: kindField, unknownKinds: unknownKind, language: lang,
                                      citizenReports: reports) { progress.next($0) }
        progress.next("writing \(output)")
        try report.commit(to: output)
        for warning in report.warnings { Stderr.write("gmgeo: warning: \(warning)\n") }
        Stderr.write("gmgeo: wrote \(report.names.count) files to \(output)/ (\(String(format: "%.1f", progress.elapsed)) s); start with \(output)/summary.md\n")
    }
}

extension Language: ExpressibleByArgument {}
