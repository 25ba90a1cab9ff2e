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
        var heap: IndexedHeap
        var tree = SweepTree()
        var removals = SubtreeRemovals()
        /// A row of probabilities by patch, zero except while gap gains read it.
        var row: [Double] = []

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
            heap = IndexedHeap(n: n)
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
        let count = nearCount(ws)
        for v in ws.order[count...] { ws.tin[v] = -1 }
        guard count > 2 else { return }
        subtrees(&ws, count)
        ws.tree.build(graph: graph, euler: ws.euler[0..<count], tin: ws.tin, dist: ws.dist, weight: ws.weightOf, parent: ws.parent,
                      size: ws.size, areas: areas)
        var removals = SubtreeRemovals()
        swap(&removals, &ws.removals)
        let worstDelta = removals.add(ws.tree, weight: weight, scale: a, euler: ws.euler, to: &totals.connector)
        swap(&removals, &ws.removals)
        for p in 1..<count { ws.worst[ws.euler[p]] = ws.tree.dist[p] + worstDelta[p] }
    }

    /// How many of the settled patches (nearest first) the removals need to look at for PC:
    /// the fewest whose left-out part stays within `ConnectivityIndices.tolerance` of the
    /// source's reach R = Σ a_v w_v (IIC: all).
    ///
    /// With the first m patches kept and D the distance of the next, a removal's loss is off
    /// by at most F + X: F = Σ a_v w_v over the patches left out (their loss is not counted),
    /// and X = e^(−2D) Σ a_v e^(d_v) over those kept, since a new way to a kept patch v
    /// through one left out (not seen) is at least D + (D − d_v) long. Summed over sources,
    /// every patch's connector is then off by at most tolerance · Σ a_s R_s = tolerance · PCnum.
    /// Far patches carry most of a tree's depth and almost none of its weight.
    private func nearCount(_ ws: Workspace) -> Int {
        let order = ws.order
        guard case .decay = weight else { return order.count }
        var reach = 0.0
        for v in order { reach += areas[v] * ws.weightOf[v] }
        let allowed = ConnectivityIndices.tolerance * reach
        var (kept, grown) = (0.0, 0.0)
        for m in order.indices.dropLast() {
            let v = order[m]
            kept += areas[v] * ws.weightOf[v]
            grown += areas[v] * exp(ws.dist[v])
            let next = ws.dist[order[m + 1]]
            if (reach - kept) + exp(-2 * next) * grown <= allowed { return m + 1 }
        }
        return order.count
    }

    /// Preorder positions (`tin`, `euler`) and subtree sizes of the best-path tree of the
    /// first `count` settled patches, so the subtree of k is `euler[tin[k] ..< tin[k] + size[k]]`.
    private func subtrees(_ ws: inout Workspace, _ count: Int) {
        let near = ws.order[0..<count]
        // Children in the order they were settled, nearest first: a removal's first pass then
        // meets the branches that the way around it reaches first, and fewer patches need a
        // second look (3,000 patches: 10% faster than the reverse).
        for v in near.dropFirst().reversed() {
            let p = ws.parent[v]
            ws.nextSibling[v] = ws.firstChild[p]
            ws.firstChild[p] = v
        }
        for v in near { ws.size[v] = 1 }
        for v in near.reversed().dropLast() { ws.size[ws.parent[v]] += ws.size[v] }
        ws.tin[ws.order[0]] = 0
        for v in near {
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
}
