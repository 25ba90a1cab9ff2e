import GeoCore

/// Edge-to-edge distances between green patches: every pair, or only the pairs the network
/// analysis can feel, kept sparse (a city's thousands of patches would need gigabytes as a
/// matrix).
///
/// Pruned, it measures every pair whose envelopes lie within `reach`. A farther pair is
/// measured only when a best path could use it: when its envelope gap (a lower bound of its
/// distance) is below the distance of its best path over the measured pairs, with any one
/// patch removed (`GreenNetwork` asks for those pairs after each pass and measures them).
/// A pair left out always has a path through other patches at least as short, with or
/// without any one patch, so every index equals that of the full matrix.
struct PatchDistances: Sendable {
    /// Number of patches.
    let n: Int
    /// The pruning distance, or nil when every pair is measured.
    let reach: Double?
    /// Measured pairs, keyed by `key(i, j)`.
    private var known: [Int64: Double] = [:]
    private let geometries: [Geometry]
    private let boxes: [Envelope?]

    /// The distance between patches `i` and `j` (infinity when not measured).
    subscript(i: Int, j: Int) -> Double { i == j ? 0 : known[key(i, j)] ?? .infinity }

    /// Whether the pair was measured (or joined).
    func isKnown(_ i: Int, _ j: Int) -> Bool { i == j || known[key(i, j)] != nil }

    /// How many pairs are measured (or joined).
    var count: Int { known.count }

    /// Every measured pair (i < j), in order.
    var pairs: [(i: Int, j: Int, d: Double)] {
        known.map { (Int($0.key / Int64(n)), Int($0.key % Int64(n)), $0.value) }.sorted { ($0.i, $0.j) < ($1.i, $1.j) }
    }

    /// Measures `geometries` (a metric CRS), every pair when `reach` is nil.
    init(_ geometries: [Geometry], reach: Double?) throws {
        n = geometries.count
        self.geometries = geometries
        self.reach = reach
        let boxes = geometries.map(\.envelope)
        self.boxes = boxes
        // Pairs whose envelopes lie within reach: sweep the patches in order of minX.
        let order = (0..<n).sorted { (boxes[$0]?.minX ?? .infinity, $0) < (boxes[$1]?.minX ?? .infinity, $1) }
        let wanted = ParallelMap.chunked(n, size: 256) { (range: Range<Int>) -> [(Int, Int)] in
            var out: [(Int, Int)] = []
            for r in range {
                let i = order[r]
                guard let box = boxes[i] else { continue }
                for s in (r + 1)..<max(r + 1, order.count) {
                    let j = order[s]
                    guard let other = boxes[j] else { break }
                    if let reach, other.minX > box.maxX + reach { break }
                    if reach.map({ PatchDistances.gap(box, other) <= $0 }) ?? true { out.append((i, j)) }
                }
            }
            return out
        }
        try measure(wanted)
    }

    /// Measures `pairs` not yet known, one patch's prepared geometry per task.
    mutating func measure(_ pairs: [(Int, Int)]) throws {
        var byRow: [Int: [Int]] = [:]
        for (i, j) in pairs where !isKnown(i, j) { byRow[min(i, j), default: []].append(max(i, j)) }
        let rows = byRow.keys.sorted()
        let (geometries, lists) = (self.geometries, rows.map { Array(Set(byRow[$0] ?? [])).sorted() })
        let found = try ParallelMap.map(0..<rows.count) { r -> [Double] in
            let prepared = try PreparedGeometry(geometries[rows[r]])
            return try lists[r].map { try prepared.distance(to: geometries[$0]) }
        }
        for (r, i) in rows.enumerated() {
            for (j, d) in zip(lists[r], found[r]) { known[key(i, j)] = d }
        }
    }

    /// Sets a pair's distance to 0 (joined by a greenway).
    mutating func join(_ i: Int, _ j: Int) { if i != j { known[key(i, j)] = 0 } }

    /// Measures rows `rows` completely (for nearest neighbours and gap links far from anything).
    mutating func complete(rows: [Int]) throws {
        try measure(rows.flatMap { i in (0..<n).filter { $0 != i }.map { (i, $0) } })
    }

    /// Each patch's nearest other patch distance, exact (a row with nothing within reach is
    /// completed); nil for a lone patch.
    mutating func nearestAll() throws -> [Double?] {
        guard n > 1 else { return [Double?](repeating: nil, count: n) }
        func minima() -> [Double] {
            var best = [Double](repeating: .infinity, count: n)
            for (k, d) in known {
                let (i, j) = (Int(k / Int64(n)), Int(k % Int64(n)))
                best[i] = min(best[i], d)
                best[j] = min(best[j], d)
            }
            return best
        }
        var best = minima()
        if let reach {
            let far = (0..<n).filter { best[$0] > reach }
            if !far.isEmpty {
                try complete(rows: far)
                best = minima()
            }
        }
        return best.map { $0 }
    }

    /// The lower bound of the distance between patches i and j: their envelopes' gap.
    func lowerBound(_ i: Int, _ j: Int) -> Double { PatchDistances.gap(boxes[i], boxes[j]) }

    private func key(_ i: Int, _ j: Int) -> Int64 { Int64(min(i, j)) * Int64(n) + Int64(max(i, j)) }

    /// The gap between two envelopes: never more than the geometries' distance.
    static func gap(_ a: Envelope?, _ b: Envelope?) -> Double {
        guard let a, let b else { return .infinity }
        let dx = max(0, max(a.minX - b.maxX, b.minX - a.maxX))
        let dy = max(0, max(a.minY - b.maxY, b.minY - a.maxY))
        return (dx * dx + dy * dy).squareRoot()
    }
}
