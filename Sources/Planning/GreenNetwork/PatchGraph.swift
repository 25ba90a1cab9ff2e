import Foundation
import GeoCore

/// The patches as two sparse graphs (compressed rows): PC's, weighted by k·d, and IIC's
/// binary links (d < threshold, every hop costs 1).
///
/// PC's graph keeps only the edges a best path can need, with or without any one patch:
/// an edge (i, j) is dropped when two other patches m each offer i → m → j no longer than
/// it, over edges that come earlier in the order (length, then indices). Whatever patch is
/// removed, one of the two detours survives, and by induction over that order its edges are
/// kept or have surviving detours of their own: so every best path, in the whole network and
/// with any one patch removed, is as short over the kept edges as over all of them. In the
/// plane a patch between two others usually shortens the way, so a few edges per patch stay.
struct PatchGraph: Sendable {
    /// A compressed adjacency: the neighbours of node u are `target[start[u]..<start[u+1]]`.
    struct Adjacency: Sendable {
        let start: [Int]
        let target: [Int32]
        let cost: [Double]

        init(n: Int, edges: [(i: Int, j: Int, cost: Double)]) {
            var count = [Int](repeating: 0, count: n + 1)
            for e in edges { count[e.i + 1] += 1; count[e.j + 1] += 1 }
            for u in 0..<n { count[u + 1] += count[u] }
            var fill = count
            var target = [Int32](repeating: 0, count: count[n])
            var cost = [Double](repeating: 0, count: count[n])
            for e in edges {
                target[fill[e.i]] = Int32(e.j); cost[fill[e.i]] = e.cost; fill[e.i] += 1
                target[fill[e.j]] = Int32(e.i); cost[fill[e.j]] = e.cost; fill[e.j] += 1
            }
            (start, self.target, self.cost) = (count, target, cost)
        }

        var edgeCount: Int { target.count / 2 }
    }

    let n: Int
    /// PC: cost k·d on the edges best paths can need.
    let paths: Adjacency
    /// IIC: the links (every pair closer than the threshold), cost 1 each.
    let links: Adjacency

    /// - Parameters:
    ///   - edges: measured pairs (i < j) and their edge-to-edge distance in metres.
    ///   - k: PC's decay; threshold: IIC's link distance.
    ///   - sparsify: drop edges with two detours (false keeps every edge, for checking).
    init(n: Int, edges: [(i: Int, j: Int, d: Double)], k: Double, threshold: Double, sparsify: Bool = true) {
        self.n = n
        links = Adjacency(n: n, edges: edges.filter { $0.d < threshold }.map { ($0.i, $0.j, 1) })
        let kept = sparsify ? PatchGraph.withoutDetoured(n: n, edges) : edges
        paths = Adjacency(n: n, edges: kept.map { ($0.i, $0.j, k * $0.d) })
    }

    /// The edges that lack two detours (see the type's comment), in the order given.
    static func withoutDetoured(n: Int, _ edges: [(i: Int, j: Int, d: Double)]) -> [(i: Int, j: Int, d: Double)] {
        let all = Adjacency(n: n, edges: edges.map { ($0.i, $0.j, $0.d) })
        // Node i's distances in a scratch row (one per chunk of nodes), then each edge (i, j > i)
        // looks for detours i → m → j through j's neighbours.
        let keep = ParallelMap.chunked(n, size: 64) { (nodes: Range<Int>) -> [(Int, [Int32])] in
            var row = [Double](repeating: .infinity, count: n)
            return nodes.map { i in
                for e in all.start[i]..<all.start[i + 1] { row[Int(all.target[e])] = all.cost[e] }
                var kept: [Int32] = []
                for e in all.start[i]..<all.start[i + 1] {
                    let j = Int(all.target[e]), d = all.cost[e]
                    guard j > i else { continue }
                    var detours = 0
                    for f in all.start[j]..<all.start[j + 1] {
                        let m = Int(all.target[f])
                        guard m != i else { continue }
                        let (dim, dmj) = (row[m], all.cost[f])
                        if dim + dmj <= d && earlier(dim, i, m, than: d, i, j) && earlier(dmj, m, j, than: d, i, j) {
                            detours += 1
                            if detours == 2 { break }
                        }
                    }
                    if detours < 2 { kept.append(Int32(j)) }
                }
                for e in all.start[i]..<all.start[i + 1] { row[Int(all.target[e])] = .infinity }
                return (i, kept)
            }
        }
        var result: [(i: Int, j: Int, d: Double)] = []
        var wanted = Set<Int64>()
        for (i, js) in keep { for j in js { wanted.insert(Int64(i) * Int64(n) + Int64(j)) } }
        for e in edges where wanted.contains(Int64(min(e.i, e.j)) * Int64(n) + Int64(max(e.i, e.j))) { result.append(e) }
        return result
    }

    /// A lower bound of PCnum = Σ a_i a_j p*_ij: each patch with itself, and each pair its
    /// direct edge (p* is at least the edge's own probability).
    func pcLowerBound(areas: [Double]) -> Double {
        var sum = areas.reduce(0) { $0 + $1 * $1 }
        for i in 0..<n {
            for e in paths.start[i]..<paths.start[i + 1] where Int(paths.target[e]) > i {
                sum += 2 * areas[i] * areas[Int(paths.target[e])] * exp(-paths.cost[e])
            }
        }
        return sum
    }

    /// The order edges are induced over: by length, then by their end indices.
    static func earlier(_ d: Double, _ a: Int, _ b: Int, than e: Double, _ c: Int, _ f: Int) -> Bool {
        (d, min(a, b), max(a, b)) < (e, min(c, f), max(c, f))
    }
}
