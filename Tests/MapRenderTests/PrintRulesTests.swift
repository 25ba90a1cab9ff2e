import Foundation
import GeoCore
import GeoIO
import MapRender
import Testing
import TestSupport

extension MapRenderTests {
    /// What a printed A4 map must honour: the legend is what shows in the frame, every fill
    /// has its entry, hatching survives over fills, and no text is under 6 pt.
    @Suite("Print rules")
    struct PrintRulesTests {
        /// 6 pt in mm: the smallest text an A4 print reads.
        static let sixPoints = 6 * 25.4 / 72

        @Test("the legend lists exactly the classes visible in the frame, not those whose box only crosses it")
        func legendIsWhatShows() throws {
            let folder = try TemporaryFolder()
            defer { folder.remove() }
            let frame = Envelope(minX: 0, minY: 0, maxX: 1000, maxY: 1000)
            func line(_ c: [(Double, Double)], _ cls: String) throws -> Feature {
                Feature(geometry: try Geometry.lineString(c.map { Coordinate($0.0, $0.1) }), properties: ["class": .string(cls)])
            }
            // An expressway across the frame; an arterial passing its corner outside (its box
            // overlaps the frame); a national rail line far away.
            let roads = Layer(name: "roads", crs: .guangmingWorking, fields: [Field("class", .string)], features: [
                try line([(-100, 500), (1100, 500)], "expressway"),
                try line([(-500, 900), (300, 1700)], "arterial"),
            ])
            // A district drawn as an outline only, holding the frame: its line is outside it.
            let district = Layer(name: "boundary", crs: .guangmingWorking, fields: [Field("class", .string)], features: [
                Feature(geometry: try Geometry.rectangle(Envelope(minX: -5000, minY: -5000, maxX: 5000, maxY: 5000)), properties: ["class": .string("district")]),
                Feature(geometry: try Geometry.rectangle(Envelope(minX: 800, minY: -200, maxX: 3000, maxY: 200)), properties: ["class": .string("street")]),
            ])
            let report = try MapRenderer.render([MapLayer(layer: district, style: Palette.style(for: "boundary")),
                                                 MapLayer(layer: roads, style: Palette.style(for: "roads"))],
                                                page: try PageSetup(dpi: 72), extent: frame, to: folder.path("m.png"))
            #expect(report.legend.map(\.label) == ["街道界 Street", "快速路 Expressway"], "\(report.legend)")
        }

        @Test("hatching shows over a fill and in the legend: neither hides the other")
        func hatch() throws {
            let folder = try TemporaryFolder()
            defer { folder.remove() }
            let square = try RenderTests.square(fill: Color(0, 0, 1))
            let gaps = Layer(name: "green-service-gaps", crs: .guangmingWorking, fields: [], features: [
                Feature(geometry: try Geometry.rectangle(Envelope(minX: 0, minY: 0, maxX: 1000, maxY: 1000))),
            ])
            let extent = Envelope(minX: 0, minY: 0, maxX: 1000, maxY: 1000)
            let report = try MapRenderer.render([square, MapLayer(layer: gaps, style: Palette.style(for: "green-service-gaps"))],
                                                page: try PageSetup(paper: "A4", landscape: true, dpi: 150), extent: extent, to: folder.path("m.png"))
            #expect(report.legend.map(\.label) == ["Square", "绿地服务缺口 Not served"])
            let image = try RasterImage(png: folder.path("m.png"))
            // Inside the square: blue fill between red hatch lines (0.18 mm every 1.2 mm: 15% of the
            // area, antialiased over more pixels at 150 dpi).
            var blue = 0, hatched = 0
            for y in stride(from: 300, to: 900, by: 3) {
                for x in stride(from: 400, to: 1000, by: 3) {
                    let c = image.color(x: x, y: y)
                    if c.blue > 0.9 && c.red < 0.1 { blue += 1 } else if c.red > c.green { hatched += 1 }
                }
            }
            let share = Double(hatched) / Double(blue + hatched)
            #expect(share > 0.1 && share < 0.4, "hatched share \(share) (\(hatched) of \(blue + hatched))")
        }

        @Test("no text under 6 pt: every default style's labels, and every text on a report-like map")
        func textSizes() throws {
            for name in ["boundary", "roads", "rail", "stations", "green", "green-patches", "control-zones", "upgrade-districts", "projects-validated",
                         "green-service", "road-belts", "green-service-gaps", "corridors", "green-links", "green-gap-links"] {
                let style = Palette.style(for: name)
                #expect(style.labelField == nil || style.labelSize >= Self.sixPoints, "\(name): \(style.labelSize) mm")
            }
            let folder = try TemporaryFolder()
            defer { folder.remove() }
            let data = SharedFixtures.packageRoot.appendingPathComponent("GeoData/guangming")
            let layers = try ["boundary", "roads", "stations", "upgrade-districts", "projects-sample"].map { name in
                MapLayer(layer: try VectorSource(data.appendingPathComponent("\(name).geojson").path).readLayer().reprojected(to: .guangmingWorking),
                         style: Palette.style(for: name))
            }
            let report = try MapRenderer.render(layers, page: try PageSetup(paper: "A4", landscape: true, dpi: 72, title: "标题", attribution: "Data: test"),
                                                to: folder.path("m.pdf"))
            #expect(!report.labels.isEmpty)
            #expect(report.smallestText >= Self.sixPoints, "smallest text \(report.smallestText) mm = \(report.smallestText * 72 / 25.4) pt")
        }
    }
}
