import Foundation
import Testing
import TestSupport

/// `gmgeo simulate-reports` and `gmgeo hotspots` as a planner runs them.
@Suite("gmgeo hotspots")
struct HotspotsCommandTests {
    @Test("a synthetic export through hotspots: summary, tables, cells, cases, CSV and map; the planted clusters are hot")
    func endToEnd() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let made = try CommandRunner.gmgeo(["simulate-reports", "-o", folder.path("r.csv"), "--background", "8000", "--seed", "3"])
        #expect(made.status == 0 && made.stderr.contains("reports to"), "\(made.stderr)")
        // The same settings give the same file.
        _ = try CommandRunner.gmgeo(["simulate-reports", "-o", folder.path("r2.csv"), "--background", "8000", "--seed", "3"])
        #expect(try Data(contentsOf: folder.url.appendingPathComponent("r.csv")) == Data(contentsOf: folder.url.appendingPathComponent("r2.csv")))
        // Its broken rows refuse the file, naming them.
        let refused = try CommandRunner.gmgeo(["hotspots", folder.path("r.csv"), "--crs", "gcj02"])
        #expect(refused.status == 2 && refused.stderr.contains("rows cannot be read (line") && refused.stderr.contains("--skip-bad-rows"), "\(refused.stderr)")
        let out = try CommandRunner.gmgeo(["hotspots", folder.path("r.csv"), "--crs", "gcj02", "--skip-bad-rows", folder.path("rejects.csv"),
                                           "-o", folder.path("cells.geojson"), "--cases", folder.path("cases.geojson"), "--csv", folder.path("t"),
                                           "--map", folder.path("hot.png")])
        #expect(out.status == 0, "\(out.stderr)")
        #expect(out.stderr.contains("left out 5 unreadable rows"), "\(out.stderr)")
        #expect(out.stdout.contains("outside the district") && out.stdout.contains("merged as duplicates"))
        #expect(out.stdout.contains("其他 (") && out.stdout.contains("(unmapped)"), "unknown category listed")
        for title in ["Cases per street and category", "Cases per upgrade district", "Cases per month and category", "Cases per department",
                      "Monthly trend of cases", "Hot and cold spots"] {
            #expect(out.stdout.contains("### \(title)"), "\(title)")
        }
        for name in ["streets", "upgrade-districts", "months", "departments", "trends", "hotspots"] {
            #expect(FileManager.default.fileExists(atPath: folder.path("t-\(name).csv")), "\(name)")
        }
        let cells = try String(contentsOfFile: folder.path("cells.geojson"), encoding: .utf8)
        #expect(cells.contains("\"gi_z\"") && cells.contains("\"gi_p\"") && cells.contains("\"band\": \"hot99\""))
        let cases = try String(contentsOfFile: folder.path("cases.geojson"), encoding: .utf8)
        for field in ["street", "upgrade_district", "department", "duplicates", "nearest_road", "in_district"] { #expect(cases.contains("\"\(field)\""), "\(field)") }
        #expect(cases.contains("\"in_district\": false"))
        #expect(FileManager.default.fileExists(atPath: folder.path("hot.png")))
    }

