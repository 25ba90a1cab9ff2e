import Foundation
import GeoCore

/// A green patch of the network: one or more green features dissolved together.
public struct GreenPatch: Sendable {
    /// The names of the green features it is made of, joined with "、".
    public let name: String
    /// The patch's polygon.
    public let geometry: Geometry
    /// Area in m².
    public let area: Double
}

/// A link between two patches: within the link distance edge to edge, or joined by a greenway.
public struct GreenLink: Sendable {
    /// The two patches (indices into the patches).
    public let from: Int, to: Int
    /// Edge-to-edge distance in metres (0 when a greenway joins them).
    public let distance: Double
    /// exp(-k d): the chance a species crosses, as PC uses it.
    public let probability: Double
    /// The shortest line between the two patches.
    public let line: Geometry
}

/// Where a new greenway would join two parts of the network most cheaply.
public struct GapLink: Sendable {
    /// The two components it would join.
    public let fromComponent: Int, toComponent: Int
    /// The closest patches of the two.
    public let fromPatch: Int, toPatch: Int
    /// The bridge: the shortest line between the two patches.
    public let line: Geometry
    /// Its length in metres.
    public let length: Double
    /// How much PC would rise, in percent, if these two patches were joined.
    public let pcGain: Double
}

/// The green landscape network: patches, links, components, Conefor indices, gaps.
public struct GreenNetworkResult: Sendable {
    /// The patches, with their merged names.
    public let patches: [GreenPatch]
    /// The links between patches.
    public let links: [GreenLink]
    /// The component of each patch (0 = the largest by area).
    public let component: [Int]
    /// Area of each component in m², largest first.
    public let componentAreas: [Double]
    /// IIC, PC, EC and each patch's importance.
    public let indices: ConnectivityIndices
    /// Gap links ranked by PC gain, largest first.
    public let gaps: [GapLink]
    /// The landscape area (A_L) in m².
    public let landscapeArea: Double
    /// Each patch's edge-to-edge distance to its nearest other patch in metres (nil when alone).
    public let nearestDistance: [Double?]

    /// Mean nearest-neighbour distance over the patches (nil with fewer than two).
    public var meanNearestDistance: Double? {
        let known = nearestDistance.compactMap { $0 }
        return known.isEmpty ? nil : known.reduce(0, +) / Double(known.count)
    }

    /// Share of all patch area in the largest component.
    public var largestShare: Double {
        let total = componentAreas.reduce(0, +)
        return total > 0 ? (componentAreas.first ?? 0) / total : 0
    }

    /// Summary figures as a table.
    public func summaryTable(rules: PlanningRules.GreenNetwork) -> Table {
        Table(title: "Green network connectivity", headers: ["measure", "value"], rows: [
            ["patches", String(patches.count)],
            ["links (<= \(Format.fixed(rules.linkDistance, 0)) m or joined by a greenway)", String(links.count)],
            ["components", String(componentAreas.count)],
            ["mean nearest-neighbour distance, m", meanNearestDistance.map { Format.fixed($0, 1) } ?? "-"],
            ["largest component share of green area", Format.percent(largestShare)],
            ["IIC", String(format: "%.6f", indices.iic)],
            ["PC (p = 0.5 at \(Format.fixed(rules.halfProbabilityDistance, 0)) m)", String(format: "%.6f", indices.pc)],
            ["EC(PC), ha", Format.fixed(indices.ecPC, 1)],
            ["landscape area A_L, ha", Format.fixed(landscapeArea / 10_000, 1)],
        ])
    }

    /// Per-patch importance as a table, most important (dPC) first.
    public func patchTable() -> Table {
        guard indices.importance.count == patches.count else {
            return Table(title: "Green patches (importance not computed for more than \(GreenNetwork.importanceLimit) patches)",
                         headers: ["patch", "area_ha", "component"],
                         rows: patches.indices.sorted { patches[$0].area > patches[$1].area }.map {
                             [patches[$0].name, Format.fixed(patches[$0].area / 10_000, 2), String(component[$0] + 1)]
                         })
        }
        let order = patches.indices.sorted { indices.importance[$0].dPC > indices.importance[$1].dPC }
        return Table(title: "Green patches by importance to connectivity (dPC)",
                     headers: ["patch", "area_ha", "component", "dIIC_%", "dPC_%", "dPC_intra_%", "dPC_flux_%", "dPC_connector_%"],
                     rows: order.map { i in
                         let m = indices.importance[i]
                         return [patches[i].name, Format.fixed(patches[i].area / 10_000, 2), String(component[i] + 1),
                                 Format.fixed(m.dIIC, 2), Format.fixed(m.dPC, 2), Format.fixed(m.dPCintra, 2),
                                 Format.fixed(m.dPCflux, 2), Format.fixed(m.dPCconnector, 2)]
                     })
    }

