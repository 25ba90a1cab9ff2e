import Foundation

/// A CSV of points read straight into coordinate buffers: no feature or geometry object per
/// row. For the many-points case (a million GPS or phone-app points): the coordinates go to
/// `PointLocator` or `Transformer` in one batch, and selected rows are copied out verbatim.
/// Columns, bad rows and their wording follow the same rules as `VectorSource` (one
/// contract): a file this path cannot take (quotes, another encoding, a WKT or "lon,lat"
/// column) is left to `VectorSource`.
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
    /// Each data row's line number (the header is line 1).
    public private(set) var lines: [Int] = []
    /// A note for the user (rows left out under `BadRowPolicy.skip`), or nil.
    public private(set) var note: String?
    private let bytes: [UInt8]
    private let headerRange: Range<Int>

    /// Reads `path`; nil when it is not a plain UTF-8 comma-separated file with x/y columns
    /// (then read it through `VectorSource`). Bad rows follow `options.badRows`.
    /// - Parameter check: given the header's column names, returns a test of a row's bytes
    ///   (without its line end; `PointTable.cell` finds a cell in it): the reason it cannot be
    ///   used, or nil. A row failing it is a bad row like one without coordinates. Throws to
    ///   refuse the file (a column it needs is missing).
    public static func read(_ path: String, options: ReadOptions = ReadOptions(),
                            check: (([String]) throws -> (ArraySlice<UInt8>) -> String?)? = nil) throws -> PointTable? {
        guard path.lowercased().hasSuffix(".csv"), TextEncoding.isUTF8(options.encoding),
              let data = FileManager.default.contents(atPath: path) else { return nil }
        var bytes = Array(data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        // Quoted cells, long lines and other encodings need the full reader.
        guard !bytes.contains(34), TextEncoding.firstInvalidUTF8(bytes) == nil else { return nil }
        return try PointTable(bytes, path: path, options: options, check: check)
    }

    private init?(_ data: [UInt8], path: String, options: ReadOptions, check: (([String]) throws -> (ArraySlice<UInt8>) -> String?)?) throws {
        bytes = data + [0]
        let count = data.count
        guard let headerEnd = data.firstIndex(of: 10), headerEnd <= DelimitedText.maximumLineLength else { return nil }
        let header = String(decoding: data[0..<headerEnd], as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard header.contains(",") else { return nil }
        let names = header.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
        guard case .xy(let xi, let yi)? = try? CoordinateColumns.decide(names, request: options.columns) else { return nil }
        columns = names
        xColumn = xi
        yColumn = yi
        headerRange = 0..<headerEnd
        let rowCheck = try check?(names)
        var offset = headerEnd + 1
        var line = 1
        var xs: [Double] = [], ys: [Double] = [], rows: [Range<Int>] = [], lines: [Int] = []
        var rejected: [TableRows.Rejected] = []
        xs.reserveCapacity(count / 24)
        ys.reserveCapacity(count / 24)
        try bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            while offset < count {
                line += 1
                var end = offset
                while end < count && base[end] != 10 { end += 1 }
                if end - offset > DelimitedText.maximumLineLength {
                    throw IOError(.format, "the line is longer than \(DelimitedText.maximumLineLength / 1_048_576) MiB: not a table row (a binary file, or an unclosed quote)",
                                  location: "\(path): line \(line)")
                }
                let stop = end > offset && base[end - 1] == 13 ? end - 1 : end
                if stop > offset {
                    switch PointTable.coordinates(base, offset, stop, xi, yi, names) {
                    case .success(let (x, y)):
                        if let rowCheck, let reason = rowCheck(bytes[offset..<stop]) {
                            let text = String(decoding: bytes[offset..<stop], as: UTF8.self)
                            rejected.append(TableRows.Rejected(line: line, reason: reason,
                                                               cells: text.split(separator: ",", omittingEmptySubsequences: false).map(String.init)))
                            break
                        }
                        xs.append(x)
                        ys.append(y)
                        rows.append(offset..<stop)
                        lines.append(line)
                    case .failure(let problem):
                        let text = String(decoding: UnsafeBufferPointer(start: base + offset, count: stop - offset), as: UTF8.self)
                        rejected.append(TableRows.Rejected(line: line, reason: problem.description,
                                                           cells: text.split(separator: ",", omittingEmptySubsequences: false).map(String.init)))
                    }
                }
                offset = end + 1
            }
        }
        if !rejected.isEmpty {
            switch options.badRows {
            case .refuse:
                throw TableRows.refusal(rejected, total: rejected.count + rows.count, path: path)
            case .skip(let rejects):
                try TableRows.writeRejects(rejected, columns: names, to: rejects)
                note = TableRows.skippedNote(rejected, path: path, rejects: rejects)
            }
        }
        self.xs = xs
        self.ys = ys
        self.rows = rows
        self.lines = lines
    }

    /// The cells of column `index` in every kept row, blanks trimmed ("" where a row is short).
    public func column(_ index: Int) -> [String] {
        rows.map { String(decoding: PointTable.cell(bytes[$0], index), as: UTF8.self) }
    }

    /// The cells of column `index` as bytes, for parsing a million of them without a String each.
    public func columnBytes(_ index: Int) -> [ArraySlice<UInt8>] {
        rows.map { PointTable.cell(bytes[$0], index) }
    }

    /// Cell `index` of a row's bytes (a plain comma-separated row), blanks and tabs trimmed;
    /// empty where the row is short.
    public static func cell(_ row: ArraySlice<UInt8>, _ index: Int) -> ArraySlice<UInt8> {
        var field = 0, start = row.startIndex, end = row.endIndex
        var i = row.startIndex
        while i < row.endIndex {
            if row[i] == 44 {
                if field == index { end = i; break }
                field += 1
                start = i + 1
            }
            i += 1
        }
        guard field == index else { return row[row.endIndex...] }
        var c = row[start..<end]
        while let b = c.first, b == 32 || b == 9 { c.removeFirst() }
        while let b = c.last, b == 32 || b == 9 { c.removeLast() }
        return c
    }

    /// A row's x and y, or why it has none (worded as `TableRows` words it).
    private static func coordinates(_ base: UnsafePointer<UInt8>, _ start: Int, _ end: Int, _ xi: Int, _ yi: Int,
                                    _ names: [String]) -> Result<(Double, Double), RowProblem> {
        var field = 0, fieldStart = start
        var x = Double.nan, y = Double.nan
        var problems: [Int: RowProblem] = [:]
        var i = start
        while i <= end {
            if i == end || base[i] == 44 {
                if field == xi || field == yi {
                    var a = fieldStart, b = i
                    while a < b && (base[a] == 32 || base[a] == 9) { a += 1 }
                    while b > a && (base[b - 1] == 32 || base[b - 1] == 9) { b -= 1 }
                    let (value, stop) = DecimalText.parse(base, a, b)
                    if b == a {
                        problems[field] = .empty(names[field])
                    } else if let problem = RowProblem.number(value, complete: stop == b, text: String(decoding: UnsafeBufferPointer(start: base + a, count: b - a), as: UTF8.self),
                                                              column: names[field]) {
                        problems[field] = problem
                    } else if field == xi { x = value } else { y = value }
                }
                field += 1
                fieldStart = i + 1
            }
            i += 1
        }
        // x is judged before y, as `TableRows` judges it.
        if let problem = problems[xi] { return .failure(problem) }
        if let problem = problems[yi] { return .failure(problem) }
        if x.isNaN { return .failure(.empty(names[xi])) }
        if y.isNaN { return .failure(.empty(names[yi])) }
        return .success((x, y))
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
