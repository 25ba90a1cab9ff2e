import Foundation

/// Limits checked before GEOS sees an input: GEOS's readers and operations recurse once per
/// level of nesting, so a collection nested thousands deep overflows the stack, and GEOS
/// 3.11's WKT writer overflows a fixed buffer on coordinates of about 1e140. No real
/// geometry comes near either limit.
public enum GeometryLimits {
    /// Levels of nesting accepted: brackets in WKT, objects and arrays in GeoJSON, geometries
    /// within geometries in WKB (a multipolygon in WKT is 3; a collection adds 1 per level).
    public static let maximumNesting = 64

    /// The largest coordinate magnitude written as WKT (GEOS prints every digit).
    public static let maximumPrintable = 1e90

    /// Throws when brackets in `text` nest deeper than `maximumNesting` (strings skipped).
    static func checkNesting(text: String, operation: String) throws(GeometryError) {
        var depth = 0, deepest = 0
        var inString = false, escaped = false
        for b in text.utf8 {
            if inString {
                if escaped { escaped = false } else if b == 92 { escaped = true } else if b == 34 { inString = false }
                continue
            }
            switch b {
            case 34: inString = true
            case 40, 91, 123: depth += 1; deepest = max(deepest, depth)
            case 41, 93, 125: depth -= 1
            default: break
            }
            if deepest > maximumNesting { throw tooDeep(operation) }
        }
    }

    /// Throws when WKB geometries nest deeper than `maximumNesting`. Walks the headers
    /// without recursion; anything it cannot follow is left for GEOS's reader to report.
    static func checkNesting(wkb bytes: [UInt8], operation: String) throws(GeometryError) {
        var offset = 0
        var pending: [Int] = [1]  // geometries still to read at each level
        while let last = pending.last {
            if last == 0 {
                pending.removeLast()
                continue
            }
            pending[pending.count - 1] -= 1
            guard let header = WKBHeader(bytes, at: offset) else { return }
            offset = header.bodyOffset
            switch header.base {
            case 1:
                offset += header.dimensions * 8
            case 2:
                guard let n = header.count(bytes, at: offset) else { return }
                offset += 4 + n * header.dimensions * 8
            case 3:
                guard let rings = header.count(bytes, at: offset) else { return }
                offset += 4
                for _ in 0..<rings {
                    guard let n = header.count(bytes, at: offset) else { return }
                    offset += 4 + n * header.dimensions * 8
                }
            case 4, 5, 6, 7:
                guard let parts = header.count(bytes, at: offset) else { return }
                offset += 4
                pending.append(parts)
                if pending.count - 1 > maximumNesting { throw tooDeep(operation) }
            default:
                return
            }
            guard offset <= bytes.count else { return }
        }
    }

