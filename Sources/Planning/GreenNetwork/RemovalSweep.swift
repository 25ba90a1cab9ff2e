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
        /// The tree in preorder positions: adjacency among settled patches, distance, weight
        /// and area per position, so a subtree's arrays are contiguous.
        var posStart: [Int] = []
        var posDist: [Double] = [], posWeight: [Double] = [], posArea: [Double] = [], posAlt: [Double] = []
        var posParent: [Int] = [], posTreeCost: [Double] = []
        /// Each position's edges twice, by slack (how much longer than the best path the edge
        /// makes the way): arriving (dist[t] + c − dist[p]) and leaving (dist[p] + c − dist[t]).
        var arriving = SlackOrder(), leaving = SlackOrder()
        var scratch: [Double] = []

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
        positions(&ws)
        for k in ws.order where k != s && ws.size[k] > 1 {
            totals.connector[k] += a * loss(removing: k, &ws)
        }
        for p in ws.order.indices where ws.posAlt[p] > ws.worst[ws.euler[p]] { ws.worst[ws.euler[p]] = ws.posAlt[p] }
    }

    /// Re-indexes the settled patches by preorder position (see `Workspace`), each one's edges
    /// to settled patches sorted by slack both ways (insertion sort: a patch has a handful).
    private func positions(_ ws: inout Workspace) {
        let count = ws.order.count
        ws.posStart.removeAll(keepingCapacity: true)
        ws.posDist.removeAll(keepingCapacity: true)
        ws.posWeight.removeAll(keepingCapacity: true)
        ws.posArea.removeAll(keepingCapacity: true)
        ws.posAlt.removeAll(keepingCapacity: true)
        ws.posParent.removeAll(keepingCapacity: true)
        ws.posTreeCost.removeAll(keepingCapacity: true)
        if ws.scratch.count < count { ws.scratch = [Double](repeating: .infinity, count: count) }
        ws.arriving.reserve(graph.target.count)
        ws.leaving.reserve(graph.target.count)
        var end = 0
        for p in 0..<count {
            let v = ws.euler[p]
            let here = ws.dist[v]
            let first = end
            ws.posStart.append(first)
            for e in graph.start[v]..<graph.start[v + 1] {
                let u = Int(graph.target[e])
                let t = ws.tin[u]
                guard t >= 0 else { continue }
                let (c, there) = (graph.cost[e], ws.dist[u])
                ws.arriving.insert(there + c - here, Int32(t), c, at: end, after: first)
                ws.leaving.insert(here + c - there, Int32(t), c, at: end, after: first)
                end += 1
            }
            ws.posDist.append(here)
            ws.posWeight.append(ws.weightOf[v])
            ws.posArea.append(areas[v])
            ws.posAlt.append(here)
            let parent = ws.parent[v]
            ws.posParent.append(parent >= 0 ? ws.tin[parent] : -1)
            ws.posTreeCost.append(parent >= 0 ? here - ws.dist[parent] : 0)
        }
        ws.posStart.append(end)
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

    /// Σ a_v (w_v − w_v without k) over the patches v below k, in preorder positions (the
    /// subtree is `tin[k] + 1 ..< tin[k] + size[k]`). Most new best paths enter the subtree
    /// once and then follow the tree down, so: each patch takes its best entry from outside
    /// or its parent's new distance plus the tree edge (one pass in preorder, parents
    /// first); then every edge inside is checked, and only where one still shortens a
    /// distance does a Dijkstra carry the improvement on. The result is the exact shortest
    /// distance (every value is a path's length, and no edge can shorten any), so the same as
    /// a Dijkstra over the whole subtree, at a fraction of its heap work.
    ///
    /// Edges are scanned by slack, smallest first: an entry from outside costs dist + slack,
    /// so the first one outside is the best; and an inner edge p → t can shorten t only if
    /// Δp + slack < Δt ≤ Δmax (Δ = new − old distance, Δmax its largest in the subtree after
    /// the first pass, which later passes only lower), so the scan stops there.
    private func loss(removing k: Int, _ ws: inout Workspace) -> Double {
        let top = ws.tin[k]
        let (low, high) = (top + 1, top + ws.size[k])
        var alt: [Double] = []
        swap(&alt, &ws.scratch)
        defer { swap(&alt, &ws.scratch) }
        let (start, dist, parent, treeCost) = (ws.posStart, ws.posDist, ws.posParent, ws.posTreeCost)
        let (inTarget, inSlack, inCost) = (ws.arriving.target, ws.arriving.slack, ws.arriving.cost)
        let (outTarget, outSlack, outCost) = (ws.leaving.target, ws.leaving.slack, ws.leaving.cost)
        var deltaMax = 0.0
        for p in low..<high {
            let here = dist[p]
            let up = parent[p]
            var best = up != top ? alt[up] + treeCost[p] : Double.infinity
            // Through a neighbour t the way costs at least here + slack (t's distance can only
            // have grown): stop there. Outside the subtree that bound is exact; inside, a
            // neighbour earlier in preorder already has its new distance.
            for e in start[p]..<start[p + 1] {
                let entry = here + inSlack[e]
                if entry >= best { break }
                let t = Int(inTarget[e])
                if t < top || t >= high {
                    best = entry
                    break
                }
                if t > top && t < p { best = min(best, alt[t] + inCost[e]) }
            }
            alt[p] = best
            deltaMax = max(deltaMax, best - here)
        }
        // An inner edge that still shortens a distance starts a Dijkstra from there.
        func relax(from p: Int, _ d: Double, _ alt: inout [Double], _ heap: inout MinHeap) {
            let delta = d - dist[p]
            for e in start[p]..<start[p + 1] {
                if outSlack[e] + delta >= deltaMax { break }
                let t = Int(outTarget[e])
                guard t > top && t < high else { continue }
                let through = d + outCost[e]
                if through < alt[t] {
                    alt[t] = through
                    heap.push(through, t)
                }
            }
        }
        ws.heap.removeAll()
        for p in low..<high where alt[p] < .infinity { relax(from: p, alt[p], &alt, &ws.heap) }
        while let (d, p) = ws.heap.pop() {
            if d <= alt[p] { relax(from: p, d, &alt, &ws.heap) }
        }
        var loss = 0.0
        for p in low..<high {
            let after = alt[p] <= cutoff ? weight(alt[p]) : 0
            loss += ws.posArea[p] * (ws.posWeight[p] - after)
            if alt[p] > ws.posAlt[p] { ws.posAlt[p] = alt[p] }
        }
        return loss
    }
}

/// Edges in compressed rows, each row kept sorted by slack as edges are inserted.
struct SlackOrder {
    private(set) var target: [Int32] = [], slack: [Double] = [], cost: [Double] = []

    /// Room for `count` edges.
    mutating func reserve(_ count: Int) {
        guard target.count < count else { return }
        target = [Int32](repeating: 0, count: count)
        slack = [Double](repeating: 0, count: count)
        cost = [Double](repeating: 0, count: count)
    }

    /// Puts an edge into the row `first..<end` (growing it to `end + 1`) in slack order:
    /// insertion, since a row holds a handful of edges.
    mutating func insert(_ key: Double, _ to: Int32, _ c: Double, at end: Int, after first: Int) {
        var i = end
        while i > first && slack[i - 1] > key {
            slack[i] = slack[i - 1]
            target[i] = target[i - 1]
            cost[i] = cost[i - 1]
            i -= 1
        }
        (slack[i], target[i], cost[i]) = (key, to, c)
    }
}
