import Foundation
import GeoCore
import GeoIO
import MapRender
import Testing
import TestSupport

extension MapRenderTests {
    @Suite("Rendering known scenes")
    struct RenderTests {
        /// A 1 km square at the origin of a metric plane, filled pure red, nothing else.
        static func square(fill: Color = Color(1, 0, 0)) throws -> MapLayer {
            let layer = Layer(name: "square", crs: .guangmingWorking, fields: [Field("name_zh", .string), Field("class", .string)],
                              features: [Feature(geometry: try Geometry.rectangle(Envelope(minX: 0, minY: 0, maxX: 1000, maxY: 1000)),
                                                 properties: ["name_zh": .string("方块"), "class": .string("a")])])
            return MapLayer(layer: layer, style: LayerStyle(title: "Square", symbol: .init(fill: fill, stroke: nil, width: 0)))
        }

        @Test("PNG size follows the page and dpi", arguments: [("A4", 150.0, 1754, 1240), ("A4", 300.0, 3508, 2480), ("A3", 150.0, 2480, 1754)])
        func size(_ c: (String, Double, Int, Int)) throws {
            let folder = try TemporaryFolder()
            defer { folder.remove() }
            let page = try PageSetup(paper: c.0, landscape: true, dpi: c.1)
            _ = try MapRenderer.render([try Self.square()], page: page, to: folder.path("m.png"))
            let image = try RasterImage(png: folder.path("m.png"))
            #expect(image.width == c.2 && image.height == c.3)
            #expect(page.pixelSize == (c.2, c.3))
        }

        @Test("a filled square of known colour covers the pixels its scale predicts")
        func squarePixels() throws {
            let folder = try TemporaryFolder()
            defer { folder.remove() }
            let page = try PageSetup(paper: "A4", landscape: true, dpi: 100)
            // Frame the square exactly: the frame's height limits the scale.
            let extent = Envelope(minX: 0, minY: 0, maxX: 1000, maxY: 1000)
            let report = try MapRenderer.render([try Self.square()], page: page, extent: extent, to: folder.path("m.png"))
            let image = try RasterImage(png: folder.path("m.png"))
            // Frame height = 210 - 2 x 8 margin - 6 footer = 188 mm, so the square is 188 mm a side.
            let side = 188.0 / 25.4 * 100
            let expected = side * side
            let red = image.count(Color(1, 0, 0), tolerance: 0.01)
            // Legend, scale bar and north arrow sit on top of part of it: allow 5%, never more.
            #expect(Double(red) <= expected * 1.005 && Double(red) >= expected * 0.95, "red pixels \(red), square \(expected)")
            #expect(abs(report.scaleDenominator - 1000.0 / 0.188) < 1)
        }

        @Test("the legend lists exactly the classes drawn")
        func legend() throws {
            let folder = try TemporaryFolder()
            defer { folder.remove() }
            let roads = try VectorSource(SharedFixtures.packageRoot.appendingPathComponent("GeoData/guangming/roads.geojson").path).readLayer()
                .reprojected(to: .guangmingWorking)
            let expresswaysOnly = Layer(name: "roads", crs: roads.crs, fields: roads.fields,
                                        features: roads.features.filter { $0["class"] == .string("expressway") })
            let report = try MapRenderer.render([MapLayer(layer: expresswaysOnly, style: Palette.style(for: "roads"))],
                                                page: try PageSetup(dpi: 72), to: folder.path("m.png"))
            #expect(report.legend.map(\.label) == ["快速路 Expressway"])
            let both = try MapRenderer.render([MapLayer(layer: roads, style: Palette.style(for: "roads"))],
                                              page: try PageSetup(dpi: 72), to: folder.path("m2.png"))
            #expect(both.legend.map(\.label) == ["快速路 Expressway", "主干道 Arterial"])
            #expect(both.featuresDrawn["道路 Roads"] == roads.features.count)
        }