    /// Gap links as a table.
    public func gapTable() -> Table {
        Table(title: "Gap links: where a new greenway would join the network (ranked by PC gain)",
              headers: ["rank", "from", "to", "length_m", "pc_gain_%"],
              rows: gaps.enumerated().map { r, g in
                  [String(r + 1), patches[g.fromPatch].name, patches[g.toPatch].name, Format.fixed(g.length, 0), Format.fixed(g.pcGain, 2)]
              })
    }
}

/// Builds and measures the green network.
public enum GreenNetwork {
    /// Above this many patches the per-patch importance (O(n⁴)) is skipped, so large layers
    /// finish in seconds.
    public static let importanceLimit = 150
    /// PC needs every pair's distance and best path (O(n³) time, several n × n matrices):
    /// 3,000 patches take about 20 s and 0.5 GB on 2 cores; beyond, the analysis refuses
    /// rather than run for minutes and gigabytes.
    public static let patchLimit = 3000

    /// - Parameters:
    ///   - green: green features (name, class, polygon) in a metric CRS; classes containing
    ///     "greenway" are corridors that link the patches they touch.
    ///   - landscape: the landscape (the district), for A_L.
    ///   - prune: measure only the pairs that can matter (`PatchDistances`); false measures
    ///     every pair, for checking that both agree.
    ///   - step: told as each stage starts, for progress on large layers.
    public static func analyse(green: [(name: String, cls: String, geometry: Geometry)], landscape: Geometry,
                               rules: PlanningRules.GreenNetwork, prune allowPruning: Bool = true,
                               step: (String) -> Void = { _ in }) throws -> GreenNetworkResult {
        step("patches")
        let patches = try makePatches(green, rules: rules)
        guard patches.count <= patchLimit else {
            throw NetworkError(message: "\(patches.count) green patches: the connectivity indices compare every pair and would take minutes and gigabytes beyond \(patchLimit); raise [green_network] min_patch_area (--min-patch-area) or merge touching green (dissolve = true, --dissolve)")
        }
        let k = ConnectivityIndices.decay(probability: 0.5, atDistance: rules.halfProbabilityDistance)
        let n = patches.count
        step("distances between \(n) patches")
        // Every pair when each patch's importance is wanted (removals change best paths), or
        // when patches are so simple that measuring beats the extra shortest-path pass (about
        // n³/2 steps against a distance's ~75 steps per vertex); otherwise pairs within reach,
        // and farther ones only where no path through other patches beats them.
        let vertices = patches.reduce(0) { $0 + $1.geometry.numberOfCoordinates }
        let prune = allowPruning && n > importanceLimit && vertices * 75 > n * n
        let reach = max(rules.linkDistance, 10 * rules.halfProbabilityDistance)
        var measured = try PatchDistances(patches.map(\.geometry), reach: prune ? reach : nil)
        let nearest = try (0..<n).map { try measured.nearest($0) }
        var distance = measured.matrix
        let index = try PreparedIndex(patches.map(\.geometry))
        let greenways = try green.filter { $0.cls.contains("greenway") }.map { try PreparedGeometry($0.geometry) }
        for way in greenways {
            let touching = try (0..<n).filter { try way.intersects(patches[$0].geometry) }
            for a in touching { for b in touching where a != b { distance[a * n + b] = 0 } }
        }
        var links: [GreenLink] = []
        for i in 0..<n {
            let near = Set(try index.matches(patches[i].geometry, .withinDistance(rules.linkDistance)))
            for j in (i + 1)..<n where near.contains(j) || distance[i * n + j] == 0 {
                links.append(try link(i, j, distance[i * n + j], k, patches))
            }
        }
        let (component, componentAreas) = components(n, links, patches)
        step("connectivity indices")
        let hectares = patches.map { $0.area / 10_000 }
        let landscapeArea = try landscape.area()
        let indices = ConnectivityIndices(areas: hectares, distance: { distance[$0 * n + $1] }, threshold: rules.linkDistance,
                                          k: k, landscapeArea: landscapeArea / 10_000, importance: n <= importanceLimit)
        step("gap links")
        let gaps = try gapLinks(patches, component, componentAreas.count, &measured, indices)
        return GreenNetworkResult(patches: patches, links: links, component: component, componentAreas: componentAreas,
                                  indices: indices, gaps: gaps, landscapeArea: landscapeArea, nearestDistance: nearest)
    }

