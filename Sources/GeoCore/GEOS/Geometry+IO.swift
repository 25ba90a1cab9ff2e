import CGEOS
import Foundation

extension Geometry {
    /// Reads Well-Known Text, e.g. `POLYGON ((0 0, 10 0, 10 10, 0 0))`.
    /// - Throws: `GeometryError.parse` with GEOS's reason for malformed text or
    ///   non-finite coordinates.
    public convenience init(wkt: String) throws(GeometryError) {
        try self.init(wkt: wkt, allowingNonFinite: false)
    }

    /// Reads WKT; with `allowingNonFinite`, NaN and infinite coordinates are kept (only to
    /// ask whether the geometry is valid: GEOS answers "Invalid Coordinate").
    public convenience init(wkt: String, allowingNonFinite: Bool) throws(GeometryError) {
        guard !wkt.utf8.contains(0) else { throw GeometryError(.parse, operation: "read WKT", message: "the text holds a NUL byte") }
        try GeometryLimits.checkNesting(text: wkt, operation: "read WKT")
        let handle = try GEOSContext.call("read WKT", code: .parse) { ctx in
            wkt.withCString { GEOSWKTReader_read_r(ctx, GEOSContext.current.readers.wktReader, $0) }
        }
        self.init(owning: handle)
        if !allowingNonFinite { try checkFinite("read WKT") }
    }

    /// Reads Well-Known Binary (ISO or extended, either byte order).
    public convenience init(wkb: [UInt8]) throws(GeometryError) {
        try GeometryLimits.checkNesting(wkb: wkb, operation: "read WKB")
        let handle = try GEOSContext.call("read WKB", code: .parse) { ctx in
            wkb.withUnsafeBufferPointer { GEOSWKBReader_read_r(ctx, GEOSContext.current.readers.wkbReader, $0.baseAddress, $0.count) }
        }
        self.init(owning: handle)
        try checkFinite("read WKB")
    }

    /// Reads hex-encoded WKB, as PostGIS prints it.
    public convenience init(hexWKB: String) throws(GeometryError) {
        let bytes = Array(hexWKB.utf8)
        try GeometryLimits.checkNesting(wkb: GeometryLimits.decodedHex(bytes), operation: "read hex WKB")
        let handle = try GEOSContext.call("read hex WKB", code: .parse) { ctx in
            bytes.withUnsafeBufferPointer { GEOSWKBReader_readHEX_r(ctx, GEOSContext.current.readers.wkbReader, $0.baseAddress, $0.count) }
        }
        self.init(owning: handle)
        try checkFinite("read hex WKB")
    }

    /// Reads a GeoJSON geometry object (a Feature or FeatureCollection gives its geometries).
    public convenience init(geoJSON: String) throws(GeometryError) {
        try GeometryLimits.checkNesting(text: geoJSON, operation: "read GeoJSON")
        try GeometryLimits.checkGeoJSONPositions(geoJSON, operation: "read GeoJSON")
        let handle = try GEOSContext.call("read GeoJSON", code: .parse) { ctx in
            geoJSON.withCString { GEOSGeoJSONReader_readGeometry_r(ctx, GEOSContext.current.readers.geoJSONReader, $0) }
        }
        self.init(owning: handle)
        try checkFinite("read GeoJSON")
    }

    /// Reads WKT, hex WKB or GeoJSON, recognised by their first character; with
    /// `allowingNonFinite`, WKT may hold NaN or infinite coordinates (for validity questions).
    public convenience init(parsing text: String, allowingNonFinite: Bool) throws(GeometryError) {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if allowingNonFinite, let first = trimmed.first, first.isLetter, !trimmed.allSatisfy(\.isHexDigit) {
            try self.init(wkt: trimmed, allowingNonFinite: true)
        } else {
            try self.init(parsing: trimmed)
        }
    }

    /// Reads WKT, hex WKB or GeoJSON, recognised by their first character.
    public convenience init(parsing text: String) throws(GeometryError) {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard let first = trimmed.first else {
            throw GeometryError(.parse, operation: "read geometry", message: "the text is empty")
        }
        if first == "{" {
            try self.init(geoJSON: trimmed)
        } else if first.isHexDigit, trimmed.allSatisfy(\.isHexDigit), trimmed.count.isMultiple(of: 2),
                  trimmed.hasPrefix("00") || trimmed.hasPrefix("01") {
            try self.init(hexWKB: trimmed)
        } else {
            try self.init(wkt: trimmed)
        }
    }

    private func checkFinite(_ operation: String) throws(GeometryError) {
        guard hasOnlyFiniteCoordinates else {
            throw GeometryError(.parse, operation: operation,
                                message: "a coordinate is NaN or infinite; every coordinate must be a finite number")
        }
    }

    /// Well-Known Text at full precision, or rounded to `decimals` places.
    public func wkt(decimals: Int? = nil) throws(GeometryError) -> String {
        try GeometryLimits.checkPrintable(self)
        let context = GEOSContext.current
        let writer = context.readers.wktWriter
        GEOSWKTWriter_setRoundingPrecision_r(context.handle, writer, Int32(decimals ?? -1))
        defer { GEOSWKTWriter_setRoundingPrecision_r(context.handle, writer, -1) }
        let cString = try GEOSContext.call("write WKT") { GEOSWKTWriter_write_r($0, writer, handle) }
        defer { GEOSFree_r(context.handle, cString) }
        return String(cString: cString)
    }

    /// Well-Known Binary (little-endian, with Z when present).
    public func wkb() throws(GeometryError) -> [UInt8] {
        let context = GEOSContext.current
        var size = 0
        let bytes = try GEOSContext.call("write WKB") { GEOSWKBWriter_write_r($0, context.readers.wkbWriter, handle, &size) }
        defer { GEOSFree_r(context.handle, bytes) }
        return Array(UnsafeBufferPointer(start: bytes, count: size))
    }

    /// Hex-encoded WKB, upper case, as PostGIS prints it.
    public func hexWKB() throws(GeometryError) -> String {
        let context = GEOSContext.current
        var size = 0
        let bytes = try GEOSContext.call("write hex WKB") { GEOSWKBWriter_writeHEX_r($0, context.readers.wkbWriter, handle, &size) }
        defer { GEOSFree_r(context.handle, bytes) }
        return String(decoding: UnsafeBufferPointer(start: bytes, count: size), as: UTF8.self)
    }

    /// A GeoJSON geometry object; `indent` < 0 gives one line.
    public func geoJSON(indent: Int = -1) throws(GeometryError) -> String {
        let context = GEOSContext.current
        let cString = try GEOSContext.call("write GeoJSON") {
            GEOSGeoJSONWriter_writeGeometry_r($0, context.readers.geoJSONWriter, handle, Int32(indent))
        }
        defer { GEOSFree_r(context.handle, cString) }
        return String(cString: cString)
    }
}
