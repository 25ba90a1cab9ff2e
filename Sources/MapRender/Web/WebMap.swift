import Foundation
import GeoCore
import GeoIO

/// One layer of a web map: its features, its print style and whether it shows at first.
public struct WebMapLayer: Sendable {
    /// The layer's short name (file and style name, e.g. "projects-validated").
    public let id: String
    /// The layer as the map shows it (any CRS; the page gets lon/lat).
    public let layer: Layer
    /// The printed maps' style, so the page and the PDF agree.
    public let style: LayerStyle
    /// Shown when the page opens (the others are one click away in the layer switcher).
    public let visible: Bool

    /// Creates a web map layer.
    public init(id: String, layer: Layer, style: LayerStyle, visible: Bool = true) {
        self.id = id
        self.layer = layer
        self.style = style
        self.visible = visible
    }
}

/// An interactive map page that opens by double-click with no network: index.html, Leaflet
/// (Debian's libjs-leaflet, copied beside it), gmgeo.js and one script per layer that hands
/// its GeoJSON to the page (browsers refuse fetch() of local files, script tags they allow).
/// No base tiles: the boundary, streets, roads and rail are the base.
public struct WebMap: Sendable {
    /// The page's title.
    public var title: String
    /// The words of the page (layer titles, field names, verdicts).
    public var language: Language
    /// The source line (who made the data).
    public var credit: String
    /// The layers, bottom first.
    public var layers: [WebMapLayer]

    /// Display simplification in metres: under a pixel at zoom 17 (1.1 m at Guangming's
    /// latitude). The analysis files beside the page keep every vertex.
    public static let simplifyMetres = 0.5
    /// Coordinate decimals of the page's data: 1e-6° is 0.11 m.
    public static let decimals = 6
    /// Below this zoom only polygon labels (streets) show, so the district view stays legible.
    static let labelZoom = 13

    /// Creates a web map.
    public init(title: String, language: Language, credit: String, layers: [WebMapLayer]) {
        self.title = title
        self.language = language
        self.credit = credit
        self.layers = layers
    }

    /// Why no web map can be written here (Leaflet not installed), or nil when it can.
    public static func missingLeaflet() -> String? {
        do {
            _ = try Leaflet.locate()
            return nil
        } catch {
            return error.message
        }
    }

    /// Writes the page into `folder` (created; files inside it are replaced). Callers write
    /// into a staging folder and swap it in, so a failure leaves nothing half-written.
    /// - Returns: the bytes written.
    /// - Throws: `MapError` when Leaflet is missing or a layer is empty, `IOError` naming the
    ///   feature that cannot be written.
    @discardableResult
    public func write(into folder: URL) throws -> Int {
        let leaflet = try Leaflet.locate()
        guard !layers.isEmpty else { throw MapError("no layers to put on the web map") }
        let fm = FileManager.default
        let layerFolder = folder.appendingPathComponent("layers")
        try fm.createDirectory(at: layerFolder, withIntermediateDirectories: true)
        var bytes = try leaflet.copy(into: folder.appendingPathComponent("leaflet"))
        var scripts: [String] = []
        for (i, web) in layers.enumerated() {
            guard web.layer.features.contains(where: { $0.geometry != nil }) else {
                throw MapError("layer \(web.layer.name) has no geometry: nothing to put on the web map")
            }
            let file = String(format: "%02d-", i + 1) + WebMap.fileName(web.id) + ".js"
            let display = try WebMap.displayLayer(web)
            let spec = WebLayerSpec(id: web.id, layer: display, style: web.style, visible: web.visible, language: language)
            let text = "gmgeo.layer(\(try WebMap.json(spec)),\n\(try GeoJSONDocument.featureCollection(display, decimals: WebMap.decimals)));\n"
            bytes += try WebMap.write(text, to: layerFolder.appendingPathComponent(file))
            scripts.append("layers/" + file)
        }
        bytes += try WebMap.write(WebPageScript.javascript, to: folder.appendingPathComponent("gmgeo.js"))
        bytes += try WebMap.write(WebPageScript.css.replacingOccurrences(of: "LAND", with: WebLayerSpec.hex(Palette.land)),
                                  to: folder.appendingPathComponent("gmgeo.css"))
        bytes += try WebMap.write(try page(scripts: scripts), to: folder.appendingPathComponent("index.html"))
        return bytes
    }

    /// index.html: Leaflet, the page script, the layer scripts, then the start call.
    private func page(scripts: [String]) throws -> String {
        let words = WebFields.dictionary(language)
        let config = PageConfig(title: title, language: language.rawValue, locale: language == .zh ? "zh-CN" : "en",
                                credit: credit, text: WebFields.pageText(language), fields: words.fields, values: words.values,
                                shareFields: WebFields.shareFields.sorted(), searchFields: WebFields.searchFields, labelZoom: WebMap.labelZoom)
        let escapedTitle = title.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
        return """
        <!DOCTYPE html>
        <html lang="\(language == .zh ? "zh-CN" : "en")">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(escapedTitle)</title>
        <link rel="stylesheet" href="leaflet/leaflet.css">
        <link rel="stylesheet" href="gmgeo.css">
        <script src="leaflet/leaflet.js"></script>
        <script src="gmgeo.js"></script>
        </head>
        <body>
        <div id="map"></div>
        \(scripts.map { "<script src=\"\($0)\"></script>" }.joined(separator: "\n"))
        <script>gmgeo.start(\(try WebMap.json(config)));</script>
        </body>
        </html>

        """
    }

    /// What the page's start call receives.
    private struct PageConfig: Encodable {
        let title, language, locale, credit: String
        let text, fields: [String: String]
        let values: [String: [String: String]]
        let shareFields, searchFields: [String]
        let labelZoom: Int
    }

    /// The layer as drawn: features in the print style's drawing order (expressways over
    /// arterials), lines and polygons simplified for the screen in metres.
    static func displayLayer(_ web: WebMapLayer) throws -> Layer {
        var layer = web.layer
        let style = web.style
        layer.features = layer.features.enumerated()
            .sorted { (style.drawRank($0.element), $0.offset) < (style.drawRank($1.element), $1.offset) }.map(\.element)
        guard let crs = layer.crs, !crs.isGeographic else { return layer }
        for i in layer.features.indices {
            guard let g = layer.features[i].geometry, g.type != .point, g.type != .multiPoint else { continue }
            let simple = try g.simplifiedPreservingTopology(tolerance: simplifyMetres)
            layer.features[i].geometry = simple.isEmpty ? g : simple
        }
        return layer
    }

    /// JSON with sorted keys and no escaped slashes: the same page from the same data.
    static func json<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // "</script>" inside a string would end the inline script: break the tag.
        return String(decoding: try encoder.encode(value), as: UTF8.self).replacingOccurrences(of: "</", with: "<\\/")
    }

    /// A file name from a layer id: letters, digits, '-' and '_' kept, the rest '_'.
    static func fileName(_ id: String) -> String {
        String(id.unicodeScalars.map { $0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "-" || $0 == "_" ? Character($0) : "_" })
    }

    static func write(_ text: String, to url: URL) throws -> Int {
        let data = Data(text.utf8)
        do {
            try data.write(to: url)
        } catch {
            throw MapError("cannot write the file: \(error.localizedDescription)", location: url.path)
        }
        return data.count
    }
}
