import Foundation
import Testing
import TestSupport

/// `gmgeo info`, `convert` and `query` on files made by the tests.
@Suite("gmgeo info, convert, query")
struct LayerCommandTests {
    /// Two parks (one with a hole) and a road, in lon/lat GeoJSON.
    static let parks = """
    {"type":"FeatureCollection","features":[
    {"type":"Feature","properties":{"name_zh":"虹桥公园","class":"park"},"geometry":{"type":"Polygon","coordinates":[[[113.940,22.750],[113.950,22.750],[113.950,22.760],[113.940,22.760],[113.940,22.750]],[[113.944,22.754],[113.944,22.756],[113.946,22.756],[113.946,22.754],[113.944,22.754]]]}},
    {"type":"Feature","properties":{"name_zh":"大顶岭","class":"forest"},"geometry":{"type":"Polygon","coordinates":[[[113.900,22.780],[113.910,22.780],[113.910,22.790],[113.900,22.790],[113.900,22.780]]]}}
    ]}
    """
    static let sites = """
    {"type":"FeatureCollection","features":[
    {"type":"Feature","properties":{"name_zh":"A"},"geometry":{"type":"Point","coordinates":[113.945,22.752]}},
    {"type":"Feature","properties":{"name_zh":"B"},"geometry":{"type":"Point","coordinates":[113.945,22.755]}},
    {"type":"Feature","properties":{"name_zh":"C"},"geometry":{"type":"Point","coordinates":[113.955,22.755]}}
    ]}
    """

    static func folder() throws -> TemporaryFolder {
        let folder = try TemporaryFolder()
        try parks.write(toFile: folder.path("parks.geojson"), atomically: true, encoding: .utf8)
        try sites.write(toFile: folder.path("sites.geojson"), atomically: true, encoding: .utf8)
        return folder
    }

    @Test("info describes driver, CRS, extent, fields and validity")
    func info() throws {
        let folder = try Self.folder()
        defer { folder.remove() }
        let out = try CommandRunner.gmgeo(["info", folder.path("parks.geojson")])
        #expect(out.status == 0)
        for expected in ["driver: GeoJSON", "layer parks: 2 features", "CRS: EPSG:4326", "extent: 113.9000000, 22.7500000 - 113.9500000, 22.7900000",
                         "geometry types: Polygon 2", "fields: name_zh (string), class (string)", "validity: all geometries valid"] {
            #expect(out.stdout.contains(expected), "missing '\(expected)' in\n\(out.stdout)")
        }
    }

    @Test("query: within a polygon layer (the hole excludes B), within distance, nearest")
    func query() throws {
        let folder = try Self.folder()
        defer { folder.remove() }
        let within = try CommandRunner.gmgeo(["query", folder.path("sites.geojson"), "--within", folder.path("parks.geojson"), "-o", folder.path("in.csv")])
        #expect(within.status == 0, "\(within.stderr)")
        #expect(within.stderr == "gmgeo: 1 of 3 features of \(folder.path("sites.geojson")) (within \(folder.path("parks.geojson")))\n")
        #expect(try String(contentsOfFile: folder.path("in.csv"), encoding: .utf8).contains(",A"))
        // C is 0.005° east of the park's edge: about 513 m at this latitude.
        let near = try CommandRunner.gmgeo(["query", folder.path("sites.geojson"), "--within-distance", "520", "--of", folder.path("parks.geojson")])
        #expect(near.stdout.contains("\"C\"") && near.stderr.contains("3 of 3"))
        let far = try CommandRunner.gmgeo(["query", folder.path("sites.geojson"), "--within-distance", "500", "--of", folder.path("parks.geojson")])
        #expect(!far.stdout.contains("\"C\"") && far.stderr.contains("2 of 3"))
        let nearest = try CommandRunner.gmgeo(["query", folder.path("sites.geojson"), "--nearest", folder.path("parks.geojson"), "-k", "2", "--where", "name_zh = 'C'"])
        #expect(nearest.status == 0, "\(nearest.stderr)")
        #expect(nearest.stdout.contains(#""nearest_1": "虹桥公园""#) || nearest.stdout.contains(#""nearest_1":"虹桥公园""#))
        #expect(nearest.stdout.contains("大顶岭"))
        let wkt = try CommandRunner.gmgeo(["query", folder.path("sites.geojson"), "--intersects", "POLYGON ((113.95 22.75, 113.96 22.75, 113.96 22.76, 113.95 22.75))"])
        #expect(wkt.stderr.contains("1 of 3"))
    }

