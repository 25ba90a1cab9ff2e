import GeoCore

extension GreenNetwork {
    /// A bridge between two components: their numbers, their closest patches and the gap.
    struct GapCandidate: Sendable {
        let from: Int, to: Int, i: Int, j: Int, length: Double
    }

    /// For each component, the bridges to its two nearest other components (joining their
    /// two closest patches). Measures the rows of components with fewer than two others
    /// within reach, so that those are exact too.
    static func gapCandidates(_ patches: [GreenPatch], _ component: [Int], _ count: Int, _ distance: inout PatchDistances) throws -> [GapCandidate] {
        guard count > 1 else { return [] }
        // Closest measured patch pair between every two components.
        func closest() -> [[Int]: (Int, Int, Double)] {
            var best: [[Int]: (Int, Int, Double)] = [:]
            for (i, j, d) in distance.pairs where component[i] != component[j] {
                let pair = [min(component[i], component[j]), max(component[i], component[j])]
                let (a, b) = component[i] < component[j] ? (i, j) : (j, i)
                if let current = best[pair], current.2 <= d { continue }
                best[pair] = (a, b, d)
            }
            return best
        }
        var best = closest()
        // The other components by their gap from c (measured pairs only), nearest first.
        func gaps() -> [[(other: Int, length: Double)]] {
            var byComponent = [[(other: Int, length: Double)]](repeating: [], count: count)
            for (pair, bridge) in best {
                byComponent[pair[0]].append((pair[1], bridge.2))
                byComponent[pair[1]].append((pair[0], bridge.2))
            }
            return byComponent.map { $0.sorted { ($0.length, $0.other) < ($1.length, $1.other) } }
        }
        var nearest = gaps()
        // Every pair within reach is measured: a component with fewer than two others within
        // reach gets all its pairs measured, so its two nearest are exact too.
        if let reach = distance.reach {
            let wanted = min(2, count - 1)
            let few = Set((0..<count).filter { c in nearest[c].filter { $0.length <= reach }.count < wanted })
            if !few.isEmpty {
                try distance.complete(rows: patches.indices.filter { few.contains(component[$0]) })
                best = closest()
                nearest = gaps()
            }
        }
        var pairs = Set<[Int]>()
        for c in 0..<count {
            for (o, _) in nearest[c].prefix(2) { pairs.insert([min(c, o), max(c, o)]) }
        }
        return pairs.sorted { $0.lexicographicallyPrecedes($1) }.compactMap { pair -> GapCandidate? in
            best[pair].map { GapCandidate(from: pair[0], to: pair[1], i: $0.0, j: $0.1, length: $0.2) }
        }
    }

    /// The bridges as lines, ranked by the PC gain (`gains`, in the same order) of joining
    /// them with a greenway (a link of probability 1).
    static func gapLinks(_ patches: [GreenPatch], _ candidates: [GapCandidate], gains: [Double]) throws -> [GapLink] {
        try zip(candidates, gains).map { c, gain -> GapLink in
            let (p, q) = try patches[c.i].geometry.nearestPoints(to: patches[c.j].geometry)
            return GapLink(fromComponent: c.from, toComponent: c.to, fromPatch: c.i, toPatch: c.j, line: try Geometry.lineString([p, q]),
                           length: c.length, pcGain: gain)
        }.sorted { ($0.pcGain, -$0.length) > ($1.pcGain, -$1.length) }
    }
}
