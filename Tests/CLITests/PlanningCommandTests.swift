import Foundation
import Testing
import TestSupport

/// The analysis commands and the report, run as a planner runs them.
@Suite("gmgeo report and analyses")
struct PlanningCommandTests {
    @Test("report twice gives identical files; a failed run leaves the old report")
    func reportIdempotent() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let first = try CommandRunner.gmgeo(["report", "-o", folder.path("a")])
        #expect(first.status == 0, "\(first.stderr)")
        let second = try CommandRunner.gmgeo(["report", "-o", folder.path("b")])
        #expect(second.status == 0)
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path("a")).sorted()
        #expect(names.contains("summary.md") && names.contains("projects-validated.geojson") && names.contains("green-patches.csv"))
        #expect(names == (try FileManager.default.contentsOfDirectory(atPath: folder.path("b")).sorted()))
        // Every file, the web map's included.
        func files(_ root: String) throws -> [String] {
            try FileManager.default.subpathsOfDirectory(atPath: root).filter { path in
                var isFolder: ObjCBool = false
                return FileManager.default.fileExists(atPath: root + "/" + path, isDirectory: &isFolder) && !isFolder.boolValue
            }.sorted()
        }
        let all = try files(folder.path("a"))
        #expect(all.contains("map/index.html") && all.contains("map/layers/15-projects-validated.js"), "\(all)")
        #expect(all == (try files(folder.path("b"))))
        for name in all {
            let a = try Data(contentsOf: URL(fileURLWithPath: folder.path("a/\(name)")))
            let b = try Data(contentsOf: URL(fileURLWithPath: folder.path("b/\(name)")))
            #expect(a == b, "\(name) differs between runs")
        }
        // Again into a, over the old report: replaced whole.
        #expect(try CommandRunner.gmgeo(["report", "-o", folder.path("a")]).status == 0)
        // A broken rules file: exit 2, and report a is untouched.
        try "[crs]\nworking = \"EPSG:4547\"\n".write(toFile: folder.path("bad.toml"), atomically: true, encoding: .utf8)
        let bad = try CommandRunner.gmgeo(["report", "-o", folder.path("a"), "--rules", folder.path("bad.toml")])
        #expect(bad.status == 2 && bad.stderr.contains("bad.toml: missing section [corridors]"), "\(bad.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path("a")).sorted() == names)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.url.path).filter { $0.hasPrefix(".gmgeo") }
        #expect(leftovers.isEmpty, "\(leftovers)")
    }

    @Test("validate exits 0 when all are ok, 1 when any needs review or conflicts, 2 for bad input")
    func validateExitStatus() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        // One general project in open land near 华夏路沿街 (P19's spot, ok in the sample).
        try #"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"name_zh":"小店","kind":"general"},"geometry":{"type":"Point","coordinates":[113.9600,22.7605]}}]}"#
            .write(toFile: folder.path("ok.geojson"), atomically: true, encoding: .utf8)
        let ok = try CommandRunner.gmgeo(["validate", folder.path("ok.geojson")])
        #expect(ok.status == 0, "\(ok.stdout)\(ok.stderr)")
        #expect(ok.stdout.contains("| 小店 | general |") && ok.stdout.contains("| ok |"))
        let sample = try CommandRunner.gmgeo(["validate", "projects-sample", "-o", folder.path("v.geojson"), "--csv", folder.path("v.csv")])
        #expect(sample.status == 1)
        #expect(sample.stderr.contains("30 projects checked:"))
        let bytes = try Data(contentsOf: URL(fileURLWithPath: folder.path("v.csv")))
        #expect(bytes.prefix(3) == Data([0xEF, 0xBB, 0xBF]), "UTF-8 byte-order mark for spreadsheets")
        let csv = String(decoding: bytes.dropFirst(3), as: UTF8.self)
        #expect(csv.hasPrefix("project,name,kind,kind_key,street,upgrade district,control zones,verdict,reasons,lon,lat") && csv.contains("needs-review") && csv.contains("conflict"))
        let verdicts = try String(contentsOfFile: folder.path("v.geojson"), encoding: .utf8)
        #expect(verdicts.contains("\"verdict\"") && verdicts.contains("\"reasons\""))
        let noKind = try CommandRunner.gmgeo(["validate", "stations"])
        #expect(noKind.status == 2 && noKind.stderr.contains("no field 'kind'"))
    }

    @Test("a phone-app CSV of GCJ-02 lon/lat validates")
    func gcjCSV() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        // 光明城站 in GCJ-02 as Amap shows it: a key project right at the hub.
        try "name_zh,kind,lng,lat\n站前项目,key,113.9537,22.7327\n".write(toFile: folder.path("app.csv"), atomically: true, encoding: .utf8)
        let out = try CommandRunner.gmgeo(["validate", folder.path("app.csv"), "--crs", "gcj02"])
        #expect(out.status == 1)
        #expect(out.stdout.contains("光明城站枢纽片区"), "\(out.stdout)")
        // The same file through the report, with its CRS named.
        let report = try CommandRunner.gmgeo(["report", "-o", folder.path("r"), "--projects", folder.path("app.csv"), "--projects-crs", "gcj02"])
        #expect(report.status == 0, "\(report.stderr)")
        let summary = try String(contentsOfFile: folder.path("r/summary.md"), encoding: .utf8)
        #expect(summary.contains("| 站前项目 | key |") && summary.contains("光明城站枢纽片区"))
    }

    @Test("coverage, buffer-check and network print their tables", arguments: [
        (["coverage", "--green-service"], "Green-space service"),
        (["coverage", "--zones", "upgrade-districts", "--cover", "green", "--buffer", "300", "--target", "0.5"], "meets_target"),
        (["buffer-check", "projects-sample"], "setback violations"),
        (["buffer-check"], "Corridors"),
        (["network"], "Gap links"),
        (["network", "--no-dissolve", "--min-patch-area", "0"], "mean nearest-neighbour distance, m"),
    ])
    func tables(_ c: ([String], String)) throws {
        let out = try CommandRunner.gmgeo(c.0)
        #expect(out.status == 0, "\(out.stderr)")
        #expect(out.stdout.contains(c.1))
        // The numbers obey what they mean, whatever the data: so a swapped column or a wrong
        // share fails here, not only a missing title.
        let rows = Self.rows(out.stdout)
        #expect(!rows.isEmpty, "no data rows in \(out.stdout)")
        switch c.0.first {
        case "coverage" where c.0.contains("--green-service"):
            for r in rows where r.count == 7 {
                let (green, park, both) = (Self.percent(r[2]), Self.percent(r[3]), Self.percent(r[4]))
                #expect(both <= min(green, park) + 0.05, "\(r)")
                #expect((r[6] == "yes") == (both >= Self.percent(r[5])), "\(r)")
            }
        case "coverage":
            for r in rows where r.count == 5 {
                let (area, covered, share) = (Double(r[1]) ?? -1, Double(r[2]) ?? -1, Self.percent(r[3]))
                #expect(area > 0 && covered >= 0 && covered <= area + 0.5, "\(r)")
                #expect(abs(share - (covered / area * 100)) < 0.06, "\(r)")
                #expect((r[4] == "yes") == (share >= 50), "\(r)")
            }
        case "network" where c.1 == "Gap links":
            let gains = rows.filter { $0.count == 5 && Int($0[0]) != nil }.compactMap { Double($0[4]) }
            #expect(!gains.isEmpty && gains == gains.sorted(by: >), "ranked by PC gain: \(gains)")
        default:
            break
        }
    }

    /// The cells of every Markdown table row whose second cell is a number (data rows).
    static func rows(_ markdown: String) -> [[String]] {
        markdown.split(separator: "\n").filter { $0.hasPrefix("| ") }.map { line in
            line.split(separator: "|", omittingEmptySubsequences: false).dropFirst().dropLast().map { $0.trimmingCharacters(in: .whitespaces) }
        }.filter { $0.count > 1 && (Double($0[1]) != nil || Int($0[0]) != nil) }
    }

    /// "42.5%" as 42.5 (-1 when not a percentage).
    static func percent(_ cell: String) -> Double { Double(cell.dropLast()) ?? -1 }

    @Test("coverage of a zone file by a cover file in metres without a CRS: refused, then --cover-crs; half covered")
    func coverFileCRS() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        // A 1 km square zone in lon/lat-free metres, and a cover over its western half.
        let square = #"{"type": "FeatureCollection", "crs": {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::4547"}}, "features": [{"type": "Feature", "properties": {"name_zh": "Z"}, "geometry": {"type": "Polygon", "coordinates": [[[495000, 2515000], [496000, 2515000], [496000, 2516000], [495000, 2516000], [495000, 2515000]]]}}]}"#
        let half = #"{"type": "FeatureCollection", "features": [{"type": "Feature", "properties": {}, "geometry": {"type": "Polygon", "coordinates": [[[494000, 2514000], [495500, 2514000], [495500, 2517000], [494000, 2517000], [494000, 2514000]]]}}]}"#
        try square.write(toFile: folder.path("zone.geojson"), atomically: true, encoding: .utf8)
        try half.write(toFile: folder.path("cover.geojson"), atomically: true, encoding: .utf8)
        let refused = try CommandRunner.gmgeo(["coverage", "--zones", folder.path("zone.geojson"), "--cover", folder.path("cover.geojson")])
        #expect(refused.status == 2 && refused.stderr.contains("not degrees"), "\(refused.stderr)")
        let out = try CommandRunner.gmgeo(["coverage", "--zones", folder.path("zone.geojson"), "--cover", folder.path("cover.geojson"),
                                           "--cover-crs", "EPSG:4547"])
        #expect(out.status == 0 && out.stdout.contains("| Z | 1000000 | 500000 | 50.0% |"), "\(out.stdout) \(out.stderr)")
    }

    @Test("analysis arguments are checked", arguments: [
        ["coverage"], ["coverage", "--cover", "green", "--green-service"], ["coverage", "--cover", "green", "--target", "2"],
        ["network", "--link-distance", "-5"], ["network", "--min-patch-area", "nan"], ["report", "--data", "/nonexistent"], ["coverage", "--cover", "nope"],
    ])
    func badArguments(_ arguments: [String]) throws {
        let out = try CommandRunner.gmgeo(arguments)
        #expect(out.status == 2 && out.stdout.isEmpty && out.stderr.filter { $0 == "\n" }.count == 1, "\(out.stderr)")
    }
}
