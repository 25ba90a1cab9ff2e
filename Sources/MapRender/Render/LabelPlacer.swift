import GeoCore

/// A label that would like a place on the map.
struct LabelCandidate {
    let text: String
    let size: Double
    /// Larger places first: layer order, then feature size.
    let priority: Double
    /// Where the label is anchored on the page (mm) and whether it goes beside a point.
    let anchor: (Double, Double)
    let besidePoint: Bool

    init(text: String, geometry: Geometry, size: Double, priority: Double, view: Viewport) throws {
        self.text = text
        self.size = size
        self.priority = priority
        switch geometry.type {
        case .point, .multiPoint:
            let c = geometry.coordinates.first ?? Coordinate(0, 0)
            anchor = view.page(c.x, c.y)
            besidePoint = true
        case .lineString, .multiLineString, .linearRing:
            // Beside the middle vertex of the longest part.
            let parts = geometry.coordinateSequences.sorted { $0.count > $1.count }
            let line = parts.first ?? []
            let c = line.isEmpty ? Coordinate(0, 0) : line[line.count / 2]
            anchor = view.page(c.x, c.y)
            besidePoint = true
        default:
            let c = try geometry.pointOnSurface().coordinates.first ?? Coordinate(0, 0)
            anchor = view.page(c.x, c.y)
            besidePoint = false
        }
    }
}

/// A label placed: its text, size and box in page mm.
struct PlacedLabel {
    let text: String
    let size: Double
    let box: (x: Double, y: Double, width: Double, height: Double)
}

/// Greedy placement: the most important labels first; a label that would overlap a placed one
/// (or leave the frame) is dropped rather than drawn on top.
enum LabelPlacer {
    static func place(_ candidates: [LabelCandidate], canvas: Canvas, frame: (x: Double, y: Double, width: Double, height: Double)) -> [PlacedLabel] {
        var placed: [PlacedLabel] = []
        for c in candidates.sorted(by: { ($0.priority, $0.text) > ($1.priority, $1.text) }) {
            let (w, h) = canvas.measure(c.text, size: c.size)
            let pad = c.size * 0.15
            // Points and lines: try right, left, above, below; areas: centred.
            let offsets: [(Double, Double)] = c.besidePoint
                ? [(1.4, -h / 2), (-1.4 - w, -h / 2), (-w / 2, -h - 1.2), (-w / 2, 1.2)]
                : [(-w / 2, -h / 2)]
            for (dx, dy) in offsets {
                let box = (x: c.anchor.0 + dx - pad, y: c.anchor.1 + dy - pad, width: w + 2 * pad, height: h + 2 * pad)
                let inside = box.x >= frame.x && box.y >= frame.y && box.x + box.width <= frame.x + frame.width
                    && box.y + box.height <= frame.y + frame.height
                guard inside, !placed.contains(where: { overlaps($0.box, box) }) else { continue }
                placed.append(PlacedLabel(text: c.text, size: c.size, box: box))
                break
            }
        }
        return placed
    }

    static func overlaps(_ a: (x: Double, y: Double, width: Double, height: Double), _ b: (x: Double, y: Double, width: Double, height: Double)) -> Bool {
        a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height
    }
}
