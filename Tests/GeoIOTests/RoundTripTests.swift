import Foundation
import GeoCore
import GeoIO
import Testing
import TestSupport

extension GeoIOTests {
    @Suite("Format round trips")
    struct RoundTripTests {
        /// Three features with Chinese names, a polygon with a hole, in lon/lat.
        static func sample() throws -> Layer {
            let fields = [Field("name_zh", .string), Field("name_en", .string), Field("class", .string), Field("area_ha", .real), Field("rank", .integer)]
            let rows: [(String, String, String, Double, Int64, String)] = [
                ("虹桥公园", "Hongqiao Park", "park", 12.5, 1,
                 "POLYGON ((113.94 22.75, 113.95 22.75, 113.95 22.76, 113.94 22.76, 113.94 22.75), (113.944 22.754, 113.944 22.756, 113.946 22.756, 113.946 22.754, 113.944 22.754))"),
                ("茅洲河碧道", "Maozhou River Greenway", "greenway", 40.25, 2,
                 "POLYGON ((113.86 22.78, 113.90 22.77, 113.90 22.775, 113.86 22.785, 113.86 22.78))"),
                ("光明小镇", "Guangming Town", "park", 3.0, 3,
                 "POLYGON ((113.97 22.72, 113.98 22.72, 113.975 22.73, 113.97 22.72))"),
            ]
            let features = try rows.enumerated().map { i, r in
                Feature(id: Int64(i), geometry: try Geometry(wkt: r.5),
                        properties: ["name_zh": .string(r.0), "name_en": .string(r.1), "class": .string(r.2), "area_ha": .real(r.3), "rank": .integer(r.4)])
            }
            return Layer(name: "green", crs: .wgs84, fields: fields, features: features)
        }

        @Test("GeoJSON -> GPKG -> SHP (GBK) -> CSV -> GeoJSON keeps geometries and attributes, Chinese included")
        func chain() throws {
            let folder = try TemporaryFolder()
            defer { folder.remove() }
            let original = try RoundTripTests.sample()
            try LayerWriter(format: .geojson).write(original, to: folder.path("a.geojson"))
            var current = try VectorSource(folder.path("a.geojson")).readLayer()
            try LayerWriter(format: .gpkg).write(current, to: folder.path("b.gpkg"))
            current = try VectorSource(folder.path("b.gpkg")).readLayer()
            try LayerWriter(format: .shapefile, encoding: "GBK").write(current, to: folder.path("c.shp"))
            // The .cpg names the encoding and the .dbf holds GBK bytes (光 = B9 E2, 明 = C3 F7).
            #expect(try String(contentsOfFile: folder.path("c.cpg"), encoding: .utf8).uppercased().contains("GBK")
                    || String(contentsOfFile: folder.path("c.cpg"), encoding: .utf8).contains("936"))
            let dbf = try Data(contentsOf: URL(fileURLWithPath: folder.path("c.dbf")))
            #expect(dbf.range(of: Data([0xB9, 0xE2, 0xC3, 0xF7])) != nil)
            current = try VectorSource(folder.path("c.shp")).readLayer()
            try LayerWriter(format: .csv).write(current, to: folder.path("d.csv"))
            // CSV has no CRS: say it, as a user would.
            current = try VectorSource(folder.path("d.csv"), options: ReadOptions(crs: .wgs84)).readLayer()
            try LayerWriter(format: .geojson).write(current, to: folder.path("e.geojson"))
            let final = try VectorSource(folder.path("e.geojson")).readLayer()

            #expect(final.features.count == original.features.count)
            for (a, b) in zip(original.features, final.features) {
                for key in ["name_zh", "name_en", "class"] { #expect(a[key] == b[key], "\(key)") }
                #expect(a["area_ha"].number == b["area_ha"].number)
                #expect(a["rank"].number == b["rank"].number)
                let ga = try #require(a.geometry), gb = try #require(b.geometry)
                // 7 decimals in GeoJSON: within 1e-7 degrees, same shape after normalizing.
                #expect(try ga.normalized().equalsExact(try gb.normalized(), tolerance: 1.1e-7), "\(a["name_zh"])")
            }
        }

