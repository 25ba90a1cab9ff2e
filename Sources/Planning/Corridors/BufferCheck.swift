import GeoCore

/// What the buffer check found for one feature.
public struct BufferFinding: Sendable {
    /// The nearest feature of a group and how far it is.
    public struct Nearest: Sendable {
        /// The feature's name.
        public let name: String
        /// Edge-to-edge distance in metres.
        public let distance: Double
    }

    /// A footprint closer to a road or rail line than its class's setback.
    public struct SetbackViolation: Sendable, Equatable {
        /// expressway, arterial or rail.
        public let group: String
        /// The road or line's name.
        public let name: String
        /// The offending distance in metres.
        public let distance: Double
        /// The setback the class requires, in metres.
        public let required: Double

        /// Plain words: "2.5 m from 南光高速 (expressway), inside the 60 m setback".
        public var summary: String { ProjectReason.setback(self).text(.en) }
    }

    /// The corridor groups the feature falls in (touches).
    public let corridors: [String]
    /// Nearest expressway, arterial, rail line and station, when the layers have them.
    public let nearest: [String: Nearest]
    /// Setback violations, nearest first.
    public let violations: [SetbackViolation]
}

/// Checks features against the corridors and setbacks of the plan.
public enum BufferCheck {
    /// The groups reported, in order.
    public static var groups: [String] { Corridors.groups }

    /// Runs the check for every feature (metric CRS throughout).
    public static func run(_ features: [Geometry], network: [NetworkFeature], corridors: [Corridor],
                           rules: PlanningRules) throws -> [BufferFinding] {
        var indexes: [String: (PreparedIndex, [NetworkFeature])] = [:]
        for group in groups {
            let members = network.filter { $0.group == group }
            if !members.isEmpty { indexes[group] = (try PreparedIndex(members.map(\.geometry)), members) }
        }
        let corridorIndex = try PreparedIndex(corridors.map(\.geometry))
        return try features.map { g in
            let inside = try corridorIndex.matches(g, .intersects).map { corridors[$0].group }
            var nearest: [String: BufferFinding.Nearest] = [:]
            var violations: [BufferFinding.SetbackViolation] = []
            for group in groups {
                guard let (index, members) = indexes[group], let hit = try index.nearest(to: g, k: 1).first else { continue }
                nearest[group] = .init(name: members[hit.index].name, distance: hit.distance)
                guard group != "station" else { continue }
                // Every line within its class's setback is a violation, not just the nearest; classes
                // without a setback (metro, mostly underground) only have corridors.
                let widest = members.compactMap { rules.setback(forClass: $0.cls) }.max() ?? 0
                guard widest > 0 else { continue }
                for i in try index.matches(g, .withinDistance(widest)) {
                    guard let setback = rules.setback(forClass: members[i].cls) else { continue }
                    let d = try members[i].geometry.distance(to: g)
                    if d < setback { violations.append(.init(group: group, name: members[i].name, distance: d, required: setback)) }
                }
            }
            return BufferFinding(corridors: inside, nearest: nearest, violations: violations.sorted { $0.distance < $1.distance })
        }
    }
}
