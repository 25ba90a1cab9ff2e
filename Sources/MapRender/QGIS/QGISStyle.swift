import Foundation
import GeoCore
import GeoIO

/// A `LayerStyle` as QGIS 3 reads it: the renderer (single symbol, categorized or graduated)
/// and the labeling of a layer, the same colours, widths (mm) and classes as the printed maps.
/// Used for the .qml beside each GeoJSON of a report and inside report.qgs.
public struct QGISStyle: Sendable {
    /// The style to translate.
    public let style: LayerStyle
    /// "fill", "line" or "marker": QGIS needs the symbol type of the layer's geometry.
    public let symbolType: String
    /// The words of legends and the title.
    public let language: Language

    /// The style of a layer with geometry of `type`.
    public init(_ style: LayerStyle, geometry type: GeometryType, language: Language) {
        self.style = style
        self.language = language
        switch type {
        case .point, .multiPoint: symbolType = "marker"
        case .lineString, .multiLineString, .linearRing: symbolType = "line"
        default: symbolType = "fill"
        }
    }

    /// QGIS's renderer type name ("singleSymbol", "categorizedSymbol", "graduatedSymbol").
    public var rendererType: String {
        switch style.classification {
        case .single: return "singleSymbol"
        case .categorized: return "categorizedSymbol"
        case .graduated: return "graduatedSymbol"
        }
    }

    /// The font labels are set in (fonts-noto-cjk; QGIS substitutes where it is missing).
    static let labelFont = "Noto Sans CJK SC"

    /// The <renderer-v2> element.
    public var renderer: String {
        switch style.classification {
        case .single:
            return "<renderer-v2 type=\"singleSymbol\" symbollevels=\"0\" forceraster=\"0\" enableorderby=\"0\"><symbols>\(symbol(style.symbol, name: "0"))</symbols></renderer-v2>"
        case .categorized(let field, let classes):
            // Classes listed first are drawn on top, as on the printed maps: QGIS draws
            // categories in list order, so they go last; the empty value catches the rest.
            let ordered = Array(classes.enumerated().reversed())
            let categories = ordered.map { i, c in
                "<category symbol=\"\(i + 1)\" value=\"\(QGISStyle.xml(c.value))\" label=\"\(QGISStyle.xml(language.pick(c.label)))\" render=\"true\" type=\"string\"/>"
            }.joined()
            let symbols = ordered.map { i, c in symbol(c.symbol, name: String(i + 1)) }.joined()
            return "<renderer-v2 type=\"categorizedSymbol\" attr=\"\(QGISStyle.xml(field))\" symbollevels=\"0\" forceraster=\"0\" enableorderby=\"0\">"
                + "<categories><category symbol=\"0\" value=\"\" label=\"\(QGISStyle.xml(language.pick(style.title)))\" render=\"true\" type=\"string\"/>\(categories)</categories>"
                + "<symbols>\(symbol(style.symbol, name: "0"))\(symbols)</symbols><source-symbol>\(symbol(style.symbol, name: "0"))</source-symbol></renderer-v2>"
        case .graduated(let field, let breaks, let colors):
            // Class i holds values below breaks[i]: the ranges' open ends are wide finite numbers.
            let bounds = [-1e12] + breaks + [1e12]
            let ranges = (0...breaks.count).map { i in
                "<range symbol=\"\(i)\" lower=\"\(QGISStyle.number(bounds[i]))\" upper=\"\(QGISStyle.number(bounds[i + 1]))\" label=\"\(QGISStyle.xml(LayerStyle.rangeLabel(i, breaks)))\" render=\"true\" includeLower=\"true\" includeUpper=\"false\"/>"
            }.joined()
            let symbols = (0...breaks.count).map { i -> String in
                var s = style.symbol
                s.fill = colors[min(i, colors.count - 1)]
                return symbol(s, name: String(i))
            }.joined()
            return "<renderer-v2 type=\"graduatedSymbol\" attr=\"\(QGISStyle.xml(field))\" graduatedMethod=\"GraduatedColor\" symbollevels=\"0\" forceraster=\"0\" enableorderby=\"0\">"
                + "<ranges>\(ranges)</ranges><symbols>\(symbols)</symbols><source-symbol>\(symbol(style.symbol, name: "0"))</source-symbol></renderer-v2>"
        }
    }

    /// The <labeling> element ("" when the layer has no labels).
    public var labeling: String {
        guard let field = style.labelField else { return "" }
        // Print size in mm to points (1 mm = 72 / 25.4 pt).
        let points = style.labelSize * 72 / 25.4
        let placement = symbolType == "marker" ? 6 : symbolType == "line" ? 2 : 1
        return "<labeling type=\"simple\"><settings calloutType=\"simple\">"
            + "<text-style fieldName=\"\(QGISStyle.xml(field))\" isExpression=\"0\" fontFamily=\"\(QGISStyle.labelFont)\" fontSize=\"\(QGISStyle.number(points))\" fontSizeUnit=\"Point\" textColor=\"38,38,38,255\" textOpacity=\"1\">"
            + "<text-buffer bufferDraw=\"1\" bufferSize=\"0.8\" bufferSizeUnits=\"MM\" bufferColor=\"255,255,255,255\" bufferOpacity=\"1\"/></text-style>"
            // Without a priority QGIS reads 0 and places no label at all (QGIS's own default is 5).
            + "<placement placement=\"\(placement)\" dist=\"1\" distUnits=\"MM\" priority=\"5\"/><rendering obstacle=\"1\" displayAll=\"0\"/></settings></labeling>"
    }

