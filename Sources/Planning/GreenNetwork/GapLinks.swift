import GeoCore

extension GreenNetwork {
    /// For each component, the bridges to its two nearest other components, ranked by the PC
    /// gain of joining the two closest patches with a greenway (a link of probability 1).
    static func gapLinks(_ patches: [GreenPatch], _ component: [Int], _ count: Int, _ distance: inout PatchDistances,
                         _ indices: ConnectivityIndices) throws -> [GapLink] {
        guard count > 1 else { return [] }
        // Closest patch pair between every two components (pairs measured so far).
        func closest() -> [[(Int, Int, Double)?]] {
            var best: [[(Int, Int, Double)?]] = Array(repeating: Array(repeating: nil, count: count), count: count)
            for i in patches.indices {
                for j in patches.indices where component[i] < component[j] && distance[i, j] < .infinity {
                    let (a, b) = (component[i], component[j])
                    if let current = best[a][b], current.2 <= distance[i, j] { continue }
                    best[a][b] = (i, j, distance[i, j])
                }
            }
            return best
        }
        var best = closest()
        // The other components by their gap from c (measured pairs only), nearest first.
        func gaps(from c: Int) -> [(other: Int, length: Double)] {
            (0..<count).filter { $0 != c }.compactMap { o in (c < o ? best[c][o] : best[o][c]).map { (o, $0.2) } }.sorted { $0.1 < $1.1 }
        }
        // Every pair within reach is measured: a component with fewer than two others within
        // reach gets all its pairs measured, so its two nearest are exact too.
        if let reach = distance.reach {
            let wanted = min(2, count - 1)
            let few = Set((0..<count).filter { c in gaps(from: c).filter { $0.length <= reach }.count < wanted })
            if !few.isEmpty {
                try distance.complete(rows: patches.indices.filter { few.contains(component[$0]) })
                best = closest()
            }
        }
        var pairs = Set<[Int]>()
        for c in 0..<count {
            for (o, _) in gaps(from: c).prefix(2) { pairs.insert([min(c, o), max(c, o)]) }
        }
        // Each gain adds one link to the best-path matrix: O(n²) per bridge.
        let candidates = pairs.sorted { $0.lexicographicallyPrecedes($1) }.compactMap { pair -> (Int, Int, Int, Int, Double)? in
            best[pair[0]][pair[1]].map { (pair[0], pair[1], $0.0, $0.1, $0.2) }
        }
        let gains = ParallelMap.map(0..<candidates.count) { c in
            100 * (indices.pcNumeratorJoining(candidates[c].2, candidates[c].3) - indices.pcNumerator) / indices.pcNumerator
        }
        return try zip(candidates, gains).map { candidate, gain -> GapLink in
            let (a, b, i, j, d) = candidate
            let (p, q) = try patches[i].geometry.nearestPoints(to: patches[j].geometry)
            return GapLink(fromComponent: a, toComponent: b, fromPatch: i, toPatch: j, line: try Geometry.lineString([p, q]), length: d, pcGain: gain)
        }.sorted { ($0.pcGain, -$0.length) > ($1.pcGain, -$1.length) }
    }
}
