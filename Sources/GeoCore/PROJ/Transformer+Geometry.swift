import CGEOS

extension Transformer {
    /// The geometry with every coordinate transformed (a new geometry; the input is unchanged).
    /// - Throws: `CRSError` naming the first coordinate that cannot be transformed.
    public func transform(_ geometry: Geometry, direction: Direction = .forward) throws(CRSError) -> Geometry {
        // Gather every coordinate, transform them in one batch, then write them back in order.
        var coordinates = geometry.coordinates
        try transform(&coordinates, direction: direction)
        var cursor = CoordinateCursor(coordinates: coordinates)
        let ctx = GEOSContext.current.handle
        let result = withUnsafeMutablePointer(to: &cursor) { state in
            GEOSGeom_transformXY_r(ctx, geometry.handle, { x, y, userData in
                guard let x, let y, let cursor = userData?.assumingMemoryBound(to: CoordinateCursor.self) else { return 0 }
                guard cursor.pointee.next < cursor.pointee.coordinates.count else { return 0 }
                let c = cursor.pointee.coordinates[cursor.pointee.next]
                x.pointee = c.x
                y.pointee = c.y
                cursor.pointee.next += 1
                return 1
            }, state)
        }
        guard let result else {
            throw CRSError(.transformation, message: "GEOS could not rebuild the transformed geometry")
        }
        let transformed = Geometry(owning: result)
        // GEOS rebuilds a one-part Multi* or collection as its single part; keep the input's type.
        guard transformed.type != geometry.type, geometry.type.isCollection else { return transformed }
        do {
            return try Geometry.collection([transformed], asGeneric: geometry.type == .geometryCollection)
        } catch {
            throw CRSError(.transformation, message: "cannot keep the geometry type: \(error)")
        }
    }
}

private struct CoordinateCursor {
    let coordinates: [Coordinate]
    var next = 0
}
