import GeoCore
import Testing

extension GeoCoreTests {
    @Suite("CRS, transformer and geodesics")
    struct ProjTests {
        @Test("CRS from EPSG code, PROJ string, WKT and PROJJSON")
        func crsForms() throws {
            let gk = try CRS("EPSG:4547")
            #expect(gk.name == "CGCS2000 / 3-degree Gauss-Kruger CM 114E" && !gk.isGeographic && gk.unitName == "metre" && gk.epsgCode == 4547)
            #expect(gk == CRS.guangmingWorking || gk.name == CRS.guangmingWorking.name)
            let wgs = try CRS("EPSG:4326")
            #expect(wgs.isGeographic && wgs.unitName == "degree")
            let utm = try CRS("+proj=utm +zone=49 +datum=WGS84 +units=m +no_defs")
            #expect(!utm.isGeographic && utm.unitName == "metre")
            let wkt = #"GEOGCRS["WGS 84",DATUM["World Geodetic System 1984",ELLIPSOID["WGS 84",6378137,298.257223563]],CS[ellipsoidal,2],AXIS["latitude",north],AXIS["longitude",east],ANGLEUNIT["degree",0.0174532925199433]]"#
            #expect(try CRS(wkt).isGeographic)
            let json = #"{"type":"GeographicCRS","name":"WGS 84","datum":{"type":"GeodeticReferenceFrame","name":"World Geodetic System 1984","ellipsoid":{"name":"WGS 84","semi_major_axis":6378137,"inverse_flattening":298.257223563}},"coordinate_system":{"subtype":"ellipsoidal","axis":[{"name":"Latitude","abbreviation":"lat","direction":"north","unit":"degree"},{"name":"Longitude","abbreviation":"lon","direction":"east","unit":"degree"}]}}"#
            #expect(try CRS(json).name == "WGS 84")
            #expect(try CRS("gcj02").kind == .gcj02 && CRS("BD-09").kind == .bd09)
        }

        @Test("unknown or ambiguous CRS names are refused with a clear message", arguments: ["EPSG:999999", "foo", "", "WGS 84", "+proj=nonsense", "EPSG:"])
        func unknownCRS(_ text: String) {
            #expect(throws: CRSError.self) { try CRS(text) }
        }

        @Test("EPSG:4326 -> EPSG:4547 is x = longitude first, whatever the CRS's axis order")
        func axisOrder() throws {
            let t = try Transformer(from: "EPSG:4326", to: "EPSG:4547")
            let p = try t.transform(x: 114, y: 22.75)
            // On the central meridian the easting is exactly the 500 km false easting.
            #expect(abs(p.x - 500_000) < 1e-6 && p.y > 2_500_000)
            let back = try t.transform(x: p.x, y: p.y, direction: .inverse)
            #expect(abs(back.x - 114) < 1e-12 && abs(back.y - 22.75) < 1e-12)
        }

        @Test("the shared transformer is one per CRS pair and gives what a fresh one gives")
        func sharedTransformer() throws {
            let working = try CRS("EPSG:4547")
            let a = try Transformer.shared(from: .wgs84, to: working)
            #expect(try Transformer.shared(from: .wgs84, to: working) === a)
            #expect(try Transformer.shared(from: working, to: .wgs84) !== a)
            let fresh = try Transformer(from: .wgs84, to: working).transform(x: 113.93, y: 22.77)
            let shared = try a.transform(x: 113.93, y: 22.77)
            #expect(fresh.x == shared.x && fresh.y == shared.y)
            // The way back reuses the same operation inverted, and agrees with a fresh one.
            let back = try Transformer.shared(from: working, to: .wgs84)
            #expect(back.source == working && back.target == .wgs84)
            let there = try back.transform(x: shared.x, y: shared.y)
            let direct = try Transformer(from: working, to: .wgs84).transform(x: shared.x, y: shared.y)
            #expect(abs(there.x - 113.93) < 1e-12 && abs(there.y - 22.77) < 1e-12)
            #expect(abs(there.x - direct.x) < 1e-12 && abs(there.y - direct.y) < 1e-12)
            let forwardAgain = try back.transform(x: there.x, y: there.y, direction: .inverse)
            #expect(abs(forwardAgain.x - shared.x) < 1e-6 && abs(forwardAgain.y - shared.y) < 1e-6)
        }

        @Test("batch and geometry transforms agree with single points; bad points throw")
        func batches() throws {
            let t = try Transformer(from: "EPSG:4326", to: "EPSG:4547")
            var xs = [113.9, 113.95, 114.0], ys = [22.7, 22.75, 22.8]
            try t.transform(xs: &xs, ys: &ys)
            let single = try t.transform(x: 113.95, y: 22.75)
            #expect(xs[1] == single.x && ys[1] == single.y)
            let line = try Geometry(wkt: "LINESTRING (113.9 22.7, 113.95 22.75, 114 22.8)")
            let projected = try t.transform(line)
            #expect(projected.coordinates.map(\.x) == xs && projected.coordinates.map(\.y) == ys)
            let polygon = try Geometry(wkt: "POLYGON ((113.9 22.7, 114 22.7, 114 22.8, 113.9 22.7), (113.97 22.71, 113.99 22.71, 113.99 22.73, 113.97 22.71))")
            let there = try t.transform(polygon)
            let back = try t.transform(there, direction: .inverse)
            #expect(try back.equalsExact(polygon, tolerance: 1e-9))
            for wkt in ["MULTIPOLYGON (((113.9 22.7, 114 22.7, 114 22.8, 113.9 22.7)))", "MULTIPOINT ((113.9 22.7))",
                        "GEOMETRYCOLLECTION (POINT (113.9 22.7))", "MULTILINESTRING ((113.9 22.7, 114 22.8))"] {
                let g = try Geometry(wkt: wkt)
                #expect(try t.transform(g).type == g.type, "one-part \(g.type) keeps its type")
            }
            var bad = [113.9, .nan], badY = [22.7, 22.7]
            #expect(throws: CRSError.self) { try t.transform(xs: &bad, ys: &badY) }
            #expect(throws: CRSError.self) { try t.transform(x: 114, y: 95) }
            var short = [1.0]
            #expect(throws: CRSError.self) { try t.transform(xs: &short, ys: &badY) }
        }

        @Test("geodesic area and length on the ellipsoid")
        func geodesic() throws {
            // One degree of longitude on the equator: 111,319.49 m (a * pi / 180).
            let equator = try Geometry(wkt: "LINESTRING (0 0, 1 0)")
            #expect(abs(Geodesic.wgs84.length(of: equator) - 6378137 * .pi / 180) < 1e-6)
            // A 0.01° square near Guangming agrees with its area in EPSG:4547 to 0.1%.
            let square = try Geometry(wkt: "POLYGON ((113.94 22.74, 113.95 22.74, 113.95 22.75, 113.94 22.75, 113.94 22.74))")
            let planar = try Transformer(from: "EPSG:4326", to: "EPSG:4547").transform(square).area()
            let geodesic = Geodesic.cgcs2000.area(of: square)
            #expect(abs(geodesic - planar) / planar < 1e-3)
            #expect(Geodesic.wgs84.area(of: equator) == 0)
        }
    }
}
