import GeoCore

/// "300 m to green, 500 m to a park" per zone: the share of each zone within the green radius
/// of any green space of at least the minimum size, within the park radius of any park, and
/// within both (the target).
public struct GreenServiceResult: Sendable {
    /// One zone: its shares for green, park and both.
    public struct Row: Sendable {
        /// The zone's name.
        public let name: String
        /// The zone's area in m².
        public let area: Double
        /// Share within reach of a green space.
        public let greenShare: Double
        /// Share within reach of a park.
        public let parkShare: Double
        /// Share within reach of both (the target measure).
        public let bothShare: Double
        /// Area within reach of both, m².
        public let covered: Double
        /// The part of the zone outside the combined reach: where new green would help.
        public let uncovered: Geometry
        /// True when the share of both reaches the target.
        public let meetsTarget: Bool
    }

    /// One row per zone.
    public let rows: [Row]
    /// The rule the shares were measured with.
    public let rules: PlanningRules.GreenService
    /// How many green patches counted as green space and as parks.
    public let greenCount: Int, parkCount: Int

    /// The summary table.
    public func table() -> Table {
        Table(title: "Green-space service (\(Format.fixed(rules.greenRadius, 0)) m to green >= \(Format.fixed(rules.greenMinArea / 10_000, 1)) ha, \(Format.fixed(rules.parkRadius, 0)) m to a park >= \(Format.fixed(rules.parkMinArea / 10_000, 1)) ha)",
              headers: ["zone", "area_km2", "green_share", "park_share", "both_share", "target", "meets_target"],
              rows: rows.map { [$0.name, Format.fixed($0.area / 1e6, 2), Format.percent($0.greenShare), Format.percent($0.parkShare),
                                Format.percent($0.bothShare), Format.percent(rules.targetShare), $0.meetsTarget ? "yes" : "no"] })
    }
}

extension GreenServiceResult.Row {
    /// Plain words for the verdict.
    public var summary: String {
        "\(name): \(Format.percent(bothShare)) within reach of both green and a park"
    }
}

/// Green-space service coverage.
public enum GreenService {
    /// Computes the service coverage of `zones` by `green` patches (metric CRS).
    public static func compute(zones: [Zone], green: [Geometry],
                               rules: PlanningRules.GreenService) throws -> GreenServiceResult {
        let areas = try green.map { try $0.area() }
        let greenSpaces = zip(green, areas).filter { $0.1 >= rules.greenMinArea }.map(\.0)
        let parks = zip(green, areas).filter { $0.1 >= rules.parkMinArea }.map(\.0)
        let greenCover = greenSpaces.isEmpty ? try Geometry.empty(.polygon) : try Coverage.union(greenSpaces, buffer: rules.greenRadius)
        let parkCover = parks.isEmpty ? try Geometry.empty(.polygon) : try Coverage.union(parks, buffer: rules.parkRadius)
        let both = try greenCover.intersection(parkCover)
        let byGreen = try Coverage.compute(zones: zones, cover: [greenCover])
        let byPark = try Coverage.compute(zones: zones, cover: [parkCover])
        let byBoth = try Coverage.compute(zones: zones, cover: [both], target: rules.targetShare)
        let rows = zones.indices.map { i in
            GreenServiceResult.Row(name: zones[i].name, area: byBoth.rows[i].area, greenShare: byGreen.rows[i].share,
                                   parkShare: byPark.rows[i].share, bothShare: byBoth.rows[i].share, covered: byBoth.rows[i].covered,
                                   uncovered: byBoth.rows[i].uncovered, meetsTarget: byBoth.meetsTarget(byBoth.rows[i]) ?? false)
        }
        return GreenServiceResult(rows: rows, rules: rules, greenCount: greenSpaces.count, parkCount: parks.count)
    }
}
