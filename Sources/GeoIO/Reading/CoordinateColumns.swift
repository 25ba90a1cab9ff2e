/// Which columns of a table hold the geometry: a WKT column, an x (longitude/easting) and
/// a y column, or one "lon,lat" column as AMap exports write it. gmgeo decides this itself
/// (GDAL's CSV driver guesses, and crashed on two x-like columns), the same way for every
/// command, so a file gives the same features wherever it is read.
public enum CoordinateColumns: Equatable, Sendable {
    /// Well-known text in this column.
    case wkt(Int)
    /// Numbers in an x and a y column.
    case xy(x: Int, y: Int)
    /// "lon,lat" (or "lon lat") in one column.
    case pair(Int)

    /// Names taken as x (compared lower case, blanks and underscores ignored).
    public static let xNames = ["x", "lon", "lng", "long", "longitude", "经度", "x坐标", "东经", "pointx", "xcoord", "横坐标"]
    /// Names taken as y.
    public static let yNames = ["y", "lat", "latitude", "纬度", "y坐标", "北纬", "pointy", "ycoord", "纵坐标"]
    /// Names of a single "lon,lat" column.
    public static let pairNames = ["location", "lnglat", "lonlat", "经纬度", "坐标", "position"]
    /// Names of a WKT column.
    public static let wktNames = ["wkt", "geometry", "geom", "thegeom", "shape", "几何"]

    /// What the user named: any of these overrides the recognised names.
    public struct Request: Sendable, Equatable {
        /// The x column's name.
        public var x: String?
        /// The y column's name.
        public var y: String?
        /// A "lon,lat" column's name.
        public var pair: String?
        /// A WKT column's name.
        public var wkt: String?
        /// Nothing named.
        public init(x: String? = nil, y: String? = nil, pair: String? = nil, wkt: String? = nil) {
            self.x = x
            self.y = y
            self.pair = pair
            self.wkt = wkt
        }
        /// True when no column is named.
        public var isEmpty: Bool { x == nil && y == nil && pair == nil && wkt == nil }
    }

    /// The geometry columns of a table with `columns`.
    /// - Throws: a reason naming the columns found and how to name the right ones.
    public static func decide(_ columns: [String], request: Request = Request()) throws(ColumnChoiceError) -> CoordinateColumns {
        func index(_ name: String, _ role: String) throws(ColumnChoiceError) -> Int {
            if let i = columns.firstIndex(of: name) ?? columns.firstIndex(where: { key($0) == key(name) }) { return i }
            throw ColumnChoiceError(reason: "no column '\(name)' for \(role)", columns: columns)
        }
        if let wkt = request.wkt { return .wkt(try index(wkt, "the WKT geometry")) }
        if let pair = request.pair { return .pair(try index(pair, "\"lon,lat\"")) }
        if request.x != nil || request.y != nil {
            guard let x = request.x, let y = request.y else {
                throw ColumnChoiceError(reason: "name both the x and the y column (x=COLUMN,y=COLUMN)", columns: columns)
            }
            return .xy(x: try index(x, "x (longitude/easting)"), y: try index(y, "y (latitude/northing)"))
        }
        let wkts = matches(columns, wktNames)
        let xs = matches(columns, xNames), ys = matches(columns, yNames), pairs = matches(columns, pairNames)
        if wkts.count == 1 { return .wkt(wkts[0]) }
        if wkts.count > 1 { throw ambiguous(wkts, "the WKT geometry", "wkt", columns) }
        if xs.count > 1 { throw ambiguous(xs, "x (longitude/easting)", "x", columns) }
        if ys.count > 1 { throw ambiguous(ys, "y (latitude/northing)", "y", columns) }
        if let x = xs.first, let y = ys.first { return .xy(x: x, y: y) }
        if pairs.count == 1, xs.isEmpty, ys.isEmpty { return .pair(pairs[0]) }
        if pairs.count > 1 { throw ambiguous(pairs, "\"lon,lat\"", "location", columns) }
        let missing = xs.isEmpty && ys.isEmpty ? "no coordinate columns recognised"
            : xs.isEmpty ? "a y column (\(columns[ys[0]])) but no x column" : "an x column (\(columns[xs[0]])) but no y column"
        throw ColumnChoiceError(reason: missing, columns: columns)
    }

    private static func key(_ name: String) -> String {
        name.lowercased().filter { $0 != " " && $0 != "_" && $0 != "-" }
    }

    private static func matches(_ columns: [String], _ names: [String]) -> [Int] {
        columns.indices.filter { names.contains(key(columns[$0])) }
    }

    private static func ambiguous(_ hits: [Int], _ role: String, _ option: String, _ columns: [String]) -> ColumnChoiceError {
        ColumnChoiceError(reason: "\(hits.count) columns could be \(role): \(hits.map { columns[$0] }.joined(separator: ", ")); say which with \(option)=COLUMN",
                          columns: columns)
    }

    /// The column indices that hold geometry (not kept as attributes when WKT).
    var geometryOnlyColumns: Set<Int> {
        if case .wkt(let i) = self { return [i] }
        return []
    }
}

/// The table's geometry columns cannot be decided.
public struct ColumnChoiceError: Error, Sendable, CustomStringConvertible {
    /// What is wrong.
    public let reason: String
    /// The columns the table has.
    public let columns: [String]
    /// One line: the reason, the columns found, and how to name them.
    public var description: String {
        "\(reason); the columns are: \(columns.joined(separator: ", ")); name the coordinate columns with --x-field/--y-field (or --location-field, --wkt-field), or after the file name: 'FILE#x=COLUMN,y=COLUMN'"
    }
}
