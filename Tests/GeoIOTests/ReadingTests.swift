import Foundation
import GeoCore
import GeoIO
import Testing
import TestSupport

extension GeoIOTests {
    @Suite("Reading sources")
    struct ReadingTests {
        @Test("a DXF made here loads, with its lines and closed polylines")
        func dxf() throws {
            let folder = try TemporaryFolder()
            defer { folder.remove() }
            // Minimal R12 DXF: one LINE and one closed LWPOLYLINE (a 100 m square) in metres.
            let dxf = ["0", "SECTION", "2", "ENTITIES",
                       "0", "LINE", "8", "roads", "10", "494000.0", "20", "2515000.0", "30", "0.0", "11", "494500.0", "21", "2515000.0", "31", "0.0",
                       "0", "LWPOLYLINE", "8", "sites", "90", "4", "70", "1",
                       "10", "494100.0", "20", "2515100.0", "10", "494200.0", "20", "2515100.0",
                       "10", "494200.0", "20", "2515200.0", "10", "494100.0", "20", "2515200.0",
                       "0", "ENDSEC", "0", "EOF"].joined(separator: "\n") + "\n"
            try dxf.write(toFile: folder.path("design.dxf"), atomically: true, encoding: .utf8)
            let source = try VectorSource(folder.path("design.dxf"), options: ReadOptions(crs: .guangmingWorking))
            #expect(source.driver == "DXF")
            let layer = try source.readLayer()
            #expect(layer.features.count == 2)
            let lengths = try layer.features.compactMap { try $0.geometry?.length() }.sorted()
            #expect(lengths == [400, 500])
            #expect(layer.features.contains { $0["Layer"].description == "sites" })
        }

