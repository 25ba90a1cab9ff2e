import Foundation
import GeoCore
import GeoIO
import MapRender
import Testing
import TestSupport

extension MapRenderTests {
    /// The web map's files, read back without a browser (the browser tests are in CLITests).
    @Suite("Web map files")
    struct WebMapTests {
        /// Leaflet is needed to write a page; where it is missing the test says so (CI, which
        /// installs it, fails instead of skipping).
        static func leafletPresent() -> Bool {
            guard let missing = WebMap.missingLeaflet() else { return true }
            if ExternalTool.required { Issue.record("\(missing)") }
            print("skipped: \(missing)")
            return false
        }

        /// Three projects (EPSG:4547 metres near Guangming): ok, conflict and an unknown verdict.
        static func projects() throws -> Layer {
            let rows: [(String, String, Double)] = [("P1", "ok", 0), ("P2", "conflict", 500), ("P3", "maybe", 1000)]
            return Layer(name: "projects-validated", crs: .guangmingWorking,
                         fields: [Field("project_id", .string), Field("verdict", .string), Field("reasons", .string)],
                         features: try rows.map { id, verdict, dx in
                             Feature(geometry: try Geometry.point(489_000 + dx, 2_518_000),
                                     properties: ["project_id": .string(id), "verdict": .string(verdict), "reasons": .string("a; b </script>")])
                         })
        }

        /// A circle of radius 1 km with 2,000 vertices, as a planner's digitised outline.
        static func circle() throws -> Layer {
            let ring = (0...2000).map { i -> Coordinate in
                let a = Double(i % 2000) / 2000 * 2 * Double.pi
                return Coordinate(490_000 + 1000 * cos(a), 2_520_000 + 1000 * sin(a))
            }
            return Layer(name: "round", crs: .guangmingWorking, fields: [Field("name_zh", .string)],
                         features: [Feature(geometry: try Geometry.polygon(ring), properties: ["name_zh": .string("圆")])])
        }

        /// A layer script's two arguments: the spec and the GeoJSON.
        static func script(_ url: URL) throws -> (spec: [String: Any], geojson: [String: Any]) {
            let text = try String(contentsOf: url, encoding: .utf8)
            #expect(text.hasPrefix("gmgeo.layer(") && text.hasSuffix(");\n"))
            let body = text.dropFirst("gmgeo.layer(".count).dropLast(3)
            guard let split = body.range(of: ",\n") else { throw CocoaError(.coderReadCorrupt) }
            // The spec escapes "</" as "<\/", which JSON reads back as "</".
            let spec = try JSONSerialization.jsonObject(with: Data(body[..<split.lowerBound].utf8)) as? [String: Any]
            let geojson = try JSONSerialization.jsonObject(with: Data(body[split.upperBound...].utf8)) as? [String: Any]
            return (spec ?? [:], geojson ?? [:])
        }

        @Test("bilingual labels split by language; one-language labels stay whole")
        func language() {
            #expect(Language.zh.pick("边界 Boundary") == "边界")
            #expect(Language.en.pick("边界 Boundary") == "Boundary")
            #expect(Language.en.pick("需评审 needs review") == "needs review")
            #expect(Language.zh.pick("绿地服务覆盖比例 Share served by green") == "绿地服务覆盖比例")
            #expect(Language.zh.pick("roads") == "roads" && Language.en.pick("光明区") == "光明区")
            #expect(Language.zh.pick("热点（99%） Hot 99%") == "热点（99%）" && Language.en.pick("热点（99%） Hot 99%") == "Hot 99%")
        }