    @Test("convert: GCJ-02 CSV -> GeoPackage in EPSG:4547 -> GeoJSON, filtered and selected")
    func convert() throws {
        let folder = try Self.folder()
        defer { folder.remove() }
        try "名称,类别,lng,lat\n光明城站,rail,113.9537,22.7327\n公园,park,113.9450,22.7550\n".write(toFile: folder.path("app.csv"), atomically: true, encoding: .utf8)
        let toGpkg = try CommandRunner.gmgeo(["convert", folder.path("app.csv"), folder.path("app.gpkg"), "--crs", "gcj02", "--to-crs", "EPSG:4547", "--where", "类别 = 'rail'"])
        #expect(toGpkg.status == 0, "\(toGpkg.stderr)")
        #expect(toGpkg.stderr.contains("wrote 1 feature"))
        let info = try CommandRunner.gmgeo(["info", folder.path("app.gpkg")])
        #expect(info.stdout.contains("CRS: EPSG:4547") && info.stdout.contains("1 feature"))
        let toJSON = try CommandRunner.gmgeo(["convert", folder.path("app.gpkg"), folder.path("app.geojson"), "--select", "名称"])
        #expect(toJSON.status == 0, "\(toJSON.stderr)")
        let text = try String(contentsOfFile: folder.path("app.geojson"), encoding: .utf8)
        #expect(text.contains("光明城站") && !text.contains("类别"))
        // Back in WGS 84 the station sits where the metro data puts it (113.9486957, 22.7357419):
        // the phone app's GCJ-02 point, its offset removed, lands within 30 m of it.
        let json = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let point = try #require(((json["features"] as? [[String: Any]])?.first?["geometry"] as? [String: Any])?["coordinates"] as? [Double])
        let metres = hypot((point[0] - 113.9486957) * 111_320 * cos(22.7357 * .pi / 180), (point[1] - 22.7357419) * 110_574)
        #expect(metres < 30, "\(point) is \(metres) m from the station")
    }

    static let bad: [(String, [String], String)] = [
        ("missing file", ["info", "/nonexistent/x.geojson"], "no such file"),
        ("unknown layer", ["info", "PARKS", "--layer", "nope"], "no layer 'nope'"),
        ("bad where", ["convert", "PARKS", "OUT/x.geojson", "--where", "height >"], "bad --where"),
        ("unknown field", ["convert", "PARKS", "OUT/x.geojson", "--select", "height"], "no field 'height'"),
        ("unknown CRS", ["convert", "PARKS", "OUT/x.gpkg", "--to-crs", "EPSG:0"], "unknown CRS"),
        ("overwrite input", ["convert", "PARKS", "PARKS"], "this is an input"),
        ("unknown format", ["convert", "PARKS", "OUT/x.xyz"], "cannot tell the format"),
        ("broken GeoJSON", ["info", "BROKEN"], "broken.geojson: JSON that is not GeoJSON"),
        ("invalid geometry", ["convert", "BOWTIE", "OUT/x.geojson"], "feature 0: invalid geometry: Self-intersection"),
        ("metric CSV without CRS", ["convert", "METRIC", "OUT/x.geojson"], "no CRS given"),
        ("mixed shapefile", ["convert", "MIXED", "OUT/x.shp"], "one kind of geometry"),
        ("query two predicates", ["query", "PARKS", "--within", "PARKS", "--touches", "PARKS"], "give one of"),
        ("query bad other", ["query", "PARKS", "--within", "nothing-here"], "neither a file"),
    ]

    @Test("bad input: one line naming file and reason, exit 2, no output file", arguments: bad.map { $0.0 })
    func badInput(_ name: String) throws {
        let folder = try Self.folder()
        defer { folder.remove() }
        try "{ \"type\": \"FeatureCollection\", \"features\": [".write(toFile: folder.path("broken.geojson"), atomically: true, encoding: .utf8)
        try #"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{},"geometry":{"type":"Polygon","coordinates":[[[0,0],[1,1],[1,0],[0,1],[0,0]]]}}]}"#
            .write(toFile: folder.path("bowtie.geojson"), atomically: true, encoding: .utf8)
        try "x,y\n494000,2515000\n".write(toFile: folder.path("metric.csv"), atomically: true, encoding: .utf8)
        try #"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{},"geometry":{"type":"Point","coordinates":[113.9,22.7]}},{"type":"Feature","properties":{},"geometry":{"type":"LineString","coordinates":[[113.9,22.7],[114,22.8]]}}]}"#
            .write(toFile: folder.path("mixed.geojson"), atomically: true, encoding: .utf8)
        try FileManager.default.createDirectory(atPath: folder.path("out"), withIntermediateDirectories: true)
        let c = try #require(Self.bad.first { $0.0 == name })
        let arguments = c.1.map {
            $0.replacingOccurrences(of: "PARKS", with: folder.path("parks.geojson"))
                .replacingOccurrences(of: "BROKEN", with: folder.path("broken.geojson"))
                .replacingOccurrences(of: "BOWTIE", with: folder.path("bowtie.geojson"))
                .replacingOccurrences(of: "METRIC", with: folder.path("metric.csv"))
                .replacingOccurrences(of: "MIXED", with: folder.path("mixed.geojson"))
                .replacingOccurrences(of: "OUT", with: folder.path("out"))
        }
        let out = try CommandRunner.gmgeo(arguments)
        #expect(out.status == 2)
        #expect(out.stdout.isEmpty)
        #expect(out.stderr.hasPrefix("gmgeo: ") && out.stderr.filter { $0 == "\n" }.count == 1, "\(out.stderr)")
        #expect(out.stderr.contains(c.2), "\(out.stderr)")
        let left = (try? FileManager.default.contentsOfDirectory(atPath: folder.path("out"))) ?? []
        #expect(left.isEmpty, "output left behind: \(left)")
    }

