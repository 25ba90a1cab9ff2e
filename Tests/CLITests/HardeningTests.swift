import Foundation
import Testing
import TestSupport

/// Regression tests for every crash, hang and lost file the attack run found: each input
/// now ends in one line on stderr and exit 2 (or a quiet end on a closed pipe), quickly,
/// with no file lost or half-written.
@Suite("Hardening: no crash, no hang, no lost file", .serialized)
struct HardeningTests {
    static func deepWKT(_ n: Int) -> String {
        String(repeating: "GEOMETRYCOLLECTION (", count: n) + "POINT (1 1)" + String(repeating: ")", count: n)
    }

    static func deepGeoJSON(_ n: Int) -> String {
        String(repeating: #"{"type":"GeometryCollection","geometries":["#, count: n) + #"{"type":"Point","coordinates":[1,1]}"#
            + String(repeating: "]}", count: n)
    }

    /// Hex WKB of `n` collections nested around a point (little endian).
    static func deepWKB(_ n: Int) -> String {
        String(repeating: "010700000001000000", count: n) + "0101000000000000000000F03F000000000000F03F"
    }

    @Test("geometries nested 25,000 deep are refused before GEOS recurses (WKT, GeoJSON, WKB)")
    func deepNesting() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try Self.deepWKT(25_000).write(toFile: folder.path("deep.wkt"), atomically: true, encoding: .utf8)
        try Self.deepGeoJSON(25_000).write(toFile: folder.path("deep.json"), atomically: true, encoding: .utf8)
        try Self.deepWKB(25_000).write(toFile: folder.path("deep.hex"), atomically: true, encoding: .utf8)
        for file in ["deep.wkt", "deep.json", "deep.hex"] {
            for op in ["area", "reduceprecision"] {
                let args = op == "area" ? ["geom", op, folder.path(file)] : ["geom", op, folder.path(file), "1"]
                let out = try CommandRunner.gmgeo(args)
                #expect(out.status == 2 && out.stderr.contains("nest more than 64 levels"), "\(file) \(op): \(out.stderr.prefix(300))")
            }
        }
        // 60 levels are fine.
        let ok = try CommandRunner.gmgeo(["geom", "area", Self.deepWKT(60)])
        #expect(ok.status == 0 && ok.stdout == "0\n", "\(ok.stderr)")
    }

    @Test("GeoJSON positions with fewer than two numbers are refused (GEOS 3.11 crashed on them; found by fuzzing)", arguments: [
        #"{"type":"MultiPolygon","coordinates":[[[[0,0],[1,0],[],[0,0]]]]}"#, #"{"type":"Point","coordinates":[1]}"#,
        #"{"type":"GeometryCollection","geometries":[{"type":"LineString","coordinates":[[0,0],[5]]}]}"#,
    ])
    func shortPositions(_ json: String) throws {
        let out = try CommandRunner.gmgeo(["geom", "area", json])
        #expect(out.status == 2 && out.stderr.contains("a position must hold at least x and y"), "\(out.stderr.prefix(300))")
    }

    @Test("a coordinate of 1e140 is never handed to GEOS's WKT writer; GeoJSON prints it")
    func hugeCoordinate() throws {
        let wkt = try CommandRunner.gmgeo(["geom", "getcentroid", "POINT (1e140 1)"])
        #expect(wkt.status == 2 && wkt.stderr.contains("too large to print as WKT"), "\(wkt.stderr.prefix(300))")
        let json = try CommandRunner.gmgeo(["geom", "getcentroid", "POINT (1e140 1)", "--format", "geojson"])
        #expect(json.status == 0 && json.stdout.contains("1e+140"))
    }

