import CGDAL
import GeoCore

/// Conversions between OGR spatial references and `CRS`.
enum SpatialReference {
    /// The CRS of an OGR spatial reference: its EPSG code when it has one, else its WKT.
    static func crs(from srs: OGRSpatialReferenceH?) throws -> CRS? {
        guard let srs else { return nil }
        if let auth = OSRGetAuthorityName(srs, nil), let code = OSRGetAuthorityCode(srs, nil) {
            return try CRS("\(String(cString: auth)):\(String(cString: code))")
        }
        // Many .prj files carry an ESRI WKT without an authority; ask GDAL to identify it.
        if OSRAutoIdentifyEPSG(srs) == OGRERR_NONE, let auth = OSRGetAuthorityName(srs, nil),
           let code = OSRGetAuthorityCode(srs, nil) {
            return try CRS("\(String(cString: auth)):\(String(cString: code))")
        }
        var wkt: UnsafeMutablePointer<CChar>?
        let result = GDALEnvironment.withStringList(["FORMAT=WKT2_2019"]) { OSRExportToWktEx(srs, &wkt, $0) }
        defer { VSIFree(wkt) }
        guard result == OGRERR_NONE, let wkt else { return nil }
        return try CRS(String(cString: wkt))
    }

    /// A new OGR spatial reference for `crs` with x = easting/longitude, or nil for CRSs
    /// OGR cannot name (GCJ-02, BD-09). The caller destroys it with OSRDestroySpatialReference.
    static func make(_ crs: CRS) -> OGRSpatialReferenceH? {
        let definition: String
        switch crs.kind {
        case .proj(let text): definition = text
        case .gcj02, .bd09: return nil
        }
        guard let srs = OSRNewSpatialReference(nil) else { return nil }
        guard OSRSetFromUserInput(srs, definition) == OGRERR_NONE else {
            OSRDestroySpatialReference(srs)
            return nil
        }
        OSRSetAxisMappingStrategy(srs, OAMS_TRADITIONAL_GIS_ORDER)
        return srs
    }
}
