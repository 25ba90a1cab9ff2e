import GeoCore

/// How to open a source: which layer, its CRS when the file has none or a wrong one, and
/// the text encoding of Shapefile attributes.
public struct ReadOptions: Sendable {
    /// The layer to read (by name); nil: the first (or only) layer.
    public var layer: String?
    /// The CRS the coordinates are in, overriding whatever the source says (e.g. gcj02 for a
    /// DataV file that claims WGS 84).
    public var crs: CRS?
    /// Shapefile attribute encoding when the .cpg is missing or wrong, e.g. "GBK".
    public var encoding: String?
    /// An attribute filter in OGR SQL, e.g. "class = 'expressway'".
    public var filter: String?
    /// Refuse a source whose declared lon/lat CRS its coordinates contradict (true), or only
    /// warn (false: for describing a file, not using it). Also decides whether text that is
    /// not valid in its encoding is refused or only reported.
    public var refusesImpossibleCRS = true
    /// The geometry columns of a table (CSV) when their names are not recognised.
    public var columns = CoordinateColumns.Request()
    /// What to do with table rows that cannot be read.
    public var badRows = BadRowPolicy.refuse

    /// Creates options; everything defaults to "what the source says".
    public init(layer: String? = nil, crs: CRS? = nil, encoding: String? = nil, filter: String? = nil) {
        self.layer = layer
        self.crs = crs
        self.encoding = encoding
        self.filter = filter
    }
}

/// What to do with a table row that cannot be read (blank, a coordinate missing or not a
/// number, broken WKT): one policy for every command.
public enum BadRowPolicy: Sendable, Equatable {
    /// Refuse the file, naming the first bad rows and why.
    case refuse
    /// Leave them out, write them (with the reason) to this CSV file, and count them.
    case skip(rejects: String)
}
