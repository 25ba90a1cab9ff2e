import Foundation
import GeoCore
import GeoIO
import Testing
import TestSupport

extension GeoIOTests {
    @Suite("GeoJSON writer")
    struct GeoJSONWriterTests {
        /// Writes `features` (lon/lat) as GeoJSON and returns the text.
        static func written(_ features: [Feature], fields: [Field] = [], format: OutputFormat = .geojson) throws -> String {
            let folder = try TemporaryFolder()
            defer { folder.remove() }
            let path = folder.path(format == .geojson ? "out.geojson" : "out.geojsonl")
            try LayerWriter(format: format).write(Layer(name: "t", crs: .wgs84, fields: fields, features: features), to: path)
            return try String(contentsOfFile: path, encoding: .utf8)
        }

        /// The coordinates member of the only feature, parsed.
        static func coordinates(_ text: String) throws -> [[[Double]]] {
            let json = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
            let features = try #require(json["features"] as? [[String: Any]])
            let geometry = try #require(features.first?["geometry"] as? [String: Any])
            return try #require(geometry["coordinates"] as? [[[Double]]])
        }

        @Test("coordinates keep 7 decimals exactly, trailing zeros dropped (8 cm that GDAL's writer drops are kept)")
        func decimals() throws {
            let g = try Geometry(wkt: "LINESTRING (113.900000787 22.7671845364, 114 22.5, -0.00000004 -1.25, 113.86305444999 0.0000001)")
            let text = try GeoJSONWriterTests.written([Feature(geometry: g)])
            #expect(text.contains("[ [ 113.9000008, 22.7671845 ], [ 114, 22.5 ], [ 0, -1.25 ], [ 113.8630544, 0.0000001 ] ]"), "\(text)")
        }

        @Test("rings follow the right-hand rule: shell counter-clockwise, holes clockwise, whatever the input")
        func orientation() throws {
            // Clockwise shell and counter-clockwise hole in the input.
            let g = try Geometry(wkt: "POLYGON ((0 0, 0 10, 10 10, 10 0, 0 0), (2 2, 4 2, 4 4, 2 4, 2 2))")
            let rings = try GeoJSONWriterTests.coordinates(try GeoJSONWriterTests.written([Feature(geometry: g)]))
            func signedArea(_ r: [[Double]]) -> Double {
                zip(r, r.dropFirst()).reduce(0) { $0 + $1.0[0] * $1.1[1] - $1.1[0] * $1.0[1] } / 2
            }
            #expect(rings.count == 2 && signedArea(rings[0]) == 100 && signedArea(rings[1]) == -4)
        }

        @Test("properties: escaped strings, Chinese as UTF-8, reals stay reals, booleans, null for missing and non-finite values")
        func properties() throws {
            let fields = [Field("名称", .string), Field("area", .real), Field("w", .real), Field("n", .integer), Field("ok", .boolean), Field("bad", .real), Field("none", .string)]
            let f = Feature(geometry: try Geometry(wkt: "POINT (113.9 22.7)"), properties: [
                "名称": .string("光明 \"中心\" \\ 区\n\u{1}"), "area": .real(0.1), "w": .real(50), "n": .integer(-42), "ok": .boolean(true), "bad": .real(.nan),
            ])
            let text = try GeoJSONWriterTests.written([f], fields: fields)
            #expect(text.contains(#"{ "名称": "光明 \"中心\" \\ 区\n\u0001", "area": 0.1, "w": 50.0, "n": -42, "ok": true, "bad": null, "none": null }"#), "\(text)")
            let json = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
            let props = try #require((json["features"] as? [[String: Any]])?.first?["properties"] as? [String: Any])
            #expect(props["名称"] as? String == "光明 \"中心\" \\ 区\n\u{1}")
        }

        @Test("every geometry kind and a missing geometry read back through GDAL as written")
        func kinds() throws {
            let wkts = ["POINT (1 2)", "LINESTRING (0 0, 1 1)", "POLYGON ((0 0, 1 0, 1 1, 0 0))", "MULTIPOINT ((0 0), (1 1))",
                        "MULTILINESTRING ((0 0, 1 1), (2 2, 3 3))", "MULTIPOLYGON (((0 0, 1 0, 1 1, 0 0)), ((5 5, 6 5, 6 6, 5 5)))",
                        "GEOMETRYCOLLECTION (POINT (1 1), LINESTRING (0 0, 2 2))"]
            var features = try wkts.map { Feature(geometry: try Geometry(wkt: $0)) }
            features.append(Feature(geometry: nil))
            for format in [OutputFormat.geojson, .geojsonseq] {
                let folder = try TemporaryFolder()
                defer { folder.remove() }
                let path = folder.path(format == .geojson ? "k.geojson" : "k.geojsonl")
                try LayerWriter(format: format).write(Layer(name: "k", crs: .wgs84, fields: [], features: features), to: path)
                let back = try VectorSource(path).readLayer()
                #expect(back.features.count == features.count)
                for (a, b) in zip(features, back.features) {
                    if let ga = a.geometry, let gb = b.geometry {
                        let (wa, wb) = (try ga.wkt(), try gb.wkt())
                        #expect(try ga.equalsExact(gb), "\(format): \(wa) read back as \(wb)")
                    } else {
                        #expect(a.geometry == nil && b.geometry == nil)
                    }
                }
            }
        }

        @Test("GeoJSONSeq: one complete Feature per line")
        func sequence() throws {
            let features = try (0..<3).map { Feature(geometry: try Geometry(wkt: "POINT (\($0) 1)"), properties: ["i": .integer(Int64($0))]) }
            let lines = try GeoJSONWriterTests.written(features, fields: [Field("i", .integer)], format: .geojsonseq).split(separator: "\n")
            #expect(lines.count == 3)
            for (i, line) in lines.enumerated() {
                let json = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
                #expect(json["type"] as? String == "Feature" && (json["properties"] as? [String: Any])?["i"] as? Int == i)
            }
        }
    }
}