    @Test("an app's JSON export (plain records) reads like the CSV; no CRS: lon/lat assumed WGS 84 with a note naming gcj02")
    func jsonAndCRS() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let rows = (0..<40).map { i in
            #"{"id": "J\#(i)", "time": "2025-0\#(1 + i % 9)-05 10:00", "category": "环境卫生", "lon": \#(113.93 + Double(i) * 0.001), "lat": 22.76}"#
        }
        try ("{\"data\": [" + rows.joined(separator: ",") + "]}").write(toFile: folder.path("r.json"), atomically: true, encoding: .utf8)
        let out = try CommandRunner.gmgeo(["hotspots", folder.path("r.json"), "--crs", "gcj02", "--cases", folder.path("c.geojson")])
        #expect(out.status == 0 && out.stdout.contains("- 40 reports: 0 outside"), "\(out.stdout.prefix(400))\(out.stderr)")
        let cases = try String(contentsOfFile: folder.path("c.geojson"), encoding: .utf8)
        #expect(cases.contains("\"case_id\": \"J0\""))
        let assumed = try CommandRunner.gmgeo(["hotspots", folder.path("r.json")])
        #expect(assumed.status == 0 && assumed.stderr.contains("assuming EPSG:4326") && assumed.stderr.contains("--crs gcj02"), "\(assumed.stderr)")
        // A record without a time refuses the file, naming it.
        try #"[{"id": "x", "time": "soon", "category": "环境卫生", "lon": 113.93, "lat": 22.76}]"#.write(toFile: folder.path("bad.json"), atomically: true, encoding: .utf8)
        let bad = try CommandRunner.gmgeo(["hotspots", folder.path("bad.json"), "--crs", "gcj02"])
        #expect(bad.status == 2 && bad.stderr.contains("record 1: time 'soon' is not a date and time"), "\(bad.stderr)")
    }

    @Test("report --citizen-reports adds the section (in Chinese), its map, tables, cells and cases, a web map layer and a QGIS group")
    func inTheReport() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        _ = try CommandRunner.gmgeo(["simulate-reports", "-o", folder.path("r.csv"), "--background", "6000", "--broken", "0"])
        let out = try CommandRunner.gmgeo(["report", "-o", folder.path("rep"), "--citizen-reports", folder.path("r.csv"), "--citizen-reports-crs", "gcj02"])
        #expect(out.status == 0, "\(out.stderr)")
        let summary = try String(contentsOfFile: folder.path("rep/summary.md"), encoding: .utf8)
        #expect(summary.contains("## 5. 市民随手拍") && summary.contains("](map-hotspots.png)") && summary.contains("### 各街道、各类别案件数"))
        #expect(summary.contains("- 市民随手拍：") && summary.contains("热点 99%"))
        #expect(ReportLanguageTests.englishRuns(summary).isEmpty, "\(ReportLanguageTests.englishRuns(summary))")
        for file in ["hotspot-cells.geojson", "hotspot-cells.qml", "citizen-cases.geojson", "citizen-streets.csv", "citizen-trends.csv",
                     "map-hotspots.png", "map-hotspots.pdf", "map/layers/01-hotspot-cells.js"] {
            #expect(FileManager.default.fileExists(atPath: folder.path("rep/\(file)")), "\(file)")
        }
        let qgs = try String(contentsOfFile: folder.path("rep/report.qgs"), encoding: .utf8)
        #expect(qgs.contains("<layer-tree-group name=\"市民随手拍\"") && qgs.contains("./hotspot-cells.geojson"))
        // Without the reports the section is not there.
        let plain = try CommandRunner.gmgeo(["report", "-o", folder.path("plain")])
        let plainSummary = try String(contentsOfFile: folder.path("plain/summary.md"), encoding: .utf8)
        #expect(plain.status == 0 && !plainSummary.contains("市民随手拍"))
    }

    @Test("refused: no [citizen_reports] in the rules, a missing column, bad options", arguments: [
        ["hotspots", "OUT/r.csv", "--crs", "gcj02", "--rules", "OUT/old-rules.toml"],
        ["hotspots", "OUT/nocat.csv", "--crs", "gcj02"],
        ["hotspots", "OUT/r.csv", "--crs", "gcj02", "--band", "300", "--knn", "6"],
        ["hotspots", "OUT/r.csv", "--crs", "gcj02", "--cell-size", "5"],
        ["hotspots", "OUT/r.csv", "--crs", "gcj02", "--map", "OUT/m.svg"],
        ["hotspots", "OUT/r.csv", "--crs", "gcj02", "--band", "100"],
        ["hotspots", "OUT/r.csv", "--crs", "gcj02", "-o", "OUT/c.geojson", "--csv", "OUT/missing/t"],
    ])
    func refused(_ arguments: [String]) throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try "id,time,category,lon,lat\n1,2025-03-01 10:00,环境卫生,113.93,22.76\n".write(toFile: folder.path("r.csv"), atomically: true, encoding: .utf8)
        try "id,time,kind,lon,lat\n1,2025-03-01 10:00,环境卫生,113.93,22.76\n".write(toFile: folder.path("nocat.csv"), atomically: true, encoding: .utf8)
        let rules = try String(contentsOfFile: SharedFixtures.packageRoot.appendingPathComponent("GeoData/guangming/rules.toml").path, encoding: .utf8)
        try String(rules[..<(rules.range(of: "[citizen_reports]")?.lowerBound ?? rules.endIndex)])
            .write(toFile: folder.path("old-rules.toml"), atomically: true, encoding: .utf8)
        let before = folder.contents
        let out = try CommandRunner.gmgeo(arguments.map { $0.replacingOccurrences(of: "OUT", with: folder.url.path) })
        #expect(out.status == 2 && out.stdout.isEmpty, "\(out.stderr)")
        #expect(out.stderr.hasPrefix("gmgeo: ") && out.stderr.filter { $0 == "\n" }.count == 1, "\(out.stderr)")
        #expect(folder.contents == before)
    }
}
