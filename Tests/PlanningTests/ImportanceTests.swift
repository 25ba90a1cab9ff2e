import Foundation
import GeoCore
import Planning
import Testing

extension PlanningTests {
    /// Every patch's importance from one pass per source equals its definition: remove the
    /// patch, recompute every best path (`RemovalReference`, the former O(n⁴) code).
    @Suite("Patch importance at scale")
    struct ImportanceTests {
        /// Round patches (centre, radius in m) scattered by a seeded generator, with clusters.
        static func landscape(_ count: Int, side: Double, seed: UInt64) -> [(x: Double, y: Double, r: Double)] {
            var state = seed
            func next() -> Double {
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                return Double(state >> 11) / Double(UInt64(1) << 53)
            }
            let centres = (0..<max(1, count / 30)).map { _ in (next() * side, next() * side) }
            return (0..<count).map { i in
                let (cx, cy) = centres[i % centres.count]
                let near = next() < 0.7
                return (near ? cx + (next() - 0.5) * side / 6 : next() * side, near ? cy + (next() - 0.5) * side / 6 : next() * side,
                        15 + 80 * next() * next())
            }
        }

        /// Edge-to-edge distances between the round patches.
        static func distances(_ patches: [(x: Double, y: Double, r: Double)]) -> @Sendable (Int, Int) -> Double {
            { i, j in
                let (a, b) = (patches[i], patches[j])
                return max(0, ((a.x - b.x) * (a.x - b.x) + (a.y - b.y) * (a.y - b.y)).squareRoot() - a.r - b.r)
            }
        }

        /// A seeded landscape as areas (ha) and distances.
        static func scene(_ count: Int, side: Double, seed: UInt64) -> (areas: [Double], distance: @Sendable (Int, Int) -> Double) {
            let patches = landscape(count, side: side, seed: seed)
            return (patches.map { Double.pi * $0.r * $0.r / 10_000 }, distances(patches))
        }

        /// Relative 1e-9, or absolute 1e-9 percentage points for values that should be 0.
        static func close(_ a: Double, _ b: Double) -> Bool {
            abs(a - b) <= 1e-9 * max(abs(a), abs(b)) || abs(a - b) < 1e-9
        }

        @Test("300 patches: dPC, dIIC and their parts equal removing the patch and recomputing")
        func equalsRemoval() throws {
            let (areas, distance) = Self.scene(300, side: 6000, seed: 15)
            let k = ConnectivityIndices.decay(probability: 0.5, atDistance: 300)
            let fast = ConnectivityIndices(areas: areas, distance: distance, threshold: 300, k: k, landscapeArea: 3600)
            // The reference recomputes everything per removal (O(n³) each): the most important
            // patches (hubs, where connector terms are large), the least, and every seventh.
            // (The 140-patch test below and Scripts/bench-connectivity.sh remove every patch.)
            let byDPC = areas.indices.sorted { fast.importance[$0].dPC > fast.importance[$1].dPC }
            let chosen = Array(Set(byDPC.prefix(16) + byDPC.suffix(4) + stride(from: 0, to: 300, by: 7))).sorted()
            let reference = RemovalReference(areas: areas, distance: distance, threshold: 300, k: k, landscapeArea: 3600, removals: chosen)
            #expect(abs(fast.pcNumerator - reference.pcNumerator) <= 1e-12 * reference.pcNumerator)
            #expect(abs(fast.iicNumerator - reference.iicNumerator) <= 1e-12 * reference.iicNumerator)
            // The hubs carry real connector terms (the test would be weak otherwise).
            #expect(fast.importance[byDPC[0]].dPCconnector > 1e-3)
            for (c, i) in chosen.enumerated() {
                let (f, r) = (fast.importance[i], reference.importance[c])
                let parts = [("dPC", f.dPC, r.dPC), ("intra", f.dPCintra, r.dPCintra), ("flux", f.dPCflux, r.dPCflux),
                             ("connector", f.dPCconnector, r.dPCconnector), ("dIIC", f.dIIC, r.dIIC),
                             ("dIIC intra", f.dIICintra, r.dIICintra), ("dIIC flux", f.dIICflux, r.dIICflux),
                             ("dIIC connector", f.dIICconnector, r.dIICconnector)]
                for (name, got, want) in parts {
                    #expect(Self.close(got, want), "patch \(i) \(name): \(got) vs \(want)")
                }
            }
        }

