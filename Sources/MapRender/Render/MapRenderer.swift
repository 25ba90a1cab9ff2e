import Foundation
import GeoCore
import GeoIO

/// One layer on a map: its features (in the map's metric CRS) and how to draw them.
public struct MapLayer: Sendable {
    /// The features to draw, in the map's metric CRS.
    public let layer: Layer
    /// How to draw them.
    public let style: LayerStyle

    /// Creates a map layer.
    public init(layer: Layer, style: LayerStyle) {
        self.layer = layer
        self.style = style
    }
}

/// What was drawn, for checking a map without looking at it.
public struct RenderReport: Sendable {
    /// A legend line: the layer's title and the class label.
    public struct LegendEntry: Sendable, Hashable {
        /// The layer's legend title.
        public let layer: String
        /// The class's label.
        public let label: String
    }

    /// Legend entries, in legend order: exactly the classes that were drawn.
    public let legend: [LegendEntry]
    /// The labels placed: text, covered box (x, y, width, height in mm), rotation (radians).
    public let labels: [(text: String, box: (x: Double, y: Double, width: Double, height: Double), angle: Double)]
    /// Labels left out because they would overlap others or leave the frame.
    public let droppedLabels: Int
    /// The scale bar's length on the ground, in metres, and the map scale denominator.
    public let scaleBarMetres: Double
    /// The map scale denominator (1 : N).
    public let scaleDenominator: Double
    /// Features drawn per layer title.
    public let featuresDrawn: [String: Int]
    /// The smallest text on the page (labels, legend, scale bar, source line), in mm.
    public let smallestText: Double
}

/// Draws layers onto a page with title, legend, scale bar, north arrow and attribution.
public enum MapRenderer {
    /// Renders `layers` (bottom first) over `extent` (metres; default: all layers, plus 5%)
    /// to `path` (format from its extension), written to a temporary file and renamed.
    /// - Throws: `MapError` for an unknown format, empty layers, nothing in the extent, or a
    ///   failed write; nothing is left behind then.
    ///   - inset: a small overview of this layer's whole extent in the frame's upper left, with
    ///     the main map's extent marked (useful with `extent` framed on one district).
    public static func render(_ layers: [MapLayer], page: PageSetup, extent requested: Envelope? = nil, inset: MapLayer? = nil,
                              to path: String) throws -> RenderReport {
        guard let format = MapFormat(path: path) else {
            throw MapError("cannot tell the map format from the extension; use .png, .pdf or .svg", location: path)
        }
        for l in layers where l.layer.features.isEmpty {
            throw MapError("layer \(l.layer.name) is empty: nothing to draw")
        }
        let all = layers.compactMap { $0.layer.extent }.reduce(nil) { (s: Envelope?, e: Envelope) in s.map { $0.union(e) } ?? e }
        guard var extent = requested ?? all else { throw MapError("no geometry to draw") }
        if requested == nil {
            let pad = max(extent.width, extent.height) * 0.04
            extent = extent.expanded(by: pad)
        }
        if let requested, let all, !requested.intersects(all) {
            throw MapError("nothing inside the requested extent")
        }
        try OutputPath.check(path)
        let staging = try Staging(for: path)
        let canvas = try Canvas(format: format, widthMM: page.widthMM, heightMM: page.heightMM, dpi: page.dpi, path: staging.temporaryFile.path)
        let report = try draw(layers, on: canvas, page: page, extent: extent, inset: inset)
        try canvas.finish()
        try staging.commitFiles()
        return report
    }

