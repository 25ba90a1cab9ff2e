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
/// slack alone reaches the best so far. A patch with Δ = 0 keeps its way, and so does all of
/// its subtree, which is skipped. Then only edges from patches later in preorder can still
/// lower a Δ: those start a Dijkstra over slacks. The result is the exact shortest distance,
/// as a Dijkstra over the whole subtree gives.
struct SubtreeRemovals {
    /// Per position: Δ with the current patch removed, and the largest Δ over the removals.
    private var delta: [Double] = [], worstDelta: [Double] = []
    /// Per position: `stamp` when the current removal visited it and its Δ may still fall;
    /// those positions, and whether a patch later in preorder may still shorten their way.
    private var visited: [Int] = [], plain: [Int32] = [], later: [Bool] = []
    private var stamp = 0
    private var heap = IndexedHeap(n: 0)

    /// Adds `scale` times each removal's loss to `connector` (indexed by patch, through
    /// `euler`), and returns per position the largest Δ any single removal gave it.
    mutating func add(_ tree: SweepTree, weight: RemovalSweep.Weight, scale: Double, euler: [Int], to connector: inout [Double]) -> [Double] {
        let count = tree.count
        if delta.count < count { delta = [Double](repeating: .infinity, count: count) }
        if visited.count < count { visited = [Int](repeating: 0, count: count) }
        heap.reserve(count)
        worstDelta.removeAll(keepingCapacity: true)
        worstDelta.append(contentsOf: repeatElement(0, count: count))
        let (start, parent, size) = (tree.start, tree.parent, tree.size)
        let arriving = tree.arriving.edges
        let (area, weightOf, dist) = (tree.area, tree.weight, tree.dist)
        let decay: Bool
        if case .decay = weight { decay = true } else { decay = false }
        // Patches below one another mostly share Δ: the last share of weight lost is kept.
        var (lastDelta, lastShare) = (0.0, 0.0)
        /// What the patch at position `p` loses of area · weight when its way grows by Δ.
        func lost(_ p: Int, _ d: Double) -> Double {
            guard d > 0 else { return 0 }
            guard decay else { return area[p] * (weightOf[p] - weight(dist[p] + d)) }
            if d != lastDelta { (lastDelta, lastShare) = (d, -expm1(-d)) }
            return area[p] * weightOf[p] * lastShare
        }
        for top in 1..<count where size[top] > 1 {
            let high = top + size[top]
            stamp += 1
            let stamp = self.stamp
            plain.removeAll(keepingCapacity: true)
            later.removeAll(keepingCapacity: true)
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
                if best <= 0 {
                    // Δ = 0 here and so below: nothing lost, nothing to lower.
                    for u in p..<(p + size[p]) { delta[u] = 0 }
                    p += size[p]
                    continue
                }
                delta[p] = best
                visited[p] = stamp
                plain.append(Int32(p))
                later.append(afterward)
                deltaMax = max(deltaMax, best)
                p += 1
            }
            // An edge p → t lowers Δt only if Δp + slack < Δt ≤ Δmax. Its slack that way is
            // its slack into p mirrored: + 2 (dist p − dist t). (Few patches are relaxed: the
            // row is scanned whole rather than kept sorted both ways.)
            func relax(from p: Int, _ d: Double) {
                let here = dist[p]
                for e in start[p]..<start[p + 1] {
                    let edge = arriving[e]
                    let t = Int(edge.target)
                    guard t > top && t < high && visited[t] == stamp else { continue }
                    let slack = max(0, edge.slack + 2 * (here - dist[t]))
                    if slack + d >= deltaMax { continue }
                    let through = d + slack
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
            while let (d, p) = heap.pop() { relax(from: p, d) }
            var loss = 0.0
            for q in plain {
                let p = Int(q)
                let d = delta[p]
                loss += lost(p, d)
                if d > worstDelta[p] { worstDelta[p] = d }
            }
            connector[euler[top]] += scale * loss
        }
        return worstDelta
    }
}
