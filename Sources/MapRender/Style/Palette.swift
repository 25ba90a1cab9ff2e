/// A sober print palette and the default styles of the embedded Guangming layers.
public enum Palette {
    /// Text and outlines.
    public static let ink = Color(0.15, 0.15, 0.15)
    /// Page and label halos.
    public static let paper = Color(1, 1, 1)
    /// The map background.
    public static let land = Color(0.97, 0.96, 0.93)
    /// Green space.
    public static let green = Color("#5E9E5B") ?? ink
    /// Water.
    public static let water = Color("#6FA8DC") ?? ink
    /// Expressways and conflicts.
    public static let red = Color("#C0392B") ?? ink
    /// Arterials, control zones and reviews.
    public static let orange = Color("#E08E2B") ?? ink
    /// Upgrade districts and intercity rail.
    public static let purple = Color("#7D5BA6") ?? ink
    /// Metro lines and stations.
    public static let blue = Color("#2E5E9E") ?? ink
    /// Secondary lines and text.
    public static let grey = Color(0.55, 0.55, 0.55)

    /// The smallest text on a printed map, mm: 6 pt (2.12 mm) is the least an A4 print reads
    /// at arm's length; labels, legend, scale bar and source line stay at or above it.
    public static let smallestText = 2.2
    /// Labels of features, mm (6.8 pt); secondary labels (stations, districts, ids) 2.2 mm.
    static let labelText = 2.4

    /// A light-to-dark ramp of `n` colours for graduated styles (yellow-green-blue).
    public static func ramp(_ n: Int) -> [Color] {
        let stops = [Color("#FFFFCC") ?? paper, Color("#A1DAB4") ?? paper, Color("#41B6C4") ?? paper, Color("#225EA8") ?? ink]
        guard n > 1 else { return [stops[2]] }
        return (0..<n).map { i in
            let t = Double(i) / Double(n - 1) * Double(stops.count - 1)
            let k = min(Int(t), stops.count - 2)
            return stops[k].mixed(with: stops[k + 1], t - Double(k))
        }
    }