        @Test("every patch of a landscape with touching patches and long IIC chains equals removing it and recomputing")
        func everyPatchWithTies() throws {
            // Large radii on a small side: many pairs touch (distance 0, so ties and Δ = 0
            // subtrees) and the 500 m links make IIC hop counts tie everywhere.
            let patches = Self.landscape(140, side: 2500, seed: 21).map { (x: $0.x, y: $0.y, r: $0.r * 1.6) }
            let areas = patches.map { Double.pi * $0.r * $0.r / 10_000 }
            let distance = Self.distances(patches)
            let touching = (0..<140).flatMap { i in ((i + 1)..<140).filter { distance(i, $0) == 0 } }.count
            #expect(touching > 20, "only \(touching) touching pairs: the ties are not exercised")
            let k = ConnectivityIndices.decay(probability: 0.5, atDistance: 200)
            let fast = ConnectivityIndices(areas: areas, distance: distance, threshold: 500, k: k, landscapeArea: 625)
            let reference = RemovalReference(areas: areas, distance: distance, threshold: 500, k: k, landscapeArea: 625)
            #expect(fast.importance.contains { $0.dIICconnector > 1 } && fast.importance.contains { $0.dPCconnector > 1e-3 })
            for i in 0..<140 {
                let (f, r) = (fast.importance[i], reference.importance[i])
                for (name, got, want) in [("dPC", f.dPC, r.dPC), ("dPC connector", f.dPCconnector, r.dPCconnector),
                                          ("dIIC", f.dIIC, r.dIIC), ("dIIC connector", f.dIICconnector, r.dIICconnector)] {
                    #expect(Self.close(got, want), "patch \(i) \(name): \(got) vs \(want)")
                }
            }
        }

        @Test("pruned distances (farther pairs measured only where a best path with a patch removed can use them) give the importance of every pair")
        func prunedImportanceEqualsEveryPair() throws {
            var rules = try Scenes.rules().greenNetwork
            (rules.minPatchArea, rules.dissolve, rules.linkDistance, rules.halfProbabilityDistance) = (0, false, 150, 100)
            // 420 patches (pruning starts past 200) in clusters with gaps, plus a chain of three
            // far off whose middle one is the only stepping stone: removing it makes the 1,260 m
            // direct pair the best path, beyond the reach measured at first.
            var green = try Self.landscape(420, side: 7000, seed: 7).enumerated().map { i, p in
                (name: "p\(i)", cls: "park", geometry: try Geometry.point(p.x, p.y).buffer(p.r / 2))
            }
            for (i, x) in [11_000.0, 11_660, 12_320].enumerated() { green.append(("far\(i)", "park", try Geometry.point(x, 3000).buffer(30))) }
            let landscape = try Scenes.rect(-100, -100, 12_500, 7100)
            let pruned = try GreenNetwork.analyse(green: green, landscape: landscape, rules: rules, importance: true)
            let every = try GreenNetwork.analyse(green: green, landscape: landscape, rules: rules, prune: false, importance: true)
            #expect(pruned.patches.count == 423 && pruned.indices.importance.count == 423)
            #expect(abs(pruned.indices.pcNumerator - every.indices.pcNumerator) <= 1e-12 * every.indices.pcNumerator)
            for i in 0..<423 {
                let (p, e) = (pruned.indices.importance[i], every.indices.importance[i])
                #expect(Self.close(p.dPC, e.dPC) && Self.close(p.dPCconnector, e.dPCconnector) && Self.close(p.dIIC, e.dIIC),
                        "patch \(i): \(p.dPC) vs \(e.dPC), connector \(p.dPCconnector) vs \(e.dPCconnector)")
            }
            // The middle of the far chain is all that joins its ends: a pure connector.
            let middle = 421
            #expect(pruned.indices.importance[middle].dPCconnector > 0)
        }

        @Test("gap gains over the patches near each bridge equal full recomputations (to 1e-9 of PCnum)")
        func gainsEqualRecomputation() throws {
            let (areas, distance) = Self.scene(150, side: 6000, seed: 3)
            let k = ConnectivityIndices.decay(probability: 0.5, atDistance: 200)
            let indices = ConnectivityIndices(areas: areas, distance: distance, threshold: 200, k: k, landscapeArea: 3600, importance: false)
            let pairs = [(0, 149), (3, 77), (10, 11), (40, 120), (5, 90), (60, 61)]
            let gains = indices.pcGains(joining: pairs)
            for (c, (i, j)) in pairs.enumerated() {
                let joined = ConnectivityIndices(areas: areas, distance: { ($0 == i && $1 == j) || ($0 == j && $1 == i) ? 0 : distance($0, $1) },
                                                 threshold: 200, k: k, landscapeArea: 3600, importance: false)
                let want = 100 * (joined.pcNumerator - indices.pcNumerator) / indices.pcNumerator
                #expect(abs(gains[c] - want) <= 100 * 2e-9, "\(i)-\(j): \(gains[c]) vs \(want)")
                #expect(want > 0)
            }
        }
    }
}