    /// Green features as patches: dissolved when the rules say so, small ones dropped.
    static func makePatches(_ green: [(name: String, cls: String, geometry: Geometry)], rules: PlanningRules.GreenNetwork) throws -> [GreenPatch] {
        let polygons = try green.filter { try $0.geometry.area() > 0 }
        var shapes: [(String, Geometry)]
        if rules.dissolve {
            let index = try PreparedIndex(polygons.map(\.geometry))
            shapes = try Geometry.unaryUnion(polygons.map(\.geometry)).parts().map { part in
                let names = try index.matches(part, .intersects).map { polygons[$0].name }
                return (names.joined(separator: "、"), part)
            }
        } else {
            shapes = polygons.map { ($0.name, $0.geometry) }
        }
        return try shapes.map { GreenPatch(name: $0.0, geometry: $0.1, area: try $0.1.area()) }
            .filter { $0.area >= rules.minPatchArea }
    }

    private static func link(_ i: Int, _ j: Int, _ d: Double, _ k: Double, _ patches: [GreenPatch]) throws -> GreenLink {
        let (p, q) = try patches[i].geometry.nearestPoints(to: patches[j].geometry)
        let line = p == q ? try Geometry.point(p.x, p.y) : try Geometry.lineString([p, q])
        return GreenLink(from: i, to: j, distance: d, probability: exp(-k * d), line: line)
    }

    /// Union-find over links; components numbered by area, largest first.
    static func components(_ n: Int, _ links: [GreenLink], _ patches: [GreenPatch]) -> ([Int], [Double]) {
        var parent = Array(0..<n)
        func find(_ x: Int) -> Int {
            var x = x
            while parent[x] != x { parent[x] = parent[parent[x]]; x = parent[x] }
            return x
        }
        for l in links { parent[find(l.from)] = find(l.to) }
        var area: [Int: Double] = [:]
        for i in 0..<n { area[find(i), default: 0] += patches[i].area }
        let order = area.keys.sorted { (area[$0] ?? 0, -$0) > (area[$1] ?? 0, -$1) }
        let number = Dictionary(uniqueKeysWithValues: order.enumerated().map { ($1, $0) })
        return ((0..<n).map { number[find($0)] ?? 0 }, order.map { area[$0] ?? 0 })
    }

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
        // Every pair within reach is measured: a component with fewer than two others within
        // reach gets all its pairs measured, so its two nearest are exact too.
        if let reach = distance.reach {
            func gap(_ c: Int, _ o: Int) -> Double {
                let entry = c < o ? best[c][o] : best[o][c]
                return entry?.2 ?? .infinity
            }
            let wanted = min(2, count - 1)
            let few = (0..<count).filter { c in (0..<count).filter { o in o != c && gap(c, o) <= reach }.count < wanted }
            if !few.isEmpty {
                let members = Set(few)
                try distance.complete(rows: patches.indices.filter { members.contains(component[$0]) })
                best = closest()
            }
        }
        var pairs = Set<[Int]>()
        for c in 0..<count {
            let others = (0..<count).filter { $0 != c }.compactMap { o -> (Int, Double)? in
                let entry = c < o ? best[c][o] : best[o][c]
                return entry.map { (o, $0.2) }
            }.sorted { $0.1 < $1.1 }
            for (o, _) in others.prefix(2) { pairs.insert([min(c, o), max(c, o)]) }
        }
        // Each gain adds one link to the best-path matrix: O(n²) per bridge.
        let candidates = pairs.sorted { $0.lexicographicallyPrecedes($1) }.compactMap { pair -> (Int, Int, Int, Int, Double)? in
            best[pair[0]][pair[1]].map { (pair[0], pair[1], $0.0, $0.1, $0.2) }
        }
        let gains = try ParallelMap.map(0..<candidates.count) { c in
            100 * (indices.pcNumeratorJoining(candidates[c].2, candidates[c].3) - indices.pcNumerator) / indices.pcNumerator
        }
        return try zip(candidates, gains).map { candidate, gain -> GapLink in
            let (a, b, i, j, d) = candidate
            let (p, q) = try patches[i].geometry.nearestPoints(to: patches[j].geometry)
            return GapLink(fromComponent: a, toComponent: b, fromPatch: i, toPatch: j, line: try Geometry.lineString([p, q]), length: d, pcGain: gain)
        }.sorted { ($0.pcGain, -$0.length) > ($1.pcGain, -$1.length) }
    }
}

/// A green network that cannot be analysed as asked.
public struct NetworkError: Error, CustomStringConvertible, Sendable {
    /// What is wrong and how to fix it.
    public let message: String
    /// The message.
    public var description: String { message }
}
