import GeoIO

/// The data source line under a map, from what the drawn layers say of themselves: each
/// feature's `source` names its origin (and licence), so an OpenStreetMap-derived layer is
/// credited "© OpenStreetMap contributors" on every map that shows it (the ODbL requires it),
/// schematic layers are named as such, and a planner's own layer (no `source`) by its name.
public enum SourceLine {
    /// Credits found in `source` texts, in the order they are printed.
    static let credits: [(token: String, credit: String)] = [
        ("OpenStreetMap", "© OpenStreetMap contributors (ODbL)"),
        ("DataV", "DataV.GeoAtlas/AMap"),
        ("公园名录", "2024年深圳市公园名录"),
        ("haliun0301", "metro stations github.com/haliun0301/metro"),
    ]

    /// The line for maps drawn from `layers` (the layers shown and those they derive from).
    public static func text(for layers: [Layer]) -> String {
        let sources = layers.map { layer in layer.features.map { $0["source"].description }.filter { !$0.isEmpty } }
        var parts = credits.filter { credit in sources.joined().contains { $0.contains(credit.token) } }.map(\.credit)
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
        if !schematic.isEmpty { parts.append("schematic or fictional features in " + schematic.joined(separator: ", ")) }
        if !own.isEmpty { parts.append("user data: " + own.joined(separator: ", ")) }
        return "Data: " + parts.joined(separator: "; ")
    }
}
