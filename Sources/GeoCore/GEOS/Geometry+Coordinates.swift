import CGEOS

extension Geometry {
    /// The geometry's type.
    public var type: GeometryType {
        // GEOS only returns the eight OGC types for a valid handle.
        GeometryType(geosTypeId: GEOSGeomTypeId_r(GEOSContext.current.handle, handle)) ?? .geometryCollection
    }

    /// True when the geometry has no points.
    public var isEmpty: Bool { GEOSisEmpty_r(GEOSContext.current.handle, handle) == 1 }

    /// Coordinate dimension: 2, or 3 when the geometry has Z.
    public var coordinateDimension: Int { Int(GEOSGeom_getCoordinateDimension_r(GEOSContext.current.handle, handle)) }

    /// The number of coordinates in all parts.
    public var numberOfCoordinates: Int { Int(GEOSGetNumCoordinates_r(GEOSContext.current.handle, handle)) }

    /// The number of parts: 1 for a single geometry, n for a collection.
    public var numberOfGeometries: Int { Int(GEOSGetNumGeometries_r(GEOSContext.current.handle, handle)) }

    /// The bounding box, or nil for an empty geometry.
    public var envelope: Envelope? {
        let ctx = GEOSContext.current.handle
        if GEOSisEmpty_r(ctx, handle) != 0 { return nil }
        var e = Envelope(minX: 0, minY: 0, maxX: 0, maxY: 0)
        guard GEOSGeom_getExtent_r(ctx, handle, &e.minX, &e.minY, &e.maxX, &e.maxY) != 0 else { return nil }
        return e
    }

    /// The parts of a collection as separate geometries (a single geometry gives itself).
    public func parts() throws(GeometryError) -> [Geometry] {
        guard type.isCollection else { return [self] }
        let ctx = GEOSContext.current.handle
        var result: [Geometry] = []
        let n = GEOSGetNumGeometries_r(ctx, handle)
        result.reserveCapacity(Int(max(n, 0)))
        for i in 0..<max(n, 0) {
            let part = try GEOSContext.call("geometry part") { GEOSGetGeometryN_r($0, handle, i) }
            result.append(try Geometry.make("geometry part") { GEOSGeom_clone_r($0, part) })
        }
        return result
    }

    /// The coordinates of a point, line or ring; for other types, of every part in order.
    public var coordinates: [Coordinate] {
        var all: [Coordinate] = []
        visitSequences { all.append(contentsOf: $0) }
        return all
    }

    /// Each line, ring and point as its own coordinate list, in drawing order
    /// (a polygon gives its shell then its holes).
    public var coordinateSequences: [[Coordinate]] {
        var sequences: [[Coordinate]] = []
        visitSequences { sequences.append($0) }
        return sequences
    }

    /// Polygons as rings (shell first, then holes); lines and points are skipped.
    public var polygonRings: [[[Coordinate]]] {
        var polygons: [[[Coordinate]]] = []
        let ctx = GEOSContext.current.handle
        Geometry.walk(handle, ctx) { part, typeId in
            guard typeId == Int32(GEOS_POLYGON.rawValue) else { return }
            var rings: [[Coordinate]] = []
            Geometry.visitPolygonRings(part, ctx) { rings.append(Geometry.readSequence($0, ctx)) }
            polygons.append(rings)
        }
        return polygons
    }

    /// True when every coordinate is a finite number.
    var hasOnlyFiniteCoordinates: Bool {
        var finite = true
        visitSequences { seq in
            if finite, !seq.allSatisfy(\.isFinite) { finite = false }
        }
        return finite
    }

    /// Calls `body` with every coordinate sequence: points, lines, rings (shell before holes).
    func visitSequences(_ body: ([Coordinate]) -> Void) {
        let ctx = GEOSContext.current.handle
        Geometry.walk(handle, ctx) { part, typeId in
            if typeId == Int32(GEOS_POLYGON.rawValue) {
                Geometry.visitPolygonRings(part, ctx) { body(Geometry.readSequence($0, ctx)) }
            } else {
                body(Geometry.readSequence(part, ctx))
            }
        }
    }

    /// Visits the non-collection parts of a geometry, depth first.
    private static func walk(_ g: OpaquePointer, _ ctx: GEOSContextHandle_t, _ body: (OpaquePointer, Int32) -> Void) {
        let typeId = GEOSGeomTypeId_r(ctx, g)
        switch typeId {
        case Int32(GEOS_MULTIPOINT.rawValue), Int32(GEOS_MULTILINESTRING.rawValue),
             Int32(GEOS_MULTIPOLYGON.rawValue), Int32(GEOS_GEOMETRYCOLLECTION.rawValue):
            for i in 0..<max(GEOSGetNumGeometries_r(ctx, g), 0) {
                if let part = GEOSGetGeometryN_r(ctx, g, i) { walk(part, ctx, body) }
            }
        default:
            body(g, typeId)
        }
    }

    private static func visitPolygonRings(_ polygon: OpaquePointer, _ ctx: GEOSContextHandle_t, _ body: (OpaquePointer) -> Void) {
        guard GEOSisEmpty_r(ctx, polygon) == 0 else { return }
        if let shell = GEOSGetExteriorRing_r(ctx, polygon) { body(shell) }
        for i in 0..<max(GEOSGetNumInteriorRings_r(ctx, polygon), 0) {
            if let ring = GEOSGetInteriorRingN_r(ctx, polygon, i) { body(ring) }
        }
    }

    /// Copies a point/line/ring's coordinates in one call per sequence.
    private static func readSequence(_ g: OpaquePointer, _ ctx: GEOSContextHandle_t) -> [Coordinate] {
        guard GEOSisEmpty_r(ctx, g) == 0, let seq = GEOSGeom_getCoordSeq_r(ctx, g) else { return [] }
        var size: UInt32 = 0
        var dims: UInt32 = 2
        guard GEOSCoordSeq_getSize_r(ctx, seq, &size) != 0, size > 0 else { return [] }
        _ = GEOSCoordSeq_getDimensions_r(ctx, seq, &dims)
        let hasZ = dims >= 3
        return [Coordinate](unsafeUninitializedCapacity: Int(size)) { buffer, count in
            buffer.withMemoryRebound(to: Double.self) { doubles in
                // Coordinate is three Doubles; ask GEOS for XYZ so the layout matches.
                _ = GEOSCoordSeq_copyToBuffer_r(ctx, seq, doubles.baseAddress, 1, 0)
            }
            if !hasZ {
                for i in 0..<Int(size) { buffer[i].z = .nan }
            }
            count = Int(size)
        }
    }
}
