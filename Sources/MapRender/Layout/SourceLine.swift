import GeoIO

/// The data source line under a map, from what the drawn layers say of themselves: each
/// feature's `source` names its origin (and licence), so an OpenStreetMap-derived layer is
/// credited "© OpenStreetMap contributors" on every map that shows it (the ODbL requires it),
/// schematic layers are named as such, and a planner's own layer (no `source`) by its name.
public enum SourceLine {
    /// Credits found in `source` texts, in the order they are printed.
    static let credits: [(token: String, credit: String, zh: String)] = [
        ("OpenStreetMap", "© OpenStreetMap contributors (ODbL)", "© OpenStreetMap 贡献者（ODbL）"),
        ("DataV", "DataV.GeoAtlas/AMap", "DataV.GeoAtlas/高德"),
        ("公园名录", "2024年深圳市公园名录", "2024年深圳市公园名录"),
        ("haliun0301", "metro stations github.com/haliun0301/metro", "地铁站点 github.com/haliun0301/metro"),
    ]

    /// The embedded layers' names in Chinese (a planner's own layer keeps its name).
    public static func layerName(_ name: String, _ language: Language) -> String {
        guard language == .zh else { return name }
        return ["boundary": "边界", "roads": "道路", "rail": "轨道", "stations": "站点", "control-zones": "景观管控区",
                "upgrade-districts": "提升片区", "green": "绿地"][name] ?? name
    }

    /// The line for maps drawn from `layers` (the layers shown and those they derive from), in
    /// English (the maps' line) or Chinese (the Word report's title page).
    public static func text(for layers: [Layer], language: Language = .en) -> String {
        let zh = language == .zh
        let sources = layers.map { layer in layer.features.map { $0["source"].description }.filter { !$0.isEmpty } }
        var parts = credits.filter { credit in sources.joined().contains { $0.contains(credit.token) } }.map { zh ? $0.zh : $0.credit }
        var schematic: [String] = [], own: [String] = []
        for (layer, texts) in zip(layers, sources) {
            let credited = texts.contains { text in credits.contains { text.contains($0.token) } }
            if texts.contains(where: { $0.hasPrefix("schematic") || $0.hasPrefix("fictional") }) {
                if !schematic.contains(layer.name) { schematic.append(layer.name) }
            } else if !credited && !own.contains(layer.name) {
                // No source field, or one naming none of the known sources: name the layer.
                own.append(layer.name)
            }
        }
        if zh {
            if !schematic.isEmpty { parts.append("示意或虚构要素：" + schematic.map { layerName($0, .zh) }.joined(separator: "、")) }
            if !own.isEmpty { parts.append("用户数据：" + own.map { layerName($0, .zh) }.joined(separator: "、")) }
            return "数据来源：" + parts.joined(separator: "；")
        }
        if !schematic.isEmpty { parts.append("schematic or fictional features in " + schematic.joined(separator: ", ")) }
        if !own.isEmpty { parts.append("user data: " + own.joined(separator: ", ")) }
        return "Data: " + parts.joined(separator: "; ")
    }
}
