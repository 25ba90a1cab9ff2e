import Foundation
import GeoCore
import GeoIO

/// One layer of the web map as the page reads it: its symbols (the print style's, in screen
/// pixels), the class of every feature, the legend of the classes it holds, and the fields its
/// popups and search use. Built from the same `LayerStyle` as the printed maps, so both agree.
struct WebLayerSpec: Encodable {
    /// A drawing in the page's terms (Leaflet path options, or a point marker).
    struct Symbol: Encodable, Equatable {
        let fill: String?
        let fillOpacity: Double
        let stroke: String?
        let strokeOpacity: Double
        let weight: Double
        let dash: String?
        let shape: String
        let size: Double
    }

    /// A legend line: its label and the symbol it shows.
    struct LegendEntry: Encodable {
        let label: String
        let symbol: Int
    }

    let id: String
    let title: String
    let geometry: String
    let visible: Bool
    let symbols: [Symbol]
    /// The symbol of each feature, in feature order.
    let classes: [Int]
    let legend: [LegendEntry]
    let labelField: String?
    /// Fields the popup shows first (the rest under "more").
    let keyFields: [String]

    /// Screen pixels per print millimetre: lines keep their print weight relative to each
    /// other; point symbols are drawn larger so they can be clicked.
    static let linePixels = 3.0, pointPixels = 5.0

    init(id: String, layer: Layer, style: LayerStyle, visible: Bool, language: Language) {
        self.id = id
        title = language.pick(style.title)
        self.visible = visible
        let types = Set(layer.features.compactMap { $0.geometry?.type })
        geometry = types.contains(.polygon) || types.contains(.multiPolygon) ? "polygon"
            : types.contains(.lineString) || types.contains(.multiLineString) ? "line" : "point"
        var symbols: [Symbol] = [], classes: [Int] = []
        var legend: [(rank: Int, entry: LegendEntry)] = [], labels: Set<String> = []
        for f in layer.features {
            let (label, symbol) = style.classify(f)
            let web = WebLayerSpec.symbol(symbol.faded(style.opacity))
            let index = symbols.firstIndex(of: web) ?? symbols.count
            if index == symbols.count { symbols.append(web) }
            classes.append(index)
            if f.geometry != nil, labels.insert(label).inserted {
                legend.append((style.legendRank(f), LegendEntry(label: language.pick(label), symbol: index)))
            }
        }
        self.symbols = symbols
        self.classes = classes
        self.legend = legend.enumerated().sorted { ($0.element.rank, $0.offset) < ($1.element.rank, $1.offset) }.map(\.element.entry)
        // English labels where the layer has English names (streets, stations).
        let label = style.labelField == "name_zh" && language == .en && layer.field("name_en") != nil ? "name_en" : style.labelField
        labelField = label.flatMap { layer.field($0) == nil ? nil : $0 }
        keyFields = WebFields.keyFields(layer: id, fields: layer.fields.map(\.name))
    }

    static func symbol(_ s: LayerStyle.Symbol) -> Symbol {
        // Leaflet has no hatching: a hatched area is a light fill of the hatch colour.
        let fill = (s.fill?.alpha ?? 0) > 0 ? s.fill : s.hatch.map { $0.withAlpha($0.alpha * 0.3) }
        return Symbol(fill: fill.map(hex), fillOpacity: fill?.alpha ?? 0, stroke: s.stroke.map(hex), strokeOpacity: s.stroke?.alpha ?? 0,
               weight: s.stroke == nil ? 0 : max(1, (s.width * linePixels * 10).rounded() / 10),
               dash: s.dashes.isEmpty ? nil : s.dashes.map { String(format: "%g", ($0 * linePixels).rounded()) }.joined(separator: " "),
               shape: s.point.rawValue, size: max(8, (s.size * pointPixels).rounded()))
    }

    /// "#RRGGBB" without alpha (the page sets opacity apart).
    static func hex(_ c: Color) -> String { String(c.withAlpha(1).description.prefix(7)) }
}
