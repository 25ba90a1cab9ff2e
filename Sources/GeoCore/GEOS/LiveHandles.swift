import Synchronization

/// Counts of C handles alive right now, so tests can prove nothing leaks: process-wide, and
/// per thread (created minus freed on the calling thread), which stays exact for synchronous
/// work while other threads create and free their own.
public enum LiveHandles {
    /// The kinds of handle counted.
    enum Kind: Int, CaseIterable { case geometry, prepared, tree, proj }

    private static let geometryCount = Atomic<Int>(0)
    private static let preparedCount = Atomic<Int>(0)
    private static let treeCount = Atomic<Int>(0)
    private static let projCount = Atomic<Int>(0)
    private static let perThread = ThreadLocal { ThreadCounts() }

    /// Records a handle created (+1) or freed (-1).
    @inline(__always)
    static func track(_ kind: Kind, _ delta: Int) {
        switch kind {
        case .geometry: geometryCount.add(delta, ordering: .relaxed)
        case .prepared: preparedCount.add(delta, ordering: .relaxed)
        case .tree: treeCount.add(delta, ordering: .relaxed)
        case .proj: projCount.add(delta, ordering: .relaxed)
        }
        perThread.value.values[kind.rawValue] += delta
    }

    /// GEOS geometries owned by `Geometry` values that have not been freed.
    public static var geometries: Int { geometryCount.load(ordering: .relaxed) }
    /// GEOS prepared geometries not yet freed.
    public static var prepared: Int { preparedCount.load(ordering: .relaxed) }
    /// GEOS STRtrees not yet freed.
    public static var trees: Int { treeCount.load(ordering: .relaxed) }
    /// PROJ objects (CRS and transformations) not yet freed.
    public static var proj: Int { projCount.load(ordering: .relaxed) }

    /// Handles created minus freed on the calling thread: geometries, prepared, trees, PROJ.
    public static var onThisThread: [Int] { perThread.value.values }
}

/// One thread's running balance of handles.
private final class ThreadCounts {
    var values = [Int](repeating: 0, count: LiveHandles.Kind.allCases.count)
}
