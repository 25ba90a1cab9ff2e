import CGEOS

extension Geometry {
    @inline(__always)
    private func overlay(_ name: String, _ other: Geometry, gridSize: Double?,
                         _ floating: (GEOSContextHandle_t, OpaquePointer, OpaquePointer) -> OpaquePointer?,
                         _ fixed: (GEOSContextHandle_t, OpaquePointer, OpaquePointer, Double) -> OpaquePointer?) throws(GeometryError) -> Geometry {
        if let gridSize {
            try Geometry.checkGrid(gridSize, name)
            return try Geometry.make(name) { fixed($0, handle, other.handle, gridSize) }
        }
        return try Geometry.make(name) { floating($0, handle, other.handle) }
    }

    /// The points common to both; with `gridSize`, computed on that precision grid.
    public func intersection(_ other: Geometry, gridSize: Double? = nil) throws(GeometryError) -> Geometry {
        try overlay("intersection", other, gridSize: gridSize, GEOSIntersection_r, GEOSIntersectionPrec_r)
    }

    /// The points in either.
    public func union(_ other: Geometry, gridSize: Double? = nil) throws(GeometryError) -> Geometry {
        try overlay("union", other, gridSize: gridSize, GEOSUnion_r, GEOSUnionPrec_r)
    }

    /// The points of this that are not in `other`.
    public func difference(_ other: Geometry, gridSize: Double? = nil) throws(GeometryError) -> Geometry {
        try overlay("difference", other, gridSize: gridSize, GEOSDifference_r, GEOSDifferencePrec_r)
    }

    /// The points in exactly one of the two.
    public func symmetricDifference(_ other: Geometry, gridSize: Double? = nil) throws(GeometryError) -> Geometry {
        try overlay("symdifference", other, gridSize: gridSize, GEOSSymDifference_r, GEOSSymDifferencePrec_r)
    }

    /// This geometry's parts dissolved into one (overlaps merged, lines noded).
    public func unaryUnion(gridSize: Double? = nil) throws(GeometryError) -> Geometry {
        if let gridSize {
            try Geometry.checkGrid(gridSize, "unaryunion")
            return try Geometry.make("unaryunion") { GEOSUnaryUnionPrec_r($0, handle, gridSize) }
        }
        return try Geometry.make("unaryunion") { GEOSUnaryUnion_r($0, handle) }
    }

    /// The union of many geometries in one GEOS cascaded union.
    public static func unaryUnion(_ geometries: [Geometry], gridSize: Double? = nil) throws(GeometryError) -> Geometry {
        try collection(geometries).unaryUnion(gridSize: gridSize)
    }

    static func checkGrid(_ gridSize: Double, _ operation: String) throws(GeometryError) {
        guard gridSize.isFinite, gridSize >= 0 else {
            throw GeometryError(.invalidInput, operation: operation, message: "grid size must be a finite number >= 0, got \(gridSize)")
        }
    }
}

extension Geometry {
    /// The part inside `envelope`, by GEOS's fast rectangle clipping.
    public func clipped(to envelope: Envelope) throws(GeometryError) -> Geometry {
        try Geometry.make("clipbyrect") { GEOSClipByRect_r($0, handle, envelope.minX, envelope.minY, envelope.maxX, envelope.maxY) }
    }
}
