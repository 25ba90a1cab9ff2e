import CGEOS

extension Geometry {
    @inline(__always)
    private func measure(_ name: String, _ f: (GEOSContextHandle_t, UnsafeMutablePointer<Double>) -> Int32) throws(GeometryError) -> Double {
        var value = 0.0
        try GEOSContext.status(name) { f($0, &value) }
        return value
    }

    /// Planar area in squared CRS units (m² in a projected CRS); 0 for points and lines.
    public func area() throws(GeometryError) -> Double {
        try measure("area") { GEOSArea_r($0, handle, $1) }
    }

    /// Planar length of lines, or perimeter of polygons, in CRS units.
    public func length() throws(GeometryError) -> Double {
        try measure("length") { GEOSLength_r($0, handle, $1) }
    }

    /// The shortest planar distance to `other` in CRS units.
    ///
    /// An empty operand gives 0, as GEOS does (Shapely gives NaN); callers that need
    /// to tell "touching" from "nothing to measure" check `isEmpty` first.
    public func distance(to other: Geometry) throws(GeometryError) -> Double {
        try measure("distance") { GEOSDistance_r($0, handle, other.handle, $1) }
    }

    /// The discrete Hausdorff distance: how far apart the shapes are at worst.
    public func hausdorffDistance(to other: Geometry, densify fraction: Double? = nil) throws(GeometryError) -> Double {
        if let fraction {
            guard fraction > 0, fraction <= 1 else {
                throw GeometryError(.invalidInput, operation: "hausdorffdistance",
                                    message: "densify fraction must be in (0, 1], got \(fraction)")
            }
            return try measure("hausdorffdistance") { GEOSHausdorffDistanceDensify_r($0, handle, other.handle, fraction, $1) }
        }
        return try measure("hausdorffdistance") { GEOSHausdorffDistance_r($0, handle, other.handle, $1) }
    }

    /// The closest points of this and `other`: (on this, on other).
    public func nearestPoints(to other: Geometry) throws(GeometryError) -> (Coordinate, Coordinate) {
        let ctx = GEOSContext.current.handle
        guard !isEmpty, !other.isEmpty else {
            throw GeometryError(.invalidInput, operation: "nearestpoints", message: "an operand is empty")
        }
        let seq = try GEOSContext.call("nearestpoints") { GEOSNearestPoints_r($0, handle, other.handle) }
        defer { GEOSCoordSeq_destroy_r(ctx, seq) }
        var a = Coordinate(0, 0), b = Coordinate(0, 0)
        _ = GEOSCoordSeq_getXY_r(ctx, seq, 0, &a.x, &a.y)
        _ = GEOSCoordSeq_getXY_r(ctx, seq, 1, &b.x, &b.y)
        return (a, b)
    }
}
