import Foundation
import GeoCore

/// Pointy-top hexagons `spacing` m apart (centre to centre) on a metric plane, addressed by
/// axial coordinates (q, r): a point finds its cell by arithmetic, no geometry per point.
public struct HexGrid: Sendable {
    /// Distance between neighbouring centres, m.
    public let spacing: Double
    /// The circumradius (centre to corner).
    var radius: Double { spacing / 3.0.squareRoot() }
    /// The plane's origin (the lower left of the area), so coordinates stay small.
    let origin: (x: Double, y: Double)

    /// A grid over an area starting at `origin`.
    public init(spacing: Double, origin: (x: Double, y: Double)) {
        self.spacing = spacing
        self.origin = origin
    }

    /// The cell holding a point.
    public func cell(x: Double, y: Double) -> (q: Int, r: Int) {
        let px = x - origin.x, py = y - origin.y
        let fq = (3.0.squareRoot() / 3 * px - py / 3) / radius
        let fr = (2.0 / 3 * py) / radius
        // Cube rounding: the coordinate that moved most is recomputed from the others.
        let fs = -fq - fr
        var q = fq.rounded(), r = fr.rounded()
        let s = fs.rounded()
        let (dq, dr, ds) = (abs(q - fq), abs(r - fr), abs(s - fs))
        if dq > dr && dq > ds { q = -r - s } else if dr > ds { r = -q - s }
        return (Int(q), Int(r))
    }

    /// A cell's centre.
    public func centre(q: Int, r: Int) -> (x: Double, y: Double) {
        (origin.x + radius * 3.0.squareRoot() * (Double(q) + Double(r) / 2), origin.y + radius * 1.5 * Double(r))
    }

    /// A cell's hexagon.
    public func polygon(q: Int, r: Int) throws -> Geometry {
        let c = centre(q: q, r: r)
        let corners = (0...6).map { k -> Coordinate in
            let a = Double.pi / 180 * (60 * Double(k % 6) - 30)
            return Coordinate(c.x + radius * cos(a), c.y + radius * sin(a))
        }
        return try Geometry.polygon(corners)
    }

    /// The axial offsets of the cells within `rings` steps (the cell itself first).
    public static func offsets(rings: Int) -> [(q: Int, r: Int)] {
        var out: [(q: Int, r: Int)] = [(0, 0)]
        guard rings > 0 else { return out }
        for dq in -rings...rings {
            for dr in max(-rings, -dq - rings)...min(rings, -dq + rings) where !(dq == 0 && dr == 0) { out.append((dq, dr)) }
        }
        return out
    }
}
