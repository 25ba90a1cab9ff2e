import Foundation
import Testing
import TestSupport

/// The input contract, command by command: the files planners have (a phone-app CSV in
/// GCJ-02 with Chinese column names, one with bad rows, one with a kind the rules do not
/// know, the same saved by Excel in GBK, a metric CSV without a CRS), each through every
/// command, with exit status, the stderr line and what was written asserted.
@Suite("Input contract, command by command", .serialized)
struct InputContractCommandTests {
    /// The planner's files, made here.
    static func files(_ folder: TemporaryFolder) throws {
        let good = "编号,名称,经度,纬度,类型\nP1,光明小学扩建,113.935,22.748,公共配套设施\nP2,华夏路小店,113.9649,22.7577,一般项目\n"
        // Excel's "CSV UTF-8" starts with a byte-order mark.
        try ("\u{FEFF}" + good).write(toFile: folder.path("good.csv"), atomically: true, encoding: .utf8)
        try (good + "P3,缺经度,,22.75,一般项目\n").write(toFile: folder.path("badrows.csv"), atomically: true, encoding: .utf8)
        try (good + "P3,商业综合体,113.94,22.75,商业综合体\n").write(toFile: folder.path("unknownkind.csv"), atomically: true, encoding: .utf8)
        try "name,x,y\nA,494000,2515000\n".write(toFile: folder.path("metric.csv"), atomically: true, encoding: .utf8)
        // The same table saved as GBK (Excel's plain "CSV" on a Chinese Windows).
        let iconv = Process()
        iconv.executableURL = URL(fileURLWithPath: "/usr/bin/iconv")
        iconv.arguments = ["-f", "UTF-8", "-t", "GBK", "-o", folder.path("gbk.csv")]
        let pipe = Pipe()
        iconv.standardInput = pipe
        try iconv.run()
        pipe.fileHandleForWriting.write(Data(good.utf8))
        try pipe.fileHandleForWriting.close()
        iconv.waitUntilExit()
    }