    /// Throws when a GeoJSON position has fewer than two numbers: GEOS 3.11's GeoJSON reader
    /// reads past the end of `[]` or `[1]` and crashes (found by Scripts/fuzz.sh).
    static func checkGeoJSONPositions(_ text: String, operation: String) throws(GeometryError) {
        // What GEOS would read must be what was checked: no NUL (C strings end there) and
        // nothing JSONSerialization cannot read.
        guard !text.utf8.contains(0) else {
            throw GeometryError(.parse, operation: operation, message: "the text holds a NUL byte")
        }
        guard let object = try? JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed]) else {
            throw GeometryError(.parse, operation: operation, message: "not valid JSON")
        }
        var pending: [Any] = [object]
        while let next = pending.popLast() {
            if let dict = next as? [String: Any] {
                if let coordinates = dict["coordinates"] { try checkPositions(coordinates, operation) }
                pending.append(contentsOf: dict.values.filter { $0 is [String: Any] || $0 is [Any] })
            } else if let array = next as? [Any] {
                pending.append(contentsOf: array.filter { $0 is [String: Any] })
            }
        }
    }

    /// Walks nested coordinate arrays: a leaf array (of numbers) needs at least two.
    private static func checkPositions(_ value: Any, _ operation: String) throws(GeometryError) {
        // "coordinates": [] is an empty geometry, which GEOS reads.
        if let top = value as? [Any], top.isEmpty { return }
        var pending: [Any] = [value]
        while let next = pending.popLast() {
            guard let array = next as? [Any] else { continue }
            let nested = array.filter { $0 is [Any] }
            if nested.isEmpty {
                guard array.count >= 2 else {
                    throw GeometryError(.parse, operation: operation,
                                        message: "a position must hold at least x and y, found \(array.count) number\(array.count == 1 ? "" : "s")")
                }
            }
            pending.append(contentsOf: nested)
        }
    }

    /// Throws when a coordinate is too large for GEOS's WKT writer.
    static func checkPrintable(_ geometry: Geometry) throws(GeometryError) {
        if let e = geometry.envelope, max(abs(e.minX), abs(e.maxX), abs(e.minY), abs(e.maxY)) < maximumPrintable,
           geometry.coordinateDimension < 3 { return }
        var largest = 0.0
        geometry.visitSequences { seq in
            for c in seq { largest = max(largest, abs(c.x), abs(c.y), c.z.isNaN ? 0 : abs(c.z)) }
        }
        guard largest < maximumPrintable else {
            throw GeometryError(.unsupported, operation: "write WKT",
                                message: "a coordinate of \(largest) is too large to print as WKT (limit 1e90); use --format wkb or geojson")
        }
    }

    private static func tooDeep(_ operation: String) -> GeometryError {
        GeometryError(.parse, operation: operation,
                      message: "geometries nest more than \(maximumNesting) levels deep; no real geometry does, so this input is refused")
    }
}

/// The header of one WKB geometry: byte order, base type (1 point ... 7 collection) and
/// dimensions, from ISO (1000s) or extended (flag bits) type codes.
private struct WKBHeader {
    let littleEndian: Bool
    let base: Int
    let dimensions: Int
    let bodyOffset: Int

    init?(_ bytes: [UInt8], at offset: Int) {
        guard offset + 5 <= bytes.count, bytes[offset] <= 1 else { return nil }
        littleEndian = bytes[offset] == 1
        guard let raw = WKBHeader.uint32(bytes, offset + 1, littleEndian) else { return nil }
        var type = Int(raw & 0x0FFF_FFFF)
        var z = raw & 0x8000_0000 != 0, m = raw & 0x4000_0000 != 0
        let srid = raw & 0x2000_0000 != 0
        switch type / 1000 {
        case 1: z = true
        case 2: m = true
        case 3: z = true; m = true
        default: break
        }
        type %= 1000
        base = type
        dimensions = 2 + (z ? 1 : 0) + (m ? 1 : 0)
        bodyOffset = offset + 5 + (srid ? 4 : 0)
    }

    /// A count (points, rings, parts) at `offset`, or nil when it cannot fit in the bytes.
    func count(_ bytes: [UInt8], at offset: Int) -> Int? {
        guard let n = WKBHeader.uint32(bytes, offset, littleEndian), Int(n) <= bytes.count else { return nil }
        return Int(n)
    }

    static func uint32(_ bytes: [UInt8], _ offset: Int, _ little: Bool) -> UInt32? {
        guard offset >= 0, offset + 4 <= bytes.count else { return nil }
        let b = bytes[offset..<(offset + 4)].map(UInt32.init)
        return little ? b[0] | b[1] << 8 | b[2] << 16 | b[3] << 24 : b[3] | b[2] << 8 | b[1] << 16 | b[0] << 24
    }
}

extension GeometryLimits {
    /// Hex text as bytes (pairs of hex digits; a stray character ends it, for GEOS to report).
    static func decodedHex(_ text: [UInt8]) -> [UInt8] {
        func nibble(_ c: UInt8) -> UInt8? {
            switch c {
            case 48...57: return c - 48
            case 65...70: return c - 55
            case 97...102: return c - 87
            default: return nil
            }
        }
        var out: [UInt8] = []
        out.reserveCapacity(text.count / 2)
        var i = 0
        while i + 1 < text.count, let hi = nibble(text[i]), let lo = nibble(text[i + 1]) {
            out.append(hi << 4 | lo)
            i += 2
        }
        return out
    }
}
