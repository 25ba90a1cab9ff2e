import Foundation

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
    /// p*_ij of the whole landscape, kept to add links cheaply.
    private let pStar: [[Double]]
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
    ///   - importance: compute each patch's dIIC/dPC (n recomputations, O(n⁴) in all);
    ///     turn off for large networks, where the totals alone are O(n³).
    public init(areas: [Double], distance: (Int, Int) -> Double, threshold: Double, k: Double, landscapeArea: Double,
                importance computeImportance: Bool = true) {
        let n = areas.count
        var d = [[Double]](repeating: [Double](repeating: 0, count: n), count: n)
        for i in 0..<n { for j in 0..<n where i != j { d[i][j] = distance(i, j) } }
        self.landscapeArea = landscapeArea
        let full = ConnectivityIndices.numerators(areas, d, threshold: threshold, k: k, removed: nil)
        iicNumerator = full.iic
        pcNumerator = full.pc
        pStar = full.pStar
        self.areas = areas
        importance = !computeImportance ? [] : (0..<n).map { r in
            let without = ConnectivityIndices.numerators(areas, d, threshold: threshold, k: k, removed: r)
            let dIIC = 100 * (full.iic - without.iic) / full.iic
            let dPC = 100 * (full.pc - without.pc) / full.pc
            let intraI = 100 * areas[r] * areas[r] / full.iic
            let intraP = 100 * areas[r] * areas[r] / full.pc
            var fluxI = 0.0, fluxP = 0.0
            for i in 0..<n where i != r {
                fluxI += areas[i] * areas[r] * full.iicWeight[i][r]
                fluxP += areas[i] * areas[r] * full.pStar[i][r]
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
            for b in 0..<n {
                let p = max(pStar[a][b], pStar[a][i] * pStar[j][b], pStar[a][j] * pStar[i][b])
                total += areas[a] * areas[b] * p
            }
        }
        return total
    }

    /// The k of p = exp(-k d) at which the probability is `probability` at `distance`.
    public static func decay(probability: Double, atDistance distance: Double) -> Double {
        -log(probability) / distance
    }

    /// Numerators with patch `removed` left out, and the full pair weights.
    private static func numerators(_ a: [Double], _ d: [[Double]], threshold: Double, k: Double, removed: Int?)
        -> (iic: Double, pc: Double, iicWeight: [[Double]], pStar: [[Double]]) {
        let n = a.count
        let alive = (0..<n).filter { $0 != removed }
        // IIC: links on the shortest path of the binary graph (breadth first from each patch).
        var weight = [[Double]](repeating: [Double](repeating: 0, count: n), count: n)
        for s in alive {
            var hops = [Int](repeating: -1, count: n)
            hops[s] = 0
            var queue = [s], head = 0
            while head < queue.count {
                let u = queue[head]
                head += 1
                for v in alive where hops[v] < 0 && v != u && d[u][v] < threshold {
                    hops[v] = hops[u] + 1
                    queue.append(v)
                }
            }
            for t in alive where hops[t] >= 0 { weight[s][t] = 1 / (1 + Double(hops[t])) }
        }
        // PC: the best product of p over any path = shortest path on -ln p = k d (Floyd-Warshall).
        var cost = [[Double]](repeating: [Double](repeating: .infinity, count: n), count: n)
        for i in alive {
            for j in alive { cost[i][j] = i == j ? 0 : k * d[i][j] }
        }
        for m in alive {
            for i in alive where cost[i][m] < .infinity {
                for j in alive where cost[i][m] + cost[m][j] < cost[i][j] { cost[i][j] = cost[i][m] + cost[m][j] }
            }
        }
        var pStar = [[Double]](repeating: [Double](repeating: 0, count: n), count: n)
        var iic = 0.0, pc = 0.0
        for i in alive {
            for j in alive {
                pStar[i][j] = exp(-cost[i][j])
                iic += a[i] * a[j] * weight[i][j]
                pc += a[i] * a[j] * pStar[i][j]
            }
        }
        return (iic, pc, weight, pStar)
    }
}