        @Test("labels never overlap each other; the ones that would are dropped")
        func labels() throws {
            let folder = try TemporaryFolder()
            defer { folder.remove() }
            // 60 points 20 m apart: at 1:100,000 their labels must collide.
            let points = try (0..<60).map { i in
                Feature(geometry: try Geometry.point(Double(i % 10) * 20, Double(i / 10) * 20), properties: ["name_zh": .string("站点\(i)")])
            }
            let layer = Layer(name: "p", crs: .guangmingWorking, fields: [Field("name_zh", .string)], features: points)
            let style = LayerStyle(title: "P", symbol: .init(fill: Color(0, 0, 1)), labelField: "name_zh")
            let report = try MapRenderer.render([MapLayer(layer: layer, style: style)], page: try PageSetup(dpi: 72),
                                                extent: Envelope(minX: -5000, minY: -5000, maxX: 5000, maxY: 5000), to: folder.path("m.png"))
            #expect(!report.labels.isEmpty && report.droppedLabels > 0)
            #expect(report.labels.count + report.droppedLabels == 60)
            for (i, a) in report.labels.enumerated() {
                for b in report.labels[(i + 1)...] {
                    let overlap = a.box.x < b.box.x + b.box.width && b.box.x < a.box.x + a.box.width
                        && a.box.y < b.box.y + b.box.height && b.box.y < a.box.y + a.box.height
                    #expect(!overlap, "\(a.text) overlaps \(b.text)")
                }
            }
        }

        @Test("the PDF is vector with the title as real text; the SVG too")
        func pdfAndSVG() throws {
            let folder = try TemporaryFolder()
            defer { folder.remove() }
            let page = try PageSetup(title: "光明区景观 Guangming test map")
            _ = try MapRenderer.render([try Self.square()], page: page, to: folder.path("m.pdf"))
            let pdf = try Data(contentsOf: URL(fileURLWithPath: folder.path("m.pdf")))
            #expect(pdf.starts(with: Data("%PDF".utf8)))
            #expect(pdf.range(of: Data("/Subtype /Image".utf8)) == nil, "a raster image inside the PDF")
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/pdftotext")
            process.arguments = [folder.path("m.pdf"), "-"]
            let pipe = Pipe()
            process.standardOutput = pipe
            try process.run()
            let text = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            #expect(text.contains("光明区景观 Guangming test map"), "pdftotext gave: \(text.prefix(200))")
            _ = try MapRenderer.render([try Self.square()], page: page, to: folder.path("m.svg"))
            let svg = try String(contentsOfFile: folder.path("m.svg"), encoding: .utf8)
            #expect(svg.contains("<svg") && svg.contains("<path") && !svg.contains("<image"))
        }

        @Test("bad requests: a clear error and no file")
        func errors() throws {
            let folder = try TemporaryFolder()
            defer { folder.remove() }
            let empty = MapLayer(layer: Layer(name: "empty", crs: .guangmingWorking, fields: [], features: []), style: Palette.style(for: "x"))
            #expect(throws: MapError.self) { try MapRenderer.render([empty], page: try PageSetup(), to: folder.path("e.png")) }
            #expect(throws: MapError.self) {
                try MapRenderer.render([try Self.square()], page: try PageSetup(), extent: Envelope(minX: 1e6, minY: 1e6, maxX: 1.1e6, maxY: 1.1e6),
                                       to: folder.path("far.png"))
            }
            #expect(throws: MapError.self) { try MapRenderer.render([try Self.square()], page: try PageSetup(), to: folder.path("m.jpg")) }
            #expect(throws: MapError.self) { try PageSetup(paper: "B7") }
            #expect(folder.contents.isEmpty, "left behind: \(folder.contents)")
        }

