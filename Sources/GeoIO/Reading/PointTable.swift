import Foundation

/// A CSV of points read straight into coordinate buffers: no feature or geometry object per
/// row. For the many-points case (a million GPS or phone-app points): the coordinates go to
/// `PointLocator` or `Transformer` in one batch, and selected rows are copied out verbatim.
public struct PointTable {
    /// The header line's column names.
    public let columns: [String]
    /// The x (longitude/easting) and y column indices.
    public let xColumn: Int, yColumn: Int
    /// The x (longitude/easting) of each row.
    public private(set) var xs: [Double] = []
    /// The y (latitude/northing) of each row.
    public private(set) var ys: [Double] = []
    /// Each data row's byte range in the file (without its line end).
    public private(set) var rows: [Range<Int>] = []
    private let bytes: [UInt8]
    private let headerRange: Range<Int>

    /// Column names taken as x and y, as GDAL's CSV driver is told to (lower case).
    public static let xNames = ["x", "lon", "lng", "long", "longitude", "经度"]
    /// Column names taken as y.
    public static let yNames = ["y", "lat", "latitude", "纬度"]

    /// Reads `path`; nil when it is not a plain comma-separated file with x/y columns (then
    /// read it through `VectorSource`). Throws for a bad number, naming the line.
    public static func read(_ path: String) throws -> PointTable? {
        guard path.lowercased().hasSuffix(".csv"), let data = FileManager.default.contents(atPath: path) else { return nil }
        return try PointTable(Array(data), path: path)
    }

    private init?(_ data: [UInt8], path: String) throws {
        bytes = data + [0]
        let count = data.count
        var offset = data.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        guard let headerEnd = data[offset...].firstIndex(of: 10) else { return nil }
        let header = String(decoding: data[offset..<headerEnd], as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        // Quoted headers or cells need a real CSV parser: leave those to GDAL.
        guard !data.contains(34) else { return nil }
        let names = header.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
        guard let xi = names.firstIndex(where: { PointTable.xNames.contains($0.lowercased()) }),
              let yi = names.firstIndex(where: { PointTable.yNames.contains($0.lowercased()) }) else { return nil }
        columns = names
        xColumn = xi
        yColumn = yi
        headerRange = offset..<headerEnd
        offset = headerEnd + 1
        var line = 1
        var xs: [Double] = [], ys: [Double] = [], rows: [Range<Int>] = []
        xs.reserveCapacity(count / 24)
        ys.reserveCapacity(count / 24)
        try bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            while offset < count {
                line += 1
                var end = offset
                while end < count && base[end] != 10 { end += 1 }
                let stop = end > offset && base[end - 1] == 13 ? end - 1 : end
                if stop > offset {
                    let (x, y) = try PointTable.coordinates(base, offset, stop, xi, yi, line: line, path: path)
                    xs.append(x)
                    ys.append(y)
                    rows.append(offset..<stop)
                }
                offset = end + 1
            }
        }
        self.xs = xs
        self.ys = ys
        self.rows = rows
    }

    private static func coordinates(_ base: UnsafePointer<UInt8>, _ start: Int, _ end: Int, _ xi: Int, _ yi: Int,
                                    line: Int, path: String) throws -> (Double, Double) {
        var field = 0, fieldStart = start
        var x = Double.nan, y = Double.nan
        var i = start
        while i <= end {
            if i == end || base[i] == 44 {
                if field == xi || field == yi {
                    // The whole cell must be the number.
                    let (value, stop) = DecimalText.parse(base, fieldStart, i)
                    guard stop == i, i > fieldStart, value.isFinite else {
                        let text = String(decoding: UnsafeBufferPointer(start: base + start, count: end - start), as: UTF8.self)
                        throw IOError(.geometry, "column \(field + 1) is not a finite number in '\(text)'", location: "\(path): line \(line)")
                    }
                    if field == xi { x = value } else { y = value }
                }
                field += 1
                fieldStart = i + 1
            }
            i += 1
        }
        guard x.isFinite, y.isFinite else {
            throw IOError(.geometry, "the row has no x or y value", location: "\(path): line \(line)")
        }
        return (x, y)
    }

    /// The header and the rows where `keep` is true, as CSV text (rows copied verbatim).
    public func csv(keeping keep: [Bool]) -> Data {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count / 2)
        out.append(contentsOf: bytes[headerRange])
        out.append(10)
        for (i, row) in rows.enumerated() where keep[i] {
            out.append(contentsOf: bytes[row])
            out.append(10)
        }
        return Data(out)
    }
}
