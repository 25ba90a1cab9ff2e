import CPROJ
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Transforms coordinates between two CRSs, always with x = easting/longitude and
/// y = northing/latitude (PROJ's normalization for visualization), whatever axis order
/// the CRS declares. GCJ-02 and BD-09 are chained with PROJ through WGS 84.
///
/// One transformer may be used from many threads: each thread gets its own PROJ
/// operation (PROJ objects must not be used by two threads at once).
public final class Transformer: Sendable {
    /// Which way to transform: source to target, or back.
    public enum Direction: Sendable { case forward, inverse }

    /// The CRS coordinates come from.
    public let source: CRS
    /// The CRS coordinates go to.
    public let target: CRS
    private let sourceOffset: ChinaOffsetStep?
    private let targetOffset: ChinaOffsetStep?
    /// The PROJ part, or nil when it is the identity (e.g. gcj02 -> EPSG:4326).
    private let projPair: (source: String, target: String)?
    private let operations = Locked<[UInt: ProjObject]>([:])
    /// Set when this transformer runs `reversing` the other way round.
    private let reversing: Transformer?

    /// Builds the transformation; fails when PROJ knows no way between the two.
    public init(from source: CRS, to target: CRS) throws(CRSError) {
        self.source = source
        self.target = target
        sourceOffset = ChinaOffsetStep(source.kind)
        targetOffset = ChinaOffsetStep(target.kind)
        let pair = (source.projDefinition, target.projDefinition)
        projPair = pair.0 == pair.1 ? nil : pair
        reversing = nil
        if projPair != nil { _ = try operation() }
    }

    /// `other` run backwards: its operations, inverted.
    private init(reversing other: Transformer) {
        source = other.target
        target = other.source
        sourceOffset = other.targetOffset
        targetOffset = other.sourceOffset
        projPair = nil
        reversing = other
    }

    /// The process's one transformer from `source` to `target`: PROJ searches its database
    /// (tens of milliseconds) for each new transformer and thread, so layers read and written
    /// in the same CRSs share one.
    public static func shared(from source: CRS, to target: CRS) throws(CRSError) -> Transformer {
        let pair = [source, target]
        let (existing, opposite) = sharedTransformers.withLock { ($0[pair], $0[[target, source]]) }
        if let existing { return existing }
        // The way back is the same PROJ operation inverted: no second database search.
        let made: Transformer
        if let opposite {
            made = opposite.inverted()
        } else {
            made = try Transformer(from: source, to: target)
        }
        return sharedTransformers.withLock { table in
            if let raced = table[pair] { return raced }
            table[pair] = made
            return made
        }
    }

    private static let sharedTransformers = Locked<[[CRS]: Transformer]>([:])

    /// Builds the transformation from two CRS definitions (see `CRS.init`).
    public convenience init(from source: String, to target: String) throws(CRSError) {
        try self.init(from: try CRS(source), to: try CRS(target))
    }

    /// This thread's PROJ operation, created on first use.
    private func operation() throws(CRSError) -> ProjObject? {
        guard let projPair else { return nil }
        let thread = UInt(pthread_self())
        if let existing = operations.withLock({ $0[thread] }) { return existing }
        let context = ProjContext.current
        guard let raw = proj_create_crs_to_crs(context.handle, projPair.source, projPair.target, nil) else {
            throw CRSError(.transformation, message: "no transformation from \(source) to \(target): \(context.lastError("PROJ found none"))")
        }
        let created = ProjObject(raw, context)
        guard let normalized = proj_normalize_for_visualization(context.handle, raw) else {
            throw CRSError(.transformation, message: "cannot order axes east, north for \(source) -> \(target): \(context.lastError("PROJ failed"))")
        }
        withExtendedLifetime(created) {}
        let object = ProjObject(normalized, context)
        operations.withLock { $0[thread] = object }
        return object
    }

    /// Transforms one point.
    public func transform(x: Double, y: Double, direction: Direction = .forward) throws(CRSError) -> (x: Double, y: Double) {
        var xs = [x], ys = [y]
        try transform(xs: &xs, ys: &ys, direction: direction)
        return (xs[0], ys[0])
    }

