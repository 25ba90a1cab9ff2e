import TestSupport
import Foundation
import GeoCore
import Planning
import Testing

extension PlanningTests {
    @Suite("Green network")
    struct GreenNetworkTests {
        @Test("two 1 ha patches 1 km apart: the closed form of the L0 landscape; one gap link")
        func twoPatches() throws {
            var rules = try Scenes.rules().greenNetwork
            rules.linkDistance = 300
            rules.halfProbabilityDistance = 1000
            rules.minPatchArea = 0
            let green = [("X", "park", try Scenes.rect(0, 0, 100, 100)), ("Y", "park", try Scenes.rect(1100, 0, 1200, 100))]
            let landscape = try Scenes.rect(0, 0, 1000, 100)  // A_L = 10 ha
            let r = try GreenNetwork.analyse(green: green.map { (name: $0.0, cls: $0.1, geometry: $0.2) }, landscape: landscape, rules: rules)
            #expect(r.patches.count == 2 && r.links.isEmpty && r.componentAreas.count == 2)
            // PCnum = 1 + 1 + 2 x 0.5 = 3 ha², PC = 3 / 10² = 0.03; IICnum = 2 (no link).
            #expect(abs(r.indices.pcNumerator - 3) < 1e-12 && abs(r.indices.pc - 0.03) < 1e-12)
            #expect(abs(r.indices.iicNumerator - 2) < 1e-12)
            #expect(abs(r.largestShare - 0.5) < 1e-12)
            #expect(r.nearestDistance == [1000, 1000] && r.meanNearestDistance == 1000)
            let gap = try #require(r.gaps.first)
            // Joined, p = 1: PCnum 4, a gain of 33.3%; the bridge is the 1 km gap.
            #expect(r.gaps.count == 1 && gap.length == 1000 && abs(gap.pcGain - 100.0 / 3) < 1e-9)
        }

        @Test("links within the distance and through a greenway; dissolve merges touching patches")
        func linksAndGreenways() throws {
            var rules = try Scenes.rules().greenNetwork
            rules.linkDistance = 300
            rules.minPatchArea = 0
            rules.dissolve = false
            let green = [("A", "park", try Scenes.rect(0, 0, 100, 100)), ("B", "park", try Scenes.rect(300, 0, 400, 100)),
                         ("C", "park", try Scenes.rect(2000, 0, 2100, 100)), ("D", "park", try Scenes.rect(3000, 0, 3100, 100)),
                         ("W", "river-greenway", try Scenes.rect(2050, 40, 3050, 60))]
            let landscape = try Scenes.rect(0, 0, 4000, 1000)
            let r = try GreenNetwork.analyse(green: green.map { (name: $0.0, cls: $0.1, geometry: $0.2) }, landscape: landscape, rules: rules)
            let pairs = Set(r.links.map { [r.patches[$0.from].name, r.patches[$0.to].name].sorted() })
            #expect(pairs.contains(["A", "B"]))             // 200 m apart
            #expect(pairs.contains(["C", "D"]))             // joined by the greenway
            #expect(!pairs.contains(["B", "C"]))
            // Nearest neighbours are geometric: A and B 200 m apart; the greenway W overlaps C and D.
            #expect(r.patches.map(\.name) == ["A", "B", "C", "D", "W"])
            #expect(r.nearestDistance == [200, 200, 0, 0, 0] && r.meanNearestDistance == 80)
            var dissolved = rules
            dissolved.dissolve = true
            let merged = try GreenNetwork.analyse(green: green.map { (name: $0.0, cls: $0.1, geometry: $0.2) }, landscape: landscape, rules: dissolved)
            #expect(merged.patches.contains { $0.name == "C、D、W" })
        }
    }

    @Suite("Project validation")
    struct ValidationTests {
        /// A 10 km square district with one street, one control zone, a park, an expressway.
        static func context(_ rules: PlanningRules) throws -> ValidationContext {
            let district = try Scenes.rect(0, 0, 10_000, 10_000)
            let network = [NetworkFeature(name: "E1", cls: "expressway", geometry: try Geometry(wkt: "LINESTRING (0 5000, 10000 5000)"))]
            return ValidationContext(district: district, districtName: ProjectReason.Place(zh: "光明区", en: "Guangming District"), streets: [Zone(name: "S", geometry: district)], upgradeDistricts: [Zone(name: "U", geometry: try Scenes.rect(0, 0, 2000, 2000))],
                                     controlZones: [Zone(name: "光明中心区", geometry: try Scenes.rect(1000, 1000, 3000, 3000))],
                                     green: [Zone(name: "Park", geometry: try Scenes.rect(7000, 7000, 8000, 8000))], network: network,
                                     corridors: try Corridors.build(network, rules: rules, within: district))
        }

