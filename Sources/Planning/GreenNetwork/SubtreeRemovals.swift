import Foundation

/// What removing each patch takes from one source's paths: for every position k of the
/// source's best-path tree (`SweepTree`), Σ a_v (w_v − w_v without k) over the patches v
/// below k, the only ones whose way can change.
///
/// It works in Δ = new − old distance, a shortest distance over slacks from the patches
/// outside k's subtree (Δ = 0 there). Δ never grows down the tree (a child can follow its
/// parent's new path), and in a city's landscape it mostly stays the same: the way around k
/// rejoins the tree and the patches below follow. So, in preorder (parents first), each patch
/// takes the least of its parent's Δ and Δ + slack over its edges from outside and from
/// earlier patches, by slack, smallest first: it stops at the first from outside, or where
/// slack alone reaches the best so far. If no edge enters the patch's subtree with slack
/// below its Δ (`SweepTree.entry`), no patch below can do better than follow it: the whole
/// subtree is a block with that Δ, losing (1 − e^(−Δ)) of its mass, and is skipped. Then only
/// edges from patches later in preorder into patches visited on their own can still lower a
/// Δ: those start a Dijkstra over slacks. A block only changes when its root's parent does
/// (an edge entering it from elsewhere has slack ≥ its Δ) and then moves as one. The result
/// is the exact shortest distance, as a Dijkstra over the whole subtree gives.
struct SubtreeRemovals {
    /// Per position: Δ with the current patch removed; the largest Δ over the removals of a
    /// patch visited on its own, and of a block rooted there.
    private var delta: [Double] = [], worstDelta: [Double] = [], blockWorst: [Double] = []
    /// Per position: `stamp` · 2 (+ 1 for a block root) when the current removal visited it
    /// on its own; those positions (with whether a patch later in preorder may still shorten
    /// their way), and the blocks.
    private var role: [Int] = [], plain: [Int32] = [], later: [Bool] = [], blocks: [Int32] = []
    private var stamp = 0
    private var heap = IndexedHeap(n: 0)

