import Foundation

extension Geometry {
    /// The union of many polygons on all cores.
    ///
    /// The plane is cut into vertical strips holding equal numbers of polygons; each strip's
    /// polygons are unioned on their own thread (own GEOS context) and clipped to the strip.
    /// Holes lying wholly inside a strip cannot change when strips are joined, so they are set
    /// aside; the strips' outlines (with the few holes that reach a seam) are unioned, which is
    /// cheap, and the set-aside holes are put back into the polygon that holds them. The result
    /// equals `unaryUnion` up to floating-point rounding along the seams.
    /// - Parameter strips: how many strips (default: 4 per core, at least 2).
    public static func parallelUnion(_ polygons: [Geometry], strips requested: Int? = nil) throws -> Geometry {
        let cores = ProcessInfo.processInfo.activeProcessorCount
        let strips = max(1, requested ?? max(2, 4 * cores))
        let boxes = polygons.map(\.envelope)
        let present = polygons.indices.filter { boxes[$0] != nil }
        guard strips > 1, present.count >= 2 * strips,
              let extent = present.compactMap({ boxes[$0] }).reduce(nil, { (sum: Envelope?, e: Envelope) in sum.map { $0.union(e) } ?? e })
        else { return try unaryUnion(polygons) }
        // Cut where the polygons' centres split into equal counts, so strips take similar time.
        let centres = present.compactMap { boxes[$0].map { ($0.minX + $0.maxX) / 2 } }.sorted()
        let cuts = [extent.minX - 1] + (1..<strips).map { centres[$0 * centres.count / strips] } + [extent.maxX + 1]
        let pieces = try ParallelMap.map(0..<strips) { s -> StripPiece in
            let band = Envelope(minX: cuts[s], minY: extent.minY - 1, maxX: cuts[s + 1], maxY: extent.maxY + 1)
            let members = present.filter { boxes[$0].map(band.intersects) ?? false }.map { polygons[$0] }
            guard !members.isEmpty else { return StripPiece(outlines: [], innerHoles: []) }
            return try StripPiece(try Geometry.unaryUnion(members).clipped(to: band), band: band)
        }
        let outlines = pieces.flatMap(\.outlines)
        guard !outlines.isEmpty else { return try Geometry.empty(.polygon) }
        let joined = try Geometry.unaryUnion(outlines).parts().filter { $0.type == .polygon }
        // Put every set-aside hole back into the joined polygon whose shell holds it.
        let rings: [[[Coordinate]]] = joined.map { $0.polygonRings.first ?? [] }
        let outerRings: [[Coordinate]] = rings.map { $0.first ?? [] }
        var holes: [[[Coordinate]]] = rings.map { Array($0.dropFirst()) }
        let shells = try outerRings.map { try Geometry.polygon($0) }
        let locator = try PointLocator(shells)
        let inner = pieces.flatMap(\.innerHoles)
        let owners = try locator.locate(xs: inner.map { $0[0].x }, ys: inner.map { $0[0].y })
        for (hole, owner) in zip(inner, owners) {
            // A hole's vertices lie inside its polygon's shell, never on it (strips were clipped).
            guard owner >= 0 else { throw GeometryError(.operation, operation: "parallel union", message: "a hole lost its polygon") }
            holes[Int(owner)].append(hole)
        }
        let result = try zip(outerRings, holes).map { try Geometry.polygon($0.0, holes: $0.1) }
        return result.count == 1 ? result[0] : try Geometry.collection(result)
    }
}

/// One strip's union split into outlines (to be joined) and holes wholly inside the strip.
private struct StripPiece: Sendable {
    let outlines: [Geometry]
    let innerHoles: [[Coordinate]]

    init(outlines: [Geometry], innerHoles: [[Coordinate]]) {
        self.outlines = outlines
        self.innerHoles = innerHoles
    }

    init(_ union: Geometry, band: Envelope) throws {
        var outlines: [Geometry] = []
        var inner: [[Coordinate]] = []
        for rings in union.polygonRings {
            guard let shell = rings.first else { continue }
            var seamHoles: [[Coordinate]] = []
            for hole in rings.dropFirst() {
                let xs = hole.map(\.x)
                // Holes touching a strip edge may open up when strips are joined.
                if (xs.min() ?? band.minX) <= band.minX || (xs.max() ?? band.maxX) >= band.maxX {
                    seamHoles.append(hole)
                } else {
                    inner.append(hole)
                }
            }
            outlines.append(try Geometry.polygon(shell, holes: seamHoles))
        }
        self.outlines = outlines
        innerHoles = inner
    }
}
