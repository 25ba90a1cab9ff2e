import CGEOS

extension Geometry {
    /// A point at (x, y).
    public static func point(_ x: Double, _ y: Double) throws(GeometryError) -> Geometry {
        try checkFinite([Coordinate(x, y)], "point")
        return try make("point") { GEOSGeom_createPointFromXY_r($0, x, y) }
    }

    /// A line through `coordinates` (at least two).
    public static func lineString(_ coordinates: [Coordinate]) throws(GeometryError) -> Geometry {
        guard coordinates.count >= 2 else {
            throw GeometryError(.invalidInput, operation: "linestring", message: "a line needs at least 2 points, got \(coordinates.count)")
        }
        let seq = try sequence(coordinates, "linestring")
        return try make("linestring") { GEOSGeom_createLineString_r($0, seq) }
    }

    /// A polygon from a closed shell and optional closed holes.
    public static func polygon(_ shell: [Coordinate], holes: [[Coordinate]] = []) throws(GeometryError) -> Geometry {
        let ctx = GEOSContext.current.handle
        let shellRing = try ring(shell)
        var holeRings: [OpaquePointer?] = []
        do {
            for hole in holes { holeRings.append(try ring(hole)) }
        } catch {
            GEOSGeom_destroy_r(ctx, shellRing)
            for h in holeRings { if let h { GEOSGeom_destroy_r(ctx, h) } }
            throw error
        }
        return try make("polygon") { ctx in
            holeRings.withUnsafeMutableBufferPointer {
                GEOSGeom_createPolygon_r(ctx, shellRing, $0.baseAddress, UInt32($0.count))
            }
        }
    }

    /// A collection of copies of `geometries`: Multi* when all share one type, else
    /// GeometryCollection; `asGeneric` forces a GeometryCollection.
    public static func collection(_ geometries: [Geometry], asGeneric: Bool = false) throws(GeometryError) -> Geometry {
        let ctx = GEOSContext.current.handle
        let types = Set(geometries.map(\.type))
        let typeId: Int32
        switch types.count == 1 && !asGeneric ? types.first : nil {
        case .point?: typeId = Int32(GEOS_MULTIPOINT.rawValue)
        case .lineString?: typeId = Int32(GEOS_MULTILINESTRING.rawValue)
        case .polygon?: typeId = Int32(GEOS_MULTIPOLYGON.rawValue)
        default: typeId = Int32(GEOS_GEOMETRYCOLLECTION.rawValue)
        }
        var clones: [OpaquePointer?] = []
        clones.reserveCapacity(geometries.count)
        for g in geometries {
            guard let copy = GEOSGeom_clone_r(ctx, g.handle) else {
                for c in clones { if let c { GEOSGeom_destroy_r(ctx, c) } }
                throw GeometryError(.operation, operation: "collection", message: "could not copy a geometry")
            }
            clones.append(copy)
        }
        return try make("collection") { ctx in
            clones.withUnsafeMutableBufferPointer {
                GEOSGeom_createCollection_r(ctx, typeId, $0.baseAddress, UInt32($0.count))
            }
        }
    }

    /// An empty geometry of the given kind (empty point, line, polygon or collection).
    public static func empty(_ type: GeometryType = .geometryCollection) throws(GeometryError) -> Geometry {
        switch type {
        case .point: return try make("empty") { GEOSGeom_createEmptyPoint_r($0) }
        case .lineString, .linearRing, .multiLineString: return try make("empty") { GEOSGeom_createEmptyLineString_r($0) }
        case .polygon, .multiPolygon: return try make("empty") { GEOSGeom_createEmptyPolygon_r($0) }
        case .multiPoint, .geometryCollection:
            return try make("empty") { GEOSGeom_createEmptyCollection_r($0, Int32(GEOS_GEOMETRYCOLLECTION.rawValue)) }
        }
    }

    /// A rectangle polygon covering `envelope`.
    public static func rectangle(_ e: Envelope) throws(GeometryError) -> Geometry {
        try polygon([Coordinate(e.minX, e.minY), Coordinate(e.maxX, e.minY), Coordinate(e.maxX, e.maxY),
                     Coordinate(e.minX, e.maxY), Coordinate(e.minX, e.minY)])
    }

    private static func ring(_ coordinates: [Coordinate]) throws(GeometryError) -> OpaquePointer {
        guard coordinates.count >= 4, coordinates.first == coordinates.last else {
            throw GeometryError(.invalidInput, operation: "polygon",
                                message: "a ring needs at least 4 points and must end where it starts (got \(coordinates.count) points)")
        }
        let seq = try sequence(coordinates, "polygon")
        return try GEOSContext.call("polygon") { GEOSGeom_createLinearRing_r($0, seq) }
    }

    /// A GEOS coordinate sequence filled from Swift in one copy.
    private static func sequence(_ coordinates: [Coordinate], _ operation: String) throws(GeometryError) -> OpaquePointer {
        try checkFinite(coordinates, operation)
        let hasZ = coordinates.contains { !$0.z.isNaN }
        return try GEOSContext.call(operation) { ctx in
            coordinates.withUnsafeBufferPointer { buffer in
                buffer.withMemoryRebound(to: Double.self) { doubles in
                    if hasZ {
                        return GEOSCoordSeq_copyFromBuffer_r(ctx, doubles.baseAddress, UInt32(coordinates.count), 1, 0)
                    }
                    // Drop the NaN z of 2D coordinates so GEOS keeps a 2D sequence.
                    let xy = (0..<coordinates.count).flatMap { [doubles[$0 * 3], doubles[$0 * 3 + 1]] }
                    return xy.withUnsafeBufferPointer {
                        GEOSCoordSeq_copyFromBuffer_r(ctx, $0.baseAddress, UInt32(coordinates.count), 0, 0)
                    }
                }
            }
        }
    }

    private static func checkFinite(_ coordinates: [Coordinate], _ operation: String) throws(GeometryError) {
        if let bad = coordinates.firstIndex(where: { !$0.isFinite }) {
            throw GeometryError(.invalidInput, operation: operation,
                                message: "coordinate \(bad + 1) is \(coordinates[bad]); coordinates must be finite numbers")
        }
    }
}