    /// The default style for a layer by its short name (embedded data), or a neutral one.
    public static func style(for name: String) -> LayerStyle {
        typealias S = LayerStyle.Symbol
        switch name {
        case "boundary":
            return LayerStyle(title: "边界 Boundary", symbol: S(fill: nil, stroke: ink, width: 0.5),
                              classification: .categorized(field: "class", classes: [
                                  ("district", "区界 District", S(fill: nil, stroke: ink, width: 0.7)),
                                  ("street", "街道界 Street", S(fill: nil, stroke: grey, width: 0.3, dashes: [1.5, 1])),
                              ]), labelField: "name_zh")
        case "roads":
            return LayerStyle(title: "道路 Roads", symbol: S(stroke: orange, width: 0.5),
                              classification: .categorized(field: "class", classes: [
                                  ("expressway", "快速路 Expressway", S(stroke: red, width: 0.9)),
                                  ("arterial", "主干道 Arterial", S(stroke: orange, width: 0.5)),
                              ]))
        case "rail":
            return LayerStyle(title: "轨道 Rail", symbol: S(stroke: blue, width: 0.5, dashes: [2, 0.8]),
                              classification: .categorized(field: "class", classes: [
                                  ("metro", "地铁 Metro", S(stroke: blue, width: 0.45, dashes: [2, 0.8])),
                                  ("intercity", "城际 Intercity", S(stroke: purple, width: 0.55, dashes: [3, 1])),
                                  ("national", "国铁 National rail", S(stroke: ink, width: 0.6, dashes: [3, 1])),
                              ]))
        case "stations":
            return LayerStyle(title: "站点 Stations", symbol: S(fill: paper, stroke: blue, point: .circle, size: 1.8),
                              classification: .categorized(field: "class", classes: [
                                  ("rail-hub", "枢纽 Rail hub", S(fill: blue, stroke: ink, point: .square, size: 2.6)),
                                  ("metro-station", "地铁站 Metro station", S(fill: paper, stroke: blue, point: .circle, size: 1.8)),
                              ]), labelField: "name_zh", labelSize: smallestText)
        case "green":
            return LayerStyle(title: "绿地 Green", symbol: S(fill: green.withAlpha(0.75), stroke: green, width: 0.15))
        case "green-patches":
            return LayerStyle(title: "斑块重要性 Patch importance dPC %", symbol: S(fill: green, stroke: green, width: 0.15),
                              classification: .graduated(field: "dPC", breaks: [1, 5, 10, 25], colors: ramp(5)))
        case "control-zones":
            return LayerStyle(title: "景观管控区 Control zones", symbol: S(fill: orange.withAlpha(0.12), stroke: orange, width: 0.3),
                              classification: .categorized(field: "class", classes: [
                                  ("named-zone", "重点管控区 Named zone", S(fill: orange.withAlpha(0.25), stroke: orange, width: 0.4)),
                                  // Hatched and outlined: a strip along a road must show through the road line at 1:100,000.
                                  ("derived-strip", "沿线控制带 Strip", S(fill: purple.withAlpha(0.06), stroke: purple.withAlpha(0.7), width: 0.2,
                                                                       dashes: [1, 0.6], hatch: purple.withAlpha(0.45))),
                              ]), labelField: nil)
        case "upgrade-districts":
            return LayerStyle(title: "提升片区 Upgrade districts", symbol: S(fill: nil, stroke: purple, width: 0.45, dashes: [1.2, 0.6]),
                              labelField: "name_zh", labelSize: smallestText)
        case "projects-sample", "projects-validated":
            // 3.2 mm triangles read at A4; each labelled by its id (the report sets the id field).
            return LayerStyle(title: "项目 Projects", symbol: S(fill: purple, stroke: ink, width: 0.2, point: .triangle, size: 3.2),
                              classification: .categorized(field: "verdict", classes: [
                                  ("ok", "通过 ok", S(fill: green, stroke: ink, width: 0.2, point: .triangle, size: 3.2)),
                                  ("needs-review", "需专家评审 needs review", S(fill: orange, stroke: ink, width: 0.2, point: .triangle, size: 3.2)),
                                  ("conflict", "冲突 conflict", S(fill: red, stroke: ink, width: 0.2, point: .triangle, size: 3.2)),
                              ]), labelField: "project_id", labelSize: smallestText)
        case "green-service", "road-belts", "coverage":
            // One look, a title naming what each share is of (the web map lists them side by side).
            let title = ["green-service": "绿地服务覆盖比例 Share served by green", "road-belts": "道路景观带覆盖比例 Share in road belts"][name]
            return LayerStyle(title: title ?? "覆盖比例 Share covered", symbol: S(fill: paper, stroke: grey, width: 0.3),
                              classification: .graduated(field: "share", breaks: [0.2, 0.4, 0.6, 0.8], colors: ramp(5)), labelField: "name_zh")
        case "green-service-gaps", "coverage-gaps":
            // Hatched over the streets' fills: both stay readable and match their legend swatches.
            return LayerStyle(title: name == "green-service-gaps" ? "绿地服务缺口 Not served" : "未覆盖 Not covered",
                              symbol: S(fill: nil, stroke: nil, width: 0, hatch: red.withAlpha(0.75)))
        case "corridors":
            // Outlined in their colour: a 30 m strip is 0.3 mm a side at 1:100,000, so its edges,
            // not its fill, show it beside the (thin, "roads-context") road line.
            return LayerStyle(title: "控制带 Corridors", symbol: S(fill: orange.withAlpha(0.25), stroke: orange, width: 0.15),
                              classification: .categorized(field: "class", classes: [
                                  ("expressway", "快速路两侧 Expressway", S(fill: red.withAlpha(0.3), stroke: red, width: 0.15)),
                                  ("arterial", "主干道两侧 Arterial", S(fill: orange.withAlpha(0.3), stroke: orange, width: 0.15)),
                                  ("rail", "轨道沿线 Rail", S(fill: blue.withAlpha(0.25), stroke: blue, width: 0.15)),
                                  ("station", "站点周边 Station area", S(fill: purple.withAlpha(0.18), stroke: purple, width: 0.15)),
                              ]))
        case "hotspot-cells":
            // Hot red to cold blue (ColorBrewer RdBu), not significant nearly white: the usual
            // hot spot palette, readable in grey print by lightness.
            let cell = { (hex: String) in S(fill: Color(hex) ?? paper, stroke: paper.withAlpha(0.6), width: 0.05) }
            // One Chinese word per label ("热点（99%）"), so each language keeps its confidence level.
            return LayerStyle(title: "热点与冷点 Hot and cold spots (Gi*)", symbol: cell("#F7F7F7"),
                              classification: .categorized(field: "band", classes: [
                                  ("hot99", "热点（99%） Hot 99%", cell("#B2182B")), ("hot95", "热点（95%） Hot 95%", cell("#EF8A62")),
                                  ("hot90", "热点（90%） Hot 90%", cell("#FDDBC7")), ("ns", "不显著 Not significant", cell("#F7F7F7")),
                                  ("cold90", "冷点（90%） Cold 90%", cell("#D1E5F0")), ("cold95", "冷点（95%） Cold 95%", cell("#67A9CF")),
                                  ("cold99", "冷点（99%） Cold 99%", cell("#2166AC")),
                              ]))
        case "roads-context":
            return LayerStyle(title: "道路 Roads", symbol: S(stroke: grey, width: 0.2),
                              classification: .categorized(field: "class", classes: [
                                  ("expressway", "快速路 Expressway", S(stroke: ink.withAlpha(0.8), width: 0.25)),
                                  ("arterial", "主干道 Arterial", S(stroke: grey, width: 0.15)),
                              ]))
        case "green-links":
            return LayerStyle(title: "生态连接 Links", symbol: S(stroke: green, width: 0.6))
        case "green-gap-links":
            return LayerStyle(title: "待建连接 Gap links", symbol: S(stroke: red, width: 0.6, dashes: [1.5, 0.8]), labelField: "rank")
        default:
            return LayerStyle(title: name, symbol: S(fill: blue.withAlpha(0.25), stroke: blue, width: 0.3, size: 1.6))
        }
    }
}