    @Test("a CSV with two x-like columns is refused naming them, in info, convert and query", arguments: ["x,lon,lat", "lng,lon,lat", "lon,LON,lat"])
    func twoXColumns(_ header: String) throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try "\(header)\n113.9,113.9,22.7\n".write(toFile: folder.path("two.csv"), atomically: true, encoding: .utf8)
        for args in [["info", folder.path("two.csv")], ["convert", folder.path("two.csv"), folder.path("o.geojson")],
                     ["query", folder.path("two.csv"), "--within", "boundary", "-o", folder.path("o.csv")]] {
            let out = try CommandRunner.gmgeo(args)
            #expect(out.status == 2 && out.stderr.contains("2 columns could be x (longitude/easting)"), "\(args[0]): \(out.stderr.prefix(300))")
        }
    }

    /// Runs gmgeo with a file of `contents` made for it (FILE in `arguments` names it, OUT a map).
    static func withFile(_ contents: String, _ arguments: [String]) throws -> CommandRunner.Output {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try contents.write(toFile: folder.path("file.toml"), atomically: true, encoding: .utf8)
        return try CommandRunner.gmgeo(arguments.map { $0 == "FILE" ? folder.path("file.toml") : $0 == "OUT" ? folder.path("m.png") : $0 })
    }

    @Test("rules and style files holding '[[' (and other broken TOML) are errors naming the line; absurd style numbers are refused at once",
          arguments: [
              ("[[", ["coverage", "--green-service", "--rules", "FILE"], "file.toml: line 1:"),
              ("[[", ["map", "boundary", "-o", "OUT", "--style", "FILE"], "file.toml: not valid TOML: line 1:"),
              ("[boundary]\nwidth = 5000\n", ["map", "boundary", "-o", "OUT", "--style", "FILE"], "width must be a number from 0 to 10"),
          ])
    func badSettingsFiles(_ contents: String, _ arguments: [String], _ expected: String) throws {
        let out = try Self.withFile(contents, arguments)
        #expect(out.status == 2 && out.stderr.contains(expected), "\(out.stderr)")
    }

    @Test("stdout that cannot be written: exit 2 with one line; a closed pipe ends quietly", arguments: [
        ["info", "roads"], ["geom", "area", "POINT (1 1)"], ["query", "roads"], ["transform", "--from", "EPSG:4326", "--to", "EPSG:4547", "--point", "113.9,22.7"],
    ])
    func stdout(_ args: [String]) throws {
        let full = try Self.shell("\"$0\" \"$@\" > /dev/full", args)
        #expect(full.status == 2 && full.stderr.contains("standard output: cannot write: No space left on device"), "\(args): \(full.stderr)")
        let piped = try Self.shell("\"$0\" \"$@\" | head -c 1 > /dev/null", args)
        #expect(!piped.stderr.contains("crash") && !piped.stderr.contains("Fatal"), "\(args): \(piped.stderr)")
    }

    /// Runs gmgeo with `args` inside a shell `script` ($0 is gmgeo): its status and stderr.
    static func shell(_ script: String, _ args: [String]) throws -> (status: Int32, stderr: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", script, CommandRunner.gmgeo.path] + args
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        let text = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, text)
    }

    @Test("report -o refuses a folder of the user's files and '.', and replaces only its own report")
    func reportFolder() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try FileManager.default.createDirectory(atPath: folder.path("mine"), withIntermediateDirectories: true)
        try "precious".write(toFile: folder.path("mine/notes.txt"), atomically: true, encoding: .utf8)
        let refused = try CommandRunner.gmgeo(["report", "-o", folder.path("mine")])
        #expect(refused.status == 2 && refused.stderr.contains("is a folder gmgeo did not write"), "\(refused.stderr)")
        #expect(try String(contentsOfFile: folder.path("mine/notes.txt"), encoding: .utf8) == "precious")
        let dot = try CommandRunner.gmgeo(["report", "-o", "."], directory: folder.url.appendingPathComponent("mine"))
        #expect(dot.status == 2 && dot.stderr.contains("is a folder gmgeo did not write"))
        let first = try CommandRunner.gmgeo(["report", "-o", folder.path("r")])
        #expect(first.status == 0 && FileManager.default.fileExists(atPath: folder.path("r/.gmgeo-report")))
        let again = try CommandRunner.gmgeo(["report", "-o", folder.path("r")])
        #expect(again.status == 0, "\(again.stderr)")
        // A report written before reports carried their mark holds only report files: replaced.
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path("r")).filter { $0 != ".gmgeo-report" }
        try FileManager.default.createDirectory(atPath: folder.path("old"), withIntermediateDirectories: true)
        for name in names.prefix(3) { try FileManager.default.copyItem(atPath: folder.path("r/\(name)"), toPath: folder.path("old/\(name)")) }
        let old = try CommandRunner.gmgeo(["report", "-o", folder.path("old")])
        #expect(old.status == 0 && FileManager.default.fileExists(atPath: folder.path("old/.gmgeo-report")), "\(old.stderr)")
        try FileManager.default.removeItem(atPath: folder.path("old"))
        #expect(folder.contents == ["mine", "r"], "nothing left beside: \(folder.contents)")
    }

    @Test("outputs that are not regular files (a FIFO, a device) are refused, never replaced")
    func specialFiles() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        #expect(mkfifo(folder.path("fifo.geojson"), 0o644) == 0)
        let fifo = try CommandRunner.gmgeo(["convert", "roads", folder.path("fifo.geojson")])
        #expect(fifo.status == 2 && fifo.stderr.contains("is not a regular file"), "\(fifo.stderr)")
        let device = try CommandRunner.gmgeo(["query", "roads", "-o", "/dev/null", "--format", "geojson"])
        #expect(device.status == 2 && device.stderr.contains("is not a regular file"), "\(device.stderr)")
    }

    @Test("staging left by a killed process is cleaned on the next run; a half-swapped Shapefile set is restored")
    func killedWrites() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        // A pid that no longer runs: a finished child's.
        let child = Process()
        child.executableURL = URL(fileURLWithPath: "/bin/true")
        try child.run()
        child.waitUntilExit()
        let dead = child.processIdentifier
        let fm = FileManager.default
        // A plain leftover, as kill -9 during a write leaves it.
        try fm.createDirectory(atPath: folder.path(".gmgeo-\(dead)-A/x"), withIntermediateDirectories: true)
        // A Shapefile swap killed half way: old set aside, one new file already in place.
        #expect(try CommandRunner.gmgeo(["convert", "roads", folder.path("roads.shp")]).status == 0)
        let oldDBF = try Data(contentsOf: URL(fileURLWithPath: folder.path("roads.dbf")))
        let journal = folder.path(".gmgeo-\(dead)-B")
        try fm.createDirectory(atPath: journal + "/.old", withIntermediateDirectories: true)
        try "roads.shp\nroads.dbf\nroads.shx\nroads.prj\nroads.cpg".write(toFile: journal + "/.manifest", atomically: true, encoding: .utf8)
        for ext in ["shp", "dbf", "shx", "prj", "cpg"] { try fm.moveItem(atPath: folder.path("roads.\(ext)"), toPath: journal + "/.old/roads.\(ext)") }
        try Data("new half".utf8).write(to: URL(fileURLWithPath: folder.path("roads.dbf")))
        for ext in ["shp", "shx", "prj", "cpg"] { try Data("new".utf8).write(to: URL(fileURLWithPath: journal + "/roads.\(ext)")) }
        // Any gmgeo write in the folder recovers it.
        #expect(try CommandRunner.gmgeo(["convert", "rail", folder.path("rail.geojson")]).status == 0)
        #expect(try Data(contentsOf: URL(fileURLWithPath: folder.path("roads.dbf"))) == oldDBF)
        let info = try CommandRunner.gmgeo(["info", folder.path("roads.shp")])
        #expect(info.status == 0 && info.stdout.contains("22 features"), "\(info.stderr)")
        #expect(!folder.contents.contains { $0.hasPrefix(".gmgeo") }, "\(folder.contents)")
    }

    @Test("kill -9 in the middle of writing: the next run in that folder leaves no staging behind, and the old output is whole")
    func killNine() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        #expect(try CommandRunner.gmgeo(["report", "-o", folder.path("r")]).status == 0)
        let before = try FileManager.default.contentsOfDirectory(atPath: folder.path("r")).sorted()
        for delay in [0.2, 0.4, 0.6, 0.8] {
            let run = Process()
            run.executableURL = CommandRunner.gmgeo
            run.arguments = ["report", "-o", folder.path("r")]
            run.currentDirectoryURL = SharedFixtures.packageRoot
            run.standardError = FileHandle.nullDevice
            try run.run()
            Thread.sleep(forTimeInterval: delay)
            kill(run.processIdentifier, SIGKILL)
            run.waitUntilExit()
            // The report folder is the old one or the new one, never a mix or nothing.
            #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path("r")).sorted() == before, "after a kill at \(delay) s")
        }
        #expect(try CommandRunner.gmgeo(["convert", "roads", folder.path("roads.geojson")]).status == 0)
        #expect(!folder.contents.contains { $0.hasPrefix(".gmgeo") }, "\(folder.contents)")
    }

    @Test("a Shapefile record claiming more points than the file holds is an error, not an empty feature")
    func damagedShapefile() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        #expect(try CommandRunner.gmgeo(["convert", "roads", folder.path("r.shp")]).status == 0)
        var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: folder.path("r.shp"))))
        // First record: file header 100, record header 8, type 4, box 32, parts 4, then points.
        let at = 100 + 8 + 4 + 32 + 4
        let claimed = UInt32(bytes[at]) | UInt32(bytes[at + 1]) << 8 | UInt32(bytes[at + 2]) << 16 | UInt32(bytes[at + 3]) << 24
        let inflated = claimed + 100_000
        for k in 0..<4 { bytes[at + k] = UInt8((inflated >> (8 * UInt32(k))) & 0xFF) }
        try Data(bytes).write(to: URL(fileURLWithPath: folder.path("r.shp")))
        let out = try CommandRunner.gmgeo(["convert", folder.path("r.shp"), folder.path("o.geojson")])
        #expect(out.status == 2 && out.stderr.contains("feature 0: the geometry cannot be read (Corrupted .shp file"), "\(out.stderr)")
        #expect(!FileManager.default.fileExists(atPath: folder.path("o.geojson")))
    }

    @Test("a CSV with a 2 MB line is refused quickly with the line named")
    func longLine() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try ("name,lon,lat\n" + String(repeating: "x", count: 2_000_000) + ",113.9,22.7\n").write(toFile: folder.path("long.csv"), atomically: true, encoding: .utf8)
        for args in [["info", folder.path("long.csv")], ["query", folder.path("long.csv"), "--within", "boundary", "-o", folder.path("o.csv")]] {
            let out = try CommandRunner.gmgeo(args)
            #expect(out.status == 2 && out.stderr.contains("long.csv: line 2: the line is longer than 1 MiB"), "\(out.stderr)")
        }
    }

    @Test("a PostgreSQL password is masked in both connection forms")
    func passwords() throws {
        for connection in ["PG:postgresql://planner:Secret99@127.0.0.1:1/db", "PG:host=127.0.0.1 port=1 user=planner password=Secret99 dbname=db"] {
            let out = try CommandRunner.gmgeo(["info", connection])
            #expect(out.status == 2 && !out.stderr.contains("Secret99") && out.stderr.contains("***"), "\(out.stderr)")
        }
    }

    @Test("a failure is one line: notes that came before it are dropped")
    func oneLine() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try "name,WKT\nA,\"POLYGON ((0 0, 1 1, 1 0, 0 1, 0 0))\"\n".write(toFile: folder.path("bow.csv"), atomically: true, encoding: .utf8)
        let out = try CommandRunner.gmgeo(["convert", folder.path("bow.csv"), folder.path("o.geojson")])
        #expect(out.status == 2 && out.stderr.filter { $0 == "\n" }.count == 1 && out.stderr.contains("Self-intersection"), "\(out.stderr)")
    }

    @Test("a --where that never ends on a GeoPackage stops at the time limit with a clear error")
    func runawaySQL() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        #expect(try CommandRunner.gmgeo(["convert", "roads", folder.path("r.gpkg")]).status == 0)
        let start = Date()
        setenv("GMGEO_SQL_TIMEOUT", "1", 1)
        defer { unsetenv("GMGEO_SQL_TIMEOUT") }
        let out = try CommandRunner.gmgeo(["convert", folder.path("r.gpkg"), folder.path("o.geojson"), "--where",
                                           "fid IN (WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x+1 FROM c) SELECT x FROM c)"])
        #expect(out.status == 2 && out.stderr.contains("the --where condition ran for more than 1 s"), "\(out.stderr)")
        #expect(Date().timeIntervalSince(start) < 30)
    }
}
