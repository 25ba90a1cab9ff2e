import Foundation
import CGEOS

/// Assigns many points to the polygon containing them (or to the geometry within a given
/// distance of them), working on coordinate buffers: no Swift object per point, and a GEOS
/// point only for points inside some candidate's box.
///
/// A uniform grid over the envelopes (grown by the distance) gives each point its few
/// candidates in O(1); each candidate is then tested with a prepared geometry: GEOS
/// "contains" (a point on a boundary is not inside), or "distance within" (the distance is
/// at most `distance`, boundary and inside included). Not `Sendable` (prepared geometries
/// are per thread): give each thread its own locator.
public final class PointLocator {
    /// The polygons (or any geometries, with a distance), in the order indices refer to.
    public let polygons: [Geometry]
    /// 0: points inside polygons; more: points within this distance of a geometry.
    public let distance: Double
    private let prepared: [PreparedGeometry]
    private let envelopes: [Envelope]
    private let extent: Envelope
    private let columns: Int, rows: Int
    private let cellWidth: Double, cellHeight: Double
    /// Candidate polygon indices per grid cell (row-major), flattened with offsets.
    private let cellStart: [Int32]
    private let cellItems: [Int32]

    /// Indexes `polygons`, or any geometries when `distance` > 0; empty geometries never
    /// hold anything.
    public init(_ polygons: [Geometry], distance: Double = 0) throws(GeometryError) {
        self.polygons = polygons
        self.distance = distance
        var prepared: [PreparedGeometry] = []
        prepared.reserveCapacity(polygons.count)
        for p in polygons { prepared.append(try PreparedGeometry(p)) }
        self.prepared = prepared
        let boxes = polygons.map { $0.envelope?.expanded(by: distance) }
        envelopes = boxes.map { $0 ?? Envelope(minX: .infinity, minY: .infinity, maxX: -.infinity, maxY: -.infinity) }
        let present = boxes.compactMap { $0 }
        extent = present.dropFirst().reduce(present.first ?? Envelope(minX: 0, minY: 0, maxX: 0, maxY: 0)) { $0.union($1) }
        // About four cells per polygon, at most 256 x 256.
        let side = Swift.min(256, Swift.max(1, Int((Double(present.count) * 4).squareRoot().rounded(.up))))
        columns = side
        rows = side
        cellWidth = Swift.max(extent.width / Double(side), .leastNormalMagnitude)
        cellHeight = Swift.max(extent.height / Double(side), .leastNormalMagnitude)
        var buckets = [[Int32]](repeating: [], count: side * side)
        for (index, e) in envelopes.enumerated() where e.minX <= e.maxX {
            let (c0, r0) = PointLocator.cell(e.minX, e.minY, extent, cellWidth, cellHeight, side, side)
            let (c1, r1) = PointLocator.cell(e.maxX, e.maxY, extent, cellWidth, cellHeight, side, side)
            for r in r0...r1 { for c in c0...c1 { buckets[r * side + c].append(Int32(index)) } }
        }
        var start: [Int32] = [0]
        start.reserveCapacity(buckets.count + 1)
        for b in buckets { start.append(start[start.count - 1] + Int32(b.count)) }
        cellStart = start
        cellItems = buckets.flatMap { $0 }
    }

    private static func cell(_ x: Double, _ y: Double, _ e: Envelope, _ w: Double, _ h: Double,
                             _ columns: Int, _ rows: Int) -> (Int, Int) {
        let c = Swift.min(columns - 1, Swift.max(0, Int((x - e.minX) / w)))
        let r = Swift.min(rows - 1, Swift.max(0, Int((y - e.minY) / h)))
        return (c, r)
    }

    /// For each point, the index of the first polygon containing it (or geometry within the
    /// distance), or -1.
    /// - Throws: `GeometryError` if GEOS fails on a point (e.g. a non-finite coordinate).
    public func locate(x: UnsafeBufferPointer<Double>, y: UnsafeBufferPointer<Double>,
                       into owners: UnsafeMutableBufferPointer<Int32>) throws(GeometryError) {
        let n = Swift.min(x.count, y.count, owners.count)
        let context = GEOSContext.current
        let ctx = context.handle
        for i in 0..<n {
            let px = x[i], py = y[i]
            owners[i] = -1
            guard extent.contains(x: px, y: py) else { continue }
            let (c, r) = PointLocator.cell(px, py, extent, cellWidth, cellHeight, columns, rows)
            let cellIndex = r * columns + c
            var point: OpaquePointer?
            for k in Int(cellStart[cellIndex])..<Int(cellStart[cellIndex + 1]) {
                let candidate = Int(cellItems[k])
                guard envelopes[candidate].contains(x: px, y: py) else { continue }
                if point == nil {
                    context.lastError = nil
                    point = GEOSGeom_createPointFromXY_r(ctx, px, py)
                    if point == nil {
                        throw GeometryError(.operation, operation: "locate", message: context.lastError ?? "cannot make point \(i + 1)")
                    }
                }
                let inside = distance > 0
                    ? GEOSPreparedDistanceWithin_r(ctx, prepared[candidate].handle, point, distance)
                    : GEOSPreparedContains_r(ctx, prepared[candidate].handle, point)
                if inside == 2 {
                    GEOSGeom_destroy_r(ctx, point)
                    throw GeometryError(.operation, operation: "locate", message: context.lastError ?? "GEOS failed on point \(i + 1)")
                }
                if inside == 1 {
                    owners[i] = Int32(candidate)
                    break
                }
            }
            if let point { GEOSGeom_destroy_r(ctx, point) }
        }
    }

    /// For each point (xs[i], ys[i]), the index of the polygon containing it, or -1.
    public func locate(xs: [Double], ys: [Double]) throws(GeometryError) -> [Int32] {
        var owners = [Int32](repeating: -1, count: Swift.min(xs.count, ys.count))
        try xs.withUnsafeBufferPointer { (x) throws(GeometryError) in
            try ys.withUnsafeBufferPointer { (y) throws(GeometryError) in
                try owners.withUnsafeMutableBufferPointer { (o) throws(GeometryError) in
                    try locate(x: x, y: y, into: o)
                }
            }
        }
        return owners
    }

    /// `locate(xs:ys:)` on every core: the points in chunks, each thread with its own locator.
    public static func locate(xs: [Double], ys: [Double], in geometries: [Geometry], distance: Double = 0) throws -> [Int32] {
        let n = Swift.min(xs.count, ys.count)
        // Chunks of at least 50,000 points (a locator costs its prepared geometries), 8 per core at most.
        let size = Swift.max(50_000, n / (8 * ProcessInfo.processInfo.activeProcessorCount) + 1)
        return try ParallelMap.chunked(n, size: size) { range in
            try PointLocator(geometries, distance: distance).locate(xs: Array(xs[range]), ys: Array(ys[range]))
        }
    }
}