        @Test("every rule, with its verdict and reason", arguments: [
            ("key inside a control zone", "key", "POLYGON ((1500 1500, 1600 1500, 1600 1600, 1500 1600, 1500 1500))", "needs-review", ["review-zone"]),
            ("key outside zones", "key", "POLYGON ((6000 2000, 6100 2000, 6100 2100, 6000 2100, 6000 2000))", "ok", []),
            ("general inside a zone", "general", "POINT (2000 2000)", "ok", []),
            ("major industrial anywhere", "major-industrial", "POINT (6000 2000)", "needs-review", ["review-kind"]),
            ("public facility", "public-facility", "POINT (6000 2000)", "needs-review", ["review-kind"]),
            ("area-wide", "area-wide", "POINT (6000 2000)", "needs-review", ["review-kind"]),
            ("inside the expressway setback", "general", "POLYGON ((4000 5030, 4100 5030, 4100 5100, 4000 5100, 4000 5030))", "conflict", ["setback"]),
            ("takes green space", "general", "POLYGON ((7900 7900, 8100 7900, 8100 8100, 7900 8100, 7900 7900))", "conflict", ["takes-green"]),
            ("outside the district", "general", "POINT (20000 20000)", "conflict", ["outside-district"]),
            ("key straddling the zone edge", "key", "POLYGON ((2950 2950, 3050 2950, 3050 3050, 2950 3050, 2950 2950))", "needs-review", ["review-zone"]),
        ])
        func rule(_ c: (String, String, String, String, [String])) throws {
            let rules = try Scenes.rules()
            let a = try #require(try ProjectValidation.assess([ProjectToCheck(geometry: try Geometry(wkt: c.2), kind: c.1)], context: try Self.context(rules), rules: rules).first)
            #expect(a.verdict.rawValue == c.3, "\(c.0): \(a.reasons)")
            #expect(a.rules.map(\.code) == c.4, "\(c.0): \(a.reasons)")
        }

        @Test("the reasons say what and how much, in plain words")
        func reasons() throws {
            let rules = try Scenes.rules()
            let context = try Self.context(rules)
            let setback = try #require(try ProjectValidation.assess([ProjectToCheck(geometry: try Geometry(wkt: "POLYGON ((4000 5030, 4100 5030, 4100 5100, 4000 5100, 4000 5030))"), kind: "general")],
                                                                  context: context, rules: rules).first)
            #expect(setback.reasons == "30.0 m from E1 (expressway), inside the 60 m setback")
            let green = try #require(try ProjectValidation.assess([ProjectToCheck(geometry: try Scenes.rect(7900, 7900, 8100, 8100), kind: "general")], context: context, rules: rules).first)
            #expect(green.reasons == "takes 10000 m² of green space (Park)" && green.greenTaken == 10_000)
            #expect(green.street == "S")
        }
    }

    @Suite("Rules file")
    struct RulesTests {
        @Test("missing or wrong numbers are named with their key")
        func errors() throws {
            let text = try String(contentsOf: SharedFixtures.packageRoot.appendingPathComponent("GeoData/guangming/rules.toml"), encoding: .utf8)
            #expect(throws: RulesError.self) { try PlanningRules(toml: text.replacingOccurrences(of: "expressway = 50.0", with: "")) }
            do {
                _ = try PlanningRules(toml: text.replacingOccurrences(of: "target_share = 0.9", with: "target_share = 9"), file: "r.toml")
                Issue.record("accepted a share of 9")
            } catch let error as RulesError {
                #expect(error.description == "r.toml: [green_service] target_share must be between 0 and 1, got 9.0")
            }
            #expect(throws: RulesError.self) { try PlanningRules(toml: "[crs\nworking = 1") }
            #expect(try PlanningRules(toml: text).corridors.expressway == 50)
        }
    }
}

extension PlanningTests.ValidationTests {
    @Test("many projects (assessed in parallel chunks) get the verdicts they get one by one")
    func parallelChunks() throws {
        let rules = try Scenes.rules()
        let context = try Self.context(rules)
        var projects: [ProjectToCheck] = []
        for i in 0..<1100 {
            let x = Double(i % 40) * 260 + 13
            let y = Double(i / 40) * 370 + 7
            projects.append(ProjectToCheck(geometry: try Geometry.point(x, y), kind: i % 3 == 0 ? "key" : "general"))
        }
        let all: [ProjectAssessment] = try ProjectValidation.assess(projects, context: context, rules: rules)
        #expect(all.count == projects.count)
        let verdicts = Set(all.map { $0.verdict })
        #expect(verdicts.count == 3)
        for i in stride(from: 0, to: projects.count, by: 37) {
            let one = try #require(try ProjectValidation.assess([projects[i]], context: context, rules: rules).first)
            #expect(one.verdict == all[i].verdict && one.reasons == all[i].reasons, "project \(i)")
        }
    }
}

