import Foundation
import GeoCore

/// Small geometry helpers for the sketches, all in EPSG:4547 metres.
struct Shapes {
    let toMetres: Transformer

    init() throws { toMetres = try Transformer(from: .wgs84, to: .guangmingWorking) }

    /// A lon/lat point in metres.
    func metres(_ p: (Double, Double)) throws -> Coordinate {
        let (x, y) = try toMetres.transform(x: p.0, y: p.1)
        return Coordinate(x, y)
    }

    /// A lon/lat polyline in metres.
    func line(_ points: [(Double, Double)]) throws -> Geometry {
        try Geometry.lineString(points.map(metres))
    }

    /// A smooth irregular blob: an ellipse with radii in metres, wobbled deterministically by
    /// `seed` so parks and zones do not look machine-made, with 32 vertices.
    func blob(_ centre: (Double, Double), _ rx: Double, _ ry: Double, seed: Int, rotation: Double = 0) throws -> Geometry {
        let c = try metres(centre)
        var ring: [Coordinate] = []
        for i in 0..<32 {
            let t = Double(i) / 32 * 2 * .pi
            let wobble = 1 + 0.12 * sin(3 * t + Double(seed)) + 0.06 * cos(5 * t + 2 * Double(seed))
            let x = rx * wobble * cos(t), y = ry * wobble * sin(t)
            let r = rotation * .pi / 180
            ring.append(Coordinate(c.x + x * cos(r) - y * sin(r), c.y + x * sin(r) + y * cos(r)))
        }
        ring.append(ring[0])
        return try Geometry.polygon(ring)
    }

    /// A width x depth rectangle centred on a lon/lat point, rotated by `angle` degrees.
    func rectangle(_ centre: (Double, Double), _ width: Double, _ depth: Double, _ angle: Double) throws -> Geometry {
        let c = try metres(centre)
        let r = angle * .pi / 180
        let corners = [(-1.0, -1.0), (1.0, -1.0), (1.0, 1.0), (-1.0, 1.0), (-1.0, -1.0)].map { sx, sy in
            let x = sx * width / 2, y = sy * depth / 2
            return Coordinate(c.x + x * cos(r) - y * sin(r), c.y + x * sin(r) + y * cos(r))
        }
        return try Geometry.polygon(corners)
    }

    /// The polygonal part of `g` (overlays of polygons can leave stray lines or points).
    static func polygonal(_ g: Geometry) throws -> Geometry {
        let polygons = try g.parts().filter { $0.type == .polygon || $0.type == .multiPolygon }
        return polygons.count == 1 ? polygons[0] : try Geometry.unaryUnion(polygons)
    }

    /// `g` made valid when it is not (OSM outlines can self-intersect), polygonal part only.
    static func valid(_ g: Geometry) throws -> Geometry {
        try g.isValid() ? g : try polygonal(try g.makeValid())
    }

    /// The lineal part of `g`.
    static func lineal(_ g: Geometry) throws -> Geometry {
        let lines = try g.parts().filter { $0.type == .lineString || $0.type == .multiLineString }
        return try Geometry.collection(lines)
    }
}
