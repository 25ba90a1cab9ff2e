import Foundation
import GeoCore
import GeoIO
import MapRender
import Planning

/// The report's files, kept in memory until all analyses succeed, then written to a staging
/// folder beside the target and swapped in: a failed run leaves the old report untouched.
public struct ReportFiles {
    private var layers: [(Layer, String)] = []
    private var texts: [(String, String)] = []
    private var maps: [(layers: [MapLayer], title: String, name: String, credit: String)] = []
    private var webMap: WebMap?
    private var word: (report: WordReport, pandoc: String)?
    /// The web map's folder inside the report.
    public static let webFolder = "map"

    /// The result layers a report writes as GeoJSON, each with its .qml.
    static let resultLayers = ["corridors", "road-belts", "green-service", "green-service-gaps", "green-patches", "green-links", "green-gap-links",
                               "projects-validated", "hotspot-cells"]

    /// Every file name a report writes: a folder holding only these is an earlier report
    /// (written before reports carried their mark) and may be replaced.
    public static let knownNames: Set<String> = Set(
        resultLayers.flatMap { ["\($0).geojson", "\($0).qml"] }
            + ["road-belts.csv", "green-service.csv", "green-patches.csv", "green-gap-links.csv", "projects-validated.csv", "summary.md",
               "citizen-cases.geojson", webFolder, "report.docx", "report.qgs", "inputs"]
            + ["map-overview", "map-green-service", "map-corridors", "map-green-network", "map-projects", "map-hotspots"].flatMap { ["\($0).png", "\($0).pdf"] }
            + Hotspots.tableNames.map { "citizen-\($0).csv" })

    /// The files' names.
    public var names: [String] {
        layers.map(\.1) + texts.map(\.1) + maps.flatMap { ["\($0.name).png", "\($0.name).pdf"] } + (webMap == nil ? [] : [ReportFiles.webFolder + "/index.html"])
            + (word == nil ? [] : ["report.docx"])
    }

    /// A map drawn at commit time as `name`.png (150 dpi) and `name`.pdf, A4 landscape; its
    /// source line credits `sources`, the input layers it shows or derives from.
    mutating func map(_ layers: [(Layer, String)], title: String, name: String, sources: [Layer]) {
        maps.append((layers.map { MapLayer(layer: $0.0, style: Palette.style(for: $0.1)) }, title, name, SourceLine.text(for: sources)))
    }

    /// Parts of the report left out, each in one line (the web map without Leaflet installed).
    public private(set) var warnings: [String] = []

    /// The interactive map, written into `webFolder` at commit time; left out with a warning
    /// where Leaflet is not installed (the rest of the report does not need it).
    mutating func web(_ map: WebMap) {
        if let missing = WebMap.missingLeaflet() {
            warnings.append("the web map (\(ReportFiles.webFolder)/index.html) is left out: \(missing)")
        } else {
            webMap = map
        }
    }

    /// report.docx from summary.md, made by pandoc at commit time after the maps it embeds;
    /// left out with a warning where pandoc is not installed.
    mutating func word(_ report: WordReport) {
        if let pandoc = WordReport.pandoc() {
            word = (report, pandoc)
        } else {
            warnings.append("report.docx is left out: pandoc is not installed (apt-get install pandoc)")
        }
    }

    mutating func layer(_ layer: Layer, _ name: String) { layers.append((layer, name)) }
    mutating func table(_ table: Table, _ name: String) { texts.append((table.csv(), name)) }
    mutating func text(_ text: String, _ name: String) { texts.append((text, name)) }

    /// Writes every file into a staging folder, then puts it in place of `folder` in one
    /// step (`Staging.commitFolder`: only a folder gmgeo wrote, or an empty one, is replaced).
    public func commit(to folder: String) throws {
        let staging = try Staging(for: folder)
        do {
            // Some files live in subfolders (inputs/).
            for name in Set((layers.map(\.1) + texts.map(\.1)).filter { $0.contains("/") }.map { ($0 as NSString).deletingLastPathComponent }) {
                try FileManager.default.createDirectory(at: staging.folder.appendingPathComponent(name), withIntermediateDirectories: true)
            }
            for (layer, name) in layers { try LayerWriter(format: .geojson).write(layer, to: staging.folder.appendingPathComponent(name).path) }
            for (text, name) in texts { try Data(text.utf8).write(to: staging.folder.appendingPathComponent(name)) }
            // Each map file is independent: draw them on every core.
            let jobs = maps.flatMap { map in ["png", "pdf"].map { (map, $0) } }
            let into = staging.folder
            _ = try ParallelMap.map(jobs.indices) { i in
                let (map, format) = jobs[i]
                let page = try PageSetup(paper: "A4", landscape: true, dpi: 150, title: map.title,
                                         attribution: map.credit)
                return try MapRenderer.render(map.layers, page: page, to: into.appendingPathComponent("\(map.name).\(format)").path).scaleDenominator
            }
            try webMap?.write(into: staging.folder.appendingPathComponent(ReportFiles.webFolder))
            if let word {
                guard let summary = texts.first(where: { $0.1 == "summary.md" })?.0 else {
                    throw IOError(.write, "report.docx is made from summary.md, which the report does not hold", location: folder)
                }
                try word.report.write(summary: summary, into: staging.folder, pandoc: word.pandoc)
            }
        } catch {
            staging.discard()
            throw error
        }
        try staging.commitFolder(ownFiles: ReportFiles.knownNames)
    }
}