    /// One case: arguments (FOLDER replaced), exit status, a piece of stderr, and files
    /// that must (or must not) exist afterwards with a piece of their text.
    struct Case: Sendable, CustomTestStringConvertible {
        let name: String
        let arguments: [String]
        let status: Int32
        let stderr: String
        var output: (file: String, contains: String)?
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        // info
        Case(name: "info good", arguments: ["info", "FOLDER/good.csv"], status: 0, stderr: "assuming EPSG:4326"),
        Case(name: "info bad rows", arguments: ["info", "FOLDER/badrows.csv"], status: 2, stderr: "badrows.csv: 1 of 3 rows cannot be read (line 4: no value in column 经度)"),
        Case(name: "info wrong encoding", arguments: ["info", "FOLDER/gbk.csv"], status: 2, stderr: "gbk.csv: line 1: the text is not valid UTF-8"),
        Case(name: "info GBK", arguments: ["info", "FOLDER/gbk.csv#encoding=GBK"], status: 0, stderr: "assuming EPSG:4326"),
        Case(name: "info no CRS", arguments: ["info", "FOLDER/metric.csv"], status: 2, stderr: "no CRS given and the coordinates are not lon/lat; name it after the file name, e.g. 'metric.csv#crs=EPSG:4547'"),
        // convert: GCJ-02 fixed on input, written in real WGS 84
        Case(name: "convert GCJ-02 fix", arguments: ["convert", "FOLDER/good.csv", "FOLDER/out.csv", "--crs", "gcj02"], status: 0,
             stderr: "wrote 2 features to FOLDER/out.csv in EPSG:4326", output: ("out.csv", "POINT (113.93012")),
        Case(name: "convert GCJ-02 to Shapefile", arguments: ["convert", "FOLDER/good.csv#crs=gcj02", "FOLDER/out.shp"], status: 0,
             stderr: "in EPSG:4326", output: ("out.prj", "WGS")),
        Case(name: "convert bad rows", arguments: ["convert", "FOLDER/badrows.csv", "FOLDER/out.geojson", "--crs", "gcj02"], status: 2,
             stderr: "line 4: no value in column 经度"),
        Case(name: "convert bad rows skipped", arguments: ["convert", "FOLDER/badrows.csv", "FOLDER/out.geojson", "--crs", "gcj02", "--skip-bad-rows", "FOLDER/rejects.csv"],
             status: 0, stderr: "left out 1 unreadable row (line 4), listed with the reasons in FOLDER/rejects.csv", output: ("rejects.csv", "4,no value in column 经度,P3,缺经度")),
        Case(name: "convert wrong encoding", arguments: ["convert", "FOLDER/gbk.csv", "FOLDER/out.geojson"], status: 2, stderr: "--encoding GBK"),
        Case(name: "convert GBK", arguments: ["convert", "FOLDER/gbk.csv", "FOLDER/out.geojson", "--encoding", "GBK", "--crs", "gcj02"], status: 0,
             stderr: "wrote 2 features", output: ("out.geojson", "光明小学扩建")),
        Case(name: "convert no CRS", arguments: ["convert", "FOLDER/metric.csv", "FOLDER/out.geojson"], status: 2, stderr: "'metric.csv#crs=EPSG:4547'"),
        Case(name: "convert no CRS fixed", arguments: ["convert", "FOLDER/metric.csv#crs=EPSG:4547", "FOLDER/out.geojson"], status: 0,
             stderr: "wrote 1 feature", output: ("out.geojson", "\"name\": \"A\"")),
        Case(name: "convert to stdout", arguments: ["convert", "FOLDER/good.csv#crs=gcj02", "-", "--format", "csv"], status: 0, stderr: "to stdout in EPSG:4326"),
        Case(name: "convert GeoPackage to stdout", arguments: ["convert", "FOLDER/good.csv#crs=gcj02", "-", "--format", "gpkg"], status: 2, stderr: "gpkg cannot go to stdout"),
        Case(name: "convert to GCJ-02", arguments: ["convert", "FOLDER/good.csv", "FOLDER/out.geojson", "--to-crs", "gcj02"], status: 2, stderr: "no file format can label"),
        // query: the CSV fast path and the general path
        Case(name: "query good, fast path", arguments: ["query", "FOLDER/good.csv#crs=gcj02", "--within", "boundary", "-o", "FOLDER/out.csv"], status: 0,
             stderr: "2 of 2 features", output: ("out.csv", "P2,华夏路小店")),
        Case(name: "query good, general path", arguments: ["query", "FOLDER/good.csv#crs=gcj02", "--within", "boundary", "-o", "FOLDER/out.geojson"], status: 0,
             stderr: "2 of 2 features", output: ("out.geojson", "华夏路小店")),
        Case(name: "query bad rows, fast path", arguments: ["query", "FOLDER/badrows.csv", "--within", "boundary", "-o", "FOLDER/out.csv"], status: 2,
             stderr: "1 of 3 rows cannot be read (line 4: no value in column 经度)"),
        Case(name: "query bad rows, general path", arguments: ["query", "FOLDER/badrows.csv", "--within", "boundary", "-o", "FOLDER/out.geojson"], status: 2,
             stderr: "1 of 3 rows cannot be read (line 4: no value in column 经度)"),
        Case(name: "query wrong encoding", arguments: ["query", "FOLDER/gbk.csv", "--within", "boundary", "-o", "FOLDER/out.csv"], status: 2, stderr: "not valid UTF-8"),
        Case(name: "query no CRS", arguments: ["query", "FOLDER/metric.csv", "--within", "boundary", "-o", "FOLDER/out.csv"], status: 2, stderr: "'metric.csv#crs=EPSG:4547'"),
        Case(name: "query unwritable output", arguments: ["query", "FOLDER/good.csv", "--within", "boundary", "-o", "FOLDER/no/out.csv"], status: 2,
             stderr: "does not exist"),
        // validate
        Case(name: "validate good", arguments: ["validate", "FOLDER/good.csv", "--crs", "gcj02", "--kind-field", "类型", "--csv", "FOLDER/v.csv"], status: 1,
             stderr: "2 projects checked: 1 ok, 1 need review, 0 conflict", output: ("v.csv", "P1,光明小学扩建,公共配套设施,public-facility")),
        Case(name: "validate unknown kind", arguments: ["validate", "FOLDER/unknownkind.csv", "--crs", "gcj02", "--kind-field", "类型", "--csv", "FOLDER/v.csv"], status: 2,
             stderr: "1 of 3 projects have a kind the rules do not know (line 4 (P3 商业综合体) has '商业综合体')"),
        Case(name: "validate unknown kind reviewed", arguments: ["validate", "FOLDER/unknownkind.csv", "--crs", "gcj02", "--kind-field", "类型", "--unknown-kind", "review", "--csv", "FOLDER/v.csv"],
             status: 1, stderr: "3 projects checked:", output: ("v.csv", "not one the rules know")),
        Case(name: "validate bad rows", arguments: ["validate", "FOLDER/badrows.csv", "--crs", "gcj02", "--kind-field", "类型"], status: 2, stderr: "line 4: no value in column 经度"),
        Case(name: "validate wrong encoding", arguments: ["validate", "FOLDER/gbk.csv", "--crs", "gcj02", "--kind-field", "类型"], status: 2, stderr: "not valid UTF-8"),
        Case(name: "validate GBK", arguments: ["validate", "FOLDER/gbk.csv#encoding=GBK,crs=gcj02", "--kind-field", "类型"], status: 1, stderr: "2 projects checked"),
        Case(name: "validate no CRS", arguments: ["validate", "FOLDER/metric.csv", "--kind-field", "name"], status: 2, stderr: "'metric.csv#crs=EPSG:4547'"),
        Case(name: "validate no coordinates", arguments: ["validate", "FOLDER/nocoords.csv"], status: 2,
             stderr: "cannot tell where the coordinates are: no coordinate columns recognised; the columns are: 项目, 地址, kind"),
        // map: every layer takes the same settings
        Case(name: "map good", arguments: ["map", "boundary", "FOLDER/good.csv#crs=gcj02", "-o", "FOLDER/m.png"], status: 0, stderr: "drew", output: ("m.png", "PNG")),
        Case(name: "map no CRS", arguments: ["map", "boundary", "FOLDER/metric.csv", "-o", "FOLDER/m.png"], status: 2, stderr: "'metric.csv#crs=EPSG:4547'"),
        Case(name: "map no CRS fixed", arguments: ["map", "boundary", "FOLDER/metric.csv#crs=EPSG:4547", "-o", "FOLDER/m.png"], status: 0, stderr: "drew"),
        Case(name: "map bad rows", arguments: ["map", "boundary", "FOLDER/badrows.csv", "-o", "FOLDER/m.png"], status: 2, stderr: "line 4: no value in column 经度"),
        Case(name: "map label of a layer not drawn", arguments: ["map", "boundary", "-o", "FOLDER/m.png", "--label", "roads=name_zh"], status: 2,
             stderr: "the layer roads is not drawn; layers drawn: boundary"),
        Case(name: "map unknown extent name", arguments: ["map", "boundary", "-o", "FOLDER/m.png", "--extent-of", "upgrade-districts:楼村"], status: 2,
             stderr: "no feature named '楼村' in upgrade-districts; names there: 楼村北"),
        // report
        Case(name: "report good", arguments: ["report", "-o", "FOLDER/r", "--projects", "FOLDER/good.csv#crs=gcj02", "--kind-field", "类型"], status: 0,
             stderr: "wrote", output: ("r/projects-validated.csv", "P2,华夏路小店,一般项目,general")),
        Case(name: "report unknown kind", arguments: ["report", "-o", "FOLDER/r", "--projects", "FOLDER/unknownkind.csv#crs=gcj02", "--kind-field", "类型"], status: 2,
             stderr: "have a kind the rules do not know"),
    ]

