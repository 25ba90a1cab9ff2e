import CGEOS

/// Why a geometry is not valid, and where (the OGC rule it breaks).
public struct ValidityProblem: Hashable, Sendable, CustomStringConvertible {
    /// GEOS's reason, e.g. "Self-intersection" or "Ring Self-intersection".
    public let reason: String
    /// The point where the problem was found, when GEOS gives one.
    public let location: Coordinate?

    /// "reason at x y".
    public var description: String {
        location.map { "\(reason) at \($0)" } ?? reason
    }
}

extension Geometry {
    /// True when the geometry follows the OGC Simple Features rules.
    public func isValid() throws(GeometryError) -> Bool {
        try GEOSContext.predicate("isvalid") { GEOSisValid_r($0, handle) }
    }

    /// The first rule the geometry breaks, or nil when it is valid.
    public func validityProblem() throws(GeometryError) -> ValidityProblem? {
        let ctx = GEOSContext.current.handle
        var reason: UnsafeMutablePointer<CChar>?
        var location: OpaquePointer?
        let valid = try GEOSContext.predicate("isvalid") { GEOSisValidDetail_r($0, handle, 0, &reason, &location) }
        defer {
            if let reason { GEOSFree_r(ctx, reason) }
            if let location { GEOSGeom_destroy_r(ctx, location) }
        }
        if valid { return nil }
        var point: Coordinate?
        if let location, GEOSisEmpty_r(ctx, location) == 0 {
            var c = Coordinate(0, 0)
            if GEOSGeomGetX_r(ctx, location, &c.x) != 0, GEOSGeomGetY_r(ctx, location, &c.y) != 0 { point = c }
        }
        return ValidityProblem(reason: reason.map { String(cString: $0) } ?? "invalid", location: point)
    }

    /// A valid geometry covering the same points (GEOS's "linework" repair).
    public func makeValid() throws(GeometryError) -> Geometry {
        try Geometry.make("makevalid") { GEOSMakeValid_r($0, handle) }
    }
}
