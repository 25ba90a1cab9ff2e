import Synchronization

/// Counts of C handles alive right now, so tests can prove nothing leaks.
public enum LiveHandles {
    static let geometryCount = Atomic<Int>(0)
    static let preparedCount = Atomic<Int>(0)
    static let treeCount = Atomic<Int>(0)
    static let projCount = Atomic<Int>(0)

    /// GEOS geometries owned by `Geometry` values that have not been freed.
    public static var geometries: Int { geometryCount.load(ordering: .relaxed) }
    /// GEOS prepared geometries not yet freed.
    public static var prepared: Int { preparedCount.load(ordering: .relaxed) }
    /// GEOS STRtrees not yet freed.
    public static var trees: Int { treeCount.load(ordering: .relaxed) }
    /// PROJ objects (CRS and transformations) not yet freed.
    public static var proj: Int { projCount.load(ordering: .relaxed) }
}
