import Foundation
import Planning
import Testing
import TestSupport

extension PlanningTests {
    /// The Conefor-definition landscapes of ../shared/peer-tests/connectivity, to 1e-9.
    @Suite("Connectivity indices (peer landscapes)", .enabled(if: SharedFixtures.hasPeerTests, "../shared/peer-tests is absent"))
    struct ConnectivityPeerTests {
        struct Input: Decodable {
            struct Landscape: Decodable {
                struct Node: Decodable { let id: String; let area: Double }
                let name: String
                let A_L: Double
                let iic_threshold_m: Double
                let pc_prob_at_distance: [Double]
                let nodes: [Node]
                let distances: [[Distance]]
            }
            let landscapes: [Landscape]
        }

        enum Distance: Decodable {
            case id(String), metres(Double)
            init(from decoder: Decoder) throws {
                let c = try decoder.singleValueContainer()
                if let s = try? c.decode(String.self) { self = .id(s) } else { self = .metres(try c.decode(Double.self)) }
            }
        }

        struct Expected: Decodable {
            struct Landscape: Decodable {
                struct Node: Decodable {
                    let id: String
                    let dIIC, dIICintra, dIICflux, dIICconnector, dPC, dPCintra, dPCflux, dPCconnector: Double
                }
                let name: String
                let IICnum, IIC, PCnum, PC, EC_PC, EC_IIC: Double
                let nodes: [Node]
            }
            let landscapes: [Landscape]
        }

        /// Relative 1e-9, or absolute 1e-9 for values that should be 0 (they come out ~1e-14).
        static func close(_ a: Double, _ b: Double) -> Bool {
            abs(a - b) <= 1e-9 * max(abs(a), abs(b)) || abs(a - b) < 1e-9
        }

        @Test("IIC, PC, EC and every patch's dIIC/dPC parts match")
        func landscapes() throws {
            let input = try JSONDecoder().decode(Input.self, from: Data(contentsOf: try #require(SharedFixtures.peerTest("connectivity/landscapes_input.json"))))
            let expected = try JSONDecoder().decode(Expected.self, from: Data(contentsOf: try #require(SharedFixtures.peerTest("connectivity/landscapes_expected.json"))))
            #expect(input.landscapes.count >= 2)
            for landscape in input.landscapes {
                let want = try #require(expected.landscapes.first { $0.name == landscape.name })
                let ids = landscape.nodes.map(\.id)
                var d: [String: Double] = [:]
                for row in landscape.distances {
                    guard row.count == 3, case .id(let a) = row[0], case .id(let b) = row[1], case .metres(let m) = row[2] else { continue }
                    d[a + "|" + b] = m
                    d[b + "|" + a] = m
                }
                let k = ConnectivityIndices.decay(probability: landscape.pc_prob_at_distance[1], atDistance: landscape.pc_prob_at_distance[0])
                let got = ConnectivityIndices(areas: landscape.nodes.map(\.area), distance: { d[ids[$0] + "|" + ids[$1]] ?? .infinity },
                                              threshold: landscape.iic_threshold_m, k: k, landscapeArea: landscape.A_L)
                let name = landscape.name
                #expect(Self.close(got.iicNumerator, want.IICnum), "\(name) IICnum \(got.iicNumerator)")
                #expect(Self.close(got.iic, want.IIC), "\(name) IIC")
                #expect(Self.close(got.pcNumerator, want.PCnum), "\(name) PCnum \(got.pcNumerator)")
                #expect(Self.close(got.pc, want.PC), "\(name) PC")
                #expect(Self.close(got.ecPC, want.EC_PC) && Self.close(got.ecIIC, want.EC_IIC), "\(name) EC")
                for (i, node) in want.nodes.enumerated() {
                    let g = got.importance[i]
                    let pairs = [(g.dIIC, node.dIIC), (g.dIICintra, node.dIICintra), (g.dIICflux, node.dIICflux), (g.dIICconnector, node.dIICconnector),
                                 (g.dPC, node.dPC), (g.dPCintra, node.dPCintra), (g.dPCflux, node.dPCflux), (g.dPCconnector, node.dPCconnector)]
                    for (j, pair) in pairs.enumerated() {
                        #expect(Self.close(pair.0, pair.1), "\(name) \(node.id) part \(j): \(pair.0) vs \(pair.1)")
                    }
                }
            }
        }
    }
}

extension PlanningTests {
    @Suite("Adding a link")
    struct AddedLinkTests {
        @Test("PC gains of new links, one pass for all, equal full recomputations")
        func incrementalEqualsFull() {
            let areas = [3.0, 1.5, 8.0, 0.7, 2.2, 5.1]
            let xs = [0.0, 400, 1300, 2100, 2600, 4000]
            func d(_ i: Int, _ j: Int) -> Double { abs(xs[i] - xs[j]) }
            let k = ConnectivityIndices.decay(probability: 0.5, atDistance: 300)
            let base = ConnectivityIndices(areas: areas, distance: d, threshold: 300, k: k, landscapeArea: 100)
            let pairs = [(1, 2), (0, 5), (3, 4), (2, 5)]
            let gains = base.pcGains(joining: pairs)
            for (c, (i, j)) in pairs.enumerated() {
                let full = ConnectivityIndices(areas: areas, distance: { ($0 == i && $1 == j) || ($0 == j && $1 == i) ? 0 : d($0, $1) },
                                               threshold: 300, k: k, landscapeArea: 100, importance: false)
                let fast = base.pcNumerator * (1 + gains[c] / 100)
                #expect(abs(fast - full.pcNumerator) <= 1e-12 * full.pcNumerator, "\(i)-\(j): \(fast) vs \(full.pcNumerator)")
                #expect(fast > base.pcNumerator)
            }
        }
    }
}
