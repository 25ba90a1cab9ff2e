import Foundation
import GeoCore
import GeoIO
import Testing
import TestSupport

extension GeoIOTests {
    /// The layers built from real public data (../shared/data): streets, parks, and the zone
    /// drawn from its bounding roads. Checks of the committed files run everywhere; checks
    /// against the sources skip where ../shared is absent.
    @Suite("GeoData/guangming real layers")
    struct GeoDataRealLayersTests {
        static func working(_ name: String) throws -> Layer {
            try GeoDataTests.read(name).reprojected(to: .guangmingWorking)
        }

        static func district() throws -> Geometry {
            try #require(try working("boundary").features.first { $0["class"] == .string("district") }?.geometry)
        }

        static var sharedDataPresent: Bool { SharedFixtures.sharedData("guangming_streets_osm_gcj02.geojson") != nil }

        @Test("the six streets tile the district: union equals it within 1 m², no overlaps")
        func streetsTile() throws {
            let district = try Self.district()
            let streets = try Self.working("boundary").features.filter { $0["class"] == .string("street") }.compactMap(\.geometry)
            #expect(streets.count == 6)
            let union = try Geometry.unaryUnion(streets)
            #expect(try union.symmetricDifference(district).area() < 1)
            for i in streets.indices {
                for j in streets.indices where j > i {
                    // 0 by construction; the file's 15 significant digits allow nothing visible.
                    #expect(try streets[i].intersection(streets[j]).area() < 1e-3, "streets \(i) and \(j) overlap")
                }
            }
        }

        @Test("each fitted street is its clipped OSM street plus its slivers (under 3% of its area)",
              .enabled(if: sharedDataPresent))
        func fittedAgainstOSM() throws {
            let url = try #require(SharedFixtures.sharedData("guangming_streets_osm_gcj02.geojson"))
            let osm = try VectorSource(url.path, options: ReadOptions(crs: .gcj02)).readLayer().reprojected(to: .guangmingWorking)
            let district = try Self.district()
            var osmTotal = 0.0
            for street in try Self.working("boundary").features where street["class"] == .string("street") {
                let fitted = try #require(street.geometry)
                let source = try #require(osm.features.first { $0["name"] == street["name_zh"] }?.geometry)
                osmTotal += try source.area()
                let clipped = try source.makeValid().intersection(district)
                let differs = try fitted.symmetricDifference(clipped).area()
                let area = try fitted.area()
                #expect(differs / area < 0.03, "\(street["name_zh"]): \(differs) m² of \(area)")
                // What differs is what the file records as slivers (0.01 km² rounding).
                #expect(abs(differs / 1e6 - (street["sliver_km2"].number ?? -1)) <= 0.006, "\(street["name_zh"])")
                #expect(street["source"].description.contains("© OpenStreetMap contributors"))
            }
            // The sources' disagreement the issue measured: 160.9 km² of OSM streets.
            #expect(abs(osmTotal / 1e6 - 160.9) < 0.2, "\(osmTotal / 1e6)")
        }

        @Test("every OSM park in the district is in the green layer, with its name and licence",
              .enabled(if: sharedDataPresent))
        func everyOSMPark() throws {
            let url = try #require(SharedFixtures.sharedData("guangming_parks_osm_wgs84.geojson"))
            let osm = try VectorSource(url.path).readLayer().reprojected(to: .guangmingWorking)
            let district = try Self.district()
            let green = try GeoDataTests.read("green")
            var inside = 0
            for park in osm.features {
                let g = try #require(park.geometry).makeValid()
                guard try g.intersection(district).area() > 0 else { continue }
                inside += 1
                let id = try #require(park["osm_id"].number)
                let match = green.features.first { $0["osm_id"].number == id }
                #expect(match != nil, "OSM park \(park["name"]) (\(id)) is missing")
                if !park["name"].description.isEmpty { #expect(match?["name_zh"] == park["name"]) }
                #expect(match?["source"].description.contains("© OpenStreetMap contributors") == true)
            }
            #expect(inside == 45)
        }

        @Test("parks are matched to the official list across bracket, · and suffix differences")
        func officialMatches() throws {
            let green = try GeoDataTests.read("green")
            func official(_ name: String) -> String? {
                green.features.first { $0["name_zh"] == .string(name) }.map { $0["official_name"].description }
            }
            #expect(official("田新公园") == "田新社区公园（田新公园）")
            #expect(official("麒麟山公园·百花园") == "光明百花园（麒麟山公园）")
            #expect(official("明心园") == "明心园（文化公园）")
            #expect(official("红花山公园") == "红花山公园")
            // Matched polygons carry the official category and area.
            let honghua = try #require(green.features.first { $0["name_zh"] == .string("红花山公园") })
            #expect(honghua["category"] == .string("城市公园") && abs((honghua["official_area_ha"].number ?? 0) - 28.6867) < 1e-4)
            // Parks known only by position are points with their official area, marked as such.
            let points = green.features.filter { $0.geometry?.type == .point }
            #expect(!points.isEmpty)
            for p in points {
                #expect((p["area_ha"].number ?? 0) > 0 && p["area_ha"] == p["official_area_ha"])
                #expect(["position, accuracy high", "position, accuracy medium"].contains(p["listed_by"].description))
            }
            // The README lists every OSM park the list does not name.
            let readme = try String(contentsOf: SharedFixtures.packageRoot.appendingPathComponent("GeoData/guangming/README.md"), encoding: .utf8)
            for park in green.features where park["osm_id"] != .null && park["official_name"] == .null {
                #expect(readme.contains(park["name_zh"].description), "README does not list \(park["name_zh"])")
            }
        }

        @Test("光明中心区 is the area its four roads enclose: 公常路 north, 光侨路 east, 华夏路 south, 龙大高速 west")
        func centralDistrictBetweenItsRoads() throws {
            let zone = try #require(try Self.working("control-zones").features.first { $0["name_zh"] == .string("光明中心区") }?.geometry)
            let roads = try Self.working("roads")
            let centre = try zone.centroid().coordinates[0]
            let edge = try zone.boundary()
            var covered = 0.0
            for (name, side) in [("公常路", "north"), ("光侨路", "east"), ("华夏路", "south"), ("龙大高速", "west")] {
                let road = try #require(roads.features.first { $0["name_zh"] == .string(name) }?.geometry)
                let along = try edge.intersection(try road.buffer(0.01))
                let length = try along.length()
                #expect(length > 100, "\(name) bounds only \(length) m of the zone")
                covered += length
                let mid = try along.centroid().coordinates[0]
                switch side {
                case "north": #expect(mid.y > centre.y)
                case "south": #expect(mid.y < centre.y)
                case "east": #expect(mid.x > centre.x)
                default: #expect(mid.x < centre.x)
                }
            }
            // Nothing but the four roads bounds it.
            #expect(abs(covered - (try edge.length())) < 1)
        }
    }
}
