import Foundation
import GeoCore

/// Best paths from every patch, and what removing each patch takes from them, without
/// recomputing the network once per removed patch.
///
/// From a source s, the best paths form a tree. Removing patch k changes only the paths to
/// the patches below k in that tree (its subtree); every other patch keeps its best path,
/// which does not pass k. The new best path to a patch v below k leaves the rest of the tree
/// at some patch u outside the subtree (whose distance is unchanged), then runs inside the
/// subtree: so the new distances come from a Dijkstra over the subtree alone, started from
/// the edges that enter it. Summed over k that is the patches' depths in the tree, instead of
/// n² per removal; the values are those of removing k and recomputing, exactly.
///
/// The same pass serves PC (cost k·d, weight exp(-cost), paths dearer than `cutoff` left out)
/// and IIC (every link costs 1, weight 1/(1 + hops), nothing left out).
struct RemovalSweep {
    /// How a path's cost turns into the pair's weight.
    enum Weight: Sendable {
        /// PC: p = exp(-cost).
        case decay
        /// IIC: 1 / (1 + hops).
        case hops

        func callAsFunction(_ cost: Double) -> Double {
            switch self {
            case .decay: return exp(-cost)
            case .hops: return 1 / (1 + cost)
            }
        }
    }

    /// Sums over sources, per patch k: numerator Σ a_i a_j w_ij; flux Σ_{i≠k} a_i a_k w_ik;
    /// connector Σ_{i,j≠k} a_i a_j (w_ij − w_ij without k).
    struct Totals: Sendable {
        var numerator = 0.0
        var flux: [Double]
        var connector: [Double]

        init(n: Int) {
            flux = [Double](repeating: 0, count: n)
            connector = [Double](repeating: 0, count: n)
        }

        mutating func add(_ other: Totals) {
            numerator += other.numerator
            for i in flux.indices {
                flux[i] += other.flux[i]
                connector[i] += other.connector[i]
            }
        }
    }

    /// The sources in 64 consecutive blocks (fewer for small n): work shared by the cores
    /// whose sums are added in block order, so results never depend on scheduling.
    static func blocks(_ n: Int) -> [Range<Int>] {
        let size = max(1, (n + 63) / 64)
        return stride(from: 0, to: n, by: size).map { $0..<min(n, $0 + size) }
    }

    let graph: PatchGraph.Adjacency
    let areas: [Double]
    let weight: Weight
    /// Paths costing more are left out (infinity: none).
    let cutoff: Double

    /// One worker's arrays, reused from source to source (only what a source touched is reset).
    struct Workspace {
        var dist: [Double], weightOf: [Double], parent: [Int], tin: [Int], size: [Int], euler: [Int]
        var firstChild: [Int], nextSibling: [Int]
        /// Per patch: its distance with the worst single patch removed (what refinement needs).
        var worst: [Double]
        var order: [Int] = [], touched: [Int] = []
        var heap = MinHeap()
        var tree = SweepTree()
        /// Per position: Δ (new − old distance) with the current patch removed; the largest
        /// Δ so far of a patch visited on its own, and of a block rooted there (see `loss`).
        var delta: [Double] = [], worstDelta: [Double] = [], blockWorst: [Double] = []
        /// Per position: `stamp` · 2 (+ 1 for a block root) when `loss` of the current removal
        /// visited it on its own; the positions it visited (with whether a later patch in
        /// preorder may still shorten their way), and the blocks.
        var role: [Int] = [], plain: [(position: Int32, later: Bool)] = [], blocks: [Int32] = []
        var stamp = 0
        /// The last Δ whose share of weight lost was computed, and that share (1 − e^(−Δ)):
        /// patches below one another mostly share Δ.
        var lastDelta = 0.0, lastShare = 0.0

        init(n: Int) {
            dist = [Double](repeating: .infinity, count: n)
            weightOf = [Double](repeating: 0, count: n)
            parent = [Int](repeating: -1, count: n)
            tin = [Int](repeating: -1, count: n)
            size = [Int](repeating: 0, count: n)
            euler = [Int](repeating: 0, count: n)
            firstChild = [Int](repeating: -1, count: n)
            nextSibling = [Int](repeating: -1, count: n)
            worst = [Double](repeating: .infinity, count: n)
            delta = [Double](repeating: .infinity, count: n)
            role = [Int](repeating: 0, count: n)
        }
    }

