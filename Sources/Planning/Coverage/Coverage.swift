import GeoCore

/// How much of each zone a cover layer covers: area and share, whether the target is met,
/// and the uncovered part (where cover is missing). Cover features are unioned before
/// measuring, so overlaps are never counted twice; holes in zones and cover are respected.
public struct CoverageResult: Sendable {
    /// One zone's figures.
    public struct Row: Sendable {
        /// The zone's name.
        public let name: String
        /// The zone's area in m².
        public let area: Double
        /// The covered area in m².
        public let covered: Double
        /// The part of the zone without cover.
        public let uncovered: Geometry
        /// covered / area (0 for an empty zone).
        public var share: Double { area > 0 ? covered / area : 0 }
    }

    /// One row per zone, in the zones' order.
    public let rows: [Row]
    /// The share each zone should reach, if there is a target.
    public let target: Double?

    /// True/false per row when a target is set.
    public func meetsTarget(_ row: Row) -> Bool? { target.map { row.share + 1e-12 >= $0 } }
}

/// Coverage of zones by a cover layer.
public enum Coverage {
    /// Computes coverage; all geometries in one metric CRS.
    /// - Parameters:
    ///   - zones: names and polygons of the zones (streets, districts, ...).
    ///   - cover: the cover geometries (any type; buffered first when `buffer` > 0).
    ///   - buffer: distance to grow the cover by, in metres (e.g. a 300 m service radius).
    ///   - target: the share each zone should reach.
    public static func compute(zones: [Zone], cover: [Geometry], buffer: Double = 0,
                               target: Double? = nil) throws -> CoverageResult {
        let grown = try buffer > 0 ? cover.map { try $0.buffer(buffer) } : cover
        let polygons = try grown.filter { g in try g.area() > 0 }
        let index = try STRtree(polygons)
        // Zones are independent: measure them on every core.
        let rows = try ParallelMap.map(zones.indices) { i -> CoverageResult.Row in
            let zone = zones[i]
            let area = try zone.geometry.area()
            // Clip before intersecting: only cover near this zone is unioned and overlaid.
            let near = index.query(zone.geometry).map { polygons[$0] }
            guard !near.isEmpty else { return .init(name: zone.name, area: area, covered: 0, uncovered: zone.geometry) }
            let local = try Geometry.unaryUnion(near)
            let covered = try zone.geometry.intersection(local).area()
            return .init(name: zone.name, area: area, covered: min(covered, area), uncovered: try zone.geometry.difference(local))
        }
        return CoverageResult(rows: rows, target: target)
    }

    /// The union of a set of covers, for combining criteria ("within 300 m of green AND
    /// within 500 m of a park").
    public static func union(_ geometries: [Geometry], buffer: Double) throws -> Geometry {
        try Geometry.unaryUnion(try geometries.map { try $0.buffer(buffer) })
    }
}
