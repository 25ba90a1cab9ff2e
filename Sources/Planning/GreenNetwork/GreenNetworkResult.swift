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
            return Table(title: "Green patches (importance not computed: more than \(GreenNetwork.importanceLimit) patches; gmgeo network --importance computes it, in minutes)",
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
