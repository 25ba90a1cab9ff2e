import CGEOS

/// The WKT/WKB/GeoJSON readers and writers of one thread's GEOS context.
struct GEOSReaders {
    let wktReader: OpaquePointer?
    let wktWriter: OpaquePointer?
    let wkbReader: OpaquePointer?
    let wkbWriter: OpaquePointer?
    let geoJSONReader: OpaquePointer?
    let geoJSONWriter: OpaquePointer?
    private let handle: GEOSContextHandle_t

    init(_ handle: GEOSContextHandle_t) {
        self.handle = handle
        wktReader = GEOSWKTReader_create_r(handle)
        wktWriter = GEOSWKTWriter_create_r(handle)
        if let wktWriter {
            // Full precision, no trailing zeros, keep Z when present.
            GEOSWKTWriter_setTrim_r(handle, wktWriter, 1)
            GEOSWKTWriter_setOutputDimension_r(handle, wktWriter, 3)
        }
        wkbReader = GEOSWKBReader_create_r(handle)
        wkbWriter = GEOSWKBWriter_create_r(handle)
        if let wkbWriter {
            GEOSWKBWriter_setOutputDimension_r(handle, wkbWriter, 3)
        }
        geoJSONReader = GEOSGeoJSONReader_create_r(handle)
        geoJSONWriter = GEOSGeoJSONWriter_create_r(handle)
    }

    func destroy() {
        if let wktReader { GEOSWKTReader_destroy_r(handle, wktReader) }
        if let wktWriter { GEOSWKTWriter_destroy_r(handle, wktWriter) }
        if let wkbReader { GEOSWKBReader_destroy_r(handle, wkbReader) }
        if let wkbWriter { GEOSWKBWriter_destroy_r(handle, wkbWriter) }
        if let geoJSONReader { GEOSGeoJSONReader_destroy_r(handle, geoJSONReader) }
        if let geoJSONWriter { GEOSGeoJSONWriter_destroy_r(handle, geoJSONWriter) }
    }
}
