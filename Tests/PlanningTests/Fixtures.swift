import Foundation
import GeoCore
import Planning
import TestSupport

/// Small hand-made scenes whose answers can be worked out on paper.
enum Scenes {
    static func rect(_ x0: Double, _ y0: Double, _ x1: Double, _ y1: Double) throws -> Geometry {
        try Geometry.rectangle(Envelope(minX: x0, minY: y0, maxX: x1, maxY: y1))
    }

    /// The embedded rules (every number the analyses use).
    static func rules() throws -> PlanningRules {
        try PlanningRules(contentsOf: SharedFixtures.packageRoot.appendingPathComponent("GeoData/guangming/rules.toml"))
    }

    /// Area of GEOS's buffer of a point: a regular polygon of 4 x quadrant-segments sides.
    static func circleArea(_ r: Double, segments: Double = 8) -> Double {
        let n = 4 * segments
        return n / 2 * r * r * sin(2 * .pi / n)
    }
}
