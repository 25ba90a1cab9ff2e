import Foundation
import GeoCore

/// Builds and measures the green network.
public enum GreenNetwork {
    /// Above this many patches the per-patch importance (O(n⁴)) is skipped, so large layers
    /// finish in seconds.
    public static let importanceLimit = 300
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
        let greenways = try green.filter { $0.cls.contains("greenway") }.map { try PreparedGeometry($0.geometry) }
        for way in greenways {
            let touching = try (0..<n).filter { try way.intersects(patches[$0].geometry) }
            for a in touching { for b in touching where a != b { distance[a * n + b] = 0 } }
        }
        // Pairs within the link distance are always measured (it is within reach); greenway
        // pairs are 0.
        var links: [GreenLink] = []
        for i in 0..<n {
            for j in (i + 1)..<n where distance[i * n + j] <= rules.linkDistance {
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