    @Test("convert streams: 1,000,000 GeoJSONSeq features in under 200 MB",
          .disabled(if: ProcessInfo.processInfo.environment["GMGEO_SANITIZER"] != nil, "a sanitizer multiplies memory"))
    func streaming() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = folder.path("big.geojsonl")
        #expect(FileManager.default.createFile(atPath: path, contents: nil))
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        var chunk = ""
        for i in 0..<1_000_000 {
            let x = 113.85 + Double(i % 1000) * 0.00017, y = 22.70 + Double(i / 1000) * 0.00016
            chunk += #"{"type":"Feature","properties":{"id":\#(i)},"geometry":{"type":"Point","coordinates":[\#(x),\#(y)]}}"# + "\n"
            if chunk.utf8.count > 1 << 20 {
                handle.write(Data(chunk.utf8))
                chunk = ""
            }
        }
        handle.write(Data(chunk.utf8))
        try handle.close()
        // The kernel's count of this one process's peak memory.
        let run = try CommandRunner.peakMemory(["convert", path, folder.path("out.geojsonl")])
        #expect(run.status == 0)
        #expect(run.peakKiB < 200 * 1024, "peak \(run.peakKiB / 1024) MB")
        let check = try CommandRunner.gmgeo(["info", folder.path("out.geojsonl")])
        #expect(check.stdout.contains("1000000 features"), "\(check.stdout)")
    }
}

extension LayerCommandTests {
    @Test("embedded layers are addressable by short name")
    func embedded() throws {
        let info = try CommandRunner.gmgeo(["info", "roads"])
        #expect(info.status == 0)
        #expect(info.stdout.contains("layer roads: 22 features") && info.stdout.contains("CRS: EPSG:4326"))
        let query = try CommandRunner.gmgeo(["query", "stations", "--where", "class = 'rail-hub'", "--nearest", "roads", "-k", "2"])
        #expect(query.status == 0, "\(query.stderr)")
        #expect(query.stdout.contains("光明城站") && query.stderr.contains("1 of 16 features of stations (where class = 'rail-hub', nearest 2 of roads)"))
        let unknown = try CommandRunner.gmgeo(["info", "rodas"])
        #expect(unknown.status == 2 && unknown.stderr.contains("embedded layers: boundary"))
    }
}

extension LayerCommandTests {
    @Test("GeoJSON in metres without a crs member: info describes it with a warning, convert refuses, --crs fixes it")
    func metresInGeoJSON() throws {
        let folder = try Self.folder()
        defer { folder.remove() }
        try #"{"type": "FeatureCollection", "features": [{"type": "Feature", "properties": {"name": "a"}, "geometry": {"type": "Point", "coordinates": [494000, 2515000]}}]}"#
            .write(toFile: folder.path("m.geojson"), atomically: true, encoding: .utf8)
        let info = try CommandRunner.gmgeo(["info", folder.path("m.geojson")])
        #expect(info.status == 0 && info.stdout.contains("1 feature") && info.stderr.contains("not degrees"), "\(info.stderr)")
        let refused = try CommandRunner.gmgeo(["convert", folder.path("m.geojson"), folder.path("m.gpkg")])
        #expect(refused.status == 2 && refused.stderr.contains("--crs") && !FileManager.default.fileExists(atPath: folder.path("m.gpkg")))
        let fixed = try CommandRunner.gmgeo(["convert", folder.path("m.geojson"), folder.path("m.gpkg"), "--crs", "EPSG:4547"])
        #expect(fixed.status == 0, "\(fixed.stderr)")
    }

