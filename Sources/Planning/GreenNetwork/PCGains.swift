import Foundation
import GeoCore

extension ConnectivityIndices {
    /// The share of PCnum a gap gain may be off by (on top of `tolerance`): 1e-7 percentage
    /// points, far below the two decimals gains are reported with.
    public static let gainTolerance = 1e-9

    /// The PC gain (percent of PCnum) of joining each pair by a link of probability 1 (a new
    /// greenway): every best path may use it once, p*'_ab = max(p*_ab, p*_ai p*_jb,
    /// p*_aj p*_ib), so the gain is Σ_ab a_a a_b δ_ab.
    ///
    /// Only pairs on opposite sides gain: p*_ab ≥ p*_ai p*_ib (the way through i), so
    /// p*_ai p*_jb can beat p*_ab only if b is nearer j than i (p*_jb > p*_ib), and likewise
    /// a nearer i; the other product the other way round. With α_x = a_x p*_ix and
    /// β_x = a_x p*_jx a pair's term is at most α_a β_b (a on i's side, b on j's), and only
    /// the pairs with α_a β_b ≥ θ are summed, θ the largest threshold whose left-out terms
    /// add up to no more than `gainTolerance` of PCnum (`GainPlan.threshold`). The products
    /// fall off with the distance from both ends of the bridge, so a gain costs the pairs
    /// near it on opposite sides instead of n².
    public func pcGains(joining pairs: [(Int, Int)]) -> [Double] {
        let n = areas.count
        guard !pairs.isEmpty, n > 0 else { return [] }
        let sweep = RemovalSweep(graph: graph.paths, areas: areas, weight: .decay, cutoff: cutoff)
        let sums = GainSums(pairs: pairs, sweep: sweep, allowed: ConnectivityIndices.gainTolerance * pcNumerator)
        let blocks = RemovalSweep.blocks(n)
        let partial = ParallelMap.map(blocks.indices) { b -> [Double] in
            var ws = RemovalSweep.Workspace(n: n)
            var gains = [Double](repeating: 0, count: pairs.count)
            for a in blocks[b] where sums.serves(a) {
                sweep.search(from: a, &ws)
                sums.add(source: a, &ws, to: &gains)
            }
            return gains
        }
        return sums.percent(partial, of: pcNumerator)
    }
}

/// The gap gains of a set of bridges, summed source by source: each source's best paths
/// serve every bridge it is near, in whichever pass visits it.
struct GainSums: Sendable {
    let plans: [GainPlan]
    /// Per source: the bridges it serves and its place in their lists.
    private let bySource: [[(pair: Int, slot: Int)]]
    private let areas: [Double]

    /// Plans every bridge from the best paths of its two ends over `sweep`'s graph.
    /// - Parameter allowed: what a gain may be off by (a share of PCnum, or of a lower
    ///   bound of it).
    /// - Parameter rows: best-path probabilities already known from some ends (a pass over the
    ///   same distances kept them), so those ends need no search of their own.
    init(pairs: [(Int, Int)], sweep: RemovalSweep, allowed: Double, rows: [Int: [Double]] = [:]) {
        let n = sweep.areas.count
        let areas = sweep.areas
        plans = ParallelMap.chunked(pairs.count, size: 8) { (range: Range<Int>) -> [GainPlan] in
            var ws = RemovalSweep.Workspace(n: n)
            return range.map { c in
                let (i, j) = pairs[c]
                let (toI, toJ) = (rows[i] ?? sweep.probabilities(from: i, &ws), rows[j] ?? sweep.probabilities(from: j, &ws))
                return GainPlan(areas: areas, toI: toI, toJ: toJ, allowed: allowed)
            }
        }
        var bySource = [[(pair: Int, slot: Int)]](repeating: [], count: n)
        for (c, plan) in plans.enumerated() {
            for (slot, a) in plan.sources.enumerated() { bySource[a].append((c, slot)) }
        }
        self.bySource = bySource
        self.areas = areas
    }

    /// Whether source `a` serves any bridge.
    func serves(_ a: Int) -> Bool { !bySource[a].isEmpty }

    /// Adds source `a`'s terms to `gains`, from the best paths a search from `a` left in
    /// `ws` (its settled patches and their weights; a patch not settled has probability 0).
    func add(source a: Int, _ ws: inout RemovalSweep.Workspace, to gains: inout [Double]) {
        guard serves(a) else { return }
        if ws.row.count < areas.count { ws.row = [Double](repeating: 0, count: areas.count) }
        for v in ws.order { ws.row[v] = ws.weightOf[v] }
        for (c, slot) in bySource[a] { gains[c] += areas[a] * plans[c].sum(slot, ws.row, areas) }
        for v in ws.order { ws.row[v] = 0 }
    }

    /// The gains in percent of PCnum, from the sums of the source blocks in block order.
    func percent(_ partial: [[Double]], of pcNumerator: Double) -> [Double] {
        (0..<plans.count).map { c in 100 * partial.reduce(0) { $0 + $1[c] } / pcNumerator }
    }
}

