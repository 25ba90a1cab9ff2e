import CGDAL
import GeoCore

/// Moves geometries between OGR and GEOS through ISO WKB.
enum OGRGeometry {
    /// The GEOS geometry of an OGR geometry; curves are linearized and M values dropped,
    /// since GEOS has neither.
    static func geometry(from g: OGRGeometryH) throws -> Geometry {
        var source = g
        var owned: OGRGeometryH?
        defer { if let owned { OGR_G_DestroyGeometry(owned) } }
        if OGR_G_HasCurveGeometry(source, 0) != 0, let linear = OGR_G_GetLinearGeometry(source, 0, nil) {
            owned = linear
            source = linear
        }
        if OGR_G_IsMeasured(source) != 0, let copy = OGR_G_Clone(source) {
            if let owned { OGR_G_DestroyGeometry(owned) }
            OGR_G_SetMeasured(copy, 0)
            owned = copy
            source = copy
        }
        let size = OGR_G_WkbSizeEx(source)
        var bytes = [UInt8](repeating: 0, count: size)
        let status = bytes.withUnsafeMutableBufferPointer { OGR_G_ExportToIsoWkb(source, wkbNDR, $0.baseAddress) }
        guard status == OGRERR_NONE else {
            throw IOError(.geometry, "cannot read the geometry: \(GDALEnvironment.lastError("OGR export failed"))")
        }
        return try Geometry(wkb: bytes)
    }

    /// A new OGR geometry for `geometry`; the caller owns it.
    static func make(_ geometry: Geometry) throws -> OGRGeometryH {
        let bytes = try geometry.wkb()
        var result: OGRGeometryH?
        let status = bytes.withUnsafeBufferPointer { OGR_G_CreateFromWkbEx($0.baseAddress, nil, &result, $0.count) }
        guard status == OGRERR_NONE, let result else {
            throw IOError(.write, "cannot convert a geometry for writing: \(GDALEnvironment.lastError("OGR import failed"))")
        }
        return result
    }
}