        @Test("GeoJSON output follows RFC 7946: lon/lat, counter-clockwise shells, 7 decimals")
        func rfc7946() throws {
            let folder = try TemporaryFolder()
            defer { folder.remove() }
            // A clockwise shell in EPSG:4547 metres.
            let cw = try Geometry(wkt: "POLYGON ((494000 2515000, 494000 2515100.123456, 494100 2515100, 494100 2515000, 494000 2515000))")
            let layer = Layer(name: "site", crs: .guangmingWorking, fields: [], features: [Feature(geometry: cw)])
            try LayerWriter(format: .geojson).write(layer, to: folder.path("site.geojson"))
            let text = try String(contentsOfFile: folder.path("site.geojson"), encoding: .utf8)
            #expect(!text.contains("\"crs\""))
            let json = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
            let features = try #require(json["features"] as? [[String: Any]])
            let geometry = try #require(features.first?["geometry"] as? [String: Any])
            let ring = try #require((geometry["coordinates"] as? [[[Double]]])?.first)
            // Shoelace: positive area means counter-clockwise.
            var twiceArea = 0.0
            for i in 0..<(ring.count - 1) { twiceArea += ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1] }
            #expect(twiceArea > 0)
            #expect(ring.allSatisfy { (113...115).contains($0[0]) && (22...23).contains($0[1]) })
            let decimals = text.split(separator: ",").compactMap { $0.split(separator: ".").last }.map { $0.prefix { $0.isNumber }.count }
            #expect(decimals.max() ?? 0 <= 7)
        }

        @Test("every output format reads back with every attribute under its own name", arguments: [
            (OutputFormat.geojson, "a.geojson"), (.geojsonseq, "a.geojsonl"), (.gpkg, "a.gpkg"), (.shapefile, "a.shp"),
            (.csv, "a.csv"), (.flatgeobuf, "a.fgb"), (.kml, "a.kml"),
        ])
        func everyAttribute(_ format: OutputFormat, _ name: String) throws {
            let folder = try TemporaryFolder()
            defer { folder.remove() }
            var original = try RoundTripTests.sample()
            // "name" is what KML's own <name> element carried (and renamed) before.
            original.fields.append(Field("name", .string))
            for i in original.features.indices { original.features[i]["name"] = .string("n\(i)") }
            try LayerWriter(format: format).write(original, to: folder.path(name))
            let back = try VectorSource(folder.path(name), options: ReadOptions(crs: format == .csv ? .wgs84 : nil)).readLayer()
            #expect(back.features.count == original.features.count)
            // FlatGeobuf stores features in its spatial index's order: match them by rank.
            let sorted = back.features.sorted { ($0["rank"].number ?? 0) < ($1["rank"].number ?? 0) }
            for (a, b) in zip(original.features, sorted) {
                for field in original.fields {
                    let same = a[field.name] == b[field.name] || (a[field.name].number != nil && a[field.name].number == b[field.name].number)
                    #expect(same, "\(format) \(field.name): wrote \(a[field.name]), read \(b[field.name])")
                }
            }
        }
    }
}

extension GeoIOTests.RoundTripTests {
    @Test("a Shapefile shortens long field names to 10 characters and keeps their values")
    func longFieldNames() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        var layer = try Self.sample()
        layer.fields.append(Field("setback_violations", .string))
        for i in layer.features.indices { layer.features[i]["setback_violations"] = .string("v\(i)") }
        try LayerWriter(format: .shapefile).write(layer, to: folder.path("s.shp"))
        let back = try VectorSource(folder.path("s.shp")).readLayer()
        #expect(back.features.map { $0["setback_vi"] } == [.string("v0"), .string("v1"), .string("v2")])
        #expect(back.features.map { $0["name_zh"].description } == ["虹桥公园", "茅洲河碧道", "光明小镇"])
    }
}
