import Foundation

/// One source's best-path tree laid out for the removal sweep: patches re-indexed by preorder
/// position (so a subtree is a contiguous range), each position's edges to settled patches
/// sorted by slack both ways, each subtree's weighted area, and the smallest slack of any
/// edge that enters a subtree from outside it.
///
/// Slack is how much longer than the best path an edge makes the way: arriving at p from t it
/// is dist[t] + c − dist[p], leaving p to t it is dist[p] + c − dist[t]. With the distances as
/// potentials every slack is ≥ 0 and tree edges have slack 0, so "how much longer than before"
/// (Δ) is a shortest distance over slacks.
struct SweepTree {
    /// Per position: first edge (rows in `arriving` and `leaving`), distance, weight, area,
    /// parent position (-1 at the root), subtree size.
    var start: [Int] = [], dist: [Double] = [], weight: [Double] = [], area: [Double] = []
    var parent: [Int] = [], size: [Int] = []
    /// Per position: Σ area · weight over its subtree.
    var mass: [Double] = []
    /// Per position: a lower bound (to 1/256 cost units) of the slack of every edge other than
    /// the tree edge that enters its subtree from outside; infinity when none does.
    var entry: [Double] = []
    var arriving = SlackOrder(), leaving = SlackOrder()
    /// The position whose row holds each arriving edge; union-find links and bucket order
    /// for `entrySlacks`.
    private var rowOf: [Int32] = [], link: [Int32] = [], bucketStart: [Int32] = [], byBucket: [Int32] = []

    var count: Int { dist.count }

    /// Lays out the tree of the settled patches `euler` (preorder), whose graph indices map
    /// to positions through `tin`.
    mutating func build(graph: PatchGraph.Adjacency, euler: ArraySlice<Int>, tin: [Int], dist nodeDist: [Double], weight nodeWeight: [Double],
                        parent nodeParent: [Int], size nodeSize: [Int], areas: [Double]) {
        let count = euler.count
        start.removeAll(keepingCapacity: true)
        dist.removeAll(keepingCapacity: true)
        weight.removeAll(keepingCapacity: true)
        area.removeAll(keepingCapacity: true)
        parent.removeAll(keepingCapacity: true)
        size.removeAll(keepingCapacity: true)
        mass.removeAll(keepingCapacity: true)
        arriving.reserve(graph.target.count)
        leaving.reserve(graph.target.count)
        if rowOf.count < graph.target.count { rowOf = [Int32](repeating: 0, count: graph.target.count) }
        var end = 0
        for v in euler {
            let here = nodeDist[v]
            let first = end
            start.append(first)
            let p = Int32(start.count - 1)
            for e in graph.start[v]..<graph.start[v + 1] {
                let u = Int(graph.target[e])
                let t = tin[u]
                guard t >= 0 else { continue }
                let (c, there) = (graph.cost[e], nodeDist[u])
                arriving.insert(there + c - here, Int32(t), at: end, after: first)
                leaving.insert(here + c - there, Int32(t), at: end, after: first)
                rowOf[end] = p
                end += 1
            }
            dist.append(here)
            weight.append(nodeWeight[v])
            area.append(areas[v])
            mass.append(areas[v] * nodeWeight[v])
            size.append(nodeSize[v])
            let up = nodeParent[v]
            parent.append(up >= 0 ? tin[up] : -1)
        }
        start.append(end)
        for p in stride(from: count - 1, to: 0, by: -1) { mass[parent[p]] += mass[p] }
        entrySlacks()
    }

    /// `entry` for every position: the edges in increasing slack (bucketed to 1/256), each
    /// marking the subtrees it enters that no earlier edge entered: those containing its end
    /// but not its start, the positions from its end up to (not including) the lowest
    /// common ancestor. Union-find skips positions already marked, so each is marked once:
    /// O(edges) per tree instead of one walk per edge and ancestor.
    private mutating func entrySlacks() {
        let count = self.count
        let scale = 256.0, buckets = 4096
        entry.removeAll(keepingCapacity: true)
        entry.append(contentsOf: repeatElement(.infinity, count: count))
        link.removeAll(keepingCapacity: true)
        link.append(contentsOf: (0..<Int32(count)))
        if bucketStart.count < buckets + 1 { bucketStart = [Int32](repeating: 0, count: buckets + 1) }
        for b in 0...buckets { bucketStart[b] = 0 }
        let edges = start[count]
        if byBucket.count < edges { byBucket = [Int32](repeating: 0, count: edges) }
        func bucket(_ slack: Double) -> Int { slack > 0 ? min(buckets - 1, Int(slack * scale)) : 0 }
        let arriving = self.arriving.edges
        for e in 0..<edges where Int(arriving[e].target) != parent[Int(rowOf[e])] { bucketStart[bucket(arriving[e].slack) + 1] += 1 }
        for b in 0..<buckets { bucketStart[b + 1] += bucketStart[b] }
        var fill = bucketStart
        for e in 0..<edges where Int(arriving[e].target) != parent[Int(rowOf[e])] {
            let b = bucket(arriving[e].slack)
            byBucket[Int(fill[b])] = Int32(e)
            fill[b] += 1
        }
        for b in 0..<buckets {
            let floor = Double(b) / scale
            for i in Int(bucketStart[b])..<Int(bucketStart[b + 1]) {
                let e = Int(byBucket[i])
                let t = Int(arriving[e].target)
                var x = find(Int(rowOf[e]))
                // The root's subtree holds every position, so the walk ends there at the latest.
                while t < x || t >= x + size[x] {
                    entry[x] = floor
                    link[x] = Int32(parent[x])
                    x = find(parent[x])
                }
            }
        }
    }

    /// The lowest unmarked position at or above `x` (path halving).
    private mutating func find(_ x: Int) -> Int {
        var x = x
        while Int(link[x]) != x {
            let next = link[Int(link[x])]
            link[x] = next
            x = Int(next)
        }
        return x
    }
}

/// An edge of a tree position: the position at its other end and its slack.
struct SlackEdge {
    var slack: Double
    var target: Int32
}

/// Edges in compressed rows, each row kept sorted by slack as edges are inserted.
struct SlackOrder {
    private(set) var edges: [SlackEdge] = []

    /// Room for `count` edges.
    mutating func reserve(_ count: Int) {
        guard edges.count < count else { return }
        edges = [SlackEdge](repeating: SlackEdge(slack: 0, target: 0), count: count)
    }

    /// Puts an edge into the row `first..<end` (growing it to `end + 1`) in slack order:
    /// insertion, since a row holds a handful of edges.
    mutating func insert(_ key: Double, _ to: Int32, at end: Int, after first: Int) {
        var i = end
        while i > first && edges[i - 1].slack > key {
            edges[i] = edges[i - 1]
            i -= 1
        }
        edges[i] = SlackEdge(slack: key, target: to)
    }
}
