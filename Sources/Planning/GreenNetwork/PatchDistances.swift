import GeoCore

/// Edge-to-edge distances between green patches: every pair, or only the pairs the
/// network analysis can feel.
///
/// PC weighs each pair by its best path, and a direct gap matters only where no path
/// through other patches is as short. So the pruned matrix holds exact distances for every
/// pair whose envelopes lie within `reach`, then, with shortest paths over those, exact
/// distances for the farther pairs whose envelope gap (a lower bound) is below their path
/// length. A pair left out (infinity) has a path through other patches at least as short,
/// so links, components, PC, EC(PC) and gap gains equal those of the full matrix. Removing
/// a patch (dPC) can undo that, so per-patch importance needs `reach` nil: every pair.
struct PatchDistances {
    /// Number of patches.
    let n: Int
    /// Row-major n × n metres; infinity where not computed; 0 on the diagonal.
    private(set) var matrix: [Double]
    /// The pruning distance, or nil when every pair is computed.
    let reach: Double?
    private let geometries: [Geometry]
    private let boxes: [Envelope?]

    /// The distance between patches `i` and `j` (infinity when pruned).
    subscript(i: Int, j: Int) -> Double { matrix[i * n + j] }

    /// Measures `geometries` (a metric CRS), every pair when `reach` is nil.
    init(_ geometries: [Geometry], reach: Double?) throws {
        n = geometries.count
        self.geometries = geometries
        self.reach = reach
        boxes = geometries.map(\.envelope)
        matrix = [Double](repeating: .infinity, count: n * n)
        for i in 0..<n { matrix[i * n + i] = 0 }
        guard let reach else {
            try measure(rows: Array(0..<n), wanted: { _, _ in true })
            return
        }
        let (boxes, count) = (self.boxes, n)
        try measure(rows: Array(0..<n)) { i, j in PatchDistances.gap(boxes[i], boxes[j]) <= reach }
        let paths = ShortestPaths(n: n, cost: matrix).all()
        try measure(rows: Array(0..<n)) { i, j in PatchDistances.gap(boxes[i], boxes[j]) < paths[i * count + j] }
    }

    /// Fills rows `rows` completely (for nearest neighbours and gap links far from anything).
    mutating func complete(rows: [Int]) throws {
        try measure(rows: rows) { _, _ in true }
    }

    /// The nearest other patch's distance for patch `i`, exact (the row is completed when
    /// nothing within reach says otherwise); nil for a lone patch.
    mutating func nearest(_ i: Int) throws -> Double? {
        guard n > 1 else { return nil }
        let rowMin = { [n] (m: [Double]) in (0..<n).lazy.filter { $0 != i }.map { m[i * n + $0] }.min() ?? .infinity }
        if let reach, rowMin(matrix) > reach { try complete(rows: [i]) }
        return rowMin(matrix)
    }

    /// Exact distances of the still unknown pairs (i, j) of `rows` that `wanted` picks,
    /// one row per core at a time, each through its patch's prepared facet index.
    private mutating func measure(rows: [Int], wanted: @escaping @Sendable (Int, Int) -> Bool) throws {
        let (n, current, geometries) = (self.n, matrix, self.geometries)
        let inRows = Set(rows)
        let found = try ParallelMap.map(0..<rows.count) { r -> [(Int, Double)] in
            let i = rows[r]
            // A pair between two rows being measured is measured once, by the lower row.
            let todo = (0..<n).filter { j in
                j != i && !(j < i && inRows.contains(j)) && current[i * n + j] == .infinity && wanted(i, j)
            }
            guard !todo.isEmpty else { return [] }
            let prepared = try PreparedGeometry(geometries[i])
            return try todo.map { j in (j, try prepared.distance(to: geometries[j])) }
        }
        for (r, row) in found.enumerated() {
            let i = rows[r]
            for (j, d) in row {
                matrix[i * n + j] = d
                matrix[j * n + i] = d
            }
        }
    }

    /// The gap between two envelopes: never more than the geometries' distance.
    static func gap(_ a: Envelope?, _ b: Envelope?) -> Double {
        guard let a, let b else { return .infinity }
        let dx = max(0, max(a.minX - b.maxX, b.minX - a.maxX))
        let dy = max(0, max(a.minY - b.maxY, b.minY - a.maxY))
        return (dx * dx + dy * dy).squareRoot()
    }
}