        @Test("symbols and legend come from the print style: the classes present, in class order, in the page's language")
        func legendAndSymbols() throws {
            guard Self.leafletPresent() else { return }
            let folder = try TemporaryFolder()
            defer { folder.remove() }
            let style = Palette.style(for: "projects-validated")
            for language in Language.allCases {
                let out = folder.url.appendingPathComponent(language.rawValue)
                try WebMap(title: "t", language: language, credit: "c",
                           layers: [WebMapLayer(id: "projects-validated", layer: try Self.projects(), style: style)]).write(into: out)
                let (spec, geojson) = try Self.script(out.appendingPathComponent("layers/01-projects-validated.js"))
                let legend = (spec["legend"] as? [[String: Any]] ?? []).compactMap { $0["label"] as? String }
                // needs-review is a class of the style but no feature has it: not listed.
                #expect(legend == (language == .zh ? ["通过", "冲突", "maybe"] : ["ok", "conflict", "maybe"]), "\(legend)")
                let symbols = spec["symbols"] as? [[String: Any]] ?? []
                let classes = spec["classes"] as? [Int] ?? []
                let features = geojson["features"] as? [[String: Any]] ?? []
                try #require(classes.count == features.count && features.count == 3)
                // Features in the print maps' drawing order (classes listed first on top, unknown
                // values at the bottom), each with its class's colour.
                let fills = zip(features, classes).map { f, c in
                    ((f["properties"] as? [String: Any])?["verdict"] as? String ?? "", symbols[c]["fill"] as? String ?? "")
                }
                #expect(fills.map(\.0) == ["maybe", "conflict", "ok"], "\(fills)")
                #expect(fills.map(\.1) == ["#7D5BA6", "#C0392B", "#5E9E5B"], "\(fills)")
                #expect(symbols.allSatisfy { ($0["shape"] as? String) == "triangle" && ($0["size"] as? Double ?? 0) >= 8 })
            }
        }

        @Test("the page works offline: every file it names is there, nothing names the web, data in lon/lat at 6 decimals")
        func offlineFiles() throws {
            guard Self.leafletPresent() else { return }
            let folder = try TemporaryFolder()
            defer { folder.remove() }
            let out = folder.url.appendingPathComponent("web")
            let bytes = try WebMap(title: "标题 <b>", language: .zh, credit: "© test",
                                   layers: [WebMapLayer(id: "round", layer: try Self.circle(), style: Palette.style(for: "green")),
                                            WebMapLayer(id: "projects-validated", layer: try Self.projects(), style: Palette.style(for: "projects-validated"))])
                .write(into: out)
            let index = try String(contentsOf: out.appendingPathComponent("index.html"), encoding: .utf8)
            let named = index.components(separatedBy: "src=\"").dropFirst().map { String($0.prefix { $0 != "\"" }) }
                + index.components(separatedBy: "href=\"").dropFirst().map { String($0.prefix { $0 != "\"" }) }
            #expect(named.count == 6, "\(named)")
            for file in named { #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent(file).path), "\(file) missing") }
            #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("leaflet/images/layers.png").path))
            #expect(index.contains("<title>标题 &lt;b></title>"))
            // A reason holding "</script>" cannot end the page's script early.
            #expect(!index.contains("</script>\")") && !index.lowercased().contains("</script><"))
            var total = 0
            for file in ["index.html", "gmgeo.js", "gmgeo.css", "layers/01-round.js", "layers/02-projects-validated.js"] {
                let text = try String(contentsOf: out.appendingPathComponent(file), encoding: .utf8)
                total += text.utf8.count
                #expect(!text.contains("http://") && !text.contains("https://") && !text.contains("//cdn"), "\(file) names the web")
            }
            #expect(bytes > total)
            let (_, geojson) = try Self.script(out.appendingPathComponent("layers/01-round.js"))
            let ring = (((geojson["features"] as? [[String: Any]])?.first?["geometry"] as? [String: Any])?["coordinates"] as? [[[Double]]])?.first ?? []
            // lon/lat near Guangming (EPSG:4547 x 490 km is about 113.9° E).
            #expect(ring.allSatisfy { (113.5...114.5).contains($0[0]) && (22.5...23).contains($0[1]) })
            #expect(ring.allSatisfy { $0.allSatisfy { ($0 * 1e6 - ($0 * 1e6).rounded()).magnitude < 1e-3 } })
            // 0.5 m simplification of a 1 km circle keeps ~100 vertices of 2,000; the area lost is
            // at most perimeter x tolerance (6,283 m x 0.5 m = 1e-3 of the area).
            #expect(ring.count < 200 && ring.count > 50, "\(ring.count) vertices")
            let back = try Transformer(from: .wgs84, to: .guangmingWorking).transform(try Geometry.polygon(ring.map { Coordinate($0[0], $0[1]) }))
            let area = try back.area()
            #expect(abs(area - Double.pi * 1e6) / (Double.pi * 1e6) < 1e-3, "area \(area)")
        }
    }
}
