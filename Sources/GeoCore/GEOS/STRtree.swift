import CGEOS

/// A packed R-tree (GEOS STRtree) over geometries; queries return indices into `geometries`,
/// so attributes stay with the caller, as in Shapely 2.
///
/// The tree is built in `init`, after which queries only read it, so one tree may be
/// queried from many threads.
public final class STRtree: @unchecked Sendable {
    /// The indexed geometries, in the order given.
    public let geometries: [Geometry]
    private let handle: OpaquePointer

    /// Builds the tree; `nodeCapacity` is the fan-out (GEOS default 10).
    public init(_ geometries: [Geometry], nodeCapacity: Int = 10) throws(GeometryError) {
        self.geometries = geometries
        let ctx = GEOSContext.current.handle
        handle = try GEOSContext.call("strtree") { GEOSSTRtree_create_r($0, max(2, nodeCapacity)) }
        LiveHandles.track(.tree, 1)
        for (i, g) in geometries.enumerated() where !g.isEmpty {
            GEOSSTRtree_insert_r(ctx, handle, g.handle, STRtree.item(i))
        }
        // GEOS builds on the first query; do it now so later queries never write.
        if let probe = GEOSGeom_createPointFromXY_r(ctx, 0, 0) {
            GEOSSTRtree_query_r(ctx, handle, probe, { _, _ in }, nil)
            GEOSGeom_destroy_r(ctx, probe)
        }
    }

    deinit {
        GEOSSTRtree_destroy_r(GEOSContext.current.handle, handle)
        LiveHandles.track(.tree, -1)
    }

    /// Items are indices + 1 stored as pointers (GEOS items are `void*`; 0 would be NULL).
    private static func item(_ index: Int) -> UnsafeMutableRawPointer? { UnsafeMutableRawPointer(bitPattern: index + 1) }
    private static func index(_ item: UnsafeRawPointer?) -> Int { Int(bitPattern: item) - 1 }

    /// Indices of geometries whose envelopes intersect `envelope`, in ascending order.
    public func query(_ envelope: Envelope) throws(GeometryError) -> [Int] {
        let ctx = GEOSContext.current.handle
        let box = try GEOSContext.call("strtree query") {
            GEOSGeom_createRectangle_r($0, envelope.minX, envelope.minY, envelope.maxX, envelope.maxY)
        }
        defer { GEOSGeom_destroy_r(ctx, box) }
        return collect(box)
    }

    /// Indices of geometries whose envelopes intersect `geometry`'s envelope (the filter step).
    public func query(_ geometry: Geometry) -> [Int] {
        guard !geometry.isEmpty else { return [] }
        return collect(geometry.handle)
    }

    /// Indices `i` where `predicate(geometry, geometries[i])` holds: filter by envelope,
    /// then refine with `geometry` prepared once.
    public func query(_ geometry: Geometry, predicate: SpatialPredicate) throws(GeometryError) -> [Int] {
        let candidates: [Int]
        if case .withinDistance(let d) = predicate, let e = geometry.envelope {
            candidates = try query(e.expanded(by: d))
        } else if case .disjoint = predicate {
            candidates = Array(geometries.indices)
        } else {
            candidates = query(geometry)
        }
        guard !candidates.isEmpty else { return [] }
        let prepared = try PreparedGeometry(geometry)
        var hits: [Int] = []
        for i in candidates where try prepared.evaluate(predicate, geometries[i]) { hits.append(i) }
        return hits
    }

    private func collect(_ g: OpaquePointer) -> [Int] {
        var result: [Int] = []
        withUnsafeMutablePointer(to: &result) { out in
            GEOSSTRtree_query_r(GEOSContext.current.handle, handle, g, { item, userData in
                userData?.assumingMemoryBound(to: [Int].self).pointee.append(STRtree.index(item))
            }, out)
        }
        result.sort()
        return result
    }

    /// The index of the geometry nearest to `geometry` and its distance, or nil when the tree
    /// is empty (or every geometry is excluded); `excluding` skips one index (e.g. itself).
    public func nearest(to geometry: Geometry, excluding: Int? = nil) throws(GeometryError) -> (index: Int, distance: Double)? {
        guard !geometry.isEmpty, !geometries.isEmpty else { return nil }
        var search = NearestSearch(geometries: geometries, query: geometry.handle, excluding: excluding ?? -1)
        let context = GEOSContext.current
        context.lastError = nil
        let found = withUnsafeMutablePointer(to: &search) { state in
            GEOSSTRtree_nearest_generic_r(context.handle, handle, NearestSearch.queryItem, geometry.handle, { a, b, distance, userData in
                guard let userData, let distance else { return 0 }
                let state = userData.assumingMemoryBound(to: NearestSearch.self)
                let treeItem = a == NearestSearch.queryItem ? b : a
                let index = STRtree.index(treeItem)
                if index == state.pointee.excluding {
                    distance.pointee = .infinity
                    return 1
                }
                return GEOSDistance_r(GEOSContext.current.handle, state.pointee.geometries[index].handle, state.pointee.query, distance)
            }, state)
        }
        withExtendedLifetime(geometry) {}
        if let error = context.lastError {
            throw GeometryError(.operation, operation: "nearest", message: error)
        }
        guard let found else { return nil }
        let index = STRtree.index(found)
        if index == excluding { return nil }
        return (index, try geometries[index].distance(to: geometry))
    }

    /// The `k` nearest geometries by edge-to-edge distance, closest first, optionally only
    /// those within `maxDistance`; ties are broken by index.
    public func nearest(to geometry: Geometry, k: Int, maxDistance: Double? = nil,
                        excluding: Int? = nil) throws(GeometryError) -> [(index: Int, distance: Double)] {
        guard k > 0, let first = try nearest(to: geometry, excluding: excluding),
              let envelope = geometry.envelope else { return [] }
        if let maxDistance, first.distance > maxDistance { return [] }
        // Grow a search box from the nearest distance until it holds k hits within reach.
        var radius = max(first.distance, 1e-9)
        while true {
            if let maxDistance { radius = min(radius, maxDistance) }
            var hits: [(index: Int, distance: Double)] = []
            for i in try query(envelope.expanded(by: radius)) where i != excluding {
                let d = try geometries[i].distance(to: geometry)
                if d <= radius { hits.append((i, d)) }
            }
            let reachable = geometries.count - (excluding == nil ? 0 : 1)
            if hits.count >= k || hits.count >= reachable || radius == maxDistance {
                hits.sort { ($0.distance, $0.index) < ($1.distance, $1.index) }
                return Array(hits.prefix(k))
            }
            radius *= 2
        }
    }
}

/// State passed through GEOS's nearest-neighbour callback.
private struct NearestSearch {
    /// Stands for the query geometry among tree items (tree items are small integers).
    static var queryItem: UnsafeRawPointer? { UnsafeRawPointer(bitPattern: Int.max) }
    let geometries: [Geometry]
    let query: OpaquePointer
    let excluding: Int
}