    private static func draw(_ layers: [MapLayer], on canvas: Canvas, page: PageSetup, extent: Envelope, inset: MapLayer?) throws -> RenderReport {
        let m = page.margin
        let titleBand = page.title.isEmpty ? 0.0 : 12.0
        let footer = 6.0
        let frame = (x: m, y: m + titleBand, width: page.widthMM - 2 * m, height: page.heightMM - 2 * m - titleBand - footer)
        let view = Viewport(extent: extent, frame: frame)
        canvas.background(Palette.paper)
        canvas.polygon([[(frame.x, frame.y), (frame.x + frame.width, frame.y), (frame.x + frame.width, frame.y + frame.height),
                         (frame.x, frame.y + frame.height)]], fill: Palette.land, stroke: nil, width: 0)
        canvas.clip(x: frame.x, y: frame.y, width: frame.width, height: frame.height)
        var legend: [(order: (Int, Int), entry: RenderReport.LegendEntry)] = []
        var legendSymbols: [RenderReport.LegendEntry: (LayerStyle.Symbol, GeometryType)] = [:]
        var candidates: [LabelCandidate] = []
        var drawn: [String: Int] = [:]
        // The legend lists what shows inside the frame: a feature whose box crosses the frame
        // but whose shape stays outside it (a diagonal road past a corner) is not drawn.
        let frameShape = try PreparedGeometry(try Geometry.rectangle(extent))
        for (order, mapLayer) in layers.enumerated() {
            let style = mapLayer.style
            let ordered = mapLayer.layer.features.enumerated().sorted { (style.drawRank($0.element), $0.offset) < (style.drawRank($1.element), $1.offset) }
            for f in ordered.map(\.element) {
                guard let g = f.geometry, let e = g.envelope, e.intersects(extent) else { continue }
                let (label, symbol) = style.classify(f)
                let s = symbol.faded(style.opacity)
                let inside = extent.contains(x: e.minX, y: e.minY) && extent.contains(x: e.maxX, y: e.maxY)
                // An area drawn as an outline only shows where its outline crosses the frame.
                let outlineOnly = (g.type == .polygon || g.type == .multiPolygon) && (s.fill?.alpha ?? 0) == 0 && (s.hatch?.alpha ?? 0) == 0
                guard try inside || frameShape.intersects(outlineOnly ? g.boundary() : g) else { continue }
                try paint(g, s, canvas, view)
                drawn[style.title, default: 0] += 1
                let entry = RenderReport.LegendEntry(layer: style.title, label: label)
                if legendSymbols[entry] == nil {
                    legend.append(((order, style.legendRank(f)), entry))
                    legendSymbols[entry] = (s, g.type)
                }
                if let field = style.labelField, !f[field].isNull {
                    // Label the part inside the frame: a long road's middle may lie off the map.
                    let visible = extent.contains(x: e.minX, y: e.minY) && extent.contains(x: e.maxX, y: e.maxY) ? g : try g.clipped(to: extent)
                    guard !visible.isEmpty else { continue }
                    candidates.append(try LabelCandidate(text: f[field].description, geometry: visible, size: style.labelSize,
                                                         priority: Double(order) * 1e12 + (try g.area()) + (try g.length()), view: view))
                }
            }
        }
        let placed = LabelPlacer.place(candidates, canvas: canvas, frame: frame)
        for label in placed {
            canvas.text(label.text, at: label.origin, size: label.size, color: Palette.ink, halo: Palette.paper, angle: label.angle)
        }
        canvas.unclip()
        canvas.polygon([[(frame.x, frame.y), (frame.x + frame.width, frame.y), (frame.x + frame.width, frame.y + frame.height),
                         (frame.x, frame.y + frame.height)]], fill: nil, stroke: Palette.ink, width: 0.35)
        if !page.title.isEmpty {
            canvas.text(page.title, at: (m, m + 8), size: 6, color: Palette.ink, bold: true)
        }
        let entries = legend.sorted { $0.order < $1.order }.map(\.entry)
        Furniture.legend(entries, symbols: legendSymbols, canvas: canvas, frame: frame)
        if let inset { try Furniture.inset(inset, marking: extent, canvas: canvas, frame: frame) }
        let bar = Furniture.scaleBar(canvas: canvas, frame: frame, view: view)
        Furniture.northArrow(canvas: canvas, frame: frame)
        let credit = page.attribution.isEmpty ? "" : page.attribution + " · "
        // The CRS the map was drawn in, as the layers say.
        let drawnIn = layers.lazy.compactMap { $0.layer.crs?.description }.first ?? "unknown CRS"
        canvas.text(credit + "\(drawnIn) · 1:\(Furniture.roundScale(view.denominator))", at: (m, page.heightMM - m + 1), size: Palette.smallestText, color: Palette.grey)
        return RenderReport(legend: entries, labels: placed.map { ($0.text, $0.box, $0.angle) }, droppedLabels: candidates.count - placed.count,
                            scaleBarMetres: bar, scaleDenominator: view.denominator, featuresDrawn: drawn, smallestText: canvas.smallestText)
    }

    /// Draws one geometry with a symbol.
    static func paint(_ g: Geometry, _ s: LayerStyle.Symbol, _ canvas: Canvas, _ view: Viewport) throws {
        switch g.type {
        case .polygon, .multiPolygon:
            for rings in g.polygonRings {
                canvas.polygon(rings.map { $0.map { view.page($0.x, $0.y) } }, fill: s.fill, stroke: s.stroke, width: s.width, dashes: s.dashes,
                               hatch: s.hatch)
            }
        case .lineString, .linearRing, .multiLineString:
            guard let stroke = s.stroke ?? s.fill else { return }
            for line in g.coordinateSequences {
                canvas.line(line.map { view.page($0.x, $0.y) }, color: stroke, width: s.width, dashes: s.dashes)
            }
        case .point, .multiPoint:
            for c in g.coordinates {
                canvas.symbol(s.point, at: view.page(c.x, c.y), size: s.size, fill: s.fill ?? s.stroke ?? Palette.ink, stroke: s.stroke)
            }
        case .geometryCollection:
            for part in try g.parts() { try paint(part, s, canvas, view) }
        }
    }
}
