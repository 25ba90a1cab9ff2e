#if canImport(Glibc)
import Glibc
#endif
import Foundation

/// Coordinate text (as `gmgeo transform` and PROJ's cs2cs read it) parsed in place from bytes: one point per line as x and y
/// separated by a comma and/or blanks, then anything else (a height, a name), which is passed
/// through with its separator. Blank lines and # comments are copied; a first line that is
/// not numbers (a CSV header such as "lon,lat") is copied too.
public struct CoordinateLines {
    /// Where one line's parts lie in the buffer.
    public struct Line: Sendable {
        /// The line's byte range, without its line end.
        public let start: Int, end: Int
        /// Byte offsets of the separator between x and y, and of the rest after y; nil for
        /// lines copied as they are.
        public let separator: Range<Int>?
        /// Where what follows y starts (a byte offset).
        public let rest: Int
    }

    private let bytes: [UInt8]
    /// Every line, in order.
    public private(set) var lines: [Line] = []
    /// The points' coordinates, in line order.
    public private(set) var xs: [Double] = []
    /// The y of each point.
    public private(set) var ys: [Double] = []

    /// Parses `data`; `origin` names it in errors ("stdin", a file name); `firstLine` is the
    /// number of its first line in the whole input (for chunks of a stream).
    public init(_ data: Data, origin: String, firstLine: Int = 1) throws {
        bytes = Array(data) + [0]  // NUL-terminated for strtod
        let count = bytes.count - 1
        var start = 0
        var number = firstLine - 1
        try bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            while start < count {
                number += 1
                var end = start
                while end < count && buffer[end] != 10 { end += 1 }
                var lineEnd = end
                if lineEnd > start && buffer[lineEnd - 1] == 13 { lineEnd -= 1 }
                try parseLine(base, start, lineEnd, number: number, origin: origin)
                start = end + 1
            }
        }
    }

    private static func isBlank(_ b: UInt8) -> Bool { b == 32 || b == 9 }
    private static func isDelimiter(_ b: UInt8) -> Bool { b == 44 || b == 32 || b == 9 }

    private mutating func parseLine(_ base: UnsafePointer<UInt8>, _ start: Int, _ end: Int, number: Int, origin: String) throws {
        var i = start
        while i < end && CoordinateLines.isBlank(base[i]) { i += 1 }
        if i == end || base[i] == 35 {  // blank or '#'
            lines.append(Line(start: start, end: end, separator: nil, rest: end))
            return
        }
        let (x, afterX) = DecimalText.parse(base, i, end)
        var yStart = afterX
        while yStart < end && CoordinateLines.isDelimiter(base[yStart]) { yStart += 1 }
        let (y, afterY) = DecimalText.parse(base, yStart, end)
        let xOK = afterX > i && (afterX == end || CoordinateLines.isDelimiter(base[afterX]))
        let yOK = afterY > yStart && (afterY == end || CoordinateLines.isDelimiter(base[afterY]))
        guard xOK, yOK else {
            let text = String(decoding: UnsafeBufferPointer(start: base + start, count: end - start), as: UTF8.self)
            if number == 1, text.contains(where: \.isLetter) {
                lines.append(Line(start: start, end: end, separator: nil, rest: end))  // a header line
                return
            }
            throw IOError(.geometry, "expected \"x,y\" or \"x y\" with x = longitude/easting first, got '\(text)'", location: "\(origin):\(number)")
        }
        guard x.isFinite, y.isFinite else {
            let text = String(decoding: UnsafeBufferPointer(start: base + start, count: end - start), as: UTF8.self)
            throw IOError(.geometry, "coordinates must be finite numbers, got '\(text)'", location: "\(origin):\(number)")
        }
        lines.append(Line(start: start, end: end, separator: afterX..<yStart, rest: afterY))
        xs.append(x)
        ys.append(y)
    }


    /// The text of a line as read.
    public func text(of line: Line) -> String {
        String(decoding: bytes[line.start..<line.end], as: UTF8.self)
    }

    /// True when the first line is a header (letters, no point), as "lon,lat" is.
    public var hasHeader: Bool {
        guard let first = lines.first, first.separator == nil else { return false }
        let text = text(of: first).trimmingCharacters(in: .whitespaces)
        return !text.hasPrefix("#") && text.contains(where: \.isLetter)
    }

    /// A header's first two names replaced by `x` and `y` (their separators and any further
    /// names kept): "lon,lat,name" -> "x,y,name".
    public static func renamedHeader(_ header: String, x: String, y: String) -> String {
        var parts: [String] = []
        var current = ""
        for ch in header {
            if ch == "," || ch == " " || ch == "\t" {
                parts.append(current)
                parts.append(String(ch))
                current = ""
            } else {
                current.append(ch)
            }
        }
        parts.append(current)
        var named = 0
        for i in parts.indices where i % 2 == 0 && !parts[i].isEmpty && named < 2 {
            parts[i] = named == 0 ? x : y
            named += 1
        }
        return parts.joined()
    }

    /// The text with each point replaced by (xs[k], ys[k]) at `decimals` places.
    public func rendered(xs: [Double], ys: [Double], decimals: Int) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + bytes.count / 4)
        var k = 0
        for line in lines {
            if let separator = line.separator {
                FixedDecimal.append(xs[k], decimals, to: &out)
                out.append(contentsOf: bytes[separator])
                FixedDecimal.append(ys[k], decimals, to: &out)
                out.append(contentsOf: bytes[line.rest..<line.end])
                k += 1
            } else {
                out.append(contentsOf: bytes[line.start..<line.end])
            }
            out.append(10)
        }
        return out
    }
}
