import Foundation
import GeoIO

/// How one layer is drawn: a base symbol, optionally varied by an attribute.
public struct LayerStyle: Sendable {
    /// The drawing of one class: what the legend shows for it.
    public struct Symbol: Sendable, Equatable {
        /// Area fill (nil: none).
        public var fill: Color?
        /// Line or outline colour (nil: none).
        public var stroke: Color?
        /// Line or outline width in mm.
        public var width: Double
        /// Dash lengths in mm (empty: solid).
        public var dashes: [Double]
        /// The shape of point symbols.
        public var point: PointSymbol
        /// Point symbol size in mm.
        public var size: Double
        /// 45° hatch lines over an area's fill (nil: none).
        public var hatch: Color?

        /// Creates a symbol.
        public init(fill: Color? = nil, stroke: Color? = Color(0.2, 0.2, 0.2), width: Double = 0.25, dashes: [Double] = [],
                    point: PointSymbol = .circle, size: Double = 2, hatch: Color? = nil) {
            self.fill = fill
            self.stroke = stroke
            self.width = width
            self.dashes = dashes
            self.point = point
            self.size = size
            self.hatch = hatch
        }

        /// The symbol with its fill and stroke at `opacity`.
        func faded(_ opacity: Double) -> Symbol {
            var s = self
            s.fill = fill.map { $0.withAlpha($0.alpha * opacity) }
            s.stroke = stroke.map { $0.withAlpha($0.alpha * opacity) }
            s.hatch = hatch.map { $0.withAlpha($0.alpha * opacity) }
            return s
        }
    }

    /// How classes are chosen.
    public enum Classification: Sendable {
        case single
        /// One symbol per value of `field`; values not listed use the base symbol.
        case categorized(field: String, classes: [(value: String, label: String, symbol: Symbol)])
        /// Colours by a numeric `field`: class i holds values below `breaks[i]`.
        case graduated(field: String, breaks: [Double], colors: [Color])
    }

    /// The legend title for the layer.
    public var title: String
    /// The base symbol (for unlisted classes too).
    public var symbol: Symbol
    /// Opacity applied to the whole layer, 0 to 1.
    public var opacity: Double
    /// How features are split into classes.
    public var classification: Classification
    /// The attribute to label features with, if any.
    public var labelField: String?
    /// Label size in mm (about 2.5 mm reads well on A4).
    public var labelSize: Double

    /// Creates a style.
    public init(title: String, symbol: Symbol, opacity: Double = 1, classification: Classification = .single,
                labelField: String? = nil, labelSize: Double = 2.4) {
        self.title = title
        self.symbol = symbol
        self.opacity = opacity
        self.classification = classification
        self.labelField = labelField
        self.labelSize = labelSize
    }

    /// The drawing order of a feature: classes listed first are drawn last (on top), so
    /// expressways lie over arterials and the district line over street lines.
    func drawRank(_ f: Feature) -> Int {
        guard case .categorized(let field, let classes) = classification else { return 0 }
        let value = f[field].description
        return -(classes.firstIndex { $0.value == value } ?? classes.count)
    }

    /// The legend position of a feature's class: the order classes are listed in (categories)
    /// or ascending values (graduated).
    func legendRank(_ f: Feature) -> Int {
        switch classification {
        case .single: return 0
        case .categorized: return -drawRank(f)
        case .graduated(let field, let breaks, _):
            guard let v = f[field].number else { return breaks.count + 1 }
            return breaks.firstIndex { v < $0 } ?? breaks.count
        }
    }

    /// The symbol and legend label for a feature.
    func classify(_ f: Feature) -> (label: String, symbol: Symbol) {
        switch classification {
        case .single:
            return (title, symbol)
        case .categorized(let field, let classes):
            let value = f[field].description
            if let c = classes.first(where: { $0.value == value }) { return (c.label, c.symbol) }
            return (value.isEmpty ? title : value, symbol)
        case .graduated(let field, let breaks, let colors):
            guard let v = f[field].number else { return ("no value", symbol) }
            let i = breaks.firstIndex { v < $0 } ?? breaks.count
            var s = symbol
            s.fill = colors[min(i, colors.count - 1)]
            return (LayerStyle.rangeLabel(i, breaks), s)
        }
    }

    static func rangeLabel(_ i: Int, _ breaks: [Double]) -> String {
        func f(_ v: Double) -> String { v == v.rounded() && abs(v) < 1e9 ? String(Int(v)) : String(format: "%.2f", v) }
        if breaks.isEmpty { return "all" }
        if i == 0 { return "< \(f(breaks[0]))" }
        if i >= breaks.count { return ">= \(f(breaks[breaks.count - 1]))" }
        return "\(f(breaks[i - 1])) - \(f(breaks[i]))"
    }
}
