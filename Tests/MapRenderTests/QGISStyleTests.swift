import Foundation
import GeoCore
import GeoIO
import MapRender
import Testing

extension MapRenderTests {
    /// The print styles as QGIS XML (QGIS itself reads them in CLITests/QGISProjectTests).
    @Suite("QGIS styles")
    struct QGISStyleTests {
        static func attributes(_ xml: String, _ element: String) -> [[String: String]] {
            xml.components(separatedBy: "<\(element) ").dropFirst().map { chunk in
                let head = String(chunk.prefix { $0 != ">" })
                var out: [String: String] = [:]
                for pair in head.components(separatedBy: "\" ") {
                    let kv = pair.components(separatedBy: "=\"")
                    if kv.count == 2 { out[kv[0].trimmingCharacters(in: .whitespaces)] = kv[1].replacingOccurrences(of: "\"", with: "").replacingOccurrences(of: "/", with: "") }
                }
                return out
            }
        }

        @Test("categorized: one category per class (listed first drawn last, as printed) and a catch-all; colours as r,g,b,a")
        func categorized() {
            let style = QGISStyle(Palette.style(for: "projects-validated"), geometry: .point, language: .zh)
            #expect(style.rendererType == "categorizedSymbol" && style.symbolType == "marker")
            let categories = QGISStyleTests.attributes(style.renderer, "category")
            #expect(categories.map { $0["value"] ?? "?" } == ["", "conflict", "needs-review", "ok"])
            #expect(categories.map { $0["label"] ?? "?" } == ["项目", "冲突", "需专家评审", "通过"])
            // conflict's symbol: Palette.red #C0392B = 192,57,43.
            let conflict = categories[1]["symbol"] ?? ""
            let symbol = style.renderer.components(separatedBy: "<symbol type=\"marker\" name=\"\(conflict)\"").dropFirst().first ?? ""
            #expect(symbol.contains("k=\"color\" v=\"192,57,43,255\"") && symbol.contains("k=\"name\" v=\"triangle\""))
            let english = QGISStyle(Palette.style(for: "projects-validated"), geometry: .point, language: .en)
            #expect(QGISStyleTests.attributes(english.renderer, "category").map { $0["label"] ?? "?" } == ["Projects", "conflict", "needs review", "ok"])
        }

        @Test("graduated: a range per class, bounds at the breaks; labels in points from the print size")
        func graduated() {
            let style = QGISStyle(Palette.style(for: "green-service"), geometry: .multiPolygon, language: .zh)
            #expect(style.rendererType == "graduatedSymbol" && style.symbolType == "fill")
            let ranges = QGISStyleTests.attributes(style.renderer, "range")
            #expect(ranges.map { $0["lower"] ?? "?" } == ["-1000000000000", "0.2", "0.4", "0.6", "0.8"])
            #expect(ranges.map { $0["upper"] ?? "?" } == ["0.2", "0.4", "0.6", "0.8", "1000000000000"])
            #expect(ranges.map { $0["label"] ?? "?" }.first == "&lt; 0.20")
            // 2.4 mm labels = 6.80 pt; name_zh as the printed maps label streets.
            let text = QGISStyleTests.attributes(style.labeling, "text-style").first ?? [:]
            #expect(text["fieldName"] == "name_zh" && abs((Double(text["fontSize"] ?? "") ?? 0) - 2.4 * 72 / 25.4) < 1e-9)
            #expect(style.qml.contains("labelsEnabled=\"1\"") && style.qml.hasPrefix("<!DOCTYPE qgis"))
        }

        @Test("the project: relative paths, groups in order, the CRS as WKT with its EPSG code")
        func project() throws {
            let style = QGISStyle(Palette.style(for: "roads"), geometry: .lineString, language: .zh)
            let project = try QGISProject(title: "光明 <test>", crs: .guangmingWorking, groups: [
                (title: "基础", layers: [QGISProject.Layer(path: "inputs/roads.geojson", title: "道路", style: style, geometry: .lineString)]),
            ]).xml()
            #expect(project.contains("<datasource>./inputs/roads.geojson</datasource>") && project.contains("<Absolute type=\"bool\">false</Absolute>"))
            #expect(project.contains("<authid>EPSG:4547</authid>") && project.contains("<wkt>PROJCRS[&quot;CGCS2000 / 3-degree Gauss-Kruger CM 114E"))
            #expect(project.contains("projectname=\"光明 &lt;test&gt;\"") && project.contains("<layer-tree-group name=\"基础\""))
            #expect(throws: CRSError.self) { try QGISProject(title: "x", crs: .gcj02, groups: []).xml() }
        }
    }
}
