import Foundation
import GeoCore

/// The connectivity indices by their definition: each patch removed in turn and every best
/// path recomputed (O(n⁴) in all). Kept as the independent reference that tests and
/// Scripts/bench-connectivity compare `ConnectivityIndices` with; too slow past a few
/// hundred patches.
public struct RemovalReference: Sendable {
    /// Σ a_i a_j / (1 + nl_ij) over reachable pairs.
    public let iicNumerator: Double
    /// Σ a_i a_j p*_ij.
    public let pcNumerator: Double
    /// The landscape area the indices are relative to.
    public let landscapeArea: Double
    /// The importance of the patches asked for, in that order.
    public let importance: [ConnectivityIndices.Importance]

    /// Computes the indices.
    /// - Parameters:
    ///   - areas: patch areas (any unit; the indices use the same unit for `landscapeArea`).
    ///   - distance: edge-to-edge distance between patches i and j (i != j), symmetric.
    ///   - threshold: IIC links patches closer than this.
    ///   - k: PC's decay, p_ij = exp(-k d_ij); from (d0, p0): k = -ln(p0) / d0.
    ///   - landscapeArea: A_L.
    ///   - removals: the patches whose dIIC/dPC to compute, one recomputation each (nil: all).
    public init(areas: [Double], distance: (Int, Int) -> Double, threshold: Double, k: Double, landscapeArea: Double,
                removals: [Int]? = nil) {
        let n = areas.count
        // One pass over the pairs: PC's costs and IIC's links.
        var cost = [Double](repeating: 0, count: n * n)
        var neighbours = [[Int]](repeating: [], count: n)
        for i in 0..<n {
            for j in 0..<n where i != j {
                let d = distance(i, j)
                cost[i * n + j] = k * d
                if d < threshold { neighbours[i].append(j) }
            }
        }
        let graph = Graph(areas: areas, paths: ShortestPaths(n: n, cost: cost), neighbours: neighbours)
        self.landscapeArea = landscapeArea
        let full = graph.numerators(removed: nil)
        iicNumerator = full.iic
        pcNumerator = full.pc
        let chosen = removals ?? Array(0..<n)
        // Each removal is independent: one per core at a time, keeping only the two totals.
        let drops = ParallelMap.map(0..<chosen.count) { c -> (iic: Double, pc: Double) in
            let m = graph.numerators(removed: chosen[c])
            return (m.iic, m.pc)
        }
        importance = chosen.enumerated().map { c, r in
            let without = drops[c]
            let dIIC = 100 * (full.iic - without.iic) / full.iic
            let dPC = 100 * (full.pc - without.pc) / full.pc
            let intraI = 100 * areas[r] * areas[r] / full.iic
            let intraP = 100 * areas[r] * areas[r] / full.pc
            var fluxI = 0.0, fluxP = 0.0
            for i in 0..<n where i != r {
                fluxI += areas[i] * areas[r] * full.iicWeight[i * n + r]
                fluxP += areas[i] * areas[r] * full.pStar[i * n + r]
            }
            fluxI = 100 * 2 * fluxI / full.iic
            fluxP = 100 * 2 * fluxP / full.pc
            return ConnectivityIndices.Importance(dIIC: dIIC, dIICintra: intraI, dIICflux: fluxI, dIICconnector: dIIC - intraI - fluxI,
                              dPC: dPC, dPCintra: intraP, dPCflux: fluxP, dPCconnector: dPC - intraP - fluxP)
        }
    }
}

/// The patches as a graph: PC's link costs k·d (infinity for pairs known not to matter) and
/// IIC's binary links.
private struct Graph: Sendable {
    let areas: [Double]
    let paths: ShortestPaths
    let neighbours: [[Int]]

    /// Numerators with patch `removed` left out, and the pair weights (row-major n × n).
    func numerators(removed: Int?) -> (iic: Double, pc: Double, iicWeight: [Double], pStar: [Double]) {
        let n = areas.count
        let gone = removed ?? -1
        // IIC: links on the shortest path of the binary graph (breadth first from each patch).
        var weight = [Double](repeating: 0, count: n * n)
        var hops = [Int](repeating: -1, count: n)
        var queue: [Int] = []
        queue.reserveCapacity(n)
        for s in 0..<n where s != gone {
            for i in 0..<n { hops[i] = -1 }
            hops[s] = 0
            queue.removeAll(keepingCapacity: true)
            queue.append(s)
            var head = 0
            while head < queue.count {
                let u = queue[head]
                head += 1
                for v in neighbours[u] where v != gone && hops[v] < 0 {
                    hops[v] = hops[u] + 1
                    queue.append(v)
                }
            }
            for t in queue { weight[s * n + t] = 1 / (1 + Double(hops[t])) }
        }
        // PC: the best product of p over any path = shortest path on -ln p = k d (the removed
        // patch relays nothing).
        let c = paths.all(removed: removed)
        var pStar = [Double](repeating: 0, count: n * n)
        var iic = 0.0, pc = 0.0
        for i in 0..<n where i != gone {
            for j in 0..<n where j != gone {
                let p = exp(-c[i * n + j])
                pStar[i * n + j] = p
                iic += areas[i] * areas[j] * weight[i * n + j]
                pc += areas[i] * areas[j] * p
            }
        }
        return (iic, pc, weight, pStar)
    }
}
