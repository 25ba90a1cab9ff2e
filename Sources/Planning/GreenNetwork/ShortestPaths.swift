import Foundation
import GeoCore

/// All-pairs shortest paths over a weighted, undirected graph of n nodes with non-negative
/// costs (row-major n × n cost matrix, infinity where there is no edge). Dense graphs use
/// Floyd-Warshall (O(n³)); sparse ones Dijkstra from every node with a 4-ary heap
/// (O(n (m + n) log n)). Used by `RemovalReference`, the definition tests compare with.
struct ShortestPaths: Sendable {
    private let n: Int
    private let cost: [Double]
    /// Neighbour lists with costs, when the graph is sparse enough for Dijkstra.
    private let edges: [[(to: Int, cost: Double)]]?

    init(n: Int, cost: [Double]) {
        self.n = n
        self.cost = cost
        var count = 0
        for c in cost where c < .infinity { count += 1 }
        // Dijkstra costs about m log n per source against Floyd-Warshall's n² per node.
        edges = Double(count) * log2(Double(max(n, 2))) < Double(n * n) ? (0..<n).map { i in
            (0..<n).compactMap { j in j != i && cost[i * n + j] < .infinity ? (j, cost[i * n + j]) : nil }
        } : nil
    }

    /// Path lengths between every pair (row-major), never through `removed`; the removed
    /// node's own row and column are left as they came.
    func all(removed: Int? = nil) -> [Double] {
        let gone = removed ?? -1
        guard let edges else { return floydWarshall(gone) }
        // Sources are independent: one per core at a time.
        let rows = ParallelMap.map(0..<n) { s in s == gone ? [] : self.dijkstra(from: s, edges, gone) }
        var result = cost
        for s in 0..<n where s != gone {
            for t in 0..<n where t != gone { result[s * n + t] = rows[s][t] }
        }
        return result
    }

    private func floydWarshall(_ gone: Int) -> [Double] {
        var c = cost
        for i in 0..<n { c[i * n + i] = 0 }
        for m in 0..<n where m != gone {
            let rowM = m * n
            for i in 0..<n where i != gone {
                let rowI = i * n
                let cim = c[rowI + m]
                guard cim < .infinity else { continue }
                for j in 0..<n {
                    let through = cim + c[rowM + j]
                    if through < c[rowI + j] { c[rowI + j] = through }
                }
            }
        }
        return c
    }

    private func dijkstra(from source: Int, _ edges: [[(to: Int, cost: Double)]], _ gone: Int) -> [Double] {
        var distance = [Double](repeating: .infinity, count: n)
        distance[source] = 0
        var heap = IndexedHeap(n: n)
        heap.push(0, source)
        while let (d, u) = heap.pop() {
            for (v, c) in edges[u] where v != gone {
                let through = d + c
                if through < distance[v] {
                    distance[v] = through
                    heap.push(through, v)
                }
            }
        }
        return distance
    }
}
