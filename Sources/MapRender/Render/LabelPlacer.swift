import Foundation
import GeoCore

/// How a label sits against its feature.
enum LabelMode {
    /// Beside a point symbol: right, left, above or below.
    case point
    /// Centred on an area.
    case area
    /// Along a line, parallel to it at `angle` (radians, page coordinates, never upside down),
    /// just beside it.
    case line(angle: Double)
}

/// A label that would like a place on the map.
struct LabelCandidate {
    let text: String
    let size: Double
    /// Larger places first: layer order, then feature size.
    let priority: Double
    /// Where the label is anchored on the page (mm).
    let anchor: (Double, Double)
    let mode: LabelMode

    init(text: String, geometry: Geometry, size: Double, priority: Double, view: Viewport) throws {
        self.text = text
        self.size = size
        self.priority = priority
        switch geometry.type {
        case .point, .multiPoint:
            let c = geometry.coordinates.first ?? Coordinate(0, 0)
            anchor = view.page(c.x, c.y)
            mode = .point
        case .lineString, .multiLineString, .linearRing:
            // Along the middle segment of the longest part.
            let line = geometry.coordinateSequences.max { $0.count < $1.count } ?? []
            let i = max(0, line.count / 2 - 1)
            let a = line.isEmpty ? Coordinate(0, 0) : line[i], b = line.count > i + 1 ? line[i + 1] : a
            let pa = view.page(a.x, a.y), pb = view.page(b.x, b.y)
            anchor = ((pa.0 + pb.0) / 2, (pa.1 + pb.1) / 2)
            var angle = atan2(pb.1 - pa.1, pb.0 - pa.0)
            if angle > .pi / 2 { angle -= .pi }
            if angle < -.pi / 2 { angle += .pi }
            mode = .line(angle: angle)
        default:
            let c = try geometry.pointOnSurface().coordinates.first ?? Coordinate(0, 0)
            anchor = view.page(c.x, c.y)
            mode = .area
        }
    }
}

/// A label placed: its text, size, baseline origin and rotation, and the box it covers (mm).
struct PlacedLabel {
    let text: String
    let size: Double
    let origin: (Double, Double)
    let angle: Double
    let box: (x: Double, y: Double, width: Double, height: Double)
}

/// Greedy placement: the most important labels first; a label that would overlap a placed one
/// (or leave the frame) is dropped rather than drawn on top.
enum LabelPlacer {
    typealias Box = (x: Double, y: Double, width: Double, height: Double)

    static func place(_ candidates: [LabelCandidate], canvas: Canvas, frame: Box) -> [PlacedLabel] {
        var placed: [PlacedLabel] = []
        for c in candidates.sorted(by: { ($0.priority, $0.text) > ($1.priority, $1.text) }) {
            let (w, h) = canvas.measure(c.text, size: c.size)
            for option in options(c, w, h) {
                let inside = option.box.x >= frame.x && option.box.y >= frame.y && option.box.x + option.box.width <= frame.x + frame.width
                    && option.box.y + option.box.height <= frame.y + frame.height
                guard inside, !placed.contains(where: { overlaps($0.box, option.box) }) else { continue }
                placed.append(PlacedLabel(text: c.text, size: c.size, origin: option.origin, angle: option.angle, box: option.box))
                break
            }
        }
        return placed
    }

    /// Places to try, best first: baseline origin, rotation, and the box covered (axis-aligned).
    private static func options(_ c: LabelCandidate, _ w: Double, _ h: Double) -> [(origin: (Double, Double), angle: Double, box: Box)] {
        let pad = c.size * 0.15
        func upright(_ dx: Double, _ dy: Double) -> (origin: (Double, Double), angle: Double, box: Box) {
            let box = (x: c.anchor.0 + dx - pad, y: c.anchor.1 + dy - pad, width: w + 2 * pad, height: h + 2 * pad)
            return ((c.anchor.0 + dx, c.anchor.1 + dy + h * 0.82), 0, box)
        }
        switch c.mode {
        case .point:
            return [upright(1.4, -h / 2), upright(-1.4 - w, -h / 2), upright(-w / 2, -h - 1.2), upright(-w / 2, 1.2)]
        case .area:
            return [upright(-w / 2, -h / 2)]
        case .line(let angle):
            // Centred on the line, then lifted off it to one side, then the other.
            let (cosA, sinA) = (cos(angle), sin(angle))
            return [-(h * 0.6 + 0.8), h * 0.6 + 0.8 + h * 0.82].map { lift -> (origin: (Double, Double), angle: Double, box: Box) in
                // Along the line by -w/2, across it by `lift` (page y grows downwards).
                let origin = (c.anchor.0 - w / 2 * cosA - lift * sinA * -1, c.anchor.1 - w / 2 * sinA + lift * cosA)
                let corners = [(0.0, 0.0), (w, 0.0), (w, -h), (0.0, -h)].map { (u, v) in
                    (origin.0 + u * cosA - v * sinA, origin.1 + u * sinA + v * cosA)
                }
                let xs = corners.map(\.0), ys = corners.map(\.1)
                let box = (x: (xs.min() ?? 0) - pad, y: (ys.min() ?? 0) - pad,
                           width: (xs.max() ?? 0) - (xs.min() ?? 0) + 2 * pad, height: (ys.max() ?? 0) - (ys.min() ?? 0) + 2 * pad)
                return (origin, angle, box)
            }
        }
    }

    static func overlaps(_ a: Box, _ b: Box) -> Bool {
        a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height
    }
}
