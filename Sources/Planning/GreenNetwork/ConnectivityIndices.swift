import Foundation
import GeoCore

/// Landscape connectivity indices of a set of habitat patches (Saura & Pascual-Hortal 2007;
/// Saura & Rubio 2010), as Conefor computes them: IIC (binary links), PC (probabilistic),
/// EC(PC), and per patch the drop dIIC/dPC on removal, split into intra, flux and connector.
///
/// Sums run over all ordered pairs including i = j; A_L (the landscape area) stays fixed when
/// a patch is removed.
public struct ConnectivityIndices: Sendable {
    /// A patch's contribution, in percent of the index's numerator.
    public struct Importance: Sendable {
        /// Drop in IIC on removal (%) and its intra, flux and connector parts.
        public let dIIC: Double, dIICintra: Double, dIICflux: Double, dIICconnector: Double
        /// Drop in PC on removal (%) and its intra, flux and connector parts.
        public let dPC: Double, dPCintra: Double, dPCflux: Double, dPCconnector: Double
    }

    /// Σ a_i a_j / (1 + nl_ij) over reachable pairs.
    public let iicNumerator: Double
    /// Σ a_i a_j p*_ij.
    public let pcNumerator: Double
    /// The landscape area the indices are relative to.
    public let landscapeArea: Double
    /// Per patch, in input order; empty when not computed (see `init`).
    public let importance: [Importance]
    /// p*_ij of the whole landscape (row-major n × n), kept to add links cheaply.
    private let pStar: [Double]
    private let areas: [Double]

    /// IIC = IICnum / A_L².
    public var iic: Double { iicNumerator / (landscapeArea * landscapeArea) }
    /// PC = PCnum / A_L².
    public var pc: Double { pcNumerator / (landscapeArea * landscapeArea) }
    /// EC(PC) = √PCnum: the area of one patch that would give the same connectivity.
    public var ecPC: Double { pcNumerator.squareRoot() }
    /// EC(IIC) = √IICnum.
    public var ecIIC: Double { iicNumerator.squareRoot() }

    /// Computes the indices.
    /// - Parameters:
    ///   - areas: patch areas (any unit; the indices use the same unit for `landscapeArea`).
    ///   - distance: edge-to-edge distance between patches i and j (i != j), symmetric.
    ///   - threshold: IIC links patches closer than this.
    ///   - k: PC's decay, p_ij = exp(-k d_ij); from (d0, p0): k = -ln(p0) / d0.
    ///   - landscapeArea: A_L.
    ///   - importance: compute each patch's dIIC/dPC (n recomputations, O(n⁴) in all, spread
    ///     over the cores); turn off for large networks, where the totals alone are O(n³).
    public init(areas: [Double], distance: (Int, Int) -> Double, threshold: Double, k: Double, landscapeArea: Double,
                importance computeImportance: Bool = true) {
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
        pStar = full.pStar
        self.areas = areas
        guard computeImportance else { importance = []; return }
        // Each removal is independent: one per core at a time, keeping only the two totals.
        let drops = ParallelMap.map(0..<n) { r -> (iic: Double, pc: Double) in
            let m = graph.numerators(removed: r)
            return (m.iic, m.pc)
        }
        importance = (0..<n).map { r in
            let without = drops[r]
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
            return Importance(dIIC: dIIC, dIICintra: intraI, dIICflux: fluxI, dIICconnector: dIIC - intraI - fluxI,
                              dPC: dPC, dPCintra: intraP, dPCflux: fluxP, dPCconnector: dPC - intraP - fluxP)
        }
    }

    /// PCnum if patches `i` and `j` were joined by a link of probability 1 (a new greenway):
    /// every best path may now use the new link once, so p*'_ab = max(p*_ab, p*_ai p*_jb,
    /// p*_aj p*_ib). O(n²), exact.
    public func pcNumeratorJoining(_ i: Int, _ j: Int) -> Double {
        let n = areas.count
        var total = 0.0
        for a in 0..<n {
            let (ai, aj) = (pStar[a * n + i], pStar[a * n + j])
            for b in 0..<n {
                let p = max(pStar[a * n + b], ai * pStar[j * n + b], aj * pStar[i * n + b])
                total += areas[a] * areas[b] * p
            }
        }
        return total
    }

    /// The k of p = exp(-k d) at which the probability is `probability` at `distance`.
    public static func decay(probability: Double, atDistance distance: Double) -> Double {
        -log(probability) / distance
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