    @Test("each planner file through each command", arguments: cases)
    func matrix(_ c: Case) throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try Self.files(folder)
        try "项目,地址,kind\n光明小学,华夏路,key\n".write(toFile: folder.path("nocoords.csv"), atomically: true, encoding: .utf8)
        let arguments = c.arguments.map { $0.replacingOccurrences(of: "FOLDER", with: folder.url.path) }
        let before = Set(folder.contents)
        let out = try CommandRunner.gmgeo(arguments)
        let stderr = out.stderr.replacingOccurrences(of: folder.url.path, with: "FOLDER")
        #expect(out.status == c.status, "\(c.name): \(stderr)")
        #expect(stderr.contains(c.stderr), "\(c.name): \(stderr)")
        if c.status == 2 {
            #expect(stderr.filter { $0 == "\n" }.count == 1 && out.stdout.isEmpty, "\(c.name): one line on stderr, nothing on stdout: \(stderr)")
            #expect(Set(folder.contents) == before, "\(c.name): no output left behind")
        }
        if let (file, text) = c.output {
            let data = try Data(contentsOf: URL(fileURLWithPath: folder.path(file)))
            #expect(String(decoding: data, as: UTF8.self).contains(text), "\(c.name): \(file) lacks \(text)")
        }
        if c.name == "convert to stdout" {
            #expect(out.stdout.hasPrefix("编号,名称,经度,纬度,类型") || out.stdout.contains("POINT (113.93012"), "\(out.stdout)")
            #expect(!FileManager.default.fileExists(atPath: SharedFixtures.packageRoot.appendingPathComponent("-").path))
        }
    }

    @Test("a command's GeoPackage output keeps the file's other layers; re-running it needs --overwrite (or --append)")
    func geoPackageOutputs() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let gpkg = folder.path("results.gpkg")
        #expect(try CommandRunner.gmgeo(["convert", "rail", gpkg]).status == 0)
        #expect(try CommandRunner.gmgeo(["query", "roads", "--where", "class = 'expressway'", "-o", gpkg]).status == 0)
        let again = try CommandRunner.gmgeo(["query", "roads", "-o", gpkg])
        #expect(again.status == 2 && again.stderr.contains("already has a layer 'roads'; add --overwrite"), "\(again.stderr)")
        #expect(try CommandRunner.gmgeo(["query", "roads", "-o", gpkg, "--overwrite"]).status == 0)
        let info = try CommandRunner.gmgeo(["info", gpkg])
        #expect(info.stdout.contains("layer rail:") && info.stdout.contains("layer roads: 22 features"), "\(info.stdout)")
    }
}
