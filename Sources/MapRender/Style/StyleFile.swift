import Foundation
import Settings

/// Layer styles from a TOML file, one table per layer name, e.g.
///
///     [roads]
///     stroke = "#C0392B"
///     width = 0.6                 # mm
///     categorize = "class"
///     [roads.classes]
///     expressway = "#C0392B"
///     arterial = "#E08E2B"
///
///     [green-service-gaps]
///     fill = "none"
///     hatch = "#C0392B"          # 45° lines over the fill
///
///     [green-service]
///     fill = "#A1DAB4"
///     graduate = "share"
///     breaks = [0.3, 0.6, 0.9]
///     label = "name_zh"
public enum StyleFile {
    /// Reads the styles; keys not given keep the defaults of `Palette.style(for:)`.
    /// - Throws: `MapError` naming the file, table and key.
    public static func load(_ path: String) throws -> [String: LayerStyle] {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw MapError("cannot read the style file", location: path)
        }
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch {
            throw MapError("not valid TOML: \(error)", location: path)
        }
        var styles: [String: LayerStyle] = [:]
        for (name, value) in table {
            guard let t = value.table else { throw MapError("[\(name)] must be a table of style keys", location: path) }
            styles[name] = try style(name, t, base: Palette.style(for: name), path: path)
        }
        return styles
    }

    /// The largest value each numeric key takes (mm; label size in points).
    static let limits: [String: Double] = ["width": 10, "size": 30, "opacity": 1, "label_size": 72]

    private static func style(_ name: String, _ t: TOMLTable, base: LayerStyle, path: String) throws -> LayerStyle {
        let known: Set<String> = ["fill", "stroke", "width", "dash", "opacity", "symbol", "size", "label", "label_size", "title", "hatch",
                                  "categorize", "classes", "graduate", "breaks"]
        if let unknown = t.keys.first(where: { !known.contains($0) }) {
            throw MapError("[\(name)] has an unknown key '\(unknown)'; keys: \(known.sorted().joined(separator: ", "))", location: path)
        }
        func color(_ key: String) throws -> Color? {
            guard let v = t[key] else { return nil }
            guard let s = v.string, let c = Color(s) else { throw MapError("[\(name)] \(key) must be a colour like \"#5E9E5B\"", location: path) }
            return c
        }
        func number(_ key: String) throws -> Double? {
            guard let v = t[key] else { return nil }
            // Upper bounds keep a typo (size = 5000) from drawing for minutes.
            let limit = StyleFile.limits[key] ?? 100
            guard let n = v.number, n.isFinite, n >= 0, n <= limit else {
                throw MapError("[\(name)] \(key) must be a number from 0 to \(limit.shortDescription)", location: path)
            }
            return n
        }
        var s = base
        s.symbol.fill = try color("fill") ?? (t["fill"] == nil ? s.symbol.fill : nil)
        s.symbol.stroke = try color("stroke") ?? s.symbol.stroke
        s.symbol.hatch = try color("hatch") ?? (t["hatch"] == nil ? s.symbol.hatch : nil)
        s.symbol.width = try number("width") ?? s.symbol.width
        s.symbol.size = try number("size") ?? s.symbol.size
        s.opacity = try number("opacity") ?? s.opacity
        s.labelSize = try number("label_size") ?? s.labelSize
        if let dash = t["dash"] {
            guard let items = dash.array, items.count <= 16, case let a = items.compactMap(\.number), a.count == items.count,
                  a.allSatisfy({ $0 > 0 && $0 <= 50 }) else {
                throw MapError("[\(name)] dash must be a list of at most 16 lengths in mm, each above 0 and at most 50", location: path)
            }
            s.symbol.dashes = a
        }
        if let symbol = t["symbol"]?.string {
            guard let p = PointSymbol(rawValue: symbol) else { throw MapError("[\(name)] symbol must be circle, square or triangle", location: path) }
            s.symbol.point = p
        }
        if let label = t["label"]?.string { s.labelField = label.isEmpty ? nil : label }
        if let title = t["title"]?.string { s.title = title }
        if let field = t["categorize"]?.string {
            var classes: [(value: String, label: String, symbol: LayerStyle.Symbol)] = []
            for (value, v) in t["classes"]?.table ?? TOMLTable() {
                guard let text = v.string, let c = Color(text) else { throw MapError("[\(name).classes] \(value) must be a colour", location: path) }
                var symbol = s.symbol
                if symbol.fill != nil { symbol.fill = c } else { symbol.stroke = c }
                classes.append((value, value, symbol))
            }
            s.classification = .categorized(field: field, classes: classes.sorted { $0.value < $1.value })
        }
        if let field = t["graduate"]?.string {
            guard let items = t["breaks"]?.array, case let breaks = items.compactMap(\.number), breaks.count == items.count, !breaks.isEmpty,
                  breaks.count <= 32, breaks.allSatisfy(\.isFinite), breaks == breaks.sorted() else {
                throw MapError("[\(name)] breaks must be an increasing list of at most 32 numbers", location: path)
            }
            s.classification = .graduated(field: field, breaks: breaks, colors: Palette.ramp(breaks.count + 1))
        }
        return s
    }
}
