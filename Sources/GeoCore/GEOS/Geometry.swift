import CGEOS

/// An immutable geometry that owns its GEOS geometry for its whole life.
///
/// Operations go straight to GEOS on the calling thread's context; coordinates are
/// never copied into Swift between operations. Instances can be shared between threads:
/// GEOS's lazily cached envelopes are computed once on creation, so concurrent reads
/// never write (GEOS before 3.12 needs this "priming", see GEOS ticket 855).
public final class Geometry: @unchecked Sendable {
    let handle: OpaquePointer

    /// Takes ownership of a GEOS geometry; it is destroyed exactly once, in `deinit`.
    init(owning handle: OpaquePointer) {
        self.handle = handle
        LiveHandles.track(.geometry, 1)
        Geometry.primeEnvelopes(handle, GEOSContext.current.handle)
    }

    deinit {
        GEOSGeom_destroy_r(GEOSContext.current.handle, handle)
        LiveHandles.track(.geometry, -1)
    }

    private static func primeEnvelopes(_ g: OpaquePointer, _ ctx: GEOSContextHandle_t) {
        var xmin = 0.0
        _ = GEOSGeom_getXMin_r(ctx, g, &xmin)
        switch GEOSGeomTypeId_r(ctx, g) {
        case Int32(GEOS_POLYGON.rawValue):
            if let shell = GEOSGetExteriorRing_r(ctx, g) { _ = GEOSGeom_getXMin_r(ctx, shell, &xmin) }
            let holes = GEOSGetNumInteriorRings_r(ctx, g)
            if holes > 0 {
                for i in 0..<holes {
                    if let ring = GEOSGetInteriorRingN_r(ctx, g, i) { _ = GEOSGeom_getXMin_r(ctx, ring, &xmin) }
                }
            }
        case Int32(GEOS_MULTIPOINT.rawValue), Int32(GEOS_MULTILINESTRING.rawValue),
             Int32(GEOS_MULTIPOLYGON.rawValue), Int32(GEOS_GEOMETRYCOLLECTION.rawValue):
            let n = GEOSGetNumGeometries_r(ctx, g)
            if n > 0 {
                for i in 0..<n {
                    if let part = GEOSGetGeometryN_r(ctx, g, i) { primeEnvelopes(part, ctx) }
                }
            }
        default:
            break
        }
    }

    /// A deep copy (GEOS functions that modify in place work on a copy).
    func cloneHandle() throws(GeometryError) -> OpaquePointer {
        try GEOSContext.call("clone") { GEOSGeom_clone_r($0, handle) }
    }

    /// Wraps the result of a GEOS function that returns a new geometry.
    @inline(__always)
    static func make(_ operation: String, _ body: (GEOSContextHandle_t) -> OpaquePointer?) throws(GeometryError) -> Geometry {
        Geometry(owning: try GEOSContext.call(operation, body))
    }
}

extension Geometry: CustomStringConvertible {
    /// The geometry as WKT (full precision).
    public var description: String { (try? wkt()) ?? "<geometry>" }
}
