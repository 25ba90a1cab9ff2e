import CGEOS

/// How a buffer is shaped: segments per quarter circle, caps, joins, one side or both.
public struct BufferStyle: Hashable, Sendable {
    /// The end of a buffered line.
    public enum Cap: String, Sendable, CaseIterable { case round, flat, square }
    /// The corner where two buffered segments meet.
    public enum Join: String, Sendable, CaseIterable { case round, mitre, bevel }

    /// Segments used to approximate a quarter circle (GEOS default 8).
    public var quadrantSegments: Int
    /// The end cap of lines.
    public var cap: Cap
    /// The corner join.
    public var join: Join
    /// How far a mitre join may reach, as a multiple of the distance (GEOS default 5).
    public var mitreLimit: Double
    /// Buffer one side of a line only: left for a positive distance, right for negative.
    public var singleSided: Bool

    /// Creates a style; the defaults are GEOS's (and PostGIS's, Shapely's).
    public init(quadrantSegments: Int = 8, cap: Cap = .round, join: Join = .round,
                mitreLimit: Double = 5.0, singleSided: Bool = false) {
        self.quadrantSegments = quadrantSegments
        self.cap = cap
        self.join = join
        self.mitreLimit = mitreLimit
        self.singleSided = singleSided
    }

    /// Round caps and joins, 8 segments per quadrant.
    public static let `default` = BufferStyle()

    var geosCap: Int32 {
        switch cap {
        case .round: return Int32(GEOSBUF_CAP_ROUND.rawValue)
        case .flat: return Int32(GEOSBUF_CAP_FLAT.rawValue)
        case .square: return Int32(GEOSBUF_CAP_SQUARE.rawValue)
        }
    }

    var geosJoin: Int32 {
        switch join {
        case .round: return Int32(GEOSBUF_JOIN_ROUND.rawValue)
        case .mitre: return Int32(GEOSBUF_JOIN_MITRE.rawValue)
        case .bevel: return Int32(GEOSBUF_JOIN_BEVEL.rawValue)
        }
    }

    func validate() throws(GeometryError) {
        guard mitreLimit.isFinite, mitreLimit > 0 else {
            throw GeometryError(.invalidInput, operation: "buffer", message: "mitre limit must be a positive number, got \(mitreLimit)")
        }
        guard (1...1000).contains(quadrantSegments) else {
            throw GeometryError(.invalidInput, operation: "buffer",
                                message: "quadrant segments must be between 1 and 1000, got \(quadrantSegments)")
        }
    }
}

extension Geometry {
    /// The area within `distance` (CRS units) of this; negative distances shrink polygons.
    public func buffer(_ distance: Double, style: BufferStyle = .default) throws(GeometryError) -> Geometry {
        try Geometry.checkDistance(distance, "buffer")
        try style.validate()
        if !style.singleSided {
            return try Geometry.make("buffer") {
                GEOSBufferWithStyle_r($0, handle, distance, Int32(style.quadrantSegments), style.geosCap, style.geosJoin, style.mitreLimit)
            }
        }
        let ctx = GEOSContext.current.handle
        let params = try GEOSContext.call("buffer") { GEOSBufferParams_create_r($0) }
        defer { GEOSBufferParams_destroy_r(ctx, params) }
        _ = GEOSBufferParams_setQuadrantSegments_r(ctx, params, Int32(style.quadrantSegments))
        _ = GEOSBufferParams_setEndCapStyle_r(ctx, params, style.geosCap)
        _ = GEOSBufferParams_setJoinStyle_r(ctx, params, style.geosJoin)
        _ = GEOSBufferParams_setMitreLimit_r(ctx, params, style.mitreLimit)
        _ = GEOSBufferParams_setSingleSided_r(ctx, params, 1)
        return try Geometry.make("buffer") { GEOSBufferWithParams_r($0, handle, params, distance) }
    }

    /// A line parallel to this one at `distance`: left for positive, right for negative.
    public func offsetCurve(_ distance: Double, style: BufferStyle = .default) throws(GeometryError) -> Geometry {
        try Geometry.checkDistance(distance, "offsetcurve")
        try style.validate()
        return try Geometry.make("offsetcurve") {
            GEOSOffsetCurve_r($0, handle, distance, Int32(style.quadrantSegments), style.geosJoin, style.mitreLimit)
        }
    }

    static func checkDistance(_ distance: Double, _ operation: String) throws(GeometryError) {
        guard distance.isFinite else {
            throw GeometryError(.invalidInput, operation: operation, message: "distance must be a finite number, got \(distance)")
        }
    }
}
