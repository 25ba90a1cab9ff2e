import CGEOS

/// A geometry indexed for fast repeated predicates against many others.
///
/// Not `Sendable`: GEOS (before 3.13) builds a prepared geometry's indexes lazily on
/// first use, so each thread prepares its own copy.
public final class PreparedGeometry {
    /// The geometry that was prepared (kept alive as long as the prepared form).
    public let geometry: Geometry
    let handle: OpaquePointer

    /// Prepares `geometry` for repeated predicates.
    public init(_ geometry: Geometry) throws(GeometryError) {
        self.geometry = geometry
        handle = try GEOSContext.call("prepare") { GEOSPrepare_r($0, geometry.handle) }
        LiveHandles.track(.prepared, 1)
    }

    deinit {
        GEOSPreparedGeom_destroy_r(GEOSContext.current.handle, handle)
        LiveHandles.track(.prepared, -1)
    }

    @inline(__always)
    private func test(_ name: String, _ other: Geometry,
                      _ f: (GEOSContextHandle_t, OpaquePointer, OpaquePointer) -> CChar) throws(GeometryError) -> Bool {
        try GEOSContext.predicate(name) { f($0, handle, other.handle) }
    }

    /// True when `other` shares a point with the prepared geometry.
    public func intersects(_ other: Geometry) throws(GeometryError) -> Bool { try test("intersects", other, GEOSPreparedIntersects_r) }
    /// True when the prepared geometry contains `other`.
    public func contains(_ other: Geometry) throws(GeometryError) -> Bool { try test("contains", other, GEOSPreparedContains_r) }
    /// True when `other` lies in the interior, touching no boundary.
    public func containsProperly(_ other: Geometry) throws(GeometryError) -> Bool { try test("containsproperly", other, GEOSPreparedContainsProperly_r) }
    /// True when the prepared geometry covers `other`.
    public func covers(_ other: Geometry) throws(GeometryError) -> Bool { try test("covers", other, GEOSPreparedCovers_r) }
    /// True when the prepared geometry is covered by `other`.
    public func coveredBy(_ other: Geometry) throws(GeometryError) -> Bool { try test("coveredby", other, GEOSPreparedCoveredBy_r) }
    /// True when the prepared geometry lies within `other`.
    public func within(_ other: Geometry) throws(GeometryError) -> Bool { try test("within", other, GEOSPreparedWithin_r) }
    /// True when they meet only on boundaries.
    public func touches(_ other: Geometry) throws(GeometryError) -> Bool { try test("touches", other, GEOSPreparedTouches_r) }
    /// True when they cross.
    public func crosses(_ other: Geometry) throws(GeometryError) -> Bool { try test("crosses", other, GEOSPreparedCrosses_r) }
    /// True when they overlap.
    public func overlaps(_ other: Geometry) throws(GeometryError) -> Bool { try test("overlaps", other, GEOSPreparedOverlaps_r) }
    /// True when they share no point.
    public func disjoint(_ other: Geometry) throws(GeometryError) -> Bool { try test("disjoint", other, GEOSPreparedDisjoint_r) }

    /// True when `other` is within `distance` (CRS units) of the prepared geometry.
    public func isWithinDistance(_ other: Geometry, _ distance: Double) throws(GeometryError) -> Bool {
        try GEOSContext.predicate("iswithindistance") { GEOSPreparedDistanceWithin_r($0, handle, other.handle, distance) }
    }

    /// The shortest distance to `other`, using the prepared indexes.
    public func distance(to other: Geometry) throws(GeometryError) -> Double {
        var value = 0.0
        try GEOSContext.status("distance") { GEOSPreparedDistance_r($0, handle, other.handle, &value) }
        return value
    }

    /// True when the point (x, y) lies inside or on the boundary, without a Swift object per point.
    public func intersects(x: Double, y: Double) throws(GeometryError) -> Bool {
        let point = try GEOSContext.call("intersects") { GEOSGeom_createPointFromXY_r($0, x, y) }
        let ctx = GEOSContext.current.handle
        defer { GEOSGeom_destroy_r(ctx, point) }
        return try GEOSContext.predicate("intersects") { GEOSPreparedIntersects_r($0, handle, point) }
    }

    /// True when the point (x, y) lies in the interior (a point on the boundary is not contained).
    public func contains(x: Double, y: Double) throws(GeometryError) -> Bool {
        let point = try GEOSContext.call("contains") { GEOSGeom_createPointFromXY_r($0, x, y) }
        let ctx = GEOSContext.current.handle
        defer { GEOSGeom_destroy_r(ctx, point) }
        return try GEOSContext.predicate("contains") { GEOSPreparedContains_r($0, handle, point) }
    }
}
