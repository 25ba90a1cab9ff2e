/// An STRtree over a set of geometries that are each prepared on first use, for testing
/// many other geometries against the same set (the side that is reused is the one prepared).
///
/// Not `Sendable` (prepared geometries are per thread): give each thread its own.
public final class PreparedIndex {
    /// The indexed geometries.
    public var geometries: [Geometry] { tree.geometries }
    private let tree: STRtree
    private var prepared: [PreparedGeometry?]

    /// Indexes `geometries`; preparation happens lazily, per geometry, when first tested.
    public init(_ geometries: [Geometry]) throws(GeometryError) {
        tree = try STRtree(geometries)
        prepared = Array(repeating: nil, count: geometries.count)
    }

    private func preparedGeometry(_ i: Int) throws(GeometryError) -> PreparedGeometry {
        if let p = prepared[i] { return p }
        let p = try PreparedGeometry(tree.geometries[i])
        prepared[i] = p
        return p
    }

    /// Indices `i` where `predicate(geometry, geometries[i])` holds, ascending; stops at the
    /// first hit with `firstOnly`.
    public func matches(_ geometry: Geometry, _ predicate: SpatialPredicate, firstOnly: Bool = false) throws(GeometryError) -> [Int] {
        guard let envelope = geometry.envelope else { return [] }
        let candidates: [Int]
        switch predicate {
        case .withinDistance(let d): candidates = try tree.query(envelope.expanded(by: d))
        case .disjoint: candidates = Array(tree.geometries.indices)
        default: candidates = try tree.query(envelope)
        }
        var hits: [Int] = []
        for i in candidates {
            let p = try preparedGeometry(i)
            let holds: Bool
            // predicate(geometry, other) evaluated as its converse on the prepared other.
            switch predicate {
            case .intersects: holds = try p.intersects(geometry)
            case .within: holds = try p.contains(geometry)
            case .contains: holds = try p.within(geometry)
            case .covers: holds = try p.coveredBy(geometry)
            case .coveredBy: holds = try p.covers(geometry)
            case .touches: holds = try p.touches(geometry)
            case .crosses: holds = try p.crosses(geometry)
            case .overlaps: holds = try p.overlaps(geometry)
            case .disjoint: holds = try p.disjoint(geometry)
            case .withinDistance(let d): holds = try p.isWithinDistance(geometry, d)
            case .containsProperly: holds = try geometry.relate(tree.geometries[i], pattern: "T**FF*FF*")
            }
            if holds {
                hits.append(i)
                if firstOnly { break }
            }
        }
        return hits
    }

    /// The `k` nearest geometries to `geometry`, closest first (see `STRtree.nearest`).
    public func nearest(to geometry: Geometry, k: Int, maxDistance: Double? = nil) throws(GeometryError) -> [(index: Int, distance: Double)] {
        try tree.nearest(to: geometry, k: k, maxDistance: maxDistance)
    }
}