    /// Transforms coordinate arrays in place in one batch.
    public func transform(xs: inout [Double], ys: inout [Double], direction: Direction = .forward) throws(CRSError) {
        guard xs.count == ys.count else {
            throw CRSError(.invalidCoordinate, message: "x and y arrays differ in length (\(xs.count) and \(ys.count))")
        }
        try xs.withUnsafeMutableBufferPointer { (x) throws(CRSError) in
            try ys.withUnsafeMutableBufferPointer { (y) throws(CRSError) in
                try transform(x: x, y: y, direction: direction)
            }
        }
    }

    /// Transforms coordinate buffers in place: no allocation or object per point.
    /// - Throws: `CRSError.invalidCoordinate` naming the first point (1-based) that is not a
    ///   finite number or that PROJ could not transform; the buffers may then be partly done.
    public func transform(x: UnsafeMutableBufferPointer<Double>, y: UnsafeMutableBufferPointer<Double>,
                          direction: Direction = .forward) throws(CRSError) {
        if let reversing {
            try reversing.transform(x: x, y: y, direction: direction == .forward ? .inverse : .forward)
            return
        }
        let n = min(x.count, y.count)
        guard n > 0, let xp = x.baseAddress, let yp = y.baseAddress else { return }
        for i in 0..<n where !(xp[i].isFinite && yp[i].isFinite) {
            throw CRSError(.invalidCoordinate, message: "point \(i + 1) (\(xp[i]), \(yp[i])) is not a finite number", pointIndex: i)
        }
        let (first, last) = direction == .forward ? (sourceOffset, targetOffset) : (targetOffset, sourceOffset)
        first?.toWGS84(xp, yp, n)
        if let op = try operation() {
            let stride = MemoryLayout<Double>.stride
            let pjDirection = direction == .forward ? PJ_FWD : PJ_INV
            _ = proj_trans_generic(op.pj, pjDirection, xp, stride, n, yp, stride, n, nil, 0, 0, nil, 0, 0)
            for i in 0..<n where !(xp[i].isFinite && yp[i].isFinite) {
                let reason = op.context.lastError("outside the area where the transformation is defined")
                let (fromCRS, toCRS) = direction == .forward ? (source, target) : (target, source)
                throw CRSError(.invalidCoordinate,
                               message: "point \(i + 1) cannot be transformed from \(fromCRS) to \(toCRS): \(reason)", pointIndex: i)
            }
        }
        last?.fromWGS84(xp, yp, n)
    }

    /// Transforms coordinates in place (z is kept unchanged).
    public func transform(_ coordinates: inout [Coordinate], direction: Direction = .forward) throws(CRSError) {
        var xs = coordinates.map(\.x), ys = coordinates.map(\.y)
        try transform(xs: &xs, ys: &ys, direction: direction)
        for i in coordinates.indices {
            coordinates[i].x = xs[i]
            coordinates[i].y = ys[i]
        }
    }

    /// The transformation the other way round: the same PROJ operations, run inverted.
    public func inverted() -> Transformer { reversing ?? Transformer(reversing: self) }
}

/// The GCJ-02/BD-09 leg of a chain, applied point by point around PROJ's WGS 84 leg.
enum ChinaOffsetStep: Sendable {
    case gcj02, bd09

    init?(_ kind: CRS.Kind) {
        switch kind {
        case .gcj02: self = .gcj02
        case .bd09: self = .bd09
        case .proj: return nil
        }
    }

    func toWGS84(_ x: UnsafeMutablePointer<Double>, _ y: UnsafeMutablePointer<Double>, _ n: Int) {
        for i in 0..<n {
            (x[i], y[i]) = self == .gcj02 ? ChinaOffset.gcj02ToWGS84(x[i], y[i]) : ChinaOffset.bd09ToWGS84(x[i], y[i])
        }
    }

    func fromWGS84(_ x: UnsafeMutablePointer<Double>, _ y: UnsafeMutablePointer<Double>, _ n: Int) {
        for i in 0..<n {
            (x[i], y[i]) = self == .gcj02 ? ChinaOffset.wgs84ToGCJ02(x[i], y[i]) : ChinaOffset.wgs84ToBD09(x[i], y[i])
        }
    }
}
