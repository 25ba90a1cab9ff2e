import Foundation
import GeoCore

extension ConnectivityIndices {
    /// The share of PCnum a gap gain may be off by (on top of `tolerance`): 1e-7 percentage
    /// points, far below the two decimals gains are reported with.
    public static let gainTolerance = 1e-9

    /// The PC gain (percent of PCnum) of joining each pair by a link of probability 1 (a new
    /// greenway): every best path may use it once, p*'_ab = max(p*_ab, p*_ai p*_jb,
    /// p*_aj p*_ib), so the gain is Σ_ab a_a a_b δ_ab with δ_ab ≤ p*_ai p*_jb + p*_aj p*_ib.
    ///
    /// Exact to `gainTolerance` of PCnum: with R_i = Σ_a a_a p*_ai, the sources a outside a
    /// set A add at most Σ_{a∉A} a_a (p*_ai R_j + p*_aj R_i), and the targets b outside a set
    /// N at most Σ_{b∉N} a_b (R_i p*_jb + R_j p*_ib); A and N are the smallest sets whose
    /// left-out bounds stay within half the tolerance each. Both are the patches within a
    /// few kilometres of the bridge, so a gain costs |A|·|N| instead of n².
    public func pcGains(joining pairs: [(Int, Int)]) -> [Double] {
        let n = areas.count
        guard !pairs.isEmpty, n > 0 else { return [] }
        let sweep = RemovalSweep(graph: graph.paths, areas: areas, weight: .decay, cutoff: cutoff)
        let allowed = ConnectivityIndices.gainTolerance * pcNumerator / 2
        let areas = self.areas
        // Per pair: its sources (A) and targets (N, with p*_ib and p*_jb).
        let plans = ParallelMap.chunked(pairs.count, size: 8) { (range: Range<Int>) -> [GainPlan] in
            var ws = RemovalSweep.Workspace(n: n)
            return range.map { c in
                let (i, j) = pairs[c]
                let (ri, rj) = (sweep.probabilities(from: i, &ws), sweep.probabilities(from: j, &ws))
                var (reachI, reachJ) = (0.0, 0.0)
                for a in 0..<n {
                    reachI += areas[a] * ri[a]
                    reachJ += areas[a] * rj[a]
                }
                let sources = GainPlan.smallest(n, allowed) { a in areas[a] * (ri[a] * reachJ + rj[a] * reachI) }
                let targets = GainPlan.smallest(n, allowed) { b in areas[b] * (reachI * rj[b] + reachJ * ri[b]) }
                return GainPlan(sources: sources, targets: targets.map { Int32($0) }, pi: targets.map { ri[$0] }, pj: targets.map { rj[$0] },
                                fromI: sources.map { ri[$0] }, fromJ: sources.map { rj[$0] })
            }
        }
        // Which pairs each source serves, and where it sits in their lists.
        var bySource = [[(pair: Int, slot: Int)]](repeating: [], count: n)
        for (c, plan) in plans.enumerated() {
            for (slot, a) in plan.sources.enumerated() { bySource[a].append((c, slot)) }
        }
        let work = bySource
        let blocks = RemovalSweep.blocks(n)
        let partial = ParallelMap.map(blocks.indices) { b -> [Double] in
            var ws = RemovalSweep.Workspace(n: n)
            var gains = [Double](repeating: 0, count: pairs.count)
            for a in blocks[b] where !work[a].isEmpty {
                let row = sweep.probabilities(from: a, &ws)
                for (c, slot) in work[a] {
                    let plan = plans[c]
                    let (pi, pj) = (plan.fromI[slot], plan.fromJ[slot])
                    var sum = 0.0
                    for t in plan.targets.indices {
                        let b = Int(plan.targets[t])
                        let via = max(pi * plan.pj[t], pj * plan.pi[t])
                        if via > row[b] { sum += areas[b] * (via - row[b]) }
                    }
                    gains[c] += areas[a] * sum
                }
            }
            return gains
        }
        return (0..<pairs.count).map { c in 100 * partial.reduce(0) { $0 + $1[c] } / pcNumerator }
    }
}

/// The sources and targets that a gap gain sums over (see `pcGains`).
struct GainPlan: Sendable {
    let sources: [Int]
    let targets: [Int32]
    /// p*_ib and p*_jb per target; p*_ai and p*_aj per source.
    let pi: [Double], pj: [Double], fromI: [Double], fromJ: [Double]

    /// The patches, largest bound first, without the smallest ones whose bounds add up to
    /// no more than `allowed`.
    static func smallest(_ n: Int, _ allowed: Double, _ bound: (Int) -> Double) -> [Int] {
        let bounds = (0..<n).map(bound)
        let order = (0..<n).filter { bounds[$0] > 0 }.sorted { (bounds[$0], $1) > (bounds[$1], $0) }
        var dropped = 0.0, keep = order.count
        while keep > 0 && dropped + bounds[order[keep - 1]] <= allowed {
            dropped += bounds[order[keep - 1]]
            keep -= 1
        }
        return Array(order.prefix(keep))
    }
}

extension RemovalSweep {
    /// Best-path weights from `s` to every patch (0 beyond the cutoff).
    func probabilities(from s: Int, _ ws: inout Workspace) -> [Double] {
        var scratch = Totals(n: 0)
        run(from: s, importance: false, into: &scratch, &ws)
        var row = [Double](repeating: 0, count: areas.count)
        for v in ws.order { row[v] = ws.weightOf[v] }
        return row
    }
}
