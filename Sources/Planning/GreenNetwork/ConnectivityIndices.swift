import Foundation
import GeoCore

/// Landscape connectivity indices of a set of habitat patches (Saura & Pascual-Hortal 2007;
/// Saura & Rubio 2010), as Conefor computes them: IIC (binary links), PC (probabilistic),
/// EC(PC), and per patch the drop dIIC/dPC on removal, split into intra, flux and connector.
///
/// Sums run over all ordered pairs including i = j; A_L (the landscape area) stays fixed when
/// a patch is removed. Every patch's importance comes from one pass per source patch
/// (`RemovalSweep`), not one recomputation per removed patch, with the same values.
///
/// Paths whose probability is below τ = tolerance · Σa² / (Σa)² are left out: all pairs
/// together lose less than τ (Σa)² = tolerance · Σa² ≤ tolerance · PCnum that way, with or
/// without any one patch, so PC, EC(PC) and every dPC part are exact to `tolerance` of PCnum;
/// the removals also pass over the far patches of each source (`RemovalSweep.nearCount`), to
/// `tolerance` of PCnum more: dPC is exact to 3 · 100 · tolerance = 3e-10 percentage points.
/// IIC and dIIC leave nothing out.
public struct ConnectivityIndices: Sendable {
    /// A patch's contribution, in percent of the index's numerator.
    public struct Importance: Sendable {
        /// Drop in IIC on removal (%) and its intra, flux and connector parts.
        public let dIIC: Double, dIICintra: Double, dIICflux: Double, dIICconnector: Double
        /// Drop in PC on removal (%) and its intra, flux and connector parts.
        public let dPC: Double, dPCintra: Double, dPCflux: Double, dPCconnector: Double
    }

    /// The share of PCnum that paths left out may carry at most.
    public static let tolerance = 1e-12

    /// Σ a_i a_j / (1 + nl_ij) over reachable pairs.
    public let iicNumerator: Double
    /// Σ a_i a_j p*_ij.
    public let pcNumerator: Double
    /// The landscape area the indices are relative to.
    public let landscapeArea: Double
    /// Per patch, in input order; empty when not computed.
    public let importance: [Importance]
    let graph: PatchGraph
    let areas: [Double]
    /// Path cost beyond which probabilities are left out (-ln τ).
    let cutoff: Double

    /// IIC = IICnum / A_L².
    public var iic: Double { iicNumerator / (landscapeArea * landscapeArea) }
    /// PC = PCnum / A_L².
    public var pc: Double { pcNumerator / (landscapeArea * landscapeArea) }
    /// EC(PC) = √PCnum: the area of one patch that would give the same connectivity.
    public var ecPC: Double { pcNumerator.squareRoot() }
    /// EC(IIC) = √IICnum.
    public var ecIIC: Double { iicNumerator.squareRoot() }

    /// Computes the indices from every pair's distance (small landscapes, peer cases).
    /// - Parameters:
    ///   - areas: patch areas (any unit; the indices use the same unit for `landscapeArea`).
    ///   - distance: edge-to-edge distance between patches i and j (i != j), symmetric;
    ///     infinity for a pair that no path may use directly.
    ///   - threshold: IIC links patches closer than this.
    ///   - k: PC's decay, p_ij = exp(-k d_ij); from (d0, p0): k = -ln(p0) / d0.
    ///   - landscapeArea: A_L.
    ///   - importance: compute each patch's dIIC/dPC.
    public init(areas: [Double], distance: (Int, Int) -> Double, threshold: Double, k: Double, landscapeArea: Double,
                importance: Bool = true) {
        let n = areas.count
        var edges: [(i: Int, j: Int, d: Double)] = []
        for i in 0..<n {
            for j in (i + 1)..<max(i + 1, n) {
                let d = distance(i, j)
                if d.isFinite { edges.append((i, j, d)) }
            }
        }
        self = ConnectivityIndices.compute(areas: areas, graph: PatchGraph(n: n, edges: edges, k: k, threshold: threshold),
                                           landscapeArea: landscapeArea, importance: importance).indices
    }

    private init(iic: Double, pc: Double, landscapeArea: Double, importance: [Importance], graph: PatchGraph, areas: [Double], cutoff: Double) {
        (iicNumerator, pcNumerator, self.landscapeArea, self.importance) = (iic, pc, landscapeArea, importance)
        (self.graph, self.areas, self.cutoff) = (graph, areas, cutoff)
    }

    /// The cost beyond which a path's probability is left out, for these areas.
    static func cutoff(areas: [Double]) -> Double {
        let sum = areas.reduce(0, +), squares = areas.reduce(0) { $0 + $1 * $1 }
        guard sum > 0, squares > 0 else { return .infinity }
        return -log(tolerance * squares / (sum * sum))
    }