    @Test("points within 100 m of a line: 50 and 99.9 m kept; 100.1, 100.02 (past the end) and 1,000 m not (CSV buffer path)")
    func pointsWithinDistanceOfLine() throws {
        let folder = try Self.folder()
        defer { folder.remove() }
        try "name,x,y\na,495000,2520050\nb,495500,2519900.1\nc,496000,2520100.1\nd,494000,2520150\ne,494900,2519998\n"
            .write(toFile: folder.path("pts.csv"), atomically: true, encoding: .utf8)
        // A horizontal line at y = 2,520,000 from x = 495,000 to 497,000: e is 100.02 m from its end point.
        let out = try CommandRunner.gmgeo(["query", folder.path("pts.csv"), "--crs", "EPSG:4547", "--within-distance", "100",
                                           "--of", "LINESTRING (495000 2520000, 497000 2520000)", "--wkt-crs", "EPSG:4547",
                                           "-o", folder.path("near.csv")])
        #expect(out.status == 0, "\(out.stderr)")
        let rows = try String(contentsOfFile: folder.path("near.csv"), encoding: .utf8).split(separator: "\n").map(String.init)
        #expect(rows == ["name,x,y", "a,495000,2520050", "b,495500,2519900.1"], "\(rows)")
    }

    @Test("many points in a CSV: the buffer path selects the same rows as the general path")
    func pointCSVFastPath() throws {
        let folder = try Self.folder()
        defer { folder.remove() }
        var csv = "name,lng,lat\n"
        for i in 0..<400 {
            csv += "p\(i),\(113.935 + Double(i % 20) * 0.001),\(22.745 + Double(i / 20) * 0.001)\n"
        }
        try csv.write(toFile: folder.path("pts.csv"), atomically: true, encoding: .utf8)
        let fast = try CommandRunner.gmgeo(["query", folder.path("pts.csv"), "--within", folder.path("parks.geojson"), "-o", folder.path("in.csv")])
        #expect(fast.status == 0, "\(fast.stderr)")
        let general = try CommandRunner.gmgeo(["query", folder.path("pts.csv"), "--within", folder.path("parks.geojson")])
        #expect(general.status == 0)
        let fastNames = try String(contentsOfFile: folder.path("in.csv"), encoding: .utf8).split(separator: "\n").dropFirst()
            .map { String($0.split(separator: ",")[0]) }
        let generalNames = general.stdout.components(separatedBy: "\"name\": \"").dropFirst().map { String($0.prefix { $0 != "\"" }) }
        #expect(!fastNames.isEmpty && fastNames == generalNames)
        #expect(fast.stderr.contains("assuming EPSG:4326") && fast.stderr.contains("\(fastNames.count) of 400 features"))
        // Within a distance: the same rows both ways, and more than inside.
        let near = try CommandRunner.gmgeo(["query", folder.path("pts.csv"), "--within-distance", "150", "--of", folder.path("parks.geojson"),
                                            "-o", folder.path("near.csv")])
        let nearGeneral = try CommandRunner.gmgeo(["query", folder.path("pts.csv"), "--within-distance", "150", "--of", folder.path("parks.geojson")])
        let nearNames = try String(contentsOfFile: folder.path("near.csv"), encoding: .utf8).split(separator: "\n").dropFirst()
            .map { String($0.split(separator: ",")[0]) }
        let nearGeneralNames = nearGeneral.stdout.components(separatedBy: "\"name\": \"").dropFirst().map { String($0.prefix { $0 != "\"" }) }
        #expect(near.status == 0 && nearNames == nearGeneralNames && nearNames.count > fastNames.count, "\(near.stderr)")
        try "name,lng,lat\na,113.9,22.7\nb,oops,22.7\n".write(toFile: folder.path("bad.csv"), atomically: true, encoding: .utf8)
        // Bad rows: the same refusal on the fast path as on the general one, and the same rows skipped.
        let bad = try CommandRunner.gmgeo(["query", folder.path("bad.csv"), "--within", folder.path("parks.geojson"), "-o", folder.path("x.csv")])
        let badGeneral = try CommandRunner.gmgeo(["query", folder.path("bad.csv"), "--within", folder.path("parks.geojson")])
        let refusal = "bad.csv: 1 of 2 rows cannot be read (line 3: 'oops' in column lng is not a number)"
        #expect(bad.status == 2 && bad.stderr.contains(refusal), "\(bad.stderr)")
        #expect(badGeneral.status == 2 && badGeneral.stderr.contains(refusal), "\(badGeneral.stderr)")
        #expect(!FileManager.default.fileExists(atPath: folder.path("x.csv")))
    }
}
