import Foundation

/// One source's best-path tree laid out for the removal sweep: patches re-indexed by preorder
/// position (so a subtree is a contiguous range), each position's edges from settled patches
/// sorted by slack.
///
/// Slack is how much longer than the best path an edge makes the way: arriving at p from t it
/// is dist[t] + c − dist[p], leaving p to t it is dist[p] + c − dist[t]. With the distances as
/// potentials every slack is ≥ 0 and tree edges have slack 0, so "how much longer than before"
/// (Δ) is a shortest distance over slacks.
struct SweepTree {
    /// Per position: first edge (its row in `arriving`), distance, weight, area,
    /// parent position (-1 at the root), subtree size.
    var start: [Int] = [], dist: [Double] = [], weight: [Double] = [], area: [Double] = []
    var parent: [Int] = [], size: [Int] = []
    var arriving = SlackOrder()

    var count: Int { dist.count }

    /// Lays out the tree of the settled patches `euler` (preorder), whose graph indices map
    /// to positions through `tin`.
    mutating func build(graph: PatchGraph.Adjacency, euler: ArraySlice<Int>, tin: [Int], dist nodeDist: [Double], weight nodeWeight: [Double],
                        parent nodeParent: [Int], size nodeSize: [Int], areas: [Double]) {
        start.removeAll(keepingCapacity: true)
        dist.removeAll(keepingCapacity: true)
        weight.removeAll(keepingCapacity: true)
        area.removeAll(keepingCapacity: true)
        parent.removeAll(keepingCapacity: true)
        size.removeAll(keepingCapacity: true)
        arriving.reserve(graph.target.count)
        var end = 0
        for v in euler {
            let here = nodeDist[v]
            let first = end
            start.append(first)
            for e in graph.start[v]..<graph.start[v + 1] {
                let u = Int(graph.target[e])
                let t = tin[u]
                guard t >= 0 else { continue }
                let (c, there) = (graph.cost[e], nodeDist[u])
                arriving.insert(there + c - here, Int32(t), at: end, after: first)
                end += 1
            }
            dist.append(here)
            weight.append(nodeWeight[v])
            area.append(areas[v])
            size.append(nodeSize[v])
            let up = nodeParent[v]
            parent.append(up >= 0 ? tin[up] : -1)
        }
        start.append(end)
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