extension PlanningTests.GreenNetworkTests {
    @Test("More round patches than importance takes, three far off: pruned distances give the PC, IIC, links, nearest neighbours and gap links of every pair")
    func prunedEqualsEveryPair() throws {
        var rules = try Scenes.rules().greenNetwork
        (rules.minPatchArea, rules.dissolve, rules.linkDistance, rules.halfProbabilityDistance) = (0, false, 150, 100)
        var seed: UInt64 = 20_261_129
        func next() -> Double {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Double(seed >> 11) / Double(UInt64(1) << 53)
        }
        // 33-vertex circles over 6 km, more than the 200 up to which every pair is measured,
        // so pairs are pruned.
        var green: [(name: String, cls: String, geometry: Geometry)] = []
        for i in 0..<420 { green.append(("p\(i)", "park", try Geometry.point(next() * 6000, next() * 6000).buffer(10 + next() * 40))) }
        // Three patches in a row 3 km beyond the rest, 600 m apart edge to edge: the first has
        // one other component within reach (1 km), and the path through the middle one beats
        // its direct 1,260 m to the third, so that pair is pruned; its gap links still need it.
        for (i, x) in [9000.0, 9660, 10320].enumerated() { green.append(("far\(i)", "park", try Geometry.point(x, 3000).buffer(30))) }
        let landscape = try Scenes.rect(-100, -100, 10_400, 6100)
        let r = try GreenNetwork.analyse(green: green, landscape: landscape, rules: rules, importance: false)
        let n = r.patches.count
        #expect(n == 423 && r.indices.importance.isEmpty)
        var d = [[Double]](repeating: [Double](repeating: 0, count: n), count: n)
        for i in 0..<n { for j in 0..<n where j != i { d[i][j] = try r.patches[i].geometry.distance(to: r.patches[j].geometry) } }
        let full = ConnectivityIndices(areas: r.patches.map { $0.area / 10_000 }, distance: { d[$0][$1] }, threshold: 150,
                                       k: ConnectivityIndices.decay(probability: 0.5, atDistance: 100),
                                       landscapeArea: try landscape.area() / 10_000, importance: false)
        #expect(abs(full.pcNumerator - r.indices.pcNumerator) <= 1e-12 * full.pcNumerator)
        #expect(abs(full.iicNumerator - r.indices.iicNumerator) <= 1e-12 * full.iicNumerator)
        let pairs = (0..<n).flatMap { i in (i + 1..<n).filter { d[i][$0] <= 150 }.map { [i, $0] } }
        #expect(Set(r.links.map { [$0.from, $0.to] }) == Set(pairs))
        for i in 0..<n { #expect(r.nearestDistance[i] == d[i].enumerated().filter { $0.offset != i }.map(\.element).min()) }
        // The whole result, gap links included, equals the analysis over every pair.
        let every = try GreenNetwork.analyse(green: green, landscape: landscape, rules: rules, prune: false, importance: false)
        #expect(every.component == r.component && every.componentAreas == r.componentAreas)
        #expect(every.indices.pcNumerator == r.indices.pcNumerator || abs(every.indices.pcNumerator - r.indices.pcNumerator) <= 1e-12 * r.indices.pcNumerator)
        // Gains are exact to 1e-9 of PCnum (1e-7 percentage points) each way; equal gains
        // (the far chain is symmetric) may come in either order.
        let gainOf = { (gaps: [GapLink]) in Dictionary(uniqueKeysWithValues: gaps.map { ([$0.fromPatch, $0.toPatch], ($0.length, $0.pcGain)) }) }
        let (all, pruned) = (gainOf(every.gaps), gainOf(r.gaps))
        #expect(Set(all.keys) == Set(pruned.keys))
        for (pair, value) in all {
            #expect(pruned[pair]?.0 == value.0 && abs((pruned[pair]?.1 ?? .nan) - value.1) <= 2e-7, "\(pair)")
        }
        #expect(r.gaps.contains { r.patches[$0.fromPatch].name.hasPrefix("far") || r.patches[$0.toPatch].name.hasPrefix("far") })
    }

    @Test("a layer with more patches than the indices can take is refused with advice, not run for minutes")
    func tooManyPatches() throws {
        var rules = try Scenes.rules().greenNetwork
        rules.minPatchArea = 0
        rules.dissolve = false
        var green: [(name: String, cls: String, geometry: Geometry)] = []
        for i in 0..<(GreenNetwork.patchLimit + 1) {
            let x = Double(i % 40) * 100, y = Double(i / 40) * 100
            green.append(("p\(i)", "park", try Scenes.rect(x, y, x + 10, y + 10)))
        }
        do {
            _ = try GreenNetwork.analyse(green: green, landscape: try Scenes.rect(0, 0, 5000, 5000), rules: rules)
            Issue.record("analysed \(green.count) patches")
        } catch let error as NetworkError {
            #expect(error.description.contains("min_patch_area"))
        }
    }
}
