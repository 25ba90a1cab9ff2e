import GeoCore
import GeoIO
import MapRender
import Testing

extension MapRenderTests {
    /// The source line credits what is drawn: OpenStreetMap (the ODbL requires it), the
    /// schematic layers by name, and a planner's own layer by its name.
    @Suite("Source line")
    struct SourceLineTests {
        static func layer(_ name: String, _ sources: [String?]) throws -> Layer {
            Layer(name: name, crs: .guangmingWorking, fields: [Field("source", .string)], features: try sources.map { s in
                Feature(geometry: try Geometry.point(0, 0), properties: s.map { ["source": .string($0)] } ?? [:])
            })
        }

        @Test("OSM-derived layers are credited, schematic and own layers named")
        func credits() throws {
            let line = SourceLine.text(for: [
                try Self.layer("green", ["real: OpenStreetMap leisure=park (© OpenStreetMap contributors, ODbL)", "schematic: drawn"]),
                try Self.layer("boundary", ["real: DataV.GeoAtlas 440311"]),
                try Self.layer("我的项目", [nil, nil]),
            ])
            #expect(line.contains("© OpenStreetMap contributors"))
            #expect(line.contains("DataV"))
            #expect(line.contains("schematic or fictional features in green"))
            #expect(line.contains("user data: 我的项目"))
            #expect(!line.contains("boundary,"))
        }

        @Test("no OpenStreetMap credit where no drawn layer derives from it")
        func noCreditWithoutOSM() throws {
            let line = SourceLine.text(for: [try Self.layer("roads", ["schematic: drawn by hand"])])
            #expect(!line.contains("OpenStreetMap"))
            #expect(line.contains("roads"))
        }
    }
}
