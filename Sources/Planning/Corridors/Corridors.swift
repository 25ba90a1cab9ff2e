import GeoCore

/// A landscape control strip: all the land within its class's width of a road or rail line,
/// or within the station radius, dissolved.
public struct Corridor: Sendable {
    /// "expressway", "arterial", "rail" or "station".
    public let group: String
    /// The corridor's Chinese name.
    public let nameZh: String
    /// Its English name.
    public let nameEn: String
    /// The half-width (or radius) used, in metres.
    public let width: Double
    /// The dissolved strip.
    public let geometry: Geometry
}

/// The corridors the plan defines, built from the road, rail and station layers.
public enum Corridors {
    /// The corridor groups, in the order they are built, reported and drawn.
    public static let groups = ["expressway", "arterial", "rail", "station"]
    /// The groups that make the road landscape belts.
    public static let roadGroups = ["expressway", "arterial"]

    static let names: [String: (String, String)] = [
        "expressway": ("快速路及高速公路两侧控制带", "Expressway corridors"),
        "arterial": ("主干道两侧控制带", "Arterial corridors"),
        "rail": ("轨道沿线控制带", "Rail corridors"),
        "station": ("站点周边控制区", "Station areas"),
    ]

    /// Buffers every feature by its class's width from the rules and dissolves per group;
    /// clipped to `within` when given (e.g. the district).
    public static func build(_ network: [NetworkFeature], rules: PlanningRules, within: Geometry? = nil) throws -> [Corridor] {
        var result: [Corridor] = []
        for group in groups {
            let members = network.filter { $0.group == group }
            guard !members.isEmpty else { continue }
            var widths: [Double] = []
            let strips = try members.compactMap { f -> Geometry? in
                let width = group == "station" ? rules.corridors.station : rules.corridorWidth(forClass: f.cls)
                guard let width, width > 0 else { return nil }
                widths.append(width)
                return try f.geometry.buffer(width)
            }
            guard !strips.isEmpty else { continue }
            var union = try Geometry.unaryUnion(strips)
            if let within { union = try union.intersection(within) }
            let (zh, en) = names[group] ?? (group, group)
            result.append(Corridor(group: group, nameZh: zh, nameEn: en, width: widths.max() ?? 0, geometry: union))
        }
        return result
    }
}