    /// One pass per source patch over `graph`, spread over the cores.
    /// - Parameters:
    ///   - progress: told (sources done, sources) now and then, from any thread.
    ///   - inspect: given each source and its worst single-removal distance to every patch
    ///     (cost units; infinity beyond the cutoff), returns pairs that must be measured
    ///     because a missing direct edge could be shorter: if one measured edge is, the
    ///     result is incomplete and the caller adds it and computes again.
    ///   - bridges: pairs whose PC gain if joined (`pcGains`) the same pass sums.
    ///   - rows: best-path probabilities from some of the bridges' ends over these distances.
    /// - Returns: the indices, the pairs `inspect` asked for and the bridges' gains.
    static func compute(areas: [Double], graph: PatchGraph, landscapeArea: Double, importance: Bool,
                        progress: @Sendable (Int, Int) -> Void = { _, _ in },
                        inspect: (@Sendable (Int, [Double]) -> [Request])? = nil,
                        bridges: [(Int, Int)] = [], rows: [Int: [Double]] = [:]) -> (indices: ConnectivityIndices, requests: [Request], gains: [Double]) {
        let n = areas.count
        let cutoff = cutoff(areas: areas)
        let pcSweep = RemovalSweep(graph: graph.paths, areas: areas, weight: .decay, cutoff: cutoff)
        let iicSweep = RemovalSweep(graph: graph.links, areas: areas, weight: .hops, cutoff: .infinity)
        // PCnum is known only after the pass: the gains' tolerance is taken of a lower bound.
        let gainSums = bridges.isEmpty ? nil
            : GainSums(pairs: bridges, sweep: pcSweep, allowed: gainTolerance * graph.pcLowerBound(areas: areas), rows: rows)
        let done = Locked(0)
        let step = max(1, n / 100)
        // Fixed blocks of sources on every core, each with its own arrays and sums, added up
        // in block order: the same sums, bit for bit, however the blocks were scheduled.
        let blocks = RemovalSweep.blocks(n)
        let workers = ParallelMap.map(blocks.indices) { b in
            var ws = RemovalSweep.Workspace(n: n)
            var pc = RemovalSweep.Totals(n: n), iic = RemovalSweep.Totals(n: n)
            var requests: [Request] = []
            var gains = [Double](repeating: 0, count: bridges.count)
            for s in blocks[b] {
                pcSweep.run(from: s, importance: importance, into: &pc, &ws)
                if let inspect { requests += inspect(s, ws.worst) }
                gainSums?.add(source: s, &ws, to: &gains)
                iicSweep.run(from: s, importance: importance, into: &iic, &ws)
                let count = done.withLock { value -> Int in value += 1; return value }
                if count % step == 0 { progress(count, n) }
            }
            return (pc, iic, requests, gains)
        }
        var pc = RemovalSweep.Totals(n: n), iic = RemovalSweep.Totals(n: n)
        var requests: [Request] = []
        for w in workers {
            pc.add(w.0)
            iic.add(w.1)
            requests += w.2
        }
        let gains = gainSums?.percent(workers.map(\.3), of: pc.numerator) ?? []
        let parts = importance ? (0..<n).map { k -> Importance in
            let a2 = areas[k] * areas[k]
            let (intraI, fluxI, connectorI) = (100 * a2 / iic.numerator, 200 * iic.flux[k] / iic.numerator, 100 * iic.connector[k] / iic.numerator)
            let (intraP, fluxP, connectorP) = (100 * a2 / pc.numerator, 200 * pc.flux[k] / pc.numerator, 100 * pc.connector[k] / pc.numerator)
            return Importance(dIIC: intraI + fluxI + connectorI, dIICintra: intraI, dIICflux: fluxI, dIICconnector: connectorI,
                              dPC: intraP + fluxP + connectorP, dPCintra: intraP, dPCflux: fluxP, dPCconnector: connectorP)
        } : []
        return (ConnectivityIndices(iic: iic.numerator, pc: pc.numerator, landscapeArea: landscapeArea, importance: parts,
                                    graph: graph, areas: areas, cutoff: cutoff), requests, gains)
    }

    /// The pairs `inspect` asks for given every source's best distances alone (no indices):
    /// what settles the graph before the pass with importance. Also keeps the best-path
    /// probabilities from the sources in `keep` (the gap bridges' ends), for `compute` to
    /// reuse while the distances stay the same.
    static func requests(areas: [Double], graph: PatchGraph, keep: Set<Int> = [],
                         inspect: @Sendable (Int, [Double]) -> [Request]) -> (requests: [Request], rows: [Int: [Double]]) {
        let n = areas.count
        let sweep = RemovalSweep(graph: graph.paths, areas: areas, weight: .decay, cutoff: cutoff(areas: areas))
        let blocks = RemovalSweep.blocks(n)
        let parts = ParallelMap.map(blocks.indices) { b -> ([Request], [Int: [Double]]) in
            var ws = RemovalSweep.Workspace(n: n)
            var wanted: [Request] = []
            var rows: [Int: [Double]] = [:]
            for s in blocks[b] {
                sweep.search(from: s, &ws)
                wanted += inspect(s, ws.worst)
                if keep.contains(s) { rows[s] = ws.settledWeights() }
            }
            return (wanted, rows)
        }
        return (parts.flatMap(\.0), parts.reduce(into: [:]) { all, part in all.merge(part.1) { first, _ in first } })
    }

    /// A pair to measure: its patches, and the cost its direct edge must beat to change any
    /// best path (with or without one patch removed).
    struct Request: Sendable {
        let i: Int, j: Int, beat: Double
    }

    /// The k of p = exp(-k d) at which the probability is `probability` at `distance`.
    public static func decay(probability: Double, atDistance distance: Double) -> Double {
        -log(probability) / distance
    }
}
