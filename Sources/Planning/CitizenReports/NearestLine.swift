import GeoCore

/// The nearest of a set of named lines to many points, by their segments bucketed in a square
/// grid: a point looks at the buckets around it ring by ring and stops once no unseen bucket
/// can hold anything nearer. No geometry object per point (a million reports).
struct NearestLine {
    private struct Segment { let ax, ay, bx, by: Double; let line: Int32 }
    private let buckets: [Int: [Segment]]
    private let size: Double
    private let bounds: (minX: Int, minY: Int, maxX: Int, maxY: Int)
    /// The lines' names.
    let names: [String]

    init(_ lines: [(name: String, geometry: Geometry)], bucket: Double = 250) {
        size = bucket
        var buckets: [Int: [Segment]] = [:]
        var bounds = (minX: Int.max, minY: Int.max, maxX: Int.min, maxY: Int.min)
        for (index, line) in lines.enumerated() {
            for part in line.geometry.coordinateSequences {
                for (a, b) in zip(part, part.dropFirst()) {
                    let s = Segment(ax: a.x, ay: a.y, bx: b.x, by: b.y, line: Int32(index))
                    // Every bucket the segment's box touches.
                    let (x0, x1) = (Int((min(a.x, b.x) / bucket).rounded(.down)), Int((max(a.x, b.x) / bucket).rounded(.down)))
                    let (y0, y1) = (Int((min(a.y, b.y) / bucket).rounded(.down)), Int((max(a.y, b.y) / bucket).rounded(.down)))
                    for gx in x0...x1 {
                        for gy in y0...y1 { buckets[NearestLine.key(gx, gy), default: []].append(s) }
                    }
                    bounds = (min(bounds.minX, x0), min(bounds.minY, y0), max(bounds.maxX, x1), max(bounds.maxY, y1))
                }
            }
        }
        self.buckets = buckets
        self.bounds = bounds
        names = lines.map(\.name)
    }

    private static func key(_ gx: Int, _ gy: Int) -> Int { gx &* 1_000_003 &+ gy }

    /// The nearest line and its distance, or nil when there are no lines.
    func nearest(x: Double, y: Double) -> (line: Int, distance: Double)? {
        guard !buckets.isEmpty else { return nil }
        let gx = Int((x / size).rounded(.down)), gy = Int((y / size).rounded(.down))
        var best = Double.infinity, bestLine = -1
        // Rings up to the farthest bucket holding a segment.
        let maxRing = max(abs(gx - bounds.minX), abs(gx - bounds.maxX), abs(gy - bounds.minY), abs(gy - bounds.maxY))
        for ring in 0...maxRing {
            // A bucket in ring k is at least (k - 1) buckets away.
            if Double(ring - 1) * size > best { break }
            for dx in -ring...ring {
                for dy in -ring...ring where max(abs(dx), abs(dy)) == ring {
                    guard let segments = buckets[NearestLine.key(gx + dx, gy + dy)] else { continue }
                    for s in segments {
                        let d = NearestLine.distance(x, y, s)
                        if d < best || (d == best && Int(s.line) < bestLine) { (best, bestLine) = (d, Int(s.line)) }
                    }
                }
            }
        }
        return bestLine < 0 ? nil : (bestLine, best)
    }

    private static func distance(_ px: Double, _ py: Double, _ s: Segment) -> Double {
        let (dx, dy) = (s.bx - s.ax, s.by - s.ay)
        let length2 = dx * dx + dy * dy
        let t = length2 > 0 ? max(0, min(1, ((px - s.ax) * dx + (py - s.ay) * dy) / length2)) : 0
        let (ex, ey) = (s.ax + t * dx - px, s.ay + t * dy - py)
        return (ex * ex + ey * ey).squareRoot()
    }
}