    /// A .qml style file: what QGIS applies when the layer is opened alone.
    public var qml: String {
        """
        <!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>
        <qgis version="3.22.16" styleCategories="Symbology|Labeling" labelsEnabled="\(style.labelField == nil ? 0 : 1)">
        \(renderer)
        \(labeling)
        <layerOpacity>\(QGISStyle.number(style.opacity))</layerOpacity>
        </qgis>

        """
    }

    private func symbol(_ s: LayerStyle.Symbol, name: String) -> String {
        let layer: String
        switch symbolType {
        case "marker":
            layer = "<layer class=\"SimpleMarker\" enabled=\"1\" pass=\"0\" locked=\"0\">" + props([
                ("name", s.point == .square ? "square" : s.point == .triangle ? "triangle" : "circle"), ("color", QGISStyle.rgba(s.fill)),
                ("outline_color", QGISStyle.rgba(s.stroke)), ("outline_style", s.stroke == nil ? "no" : "solid"),
                ("outline_width", QGISStyle.number(s.width)), ("outline_width_unit", "MM"), ("size", QGISStyle.number(s.size)), ("size_unit", "MM"),
            ]) + "</layer>"
        case "line":
            layer = "<layer class=\"SimpleLine\" enabled=\"1\" pass=\"0\" locked=\"0\">" + props([
                ("line_color", QGISStyle.rgba(s.stroke)), ("line_style", s.stroke == nil ? "no" : "solid"), ("line_width", QGISStyle.number(s.width)),
                ("line_width_unit", "MM"), ("use_custom_dash", s.dashes.isEmpty ? "0" : "1"),
                ("customdash", s.dashes.map(QGISStyle.number).joined(separator: ";")), ("customdash_unit", "MM"), ("capstyle", "round"), ("joinstyle", "round"),
            ]) + "</layer>"
        default:
            layer = "<layer class=\"SimpleFill\" enabled=\"1\" pass=\"0\" locked=\"0\">" + props([
                ("color", QGISStyle.rgba(s.fill)), ("style", s.fill == nil ? "no" : "solid"), ("outline_color", QGISStyle.rgba(s.stroke)),
                ("outline_style", s.stroke == nil ? "no" : s.dashes.isEmpty ? "solid" : "dash"), ("outline_width", QGISStyle.number(s.width)),
                ("outline_width_unit", "MM"), ("joinstyle", "round"),
            ]) + "</layer>" + hatchLayer(s.hatch)
        }
        return "<symbol type=\"\(symbolType)\" name=\"\(name)\" alpha=\"1\" clip_to_extent=\"1\" force_rhr=\"0\">\(layer)</symbol>"
    }

    /// The print maps' 45° hatch as a QGIS line pattern fill (same spacing and line width).
    private func hatchLayer(_ hatch: Color?) -> String {
        guard let hatch, hatch.alpha > 0 else { return "" }
        let line = "<symbol type=\"line\" name=\"@0@1\" alpha=\"1\" clip_to_extent=\"1\" force_rhr=\"0\"><layer class=\"SimpleLine\" enabled=\"1\" pass=\"0\" locked=\"0\">"
            + props([("line_color", QGISStyle.rgba(hatch)), ("line_style", "solid"), ("line_width", QGISStyle.number(Canvas.hatchWidth)), ("line_width_unit", "MM")])
            + "</layer></symbol>"
        return "<layer class=\"LinePatternFill\" enabled=\"1\" pass=\"0\" locked=\"0\">"
            + props([("angle", "45"), ("distance", QGISStyle.number(Canvas.hatchSpacing)), ("distance_unit", "MM"), ("color", QGISStyle.rgba(hatch)),
                     ("line_width", QGISStyle.number(Canvas.hatchWidth)), ("line_width_unit", "MM")])
            + line + "</layer>"
    }

    private func props(_ pairs: [(String, String)]) -> String {
        pairs.map { "<prop k=\"\($0.0)\" v=\"\(QGISStyle.xml($0.1))\"/>" }.joined()
    }

    /// "r,g,b,a" with 0-255 components, as QGIS writes colours; none is transparent.
    static func rgba(_ c: Color?) -> String {
        guard let c else { return "0,0,0,0" }
        return [c.red, c.green, c.blue, c.alpha].map { String(Int(($0 * 255).rounded())) }.joined(separator: ",")
    }

    static func number(_ v: Double) -> String { v == v.rounded() && abs(v) < 1e15 ? String(Int(v)) : String(v) }

    /// Text as XML attribute or element content.
    static func xml(_ s: String) -> String {
        s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
            .replacingOccurrences(of: "\"", with: "&quot;")
    }
}
