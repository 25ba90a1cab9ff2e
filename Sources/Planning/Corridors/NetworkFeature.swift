import GeoCore

/// A named road, rail line or station, with its class ("expressway", "arterial", "metro",
/// "intercity", "national", "metro-station", "rail-hub", ...), in a metric CRS.
public struct NetworkFeature: Sendable {
    /// The name shown in findings.
    public let name: String
    /// Its class (expressway, arterial, metro, ...).
    public let cls: String
    /// Its line or point, in the metric CRS.
    public let geometry: Geometry

    /// Creates a network feature.
    public init(name: String, cls: String, geometry: Geometry) {
        self.name = name
        self.cls = cls
        self.geometry = geometry
    }

    /// Which group of the checks it belongs to: expressway, arterial, rail or station.
    public var group: String {
        switch cls {
        case "expressway", "arterial": return cls
        case "metro-station", "rail-hub", "station": return "station"
        default: return "rail"
        }
    }
}
