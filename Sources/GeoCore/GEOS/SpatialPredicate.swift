/// A named spatial relation, as used by queries: `predicate(subject, candidate)`.
public enum SpatialPredicate: Hashable, Sendable, CustomStringConvertible {
    case intersects, contains, containsProperly, within, covers, coveredBy, touches, crosses, overlaps, disjoint
    /// Within `distance` CRS units of each other (edge to edge).
    case withinDistance(Double)

    /// Parses the names Shapely and GEOS's tests use ("intersects", "dwithin:500", ...).
    public init?(name: String) {
        let lower = name.lowercased()
        switch lower {
        case "intersects": self = .intersects
        case "contains": self = .contains
        case "containsproperly", "contains_properly": self = .containsProperly
        case "within": self = .within
        case "covers": self = .covers
        case "coveredby", "covered_by": self = .coveredBy
        case "touches": self = .touches
        case "crosses": self = .crosses
        case "overlaps": self = .overlaps
        case "disjoint": self = .disjoint
        default:
            guard lower.hasPrefix("dwithin:"), let d = Double(lower.dropFirst(8)), d.isFinite, d >= 0 else { return nil }
            self = .withinDistance(d)
        }
    }

    /// The name `init(name:)` reads.
    public var description: String {
        switch self {
        case .intersects: return "intersects"
        case .contains: return "contains"
        case .containsProperly: return "containsproperly"
        case .within: return "within"
        case .covers: return "covers"
        case .coveredBy: return "coveredby"
        case .touches: return "touches"
        case .crosses: return "crosses"
        case .overlaps: return "overlaps"
        case .disjoint: return "disjoint"
        case .withinDistance(let d): return "dwithin:\(d)"
        }
    }
}

extension PreparedGeometry {
    /// Evaluates `predicate(prepared, other)`.
    public func evaluate(_ predicate: SpatialPredicate, _ other: Geometry) throws(GeometryError) -> Bool {
        switch predicate {
        case .intersects: return try intersects(other)
        case .contains: return try contains(other)
        case .containsProperly: return try containsProperly(other)
        case .within: return try within(other)
        case .covers: return try covers(other)
        case .coveredBy: return try coveredBy(other)
        case .touches: return try touches(other)
        case .crosses: return try crosses(other)
        case .overlaps: return try overlaps(other)
        case .disjoint: return try disjoint(other)
        case .withinDistance(let d): return try isWithinDistance(other, d)
        }
    }
}