    /// Adds `scale` times each removal's loss to `connector` (indexed by patch, through
    /// `euler`), and returns per position the largest Δ any single removal gave it.
    mutating func add(_ tree: SweepTree, weight: RemovalSweep.Weight, scale: Double, euler: [Int], to connector: inout [Double]) -> [Double] {
        let count = tree.count
        if delta.count < count { delta = [Double](repeating: .infinity, count: count) }
        if role.count < count { role = [Int](repeating: 0, count: count) }
        heap.reserve(count)
        worstDelta.removeAll(keepingCapacity: true)
        worstDelta.append(contentsOf: repeatElement(0, count: count))
        blockWorst.removeAll(keepingCapacity: true)
        blockWorst.append(contentsOf: repeatElement(0, count: count))
        let (start, parent, size, entry, mass) = (tree.start, tree.parent, tree.size, tree.entry, tree.mass)
        let (arriving, leaving) = (tree.arriving.edges, tree.leaving.edges)
        let (area, weightOf, dist) = (tree.area, tree.weight, tree.dist)
        let decay: Bool
        if case .decay = weight { decay = true } else { decay = false }
        // Patches below one another mostly share Δ: the last share of weight lost is kept.
        var (lastDelta, lastShare) = (0.0, 0.0)
        func share(_ d: Double) -> Double {
            if d != lastDelta { (lastDelta, lastShare) = (d, -expm1(-d)) }
            return lastShare
        }
        /// What the patch at position `p` loses of area · weight when its way grows by Δ.
        func lost(_ p: Int, _ d: Double) -> Double {
            guard d > 0 else { return 0 }
            return decay ? area[p] * weightOf[p] * share(d) : area[p] * (weightOf[p] - weight(dist[p] + d))
        }
        for top in 1..<count where size[top] > 1 {
            let high = top + size[top]
            stamp += 1
            let stamp = self.stamp
            plain.removeAll(keepingCapacity: true)
            later.removeAll(keepingCapacity: true)
            blocks.removeAll(keepingCapacity: true)
            var deltaMax = 0.0
            var p = top + 1
            while p < high {
                let up = parent[p]
                var best = up != top ? delta[up] : Double.infinity
                var afterward = false
                // Through a neighbour t the way costs at least its slack (t's Δ is ≥ 0): stop
                // there. Outside the subtree that bound is exact; inside, a neighbour earlier
                // in preorder already has its Δ, and one later may still get a smaller one.
                for e in start[p]..<start[p + 1] {
                    let edge = arriving[e]
                    if edge.slack >= best { break }
                    let t = Int(edge.target)
                    if t < top || t >= high {
                        best = edge.slack
                        break
                    }
                    if t > p {
                        afterward = true
                    } else if t > top {
                        best = min(best, delta[t] + edge.slack)
                    }
                }
                delta[p] = best
                // A block's loss sums from its mass only where every patch keeps the same
                // share of its weight: PC's decay, or Δ = 0 or ∞ with IIC's hops.
                if entry[p] >= best && (decay || best == 0 || best == .infinity) {
                    let end = p + size[p]
                    for u in (p + 1)..<end { delta[u] = best }
                    role[p] = stamp << 1 | 1
                    blocks.append(Int32(p))
                    p = end
                } else {
                    role[p] = stamp << 1
                    plain.append(Int32(p))
                    later.append(afterward)
                    deltaMax = max(deltaMax, best)
                    p += 1
                }
            }
            // An edge p → t lowers Δt only if Δp + slack < Δt ≤ Δmax (over the patches visited
            // on their own; a block's root is reached by its tree edge, slack 0, always tried).
            func relax(from p: Int, _ d: Double) {
                for e in start[p]..<start[p + 1] {
                    let edge = leaving[e]
                    if edge.slack > 0 && edge.slack + d >= deltaMax { break }
                    let t = Int(edge.target)
                    guard t > top && t < high && role[t] >> 1 == stamp else { continue }
                    let through = d + edge.slack
                    if through < delta[t] {
                        delta[t] = through
                        heap.push(through, t)
                    }
                }
            }
            heap.removeAll()
            for (i, q) in plain.enumerated() where later[i] {
                let t = Int(q)
                var best = delta[t]
                for e in start[t]..<start[t + 1] {
                    let edge = arriving[e]
                    if edge.slack >= best { break }
                    let p = Int(edge.target)
                    if p > t && p < high { best = min(best, delta[p] + edge.slack) }
                }
                if best < delta[t] {
                    delta[t] = best
                    heap.push(best, t)
                }
            }
            while let (d, p) = heap.pop() {
                if role[p] & 1 == 1 {
                    let end = p + size[p]
                    for u in (p + 1)..<end { delta[u] = d }
                    for u in p..<end { relax(from: u, d) }
                } else {
                    relax(from: p, d)
                }
            }
            var loss = 0.0
            for q in plain {
                let p = Int(q)
                let d = delta[p]
                loss += lost(p, d)
                if d > worstDelta[p] { worstDelta[p] = d }
            }
            for q in blocks {
                let p = Int(q)
                let d = delta[p]
                if !decay && d != 0 && d != .infinity {
                    // A block whose root found a shorter way later: for IIC, patch by patch.
                    for u in p..<(p + size[p]) { loss += lost(u, d) }
                } else if d > 0 {
                    loss += mass[p] * share(d)
                }
                if d > blockWorst[p] { blockWorst[p] = d }
            }
            connector[euler[top]] += scale * loss
        }
        // A block's Δ holds for its whole subtree: carried down the tree, parents first.
        for p in 1..<count {
            blockWorst[p] = max(blockWorst[p], blockWorst[parent[p]])
            worstDelta[p] = max(worstDelta[p], blockWorst[p])
        }
        return worstDelta
    }
}
