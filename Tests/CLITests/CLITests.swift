import Foundation
import Testing
import TestSupport

/// `gmgeo` run as a process: stdout compared with snapshot files (the CLI's output is an
/// interface), errors checked for one line, exit status 2 and an empty stdout.
@Suite("gmgeo command line")
struct CLITests {
    /// Set GMGEO_RECORD=1 to rewrite the snapshots from the current output; a recording run
    /// fails, so a snapshot is never accepted without being looked at.
    static let recording = ProcessInfo.processInfo.environment["GMGEO_RECORD"] == "1"
    static let snapshots = SharedFixtures.packageRoot.appendingPathComponent("Tests/CLITests/Snapshots")

    struct Case: CustomTestStringConvertible, Sendable {
        let name: String
        let arguments: [String]
        var stdin = ""
        var testDescription: String { name }
    }

    static let successes: [Case] = [
        Case(name: "geom-buffer-quadsegs", arguments: ["geom", "buffer", "POINT (0 0)", "10", "--quadsegs", "2"]),
        Case(name: "geom-buffer-flat-single-sided", arguments: ["geom", "buffer", "LINESTRING (0 0, 100 0)", "10", "--cap", "flat", "--single-sided"]),
        Case(name: "geom-buffer-negative", arguments: ["geom", "buffer", "POLYGON ((0 0, 10 0, 10 10, 0 10, 0 0))", "-2", "--join", "mitre"]),
        Case(name: "geom-intersection", arguments: ["geom", "intersection", "POLYGON ((0 0, 10 0, 10 10, 0 10, 0 0))", "POLYGON ((5 5, 15 5, 15 15, 5 15, 5 5))"]),
        Case(name: "geom-intersection-geojson", arguments: ["geom", "intersection", "--format", "geojson", "POLYGON ((0 0, 10 0, 10 10, 0 10, 0 0))", "POLYGON ((5 5, 15 5, 15 15, 5 15, 5 5))"]),
        Case(name: "geom-relate-matrix", arguments: ["geom", "relate", "POINT (1 1)", "POLYGON ((0 0, 2 0, 2 2, 0 0))"]),
        Case(name: "geom-relate-pattern", arguments: ["geom", "relate", "POINT (1.5 0.5)", "POLYGON ((0 0, 2 0, 2 2, 0 0))", "T*F**F***"]),
        Case(name: "geom-contains-prepared", arguments: ["geom", "contains", "--prepared", "POLYGON ((0 0, 2 0, 2 2, 0 0))", "POINT (1.5 0.5)"]),
        Case(name: "geom-distance", arguments: ["geom", "distance", "POINT (0 0)", "LINESTRING (3 4, 10 4)"]),
        Case(name: "geom-area-wkb", arguments: ["geom", "area", "010300000001000000050000000000000000000000000000000000000000000000000024400000000000000000000000000000244000000000000024400000000000000000000000000000244000000000000000000000000000000000"]),
        Case(name: "geom-isvalidreason-stdin", arguments: ["geom", "isvalidreason", "-"], stdin: "POLYGON ((0 0, 10 10, 10 0, 0 10, 0 0))\n"),
        Case(name: "geom-iswithindistance", arguments: ["geom", "iswithindistance", "POINT (0 0)", "POINT (3 4)", "5"]),
        Case(name: "geom-simplifydp-precision", arguments: ["geom", "simplifydp", "LINESTRING (0 0, 5 0.1, 10 0, 15 3.3333333)", "0.5", "--precision", "2"]),
        Case(name: "geom-centroid-geojson-input", arguments: ["geom", "getcentroid", #"{"type":"Polygon","coordinates":[[[0,0],[4,0],[4,4],[0,4],[0,0]]]}"#]),
        Case(name: "transform-point-4547", arguments: ["transform", "--from", "EPSG:4326", "--to", "EPSG:4547", "--point", "113.9486957,22.7357419"]),
        Case(name: "transform-inverse-decimals", arguments: ["transform", "--from", "EPSG:4326", "--to", "EPSG:4547", "--inverse", "--decimals", "6"],
             stdin: "500000,2516000\n"),
        Case(name: "transform-csv-header", arguments: ["transform", "--from", "EPSG:4326", "--to", "EPSG:4547"],
             stdin: "lon,lat\n114,22.75\n113.9486957,22.7357419\n"),
    ]

    @Test("output matches the snapshot", arguments: successes)
    func snapshot(_ c: Case) throws {
        let out = try CommandRunner.gmgeo(c.arguments, stdin: c.stdin)
        #expect(out.status == 0, "stderr: \(out.stderr)")
        let file = Self.snapshots.appendingPathComponent("\(c.name).txt")
        if Self.recording {
            try out.stdout.write(to: file, atomically: true, encoding: .utf8)
            Issue.record("recorded \(c.name).txt: check it by hand, then run again without GMGEO_RECORD")
            return
        }
        let expected = try String(contentsOf: file, encoding: .utf8)
        #expect(out.stdout == expected)
    }

    static let failures: [Case] = [
        Case(name: "unknown operation", arguments: ["geom", "frobnicate", "POINT (0 0)"]),
        Case(name: "malformed WKT", arguments: ["geom", "area", "POLYGON ((0 0, 1 0"]),
        Case(name: "unclosed ring", arguments: ["geom", "area", "POLYGON ((0 0, 1 0, 1 1, 0 1))"]),
        Case(name: "NaN coordinate", arguments: ["geom", "buffer", "POINT (nan 0)", "1"]),
        Case(name: "infinite coordinate", arguments: ["geom", "buffer", "POINT (inf 0)", "1"]),
        Case(name: "malformed GeoJSON", arguments: ["geom", "area", #"{"type":"Polygon","coordinates":[[[0,0],[1,0]"#]),
        Case(name: "malformed WKB", arguments: ["geom", "area", "0103000000"]),
        Case(name: "empty stdin", arguments: ["geom", "area", "-"]),
        Case(name: "missing operand", arguments: ["geom", "intersection", "POINT (0 0)"]),
        Case(name: "distance not a number", arguments: ["geom", "buffer", "POINT (0 0)", "ten"]),
        Case(name: "infinite distance", arguments: ["geom", "buffer", "POINT (0 0)", "inf"]),
        Case(name: "bad cap style", arguments: ["geom", "buffer", "POINT (0 0)", "1", "--cap", "pointy"]),
        Case(name: "prepared on a construction", arguments: ["geom", "buffer", "--prepared", "POINT (0 0)", "1"]),
        Case(name: "bad DE-9IM pattern", arguments: ["geom", "relate", "POINT (0 0)", "POINT (0 0)", "XYZ"]),
        Case(name: "unknown CRS code", arguments: ["transform", "--from", "EPSG:999999", "--to", "EPSG:4547", "--point", "1,2"]),
        Case(name: "CRS by vague name", arguments: ["transform", "--from", "wgs84", "--to", "EPSG:4547", "--point", "1,2"]),
        Case(name: "bad coordinate line", arguments: ["transform", "--from", "EPSG:4326", "--to", "EPSG:4547"], stdin: "113.9,22.7\nnorth,east\n"),
        Case(name: "NaN coordinate line", arguments: ["transform", "--from", "EPSG:4326", "--to", "EPSG:4547"], stdin: "113.9,22.7\nnan,22\n"),
        Case(name: "latitude out of range", arguments: ["transform", "--from", "EPSG:4326", "--to", "EPSG:4547"], stdin: "113.9,22.7\n113.9,95\n"),
        Case(name: "missing file", arguments: ["transform", "--from", "EPSG:4326", "--to", "EPSG:4547", "no-such-file.csv"]),
        Case(name: "missing --to", arguments: ["transform", "--from", "EPSG:4326", "--point", "1,2"]),
    ]

    @Test("bad input: one line on stderr naming the problem, exit 2, nothing on stdout", arguments: failures)
    func failure(_ c: Case) throws {
        let out = try CommandRunner.gmgeo(c.arguments, stdin: c.stdin)
        #expect(out.status == 2)
        #expect(out.stdout.isEmpty)
        #expect(out.stderr.hasPrefix("gmgeo: "))
        #expect(out.stderr.filter { $0 == "\n" }.count == 1, "not one line: \(out.stderr)")
    }

    @Test("error messages say where and what")
    func messages() throws {
        #expect(try CommandRunner.gmgeo(["transform", "--from", "EPSG:4326", "--to", "EPSG:4547"], stdin: "113.9,22.7\nnorth,east\n")
            .stderr.contains("stdin:2"))
        #expect(try CommandRunner.gmgeo(["transform", "--from", "EPSG:4326", "--to", "EPSG:4547"], stdin: "113.9,22.7\n113.9,95\n")
            .stderr.contains("stdin:2"))
        #expect(try CommandRunner.gmgeo(["geom", "intersection", "POINT (0 0)", "POLYGON ((0 0, 1 0"]).stderr.contains("geometry B"))
        #expect(try CommandRunner.gmgeo(["geom", "buffer", "POINT (nan 0)", "1"]).stderr.contains("NaN or infinite"))
        #expect(try CommandRunner.gmgeo(["transform", "--from", "EPSG:999999", "--to", "EPSG:4547", "--point", "1,2"]).stderr.contains("crs not found"))
    }

    @Test("every command explains itself with examples", arguments: [["--help"], ["geom", "--help"], ["transform", "--help"], ["help", "geom"]])
    func help(_ arguments: [String]) throws {
        let out = try CommandRunner.gmgeo(arguments)
        #expect(out.status == 0)
        #expect(out.stdout.contains("USAGE"))
        if arguments != ["--help"] { #expect(out.stdout.contains("Examples:")) }
    }

    @Test("geom reads a geometry from a file path")
    func fileOperand() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("gmgeo-cli-\(UUID().uuidString).wkt")
        try "POLYGON ((0 0, 3 0, 3 3, 0 3, 0 0))".write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        let out = try CommandRunner.gmgeo(["geom", "area", file.path])
        #expect(out.stdout == "9\n")
    }
}
