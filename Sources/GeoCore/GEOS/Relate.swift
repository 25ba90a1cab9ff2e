import CGEOS

/// A DE-9IM intersection matrix, e.g. "FF2F11212".
public struct IntersectionMatrix: Hashable, Sendable, CustomStringConvertible {
    /// The nine characters, row by row (interior, boundary, exterior of A against B).
    public let value: String

    /// Wraps a nine-character matrix string.
    public init(_ value: String) { self.value = value }

    /// The nine characters.
    public var description: String { value }

    /// True when the matrix matches a pattern of T, F, *, 0, 1, 2 characters.
    public func matches(_ pattern: String) throws(GeometryError) -> Bool {
        try IntersectionMatrix.checkPattern(pattern)
        return try GEOSContext.predicate("relate pattern") { ctx in
            value.withCString { m in pattern.withCString { p in GEOSRelatePatternMatch_r(ctx, m, p) } }
        }
    }

    static func checkPattern(_ pattern: String) throws(GeometryError) {
        guard pattern.count == 9, pattern.allSatisfy({ "TF*012".contains($0.uppercased()) }) else {
            throw GeometryError(.invalidInput, operation: "relate",
                                message: "'\(pattern)' is not a DE-9IM pattern: give 9 characters from T F * 0 1 2")
        }
    }
}

extension Geometry {
    /// The DE-9IM matrix of this against `other`.
    public func relate(_ other: Geometry) throws(GeometryError) -> IntersectionMatrix {
        let context = GEOSContext.current
        let cString = try GEOSContext.call("relate") { GEOSRelate_r($0, handle, other.handle) }
        defer { GEOSFree_r(context.handle, cString) }
        return IntersectionMatrix(String(cString: cString))
    }

    /// True when the DE-9IM matrix of this against `other` matches `pattern`.
    public func relate(_ other: Geometry, pattern: String) throws(GeometryError) -> Bool {
        try IntersectionMatrix.checkPattern(pattern)
        return try GEOSContext.predicate("relate") { ctx in
            pattern.withCString { GEOSRelatePattern_r(ctx, handle, other.handle, $0) }
        }
    }
}
