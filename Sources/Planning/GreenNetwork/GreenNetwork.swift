import Foundation
import GeoCore

/// Builds and measures the green network.
public enum GreenNetwork {
    /// Above this many patches the per-patch importance is skipped unless asked for: its pass
    /// grows about as n² times the depth of the best-path trees (on two cores, city-like
    /// landscapes: 3,000 patches under 10 s, 10,000 under a minute; Scripts/bench-connectivity.sh).
    public static let importanceLimit = 10_000
    /// Every pass is one best-path search per patch over a sparse graph (memory O(n + edges));
    /// past this many patches it would take many minutes, so the analysis refuses.
    public static let patchLimit = 30_000

    /// - Parameters:
    ///   - green: green features (name, class, polygon) in a metric CRS; classes containing
    ///     "greenway" are corridors that link the patches they touch.
    ///   - landscape: the landscape (the district), for A_L.
    ///   - prune: measure only the pairs that can matter (`PatchDistances`); false measures
    ///     every pair, for checking that both agree.
    ///   - importance: compute each patch's dPC/dIIC (nil: when there are at most
    ///     `importanceLimit` patches).
    ///   - step: told as each stage starts, for progress on large layers.
    ///   - progress: told (done, total) within long stages, from any thread.
    public static func analyse(green: [(name: String, cls: String, geometry: Geometry)], landscape: Geometry,
                               rules: PlanningRules.GreenNetwork, prune allowPruning: Bool = true, importance: Bool? = nil,
                               step: (String) -> Void = { _ in }, progress: @escaping @Sendable (Int, Int) -> Void = { _, _ in }) throws -> GreenNetworkResult {
        step("patches")
        let patches = try makePatches(green, rules: rules)
        guard patches.count <= patchLimit else {
            throw NetworkError(message: "\(patches.count) green patches: beyond \(patchLimit) the connectivity analysis would take many minutes; raise [green_network] min_patch_area (--min-patch-area) or merge touching green (dissolve = true, --dissolve), or split the area into parts")
        }
        let k = ConnectivityIndices.decay(probability: 0.5, atDistance: rules.halfProbabilityDistance)
        let n = patches.count
        let withImportance = importance ?? (n <= importanceLimit)
        step("distances between \(n) patches")
        // Up to 200 patches: every pair (cheap, nothing to refine). Otherwise pairs within reach,
        // then farther ones only where a best path could use them.
        // Removals make longer direct pairs useful: measuring farther at once saves the
        // importance pass a rerun (either way the result is exact).
        let reach = max(rules.linkDistance, (withImportance ? 20 : 10) * rules.halfProbabilityDistance)
        var measured = try PatchDistances(patches.map(\.geometry), reach: allowPruning && n > 200 ? reach : nil)
        let greenways = try green.filter { $0.cls.contains("greenway") }.map { try PreparedGeometry($0.geometry) }
        for way in greenways {
            let touching = try (0..<n).filter { try way.intersects(patches[$0].geometry) }
            for a in touching { for b in touching where a < b { measured.join(a, b) } }
        }
        let nearest = try measured.nearestAll()
        // Pairs within the link distance are always measured (it is within reach); greenway
        // pairs are 0.
        let links = try measured.pairs.filter { $0.d <= rules.linkDistance }.map { try link($0.i, $0.j, $0.d, k, patches) }
        let (component, componentAreas) = components(n, links, patches)
        step(withImportance ? "connectivity indices and the importance of \(n) patches" : "connectivity indices")
        let hectares = patches.map { $0.area / 10_000 }
        let landscapeArea = try landscape.area()
        // Farther pairs are measured where a pass finds that one could shorten a best path:
        // first by searches of best paths alone (cheap); then the pass with importance, which
        // can still ask for pairs that a removal makes useful (rare: pairs within twenty
        // half-probability distances are measured with importance), and is repeated only if
        // one of them beats the path it was asked for. Each asks once: measuring more pairs
        // only shortens paths, so a pair not asked for can never become useful later.
        let cutoff = ConnectivityIndices.cutoff(areas: hectares)
        func inspect(_ snapshot: PatchDistances) -> (@Sendable (Int, [Double]) -> [ConnectivityIndices.Request])? {
            guard let reach = snapshot.reach else { return nil }
            return { s, worst in
                var wanted: [ConnectivityIndices.Request] = []
                for j in (s + 1)..<max(s + 1, n) {
                    let bound = snapshot.lowerBound(s, j)
                    let beat = min(worst[j], cutoff)
                    if bound > reach && k * bound < beat && !snapshot.isKnown(s, j) { wanted.append(.init(i: s, j: j, beat: beat)) }
                }
                return wanted
            }
        }
        // The graph of the measured pairs, built again only when more were measured.
        var built: (count: Int, graph: PatchGraph)?
        func graph() -> PatchGraph {
            if let built, built.count == measured.count { return built.graph }
            let graph = PatchGraph(n: n, edges: measured.pairs, k: k, threshold: rules.linkDistance)
            built = (measured.count, graph)
            return graph
        }
        /// Measures the pairs asked for; whether one of them shortens a path.
        func measure(_ requests: [ConnectivityIndices.Request]) throws -> Bool {
            if !requests.isEmpty { try measured.measure(requests.map { ($0.i, $0.j) }) }
            return requests.contains { k * measured[$0.i, $0.j] < $0.beat }
        }
        // The gap links' gains are summed by the same pass (their bridges depend only on the
        // components and the pairs within reach); the settling pass keeps the best paths from
        // the bridges' ends, still exact for it if no pair it asked for shortens a path.
        let bridges = try gapCandidates(patches, component, componentAreas.count, &measured)
        var rows: [Int: [Double]] = [:]
        if withImportance, let ask = inspect(measured) {
            let settling = ConnectivityIndices.requests(areas: hectares, graph: graph(), keep: Set(bridges.flatMap { [$0.i, $0.j] }), inspect: ask)
            if try !measure(settling.requests) { rows = settling.rows }
        }
        func pass(asking: Bool) -> (indices: ConnectivityIndices, requests: [ConnectivityIndices.Request], gains: [Double]) {
            ConnectivityIndices.compute(areas: hectares, graph: graph(), landscapeArea: landscapeArea / 10_000, importance: withImportance,
                                        progress: progress, inspect: asking ? inspect(measured) : nil, bridges: bridges.map { ($0.i, $0.j) },
                                        rows: asking ? rows : [:])
        }
        var result = pass(asking: true)
        rows = [:]  // freed: a second pass searches anew, as the distances changed
        if try measure(result.requests) { result = pass(asking: false) }
        step("gap links")
        let indices = result.indices
        let gaps = try gapLinks(patches, bridges, gains: result.gains)
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
                var names: [String] = []
                for i in try index.matches(part, .intersects) where !names.contains(polygons[i].name) { names.append(polygons[i].name) }
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
}

/// A green network that cannot be analysed as asked.
public struct NetworkError: LocatedError, Sendable {
    /// What is wrong and how to fix it.
    public let message: String
    /// Where, when known (the green layer).
    public var location: String?
    /// Creates the error.
    public init(message: String, location: String? = nil) {
        self.message = message
        self.location = location
    }
    /// One line: where, then the message.
    public var description: String { "\(locationPrefix)\(message)" }
}