    /// Adds source `s`'s pairs to `totals` (its connector parts when `importance`), leaving
    /// its best distances in `ws.dist` and, with importance, the worst single-removal
    /// distances in `ws.worst` (both infinity beyond the cutoff) for the caller to read.
    func run(from s: Int, importance: Bool, into totals: inout Totals, _ ws: inout Workspace) {
        for v in ws.touched {
            ws.dist[v] = .infinity
            ws.worst[v] = .infinity
            ws.tin[v] = -1
            ws.parent[v] = -1
            ws.firstChild[v] = -1
            ws.nextSibling[v] = -1
        }
        ws.touched.removeAll(keepingCapacity: true)
        ws.order.removeAll(keepingCapacity: true)
        ws.heap.removeAll()
        // Best paths from s (settled in order, parents before children).
        ws.dist[s] = 0
        ws.touched.append(s)
        ws.heap.push(0, s)
        while let (d, u) = ws.heap.pop() {
            guard d <= ws.dist[u], ws.tin[u] < 0 else { continue }
            if d > cutoff { break }
            ws.tin[u] = 0
            ws.order.append(u)
            for e in graph.start[u]..<graph.start[u + 1] {
                let v = Int(graph.target[e])
                let through = d + graph.cost[e]
                if through < ws.dist[v] {
                    if ws.dist[v] == .infinity { ws.touched.append(v) }
                    ws.dist[v] = through
                    ws.parent[v] = u
                    ws.heap.push(through, v)
                }
            }
        }
        let a = areas[s]
        let perPatch = !totals.flux.isEmpty
        for v in ws.order {
            let w = weight(ws.dist[v])
            ws.weightOf[v] = w
            ws.worst[v] = ws.dist[v]
            totals.numerator += a * areas[v] * w
            if v != s && perPatch { totals.flux[v] += a * areas[v] * w }
        }
        guard importance, ws.order.count > 2 else { return }
        subtrees(&ws)
        let count = ws.order.count
        ws.tree.build(graph: graph, euler: ws.euler[0..<count], tin: ws.tin, dist: ws.dist, weight: ws.weightOf, parent: ws.parent,
                      size: ws.size, areas: areas)
        if ws.delta.count < count { ws.delta = [Double](repeating: .infinity, count: count) }
        if ws.role.count < count { ws.role = [Int](repeating: 0, count: count) }
        ws.worstDelta.removeAll(keepingCapacity: true)
        ws.worstDelta.append(contentsOf: repeatElement(0, count: count))
        ws.blockWorst.removeAll(keepingCapacity: true)
        ws.blockWorst.append(contentsOf: repeatElement(0, count: count))
        for k in ws.order where k != s && ws.size[k] > 1 {
            totals.connector[k] += a * loss(removing: ws.tin[k], &ws)
        }
        // A block's Δ holds for its whole subtree: carried down the tree, parents first.
        for p in 1..<count {
            let inherited = max(ws.blockWorst[p], ws.blockWorst[ws.tree.parent[p]])
            ws.blockWorst[p] = inherited
            let v = ws.euler[p]
            ws.worst[v] = ws.tree.dist[p] + max(ws.worstDelta[p], inherited)
        }
    }

    /// Preorder positions (`tin`, `euler`) and subtree sizes of the best-path tree, so the
    /// subtree of k is `euler[tin[k] ..< tin[k] + size[k]]`.
    private func subtrees(_ ws: inout Workspace) {
        for v in ws.order.dropFirst() {
            let p = ws.parent[v]
            ws.nextSibling[v] = ws.firstChild[p]
            ws.firstChild[p] = v
        }
        for v in ws.order { ws.size[v] = 1 }
        for v in ws.order.reversed().dropLast() { ws.size[ws.parent[v]] += ws.size[v] }
        ws.tin[ws.order[0]] = 0
        for v in ws.order {
            ws.euler[ws.tin[v]] = v
            var position = ws.tin[v] + 1
            var c = ws.firstChild[v]
            while c >= 0 {
                ws.tin[c] = position
                position += ws.size[c]
                c = ws.nextSibling[c]
            }
        }
    }

    /// Whether a block's loss can be summed from its subtree's mass: with PC's decay every
    /// patch keeps the share e^(-Δ) of its weight; with IIC's hops only Δ = 0 (nothing
    /// lost) and Δ = ∞ (all lost) do.
    private func aggregates(_ delta: Double) -> Bool {
        if case .decay = weight { return true }
        return delta == 0 || delta == .infinity
    }

