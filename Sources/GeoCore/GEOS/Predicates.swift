import CGEOS

extension Geometry {
    @inline(__always)
    private func test(_ name: String, _ other: Geometry,
                      _ f: (GEOSContextHandle_t, OpaquePointer, OpaquePointer) -> CChar) throws(GeometryError) -> Bool {
        try GEOSContext.predicate(name) { f($0, handle, other.handle) }
    }

    /// True when the two share at least one point.
    public func intersects(_ other: Geometry) throws(GeometryError) -> Bool { try test("intersects", other, GEOSIntersects_r) }
    /// True when no point of `other` lies outside this and their interiors meet.
    public func contains(_ other: Geometry) throws(GeometryError) -> Bool { try test("contains", other, GEOSContains_r) }
    /// True when this lies inside `other` (the converse of contains).
    public func within(_ other: Geometry) throws(GeometryError) -> Bool { try test("within", other, GEOSWithin_r) }
    /// True when no point of `other` lies outside this (boundary points count).
    public func covers(_ other: Geometry) throws(GeometryError) -> Bool { try test("covers", other, GEOSCovers_r) }
    /// True when no point of this lies outside `other`.
    public func coveredBy(_ other: Geometry) throws(GeometryError) -> Bool { try test("coveredBy", other, GEOSCoveredBy_r) }
    /// True when they meet only on their boundaries.
    public func touches(_ other: Geometry) throws(GeometryError) -> Bool { try test("touches", other, GEOSTouches_r) }
    /// True when they cross (e.g. a line passing through a polygon).
    public func crosses(_ other: Geometry) throws(GeometryError) -> Bool { try test("crosses", other, GEOSCrosses_r) }
    /// True when they overlap in the same dimension without either containing the other.
    public func overlaps(_ other: Geometry) throws(GeometryError) -> Bool { try test("overlaps", other, GEOSOverlaps_r) }
    /// True when they share no point.
    public func disjoint(_ other: Geometry) throws(GeometryError) -> Bool { try test("disjoint", other, GEOSDisjoint_r) }
    /// True when they are the same point set (topological equality).
    public func equalsTopologically(_ other: Geometry) throws(GeometryError) -> Bool { try test("equals", other, GEOSEquals_r) }

    /// True when they have the same structure and coordinates within `tolerance`.
    public func equalsExact(_ other: Geometry, tolerance: Double = 0) throws(GeometryError) -> Bool {
        try GEOSContext.predicate("equalsexact") { GEOSEqualsExact_r($0, handle, other.handle, tolerance) }
    }

    /// True when some point of `other` is within `distance` (CRS units) of this.
    public func isWithinDistance(_ other: Geometry, _ distance: Double) throws(GeometryError) -> Bool {
        try GEOSContext.predicate("iswithindistance") { GEOSDistanceWithin_r($0, handle, other.handle, distance) }
    }
}