        @Test("scale bars have round lengths")
        func roundScaleBar() throws {
            let folder = try TemporaryFolder()
            defer { folder.remove() }
            let report = try MapRenderer.render([try Self.square()], page: try PageSetup(dpi: 72), to: folder.path("m.png"))
            let mantissa = report.scaleBarMetres / pow(10, floor(log10(report.scaleBarMetres)))
            #expect([1, 2, 5].contains(mantissa.rounded()) && abs(mantissa - mantissa.rounded()) < 1e-9)
        }
    }

    @Suite("Style files")
    struct StyleFileTests {
        @Test("a style file sets colours, classes and graduated breaks; bad keys are named")
        func styleFile() throws {
            let folder = try TemporaryFolder()
            defer { folder.remove() }
            try """
            [roads]
            stroke = "#112233"
            width = 0.8
            categorize = "class"
            [roads.classes]
            expressway = "#FF0000"

            [green-service]
            graduate = "share"
            breaks = [0.5]
            label = "name_zh"
            """.write(toFile: folder.path("s.toml"), atomically: true, encoding: .utf8)
            let styles = try StyleFile.load(folder.path("s.toml"))
            #expect(styles["roads"]?.symbol.width == 0.8)
            #expect(styles["roads"]?.symbol.stroke == Color("#112233"))
            if case .categorized(let field, let classes)? = styles["roads"]?.classification {
                #expect(field == "class" && classes.first?.symbol.stroke == Color("#FF0000"))
            } else {
                Issue.record("roads not categorized")
            }
            #expect(styles["green-service"]?.labelField == "name_zh")
            try "[roads]\ncolour = \"#FF0000\"\n".write(toFile: folder.path("bad.toml"), atomically: true, encoding: .utf8)
            do {
                _ = try StyleFile.load(folder.path("bad.toml"))
                Issue.record("accepted an unknown key")
            } catch let error as MapError {
                #expect(error.description.contains("unknown key 'colour'"))
            }
        }
    }
}

extension MapRenderTests {
    @Suite("Inset")
    struct InsetTests {
        @Test("an inset shows the whole layer and marks the map's frame in red")
        func inset() throws {
            let folder = try TemporaryFolder()
            defer { folder.remove() }
            let blue = try RenderTests.square(fill: Color(0, 0, 1))
            // 200 dpi: the 0.5 mm red line is 4 pixels wide, so some pixels are pure red.
            let page = try PageSetup(dpi: 200)
            let detail = Envelope(minX: 0, minY: 0, maxX: 200, maxY: 200)
            _ = try MapRenderer.render([blue], page: page, extent: detail, to: folder.path("plain.png"))
            _ = try MapRenderer.render([blue], page: page, extent: detail, inset: blue, to: folder.path("inset.png"))
            let red = Palette.red
            let without = try RasterImage(png: folder.path("plain.png")).count(red, tolerance: 0.05)
            let with = try RasterImage(png: folder.path("inset.png")).count(red, tolerance: 0.05)
            #expect(without == 0 && with > 20, "red pixels without \(without), with \(with)")
        }
    }
}

extension MapRenderTests {
    @Suite("Line labels")
    struct LineLabelTests {
        @Test("a diagonal line is labelled along itself, upright")
        func alongTheLine() throws {
            let folder = try TemporaryFolder()
            defer { folder.remove() }
            // Rising at 30 degrees on the ground: on the page (y down) the text turns by -30 degrees.
            let line = try Geometry.lineString([Coordinate(0, 0), Coordinate(1000 * cos(.pi / 6), 1000 * sin(.pi / 6))])
            let reversed = try Geometry.lineString([Coordinate(1000 * cos(.pi / 6), 1000 * sin(.pi / 6)), Coordinate(0, 0)])
            for g in [line, reversed] {
                let layer = Layer(name: "l", crs: .guangmingWorking, fields: [Field("name_zh", .string)],
                                  features: [Feature(geometry: g, properties: ["name_zh": .string("光明大道")])])
                let style = LayerStyle(title: "L", symbol: .init(stroke: Color(0, 0, 0), width: 0.5), labelField: "name_zh")
                let report = try MapRenderer.render([MapLayer(layer: layer, style: style)], page: try PageSetup(dpi: 72), to: folder.path("l.png"))
                let label = try #require(report.labels.first)
                #expect(abs(label.angle + .pi / 6) < 1e-9, "angle \(label.angle)")
            }
        }
    }
}
