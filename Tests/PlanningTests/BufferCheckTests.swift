import Foundation
import GeoCore
import Planning
import Testing

extension PlanningTests {
    @Suite("Corridors and buffer checks")
    struct BufferCheckTests {
        static func network() throws -> [NetworkFeature] {
            [NetworkFeature(name: "E1", cls: "expressway", geometry: try Geometry(wkt: "LINESTRING (0 0, 1000 0)")),
             NetworkFeature(name: "M1", cls: "metro", geometry: try Geometry(wkt: "LINESTRING (0 -500, 1000 -500)")),
             NetworkFeature(name: "S1", cls: "metro-station", geometry: try Geometry(wkt: "POINT (500 300)"))]
        }

        @Test("corridors have the rules' widths")
        func corridors() throws {
            let rules = try Scenes.rules()
            let built = try Corridors.build(try Self.network(), rules: rules)
            let expressway = try #require(built.first { $0.group == "expressway" })
            // 1000 m line, 50 m each side, round caps: 1000 x 100 + a full 32-gon of radius 50.
            #expect(abs(try expressway.geometry.area() - (100_000 + Scenes.circleArea(50))) < 1e-6)
            #expect(built.first { $0.group == "station" }?.width == rules.corridors.station)
        }

        @Test("distances, corridors and setback violations of footprints")
        func findings() throws {
            let rules = try Scenes.rules()
            let network = try Self.network()
            let corridors = try Corridors.build(network, rules: rules)
            let near = try Scenes.rect(100, 40, 150, 80)     // 40 m from E1: inside the 50 m strip and the 60 m setback
            let far = try Scenes.rect(100, 100, 150, 140)    // 100 m from E1
            let onMetro = try Scenes.rect(100, -520, 150, -480)
            let found = try BufferCheck.run([near, far, onMetro], network: network, corridors: corridors, rules: rules)
            #expect(found[0].corridors == ["expressway"])
            #expect(found[0].nearest["expressway"]?.distance == 40)
            #expect(abs((found[0].nearest["station"]?.distance ?? 0) - (350.0 * 350 + 220 * 220).squareRoot()) < 1e-9)
            #expect(found[0].violations.count == 1 && found[0].violations.first?.distance == 40 && found[0].violations.first?.required == 60)
            #expect(found[1].violations.isEmpty && found[1].corridors.isEmpty && found[1].nearest["expressway"]?.distance == 100)
            // Over the metro: in its corridor, but metro lines have no building setback.
            #expect(found[2].corridors == ["rail"] && found[2].violations.isEmpty && found[2].nearest["rail"]?.distance == 0)
        }
    }
}
