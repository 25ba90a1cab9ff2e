import Foundation
import GeoCore
import GeoIO
import Planning
import Testing

extension PlanningTests {
    /// A park known only by position stands in as a circle of its listed area, everywhere.
    @Suite("Green points")
    struct GreenPointsTests {
        static func layer(_ properties: [String: FieldValue]) throws -> Layer {
            Layer(name: "green", crs: .guangmingWorking, fields: [Field("name_zh", .string), Field("area_ha", .real)],
                  features: [Feature(id: 7, geometry: try Geometry.point(1000, 2000), properties: properties),
                             Feature(id: 8, geometry: try Geometry.rectangle(Envelope(minX: 0, minY: 0, maxX: 100, maxY: 100)),
                                     properties: ["name_zh": .string("方园")])])
        }

        @Test("a point with area_ha becomes a circle of exactly that area, centred on it, marked approximate")
        func circleOfArea() throws {
            let out = try GreenPoints.circles(try Self.layer(["name_zh": .string("点园"), "area_ha": .real(3.0)]))
            let circle = try #require(out.features[0].geometry)
            #expect(circle.type == .polygon)
            #expect(abs(try circle.area() - 30_000) < 1e-6)
            let c = try circle.centroid().coordinates[0]
            #expect(abs(c.x - 1000) < 1e-6 && abs(c.y - 2000) < 1e-6)
            #expect(out.features[0][GreenPoints.outlineField] == .string(GreenPoints.approximate))
            // An outline stays as it is.
            #expect(out.features[1][GreenPoints.outlineField] == .null)
            #expect(try out.features[1].geometry?.area() == 10_000)
            // Validation names the stand-in as approximate.
            #expect(GreenPoints.zones(out)[0].name.contains("approximate"))
            // Green service counts it like any park of that size.
            let zone = Zone(name: "z", geometry: try Geometry.rectangle(Envelope(minX: 900, minY: 1900, maxX: 1100, maxY: 2100)))
            let service = try GreenService.compute(zones: [zone], green: out.features.compactMap(\.geometry), rules: try Scenes.rules().greenService)
            #expect(service.parkCount == 2 && abs(service.rows[0].bothShare - 1) < 1e-12)
        }

        @Test("a point without a positive area is refused naming the feature, never dropped", arguments: [
            [String: FieldValue](), ["area_ha": .real(0)], ["area_ha": .real(.nan)], ["area_ha": .string("大")],
        ])
        func pointWithoutArea(_ extra: [String: FieldValue]) throws {
            var properties = extra
            properties["name_zh"] = .string("无面积园")
            let error = #expect(throws: IOError.self) { try GreenPoints.circles(try Self.layer(properties), location: "green.csv") }
            #expect(error?.description.contains("green.csv") == true)
            #expect(error?.description.contains("无面积园") == true)
            #expect(error?.description.contains("area_ha") == true)
        }

        @Test("a multi-point green feature is refused: one area cannot size several parks")
        func multiPoint() throws {
            var layer = try Self.layer(["name_zh": .string("多点园"), "area_ha": .real(2)])
            layer.features[0].geometry = try Geometry(wkt: "MULTIPOINT ((0 0), (500 0))")
            let error = #expect(throws: IOError.self) { try GreenPoints.circles(layer, location: "green.geojson") }
            #expect(error?.description.contains("multi-point") == true && error?.description.contains("多点园") == true)
        }
    }
}
