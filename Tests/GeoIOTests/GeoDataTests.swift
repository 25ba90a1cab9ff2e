import Foundation
import GeoCore
import GeoIO
import Testing
import TestSupport

extension GeoIOTests {
    /// The embedded Guangming data: valid, inside the district, connected, named as the plan names.
    @Suite("GeoData/guangming")
    struct GeoDataTests {
        static func read(_ name: String) throws -> Layer {
            let path = SharedFixtures.packageRoot.appendingPathComponent("GeoData/guangming/\(name).geojson").path
            return try VectorSource(path).readLayer()
        }

        static let layers = ["boundary", "roads", "rail", "stations", "control-zones", "upgrade-districts", "green", "projects-sample"]

        @Test("every feature has a valid geometry and name_zh, name_en, class, source", arguments: layers)
        func validAndAttributed(_ name: String) throws {
            let layer = try Self.read(name)
            #expect(layer.crs == .wgs84)
            #expect(!layer.features.isEmpty)
            #expect(try layer.validityReport().isClean)
            for f in layer.features {
                for key in ["name_zh", "name_en", "class", "source"] {
                    #expect(!f[key].description.isEmpty, "\(name) feature \(f.id ?? -1) lacks \(key)")
                }
            }
        }

        @Test("everything lies inside the district (within 1 m)", arguments: layers.filter { $0 != "boundary" })
        func insideDistrict(_ name: String) throws {
            let boundary = try Self.read("boundary").reprojected(to: .guangmingWorking)
            let district = try #require(boundary.features.first { $0["class"] == .string("district") }?.geometry)
            let reach = try PreparedGeometry(try district.buffer(1))
            for f in try Self.read(name).reprojected(to: .guangmingWorking).features {
                let g = try #require(f.geometry)
                #expect(try reach.covers(g), "\(name): \(f["name_zh"]) leaves the district")
            }
        }

        @Test("the real boundary's area in EPSG:4547 is within 1% of the published 156.1 km²")
        func boundaryArea() throws {
            let boundary = try Self.read("boundary").reprojected(to: .guangmingWorking)
            let district = try #require(boundary.features.first { $0["class"] == .string("district") }?.geometry)
            let area = try district.area() / 1e6
            #expect(abs(area - 156.1) / 156.1 < 0.01, "\(area) km²")
            // The six streets partition the district: their areas add up to it.
            let streets = boundary.features.filter { $0["class"] == .string("street") }
            #expect(Set(streets.map { $0["name_zh"].description }) == ["光明街道", "公明街道", "新湖街道", "凤凰街道", "玉塘街道", "马田街道"])
            let sum = try streets.reduce(0.0) { $0 + (try $1.geometry?.area() ?? 0) } / 1e6
            #expect(abs(sum - area) < 0.01)
        }

        @Test("the road network is one connected graph, noded where roads meet")
        func roadsConnected() throws {
            let roads = try Self.read("roads")
            var parent: [Coordinate: Coordinate] = [:]
            func find(_ c: Coordinate) -> Coordinate {
                var c = c
                while let p = parent[c], p != c { c = p }
                return c
            }
            for f in roads.features {
                for piece in try #require(f.geometry).coordinateSequences {
                    guard let a = piece.first, let b = piece.last else { continue }
                    if parent[a] == nil { parent[a] = a }
                    if parent[b] == nil { parent[b] = b }
                    let (ra, rb) = (find(a), find(b))
                    if ra != rb { parent[ra] = rb }
                }
            }
            let components = Set(parent.keys.map(find))
            #expect(components.count == 1, "\(components.count) separate road networks")
        }

        @Test("names match the plan's lists")
        func names() throws {
            let roads = try Self.read("roads")
            func count(_ structure: String) -> Int { roads.features.filter { $0["structure"] == .string(structure) }.count }
            #expect(count("三横") == 3 && count("三纵") == 3 && count("八横") == 8 && count("八纵") == 8)
            let names = Set(roads.features.map { $0["name_zh"].description })
            for real in ["南光高速", "龙大高速", "外环高速", "光明大道", "松白路", "公常路", "光侨路", "观光路", "华夏路"] {
                #expect(names.contains(real), "\(real)")
            }
            #expect(Set(roads.features.map { $0["class"].description }) == ["expressway", "arterial"])
            let zones = Set(try Self.read("control-zones").features.map { $0["name_zh"].description })
            #expect(zones == ["光明中心区", "大科学装置核心区", "茅洲河光明段", "光明城站枢纽片区", "轨道沿线", "主要道路及景观道路两侧"])
            let districts = try Self.read("upgrade-districts").features.map { $0["name_zh"].description }
            #expect(districts.count == 11 && districts.contains("楼村北"))
            let rail = try Self.read("rail").features
            #expect(rail.filter { $0["class"] == .string("metro") }.count == 7)
            #expect(rail.filter { $0["class"] != .string("metro") }.count == 4)
            #expect(try Self.read("stations").features.contains { $0["name_zh"] == .string("光明城站") && $0["class"] == .string("rail-hub") })
            #expect(try Self.read("green").features.contains { $0["name_zh"].description.contains("茅洲河") })
            let kinds = Set(try Self.read("projects-sample").features.map { $0["kind"].description })
            #expect(kinds.isSuperset(of: ["key", "major-industrial", "public-facility", "area-wide"]))
        }

        @Test("layers are addressable by short name")
        func shortNames() {
            #expect(Set(GeoDataCatalog.layerNames(in: SharedFixtures.packageRoot.appendingPathComponent("GeoData/guangming"))).isSuperset(of: Self.layers))
            #expect(GeoDataCatalog.resolve("roads", in: SharedFixtures.packageRoot.appendingPathComponent("GeoData/guangming"))?.hasSuffix("roads.geojson") == true)
            #expect(GeoDataCatalog.resolve("no-such-layer", in: SharedFixtures.packageRoot.appendingPathComponent("GeoData/guangming")) == nil)
        }
    }
}
