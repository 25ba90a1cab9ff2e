import ArgumentParser
import Foundation
import GeoCore
import GeoIO
import MapRender
import Planning

/// `gmgeo hotspots REPORTS`: where citizen reports concentrate, and whether it gets better.
struct HotspotsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hotspots",
        abstract: "Citizen reports (质量颜值“随手拍”): cases, hot spots (Gi* with FDR), tables per street, district, month and department, trends.",
        discussion: """
        Reads an export of the reporting app (CSV with id, time, category, text and lon/lat, or any point layer gmgeo reads; phone positions are GCJ-02: --crs gcj02). Reports outside the district are flagged and counted; reports of one category within [citizen_reports] duplicate_distance m and duplicate_hours hours become one case with a count and first/last time. Each case gets its street, upgrade district, control zones, nearest road and the department the rules map its category to (a category the rules do not map is listed as unmapped, never dropped).

        Hot spots: Getis-Ord Gi* (binary weights, the cell included) on hexagons --cell-size m apart clipped to the district (a sliver under half a hexagon joins its neighbour; counts are per hexagon of area), z-scores, two-sided p-values and False Discovery Rate correction, banded hot99/hot95/hot90/ns/cold90/cold95/cold99 as ArcGIS's Hot Spot Analysis does; the neighbourhood is a distance band (--band) or the k nearest cells (--knn). By default Gi* runs on √(cases + 3/8) with the Benjamini-Yekutieli correction: on spatially random reports ArcGIS's choice (raw counts, Benjamini-Hochberg) flags a cell in about one district in six, this in under one in twenty; --counts raw --fdr bh gives ArcGIS's and esda's numbers. Trends: Mann-Kendall on each street's and upgrade district's monthly cases.

        Prints the summary and the Markdown tables; -o writes the cells (cases, gi_z, gi_p, band), --cases the cleaned cases, --csv PREFIX one CSV per table, --map a PNG or PDF of the hot and cold spots. Rows without a readable position, time or category refuse the file, naming them, unless --skip-bad-rows.

        Examples:
          gmgeo hotspots reports.csv --crs gcj02
          gmgeo hotspots reports.csv --crs gcj02 -o cells.geojson --cases cases.geojson --csv tables --map hotspots.png
          gmgeo hotspots export.csv --crs gcj02 --time-field 上报时间 --category-field 问题类型 --skip-bad-rows rejects.csv
          gmgeo hotspots reports.csv --crs gcj02 --cell-size 400 --knn 8
        """
    )

    @Argument(help: "The reports (CSV or any point layer).") var reports: String
    @OptionGroup var planning: PlanningOptions
    @OptionGroup var input: InputOptions
    @Option(name: [.short, .customLong("output")], help: "Write the hexagon cells (cases, gi_z, gi_p, band) to this file.") var output: String?
    @Option(help: "Write the cleaned cases (street, upgrade_district, department, duplicates, ...) to this file.") var cases: String?
    @Option(help: ArgumentHelp("Write each table as PREFIX-<table>.csv.", valueName: "PREFIX")) var csv: String?
    @Option(help: "Draw the hot and cold spots to this PNG or PDF.") var map: String?
    @Option(name: .customLong("cell-size"), help: "Hexagon spacing in metres (default: [citizen_reports] cell_size).") var cellSize: Double?
    @Option(help: "Gi* neighbourhood: cells whose centres lie within this many metres (default: [citizen_reports] neighbourhood).") var band: Double?
    @Option(help: "Gi* neighbourhood: the k nearest cells instead of a distance band.") var knn: Int?
    @Option(help: "What Gi* runs on: sqrt (√(cases + 3/8), default: Poisson counts made normal) or raw (the counts, as ArcGIS and esda).")
    var counts: CitizenReportRules.CountScale = .sqrt
    @Option(help: "The correction for testing every cell: by (Benjamini-Yekutieli, default: valid for overlapping neighbourhoods) or bh (Benjamini-Hochberg, as ArcGIS and esda).")
    var fdr: GetisOrd.Correction = .by
    @Option(name: .customLong("time-field"), help: "The column holding the report time.") var timeField = "time"
    @Option(name: .customLong("category-field"), help: "The column holding the category.") var categoryField = "category"
    @Option(name: .customLong("id-field"), help: "The column holding the report id (default: id; line numbers without it).") var idField = "id"

    func validate() throws {
        if let cellSize, !(cellSize.isFinite && cellSize >= 20 && cellSize <= 5000) { throw ValidationError("--cell-size must be between 20 and 5000 m") }
        if let band, !(band.isFinite && band > 0) { throw ValidationError("--band must be a distance in metres > 0") }
        if let knn, !(1...200).contains(knn) { throw ValidationError("--knn must be between 1 and 200") }
        if band != nil && knn != nil { throw ValidationError("give --band or --knn, not both") }
        if let map, MapFormat(path: map) == nil || map.lowercased().hasSuffix(".svg") { throw ValidationError("--map must end in .png or .pdf") }
    }

    func run() throws {
        // Every output checked before minutes of work, so none is left half of a set.
        let tableFiles = csv.map { prefix in Hotspots.tableNames.map { "\(prefix)-\($0).csv" } } ?? []
        for path in [output, cases, map].compactMap({ $0 }) + tableFiles { try OutputPath.check(path) }
        for path in [output, cases].compactMap({ $0 }) { _ = try HotspotsCommand.format(path) }
        let data = try planning.load()
        guard var rules = data.rules.citizenReports else {
            throw InputError("the rules file has no [citizen_reports] section (cell size, neighbourhood, duplicates, departments): copy it from GeoData/guangming/rules.toml")
        }
        if let cellSize { rules.cellSize = cellSize }
        if let band { (rules.band, rules.knn) = (band, 0) }
        if let knn { rules.knn = knn }
        (rules.counts, rules.correction) = (counts, fdr)
        guard rules.band >= rules.cellSize || rules.knn > 0 else {
            throw InputError("the neighbourhood (\(rules.band) m) is smaller than the cell spacing (\(rules.cellSize) m): every cell would be alone; use a band of at least one cell")
        }
        let progress = Progress(steps: 4)
        progress.next("reading \(displayName(ofSource: reports))")
        let working = try CRS(data.rules.workingCRS)
        let records = try CitizenReportInput(timeField: timeField, categoryField: categoryField, idField: idField)
            .read(reports, options: try input.readOptions(), working: working)
        let result = try Hotspots.analyse(records, data: data, rules: rules) { progress.next($0) }

        if let output { try LayerWriter(format: try HotspotsCommand.format(output)).write(result.cells, to: output) }
        if let cases { try LayerWriter(format: try HotspotsCommand.format(cases)).write(try result.caseLayer(), to: cases) }
        if let csv {
            for (name, table) in result.tables { try AtomicWrite.data(Data(table.csv().utf8), to: "\(csv)-\(name).csv") }
        }
        if let map {
            let layers = [MapLayer(layer: result.cells, style: Palette.style(for: "hotspot-cells")),
                          MapLayer(layer: data.roads, style: Palette.style(for: "roads-context")),
                          MapLayer(layer: data.boundary, style: Palette.style(for: "boundary"))]
            let page = try PageSetup(paper: "A4", landscape: true, dpi: 150, title: "市民随手拍热点 · Citizen-report hot spots (Gi*, FDR)",
                                     attribution: SourceLine.text(for: [data.boundary, data.roads]) + "; reports: \(displayName(ofSource: reports))")
            _ = try MapRenderer.render(layers, page: page, to: map)
        }
        // The tables once every file is written: a failed write prints no results.
        print(summary(result, rules: rules))
        for (_, table) in result.tables { print("\n### \(table.title)\n\n" + table.markdown()) }
        Stderr.write("gmgeo: \(result.cases.count) cases on \(result.cells.features.count) cells (\(String(format: "%.1f", progress.elapsed)) s)\n")
    }

    static func format(_ path: String) throws -> OutputFormat {
        guard let format = OutputFormat(path: path) else {
            throw InputError("\(path): cannot tell the format from the extension; use .geojson, .gpkg, .shp, .csv or .fgb")
        }
        return format
    }

    private func summary(_ r: HotspotResult, rules: CitizenReportRules) -> String {
        let hot = r.cells.features.filter { $0["band"].description.hasPrefix("hot") }.count
        let cold = r.cells.features.filter { $0["band"].description.hasPrefix("cold") }.count
        var lines = [
            "## Citizen reports: \(displayName(ofSource: reports))",
            "",
            "- \(r.reports) reports: \(r.outside) outside the district (flagged in --cases), \(r.merged) merged as duplicates (same category within \(Format.fixed(rules.duplicateDistance, 0)) m and \(Format.fixed(rules.duplicateHours, 0)) h), \(r.cases.count) cases.",
            "- Hot spots: \(hot) hot and \(cold) cold cells of \(r.cells.features.count) hexagons \(Format.fixed(rules.cellSize, 0)) m apart; Gi* on \(rules.counts == .sqrt ? "√(cases per hexagon + 3/8)" : "cases per hexagon"); neighbourhood: \(r.neighbourhood); \(rules.correction == .by ? "Benjamini-Yekutieli" : "Benjamini-Hochberg") FDR at 90/95/99 %.",
        ]
        if !r.unknownCategories.isEmpty {
            lines.append("- Categories the rules do not map to a department (counted as \(Hotspots.unmapped); add them to [citizen_reports.departments]): "
                         + r.unknownCategories.map { "\($0.category) (\($0.cases) cases)" }.joined(separator: ", ") + ".")
        }
        return lines.joined(separator: "\n")
    }
}

extension CitizenReportRules.CountScale: ExpressibleByArgument {}
extension GetisOrd.Correction: ExpressibleByArgument {}
