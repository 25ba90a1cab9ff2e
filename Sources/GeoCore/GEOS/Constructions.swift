import CGEOS

extension Geometry {
    /// The centre of mass (of the highest-dimension parts).
    public func centroid() throws(GeometryError) -> Geometry { try Geometry.make("getcentroid") { GEOSGetCentroid_r($0, handle) } }
    /// A point guaranteed to lie inside (or on) the geometry.
    public func pointOnSurface() throws(GeometryError) -> Geometry { try Geometry.make("getinteriorpoint") { GEOSPointOnSurface_r($0, handle) } }
    /// The bounding box as a polygon (or a point/line when degenerate).
    public func envelopeGeometry() throws(GeometryError) -> Geometry { try Geometry.make("envelope") { GEOSEnvelope_r($0, handle) } }
    /// The smallest convex polygon holding the geometry.
    public func convexHull() throws(GeometryError) -> Geometry { try Geometry.make("convexhull") { GEOSConvexHull_r($0, handle) } }
    /// The topological boundary (polygon rings, line end points).
    public func boundary() throws(GeometryError) -> Geometry { try Geometry.make("boundary") { GEOSBoundary_r($0, handle) } }
    /// Lines joined into the longest possible lines where they meet end to end.
    public func lineMerge() throws(GeometryError) -> Geometry { try Geometry.make("linemerge") { GEOSLineMerge_r($0, handle) } }

    /// Vertices of this moved onto vertices of `reference` within `tolerance`.
    public func snapped(to reference: Geometry, tolerance: Double) throws(GeometryError) -> Geometry {
        try Geometry.checkDistance(tolerance, "snap")
        return try Geometry.make("snap") { GEOSSnap_r($0, handle, reference.handle, tolerance) }
    }

    /// The same geometry in GEOS's canonical order, so equal shapes compare equal exactly.
    public func normalized() throws(GeometryError) -> Geometry {
        let copy = try cloneHandle()
        let ctx = GEOSContext.current.handle
        do {
            try GEOSContext.status("normalize") { GEOSNormalize_r($0, copy) == 0 ? 1 : 0 }
        } catch {
            GEOSGeom_destroy_r(ctx, copy)
            throw error
        }
        return Geometry(owning: copy)
    }

    /// Coordinates rounded to a grid of `gridSize` (0: floating). By default the result is
    /// kept valid and collapsed parts are dropped; `pointwise` only rounds each coordinate.
    public func reducedPrecision(gridSize: Double, pointwise: Bool = false) throws(GeometryError) -> Geometry {
        try Geometry.checkGrid(gridSize, "reduceprecision")
        let flags = pointwise ? Int32(GEOS_PREC_NO_TOPO.rawValue | GEOS_PREC_KEEP_COLLAPSED.rawValue) : 0
        return try Geometry.make("reduceprecision") { GEOSGeom_setPrecision_r($0, handle, gridSize, flags) }
    }

    /// Douglas-Peucker simplification; may make polygons invalid.
    public func simplified(tolerance: Double) throws(GeometryError) -> Geometry {
        try Geometry.checkDistance(tolerance, "simplifydp")
        return try Geometry.make("simplifydp") { GEOSSimplify_r($0, handle, tolerance) }
    }

    /// Simplification that keeps rings valid and from crossing each other.
    public func simplifiedPreservingTopology(tolerance: Double) throws(GeometryError) -> Geometry {
        try Geometry.checkDistance(tolerance, "simplifytp")
        return try Geometry.make("simplifytp") { GEOSTopologyPreserveSimplify_r($0, handle, tolerance) }
    }

    /// Polygons formed by the closed rings of a set of noded lines.
    public static func polygonize(_ lines: [Geometry]) throws(GeometryError) -> Geometry {
        let handles: [OpaquePointer?] = lines.map(\.handle)
        return try withExtendedLifetime(lines) { () throws(GeometryError) -> Geometry in
            try make("polygonize") { ctx in
                handles.withUnsafeBufferPointer { GEOSPolygonize_r(ctx, $0.baseAddress, UInt32($0.count)) }
            }
        }
    }
}

extension Geometry {
    /// The Voronoi cells of this geometry's vertices (polygons, clipped to `envelope` grown
    /// to hold them), or their edges with `onlyEdges`.
    public func voronoiDiagram(envelope: Geometry? = nil, tolerance: Double = 0, onlyEdges: Bool = false) throws(GeometryError) -> Geometry {
        try Geometry.checkDistance(tolerance, "voronoi")
        return try Geometry.make("voronoi") { GEOSVoronoiDiagram_r($0, handle, envelope?.handle, tolerance, onlyEdges ? 1 : 0) }
    }
}