        @Test("a KML made here loads in lon/lat with its names")
        func kml() throws {
            let folder = try TemporaryFolder()
            defer { folder.remove() }
            let kml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <kml xmlns="http://www.opengis.net/kml/2.2"><Document>
            <Placemark><name>光明城站</name><Point><coordinates>113.9486957,22.7357419,0</coordinates></Point></Placemark>
            <Placemark><name>科学城</name><Polygon><outerBoundaryIs><LinearRing><coordinates>
            113.90,22.76,0 113.92,22.76,0 113.92,22.78,0 113.90,22.78,0 113.90,22.76,0
            </coordinates></LinearRing></outerBoundaryIs></Polygon></Placemark>
            </Document></kml>
            """
            try kml.write(toFile: folder.path("sites.kml"), atomically: true, encoding: .utf8)
            let layer = try VectorSource(folder.path("sites.kml")).readLayer()
            #expect(layer.crs?.epsgCode == 4326)
            #expect(layer.features.map { $0["name"].description } == ["光明城站", "科学城"])
            #expect(layer.features.first?.geometry?.coordinates.first.map { ($0.x, $0.y) } ?? (0, 0) == (113.9486957, 22.7357419))
        }

        @Test("a CSV of lon/lat from a phone app (GCJ-02) reads with --crs gcj02")
        func csvLonLat() throws {
            let folder = try TemporaryFolder()
            defer { folder.remove() }
            try "名称,lng,lat\n光明城站,113.9537,22.7327\n".write(toFile: folder.path("sites.csv"), atomically: true, encoding: .utf8)
            let layer = try VectorSource(folder.path("sites.csv"), options: ReadOptions(crs: .gcj02)).readLayer()
            #expect(layer.features.first?["名称"] == .string("光明城站"))
            let wgs = try layer.reprojected(to: .wgs84)
            let p = try #require(wgs.features.first?.geometry?.coordinates.first)
            // The station in WGS 84 (metro data): within 30 m.
            #expect(Geodesic.wgs84.distance(p, Coordinate(113.9486957, 22.7357419)) < 30)
        }

        @Test("no CRS: lon/lat ranges assume EPSG:4326 with a warning; metric coordinates are refused, also in GeoJSON")
        func missingCRS() throws {
            let folder = try TemporaryFolder()
            defer { folder.remove() }
            try "x,y\n113.9,22.7\n".write(toFile: folder.path("lonlat.csv"), atomically: true, encoding: .utf8)
            let source = try VectorSource(folder.path("lonlat.csv"))
            #expect(try source.readLayer().crs == .wgs84)
            #expect(source.warnings.contains { $0.contains("assuming EPSG:4326") })
            try "x,y\n494000,2515000\n".write(toFile: folder.path("metric.csv"), atomically: true, encoding: .utf8)
            #expect(throws: IOError.self) { try VectorSource(folder.path("metric.csv")).readLayer() }
            #expect(try VectorSource(folder.path("metric.csv"), options: ReadOptions(crs: .guangmingWorking)).readLayer().features.count == 1)
            // GeoJSON without a crs member is EPSG:4326 to GDAL even when its numbers are metres.
            try #"{"type": "FeatureCollection", "features": [{"type": "Feature", "properties": {}, "geometry": {"type": "Point", "coordinates": [494000, 2515000]}}]}"#
                .write(toFile: folder.path("metric.geojson"), atomically: true, encoding: .utf8)
            do {
                _ = try VectorSource(folder.path("metric.geojson")).readLayer()
                Issue.record("metres read as degrees")
            } catch let error as IOError {
                #expect(error.description.contains("metric.geojson") && error.description.contains("x 494000..494000")
                        && error.description.contains("not degrees") && error.description.contains("--crs"), "\(error)")
            }
            let fixed = try VectorSource(folder.path("metric.geojson"), options: ReadOptions(crs: .guangmingWorking)).readLayer()
            #expect(fixed.crs == .guangmingWorking && fixed.features.count == 1)
        }

        @Test("errors name the file and the reason")
        func errors() throws {
            let folder = try TemporaryFolder()
            defer { folder.remove() }
            #expect(throws: IOError.self) { try VectorSource(folder.path("missing.geojson")) }
            try "{ not json".write(toFile: folder.path("broken.geojson"), atomically: true, encoding: .utf8)
            do {
                _ = try VectorSource(folder.path("broken.geojson")).readLayer()
                Issue.record("broken GeoJSON was read")
            } catch let error as IOError {
                #expect(error.description.contains("broken.geojson"))
            }
            try LayerWriter(format: .gpkg).write(try RoundTripTests.sample(), to: folder.path("g.gpkg"))
            #expect(throws: IOError.self) { try VectorSource(folder.path("g.gpkg")).readLayer("nope") }
            #expect(throws: IOError.self) { try VectorSource(folder.path("g.gpkg"), options: ReadOptions(filter: "nope = 1")).readLayer() }
            #expect(throws: IOError.self) { try RoundTripTests.sample().requireField("nope") }
        }

        @Test("a Shapefile refuses mixed geometry kinds and leaves no file behind")
        func mixedShapefile() throws {
            let folder = try TemporaryFolder()
            defer { folder.remove() }
            let layer = Layer(name: "mixed", crs: .wgs84, fields: [], features: [
                Feature(geometry: try Geometry(wkt: "POINT (113.9 22.7)")),
                Feature(geometry: try Geometry(wkt: "LINESTRING (113.9 22.7, 114 22.8)")),
            ])
            #expect(throws: IOError.self) { try LayerWriter(format: .shapefile).write(layer, to: folder.path("m.shp")) }
            #expect(folder.contents.isEmpty, "left behind: \(folder.contents)")
        }

        @Test("invalid geometries are counted with their reasons and repaired on request")
        func validity() throws {
            let layer = Layer(name: "sites", crs: .guangmingWorking, fields: [], features: [
                Feature(id: 7, geometry: try Geometry(wkt: "POLYGON ((0 0, 10 10, 10 0, 0 10, 0 0))")),
                Feature(id: 8, geometry: try Geometry(wkt: "POLYGON ((0 0, 10 0, 10 10, 0 0))")),
            ])
            let report = try layer.validityReport()
            #expect(report.invalid.count == 1)
            #expect(report.invalid.first?.description == "feature 7: Self-intersection at 5 5")
            let (fixed, repaired) = try layer.madeValid()
            #expect(repaired == 1)
            #expect(try fixed.validityReport().isClean)
        }
    }
}