/// The pairs of patches a gap gain sums over (see `pcGains`). A pair (a, b) with a on i's
/// side and b on j's gains a_a a_b (p*_ai p*_jb − p*_ab)⁺, and the same pair the other way
/// round gains the same (p* is symmetric): so the sources are one side only (the one with
/// fewer kept), the targets the other, and the sum counts twice. Sources on i's side take
/// the targets on j's side with β_b ≥ θ / α_a (a prefix of them by β); on j's side, the
/// other way round.
struct GainPlan: Sendable {
    /// A target: its patch, its probability from the far end of the bridge (p*_jb on j's
    /// side, p*_ib on i's) and its key (β or α).
    struct Target: Sendable {
        let patch: Int32
        let p: Double, key: Double
    }

    let threshold: Double
    /// Patches with a pair kept, all on one side; per source, its probability from its own
    /// end of the bridge and its key (α on i's side, β on j's).
    let sources: [Int]
    let near: [Double], key: [Double]
    /// The other side by key, largest first, only as far as any source reaches.
    let targets: [Target]

    /// - Parameters:
    ///   - toI, toJ: best-path probabilities from the bridge's ends to every patch.
    ///   - allowed: what the pairs left out may add up to at most.
    init(areas: [Double], toI: [Double], toJ: [Double], allowed: Double) {
        let n = areas.count
        let alpha = (0..<n).map { areas[$0] * toI[$0] }, beta = (0..<n).map { areas[$0] * toJ[$0] }
        let sideI = (0..<n).filter { toI[$0] > toJ[$0] }.sorted { (alpha[$0], $1) > (alpha[$1], $0) }
        let sideJ = (0..<n).filter { toJ[$0] > toI[$0] }.sorted { (beta[$0], $1) > (beta[$1], $0) }
        // The terms left out both ways are the same sum with a and b swapped: half each.
        let theta = GainPlan.threshold(sideI.map { alpha[$0] }, sideJ.map { beta[$0] }, allowed / 2)
        threshold = theta
        let (topA, topB) = (sideI.first.map { alpha[$0] } ?? 0, sideJ.first.map { beta[$0] } ?? 0)
        let fromI = sideI.prefix { alpha[$0] * topB >= theta }, fromJ = sideJ.prefix { beta[$0] * topA >= theta }
        if fromI.count <= fromJ.count {
            (sources, near, key) = (Array(fromI), fromI.map { toI[$0] }, fromI.map { alpha[$0] })
            targets = fromJ.map { Target(patch: Int32($0), p: toJ[$0], key: beta[$0]) }
        } else {
            (sources, near, key) = (Array(fromJ), fromJ.map { toJ[$0] }, fromJ.map { beta[$0] })
            targets = fromI.map { Target(patch: Int32($0), p: toI[$0], key: alpha[$0]) }
        }
    }

    /// a_b δ_ab summed over the targets kept for the source in `slot` (whose best-path
    /// probabilities to every patch are `row`), counted twice: the pairs both ways.
    func sum(_ slot: Int, _ row: [Double], _ areas: [Double]) -> Double {
        let (p, floor) = (near[slot], threshold / key[slot])
        var sum = 0.0
        for t in targets {
            if t.key < floor { break }
            let b = Int(t.patch)
            let via = p * t.p
            if via > row[b] { sum += areas[b] * (via - row[b]) }
        }
        return 2 * sum
    }

    /// The largest θ for which Σ α_a β_b over the pairs with α_a β_b < θ stays within
    /// `allowed` (both lists sorted, largest first): bisection over log θ, each step one
    /// merge-like sweep of the two lists.
    static func threshold(_ alpha: [Double], _ beta: [Double], _ allowed: Double) -> Double {
        guard let topA = alpha.first, let topB = beta.first else { return .infinity }
        let tail = tails(beta)
        func leftOut(_ theta: Double) -> Double {
            var kept = beta.count, sum = 0.0
            for value in alpha {
                let floor = theta / value
                while kept > 0 && beta[kept - 1] < floor { kept -= 1 }
                sum += value * tail[kept]
            }
            return sum
        }
        var high = topA * topB * 2
        if leftOut(high) <= allowed { return high }
        var low = high * 1e-40
        if leftOut(low) > allowed { return 0 }
        for _ in 0..<24 {
            let mid = (low * high).squareRoot()
            if leftOut(mid) <= allowed { low = mid } else { high = mid }
        }
        return low
    }

    /// Suffix sums: `tail[m]` = values[m] + ... + values[last], `tail[count]` = 0.
    private static func tails(_ values: [Double]) -> [Double] {
        var tail = [Double](repeating: 0, count: values.count + 1)
        for m in stride(from: values.count - 1, through: 0, by: -1) { tail[m] = tail[m + 1] + values[m] }
        return tail
    }
}

extension RemovalSweep {
    /// Best paths from `s` alone (no sums), left in `ws`.
    func search(from s: Int, _ ws: inout Workspace) {
        var none = Totals(n: 0)
        run(from: s, importance: false, into: &none, &ws)
    }

    /// Best-path weights from `s` to every patch (0 beyond the cutoff).
    func probabilities(from s: Int, _ ws: inout Workspace) -> [Double] {
        search(from: s, &ws)
        return ws.settledWeights()
    }
}

extension RemovalSweep.Workspace {
    /// The weights the last search gave the patches it settled, by patch (0 for the rest).
    func settledWeights() -> [Double] {
        var row = [Double](repeating: 0, count: dist.count)
        for v in order { row[v] = weightOf[v] }
        return row
    }
}
