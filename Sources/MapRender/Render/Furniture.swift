import Foundation
import GeoCore

/// Legend, scale bar and north arrow.
enum Furniture {
    /// A legend box at the frame's lower right: one line per class drawn, grouped by layer.
    static func legend(_ entries: [RenderReport.LegendEntry], symbols: [RenderReport.LegendEntry: (LayerStyle.Symbol, GeometryType)],
                       canvas: Canvas, frame: (x: Double, y: Double, width: Double, height: Double)) {
        guard !entries.isEmpty else { return }
        let line = 4.2, text = 2.3, swatch = 5.0
        var rows: [(String, RenderReport.LegendEntry?)] = []
        var lastLayer = ""
        for e in entries {
            if e.layer != lastLayer, e.label != e.layer {
                rows.append((e.layer, nil))
            }
            lastLayer = e.layer
            rows.append((e.label, e))
        }
        let width = (rows.map { canvas.measure($0.0, size: text).width }.max() ?? 20) + swatch + 7
        let height = Double(rows.count) * line + 3
        let x = frame.x + frame.width - width - 3, y = frame.y + frame.height - height - 3
        canvas.polygon([[(x, y), (x + width, y), (x + width, y + height), (x, y + height)]], fill: Palette.paper.withAlpha(0.92),
                       stroke: Palette.grey, width: 0.2)
        for (i, row) in rows.enumerated() {
            let top = y + 2 + Double(i) * line
            guard let entry = row.1, let (symbol, type) = symbols[entry] else {
                canvas.text(row.0, at: (x + 2, top + 3), size: text, color: Palette.ink, bold: true)
                continue
            }
            let sx = x + 2, sy = top + line / 2
            switch type {
            case .point, .multiPoint:
                canvas.symbol(symbol.point, at: (sx + swatch / 2, sy), size: min(symbol.size, 3), fill: symbol.fill ?? Palette.ink, stroke: symbol.stroke)
            case .lineString, .multiLineString, .linearRing:
                canvas.line([(sx, sy), (sx + swatch, sy)], color: symbol.stroke ?? Palette.ink, width: symbol.width, dashes: symbol.dashes)
            default:
                canvas.polygon([[(sx, sy - 1.4), (sx + swatch, sy - 1.4), (sx + swatch, sy + 1.4), (sx, sy + 1.4)]],
                               fill: symbol.fill, stroke: symbol.stroke, width: min(symbol.width, 0.4), dashes: symbol.dashes, hatch: symbol.hatch)
            }
            // A one-class layer's entry is its own heading: bold, so it does not read as a class
            // of the layer above.
            canvas.text(row.0, at: (sx + swatch + 2, top + 3), size: text, color: Palette.ink, bold: entry.label == entry.layer)
        }
    }

    /// A two-part scale bar at the frame's lower left with a round length; returns metres.
    static func scaleBar(canvas: Canvas, frame: (x: Double, y: Double, width: Double, height: Double), view: Viewport) -> Double {
        let metres = roundLength(frame.width / 5 / view.scale)
        let length = metres * view.scale
        let x = frame.x + 4, y = frame.y + frame.height - 6
        canvas.polygon([[(x - 1.5, y - 5.5), (x + length + 12, y - 5.5), (x + length + 12, y + 3), (x - 1.5, y + 3)]],
                       fill: Palette.paper.withAlpha(0.85), stroke: nil, width: 0)
        canvas.polygon([[(x, y), (x + length / 2, y), (x + length / 2, y + 1.2), (x, y + 1.2)]], fill: Palette.ink, stroke: Palette.ink, width: 0.2)
        canvas.polygon([[(x + length / 2, y), (x + length, y), (x + length, y + 1.2), (x + length / 2, y + 1.2)]], fill: Palette.paper,
                       stroke: Palette.ink, width: 0.2)
        canvas.text("0", at: (x - 0.6, y - 1), size: Palette.smallestText, color: Palette.ink)
        let label = metres >= 1000 ? "\(format(metres / 1000)) km" : "\(format(metres)) m"
        canvas.text(label, at: (x + length - 1, y - 1), size: Palette.smallestText, color: Palette.ink)
        return metres
    }

    /// A north arrow at the frame's upper right (EPSG:4547's grid north).
    static func northArrow(canvas: Canvas, frame: (x: Double, y: Double, width: Double, height: Double)) {
        let cx = frame.x + frame.width - 8, top = frame.y + 4
        canvas.polygon([[(cx, top + 3), (cx + 2.5, top + 11), (cx, top + 9), (cx - 2.5, top + 11)]], fill: Palette.ink, stroke: Palette.ink, width: 0.2)
        canvas.text("N", at: (cx - 1.3, top + 2.6), size: 3, color: Palette.ink, halo: Palette.paper, bold: true)
    }

    /// A small overview of `layer` in the frame's upper left, with `marked` drawn as a red box.
    static func inset(_ layer: MapLayer, marking marked: Envelope, canvas: Canvas, frame: (x: Double, y: Double, width: Double, height: Double)) throws {
        guard let whole = layer.layer.extent?.union(marked) else { return }
        let side = min(45, frame.width / 4, frame.height / 3)
        let box = (x: frame.x + 3, y: frame.y + 3, width: side, height: side)
        canvas.polygon([[(box.x, box.y), (box.x + side, box.y), (box.x + side, box.y + side), (box.x, box.y + side)]],
                       fill: Palette.paper, stroke: Palette.ink, width: 0.3)
        let view = Viewport(extent: whole.expanded(by: max(whole.width, whole.height) * 0.05), frame: box)
        var outline = layer.style.symbol
        outline.fill = outline.fill?.withAlpha(0.25)
        outline.width = min(outline.width, 0.25)
        for f in layer.layer.features {
            if let g = f.geometry { try MapRenderer.paint(g, outline, canvas, view) }
        }
        let corners = [view.page(marked.minX, marked.minY), view.page(marked.maxX, marked.minY), view.page(marked.maxX, marked.maxY),
                       view.page(marked.minX, marked.maxY)]
        canvas.polygon([corners], fill: nil, stroke: Palette.red, width: 0.5)
    }

    /// 1, 2 or 5 times a power of ten, not above `value`.
    static func roundLength(_ value: Double) -> Double {
        guard value > 0 else { return 1 }
        let power = pow(10, floor(log10(value)))
        return [5.0, 2, 1].map { $0 * power }.first { $0 <= value } ?? power
    }

    /// A scale denominator rounded to two significant digits, with thousands separators.
    static func roundScale(_ d: Double) -> String {
        let power = pow(10, floor(log10(max(d, 1))) - 1)
        let rounded = Int((d / power).rounded() * power)
        let digits = String(rounded)
        var out = ""
        for (i, ch) in digits.enumerated() {
            if i > 0, (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(ch)
        }
        return out
    }

    private static func format(_ v: Double) -> String { v == v.rounded() ? String(Int(v)) : String(v) }
}