    /// Σ a_v (w_v − w_v without k) over the patches v below position `top` (the subtree is
    /// `top + 1 ..< top + size`), working in Δ = new − old distance: a shortest distance over
    /// slacks from the patches outside the subtree (Δ = 0 there).
    ///
    /// Δ never grows down the tree (a child can follow its parent's new path), and in a city's
    /// landscape it mostly stays the same: the way around k rejoins the tree, and the patches
    /// below follow. So, in preorder (parents first), each patch takes the least of its
    /// parent's Δ and Δ + slack over its edges from outside (Δ = 0) and from earlier patches,
    /// by slack, smallest first: it stops at the first from outside, or where slack alone
    /// reaches the best so far. If no edge enters the patch's subtree with slack below its Δ
    /// (`SweepTree.entry`), no patch below can do better than follow it: the whole subtree is
    /// a block with that Δ, losing (1 − e^(−Δ)) of its mass, and is skipped. Then only edges
    /// from patches later in preorder into patches visited on their own can still lower a Δ:
    /// those start a Dijkstra over slacks. A block only changes when its root's parent does
    /// (an edge entering it from elsewhere has slack ≥ its Δ) and then moves as one. The
    /// result is the exact shortest distance, as a Dijkstra over the whole subtree gives.
    private func loss(removing top: Int, _ ws: inout Workspace) -> Double {
        let high = top + ws.tree.size[top]
        var delta: [Double] = []
        swap(&delta, &ws.delta)
        defer { swap(&delta, &ws.delta) }
        ws.stamp += 1
        let stamp = ws.stamp
        ws.plain.removeAll(keepingCapacity: true)
        ws.blocks.removeAll(keepingCapacity: true)
        let tree = ws.tree
        let (start, parent, size, entry) = (tree.start, tree.parent, tree.size, tree.entry)
        let (inTarget, inSlack) = (tree.arriving.target, tree.arriving.slack)
        let (outTarget, outSlack) = (tree.leaving.target, tree.leaving.slack)
        var deltaMax = 0.0
        var p = top + 1
        while p < high {
            let up = parent[p]
            var best = up != top ? delta[up] : Double.infinity
            var later = false
            // Through a neighbour t the way costs at least its slack (t's Δ is ≥ 0): stop there.
            // Outside the subtree that bound is exact; inside, a neighbour earlier in preorder
            // already has its Δ, and one later may still get a smaller one.
            for e in start[p]..<start[p + 1] {
                let slack = inSlack[e]
                if slack >= best { break }
                let t = Int(inTarget[e])
                if t < top || t >= high {
                    best = slack
                    break
                }
                if t > p {
                    later = true
                } else if t > top {
                    best = min(best, delta[t] + slack)
                }
            }
            delta[p] = best
            if entry[p] >= best && aggregates(best) {
                let end = p + size[p]
                for u in (p + 1)..<end { delta[u] = best }
                ws.role[p] = stamp << 1 | 1
                ws.blocks.append(Int32(p))
                p = end
            } else {
                ws.role[p] = stamp << 1
                ws.plain.append((Int32(p), later))
                deltaMax = max(deltaMax, best)
                p += 1
            }
        }
        // An edge p → t lowers Δt only if Δp + slack < Δt ≤ Δmax (over the patches visited on
        // their own; a block's root is reached by its tree edge, slack 0, always tried).
        let role = ws.role
        func relax(from p: Int, _ d: Double, _ delta: inout [Double], _ heap: inout MinHeap) {
            for e in start[p]..<start[p + 1] {
                let slack = outSlack[e]
                if slack > 0 && slack + d >= deltaMax { break }
                let t = Int(outTarget[e])
                guard t > top && t < high && role[t] >> 1 == stamp else { continue }
                let through = d + slack
                if through < delta[t] {
                    delta[t] = through
                    heap.push(through, t)
                }
            }
        }
        ws.heap.removeAll()
        for (q, later) in ws.plain where later {
            let t = Int(q)
            var best = delta[t]
            for e in start[t]..<start[t + 1] {
                let slack = inSlack[e]
                if slack >= best { break }
                let p = Int(inTarget[e])
                if p > t && p < high { best = min(best, delta[p] + slack) }
            }
            if best < delta[t] {
                delta[t] = best
                ws.heap.push(best, t)
            }
        }
        while let (d, p) = ws.heap.pop() {
            guard d <= delta[p] else { continue }
            if role[p] & 1 == 1 {
                let end = p + size[p]
                for u in (p + 1)..<end { delta[u] = d }
                for u in p..<end { relax(from: u, d, &delta, &ws.heap) }
            } else {
                relax(from: p, d, &delta, &ws.heap)
            }
        }
        var loss = 0.0
        for (q, _) in ws.plain {
            let p = Int(q)
            let d = delta[p]
            loss += lost(p, d, &ws)
            if d > ws.worstDelta[p] { ws.worstDelta[p] = d }
        }
        for q in ws.blocks {
            let p = Int(q)
            let d = delta[p]
            if !aggregates(d) {
                // A block whose root found a shorter way later: for IIC, patch by patch.
                for u in p..<(p + size[p]) { loss += lost(u, d, &ws) }
            } else if d > 0 {
                loss += tree.mass[p] * share(d, &ws)
            }
            if d > ws.blockWorst[p] { ws.blockWorst[p] = d }
        }
        return loss
    }

    /// What the patch at position `p` loses of area · weight when its way grows by Δ.
    private func lost(_ p: Int, _ delta: Double, _ ws: inout Workspace) -> Double {
        guard delta > 0 else { return 0 }
        switch weight {
        case .decay: return ws.tree.area[p] * ws.tree.weight[p] * share(delta, &ws)
        case .hops: return ws.tree.area[p] * (ws.tree.weight[p] - weight(ws.tree.dist[p] + delta))
        }
    }

    /// 1 − e^(−Δ): the share of its weight a path loses when it grows by Δ (PC).
    private func share(_ delta: Double, _ ws: inout Workspace) -> Double {
        if delta != ws.lastDelta {
            ws.lastDelta = delta
            ws.lastShare = -expm1(-delta)
        }
        return ws.lastShare
    }
}
