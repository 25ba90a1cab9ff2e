import GeoCore

/// What `gmgeo info` reports about a layer, gathered while streaming its features, so a
/// layer larger than memory can be described.
public struct LayerSummary: Sendable {
    /// The layer's name.
    public let name: String
    /// The CRS of the geometries.
    public let crs: CRS
    /// The attribute fields, in order.
    public let fields: [Field]
    /// How many features the layer has.
    public private(set) var count = 0
    /// The box around every geometry, or nil when there are none.
    public private(set) var extent: Envelope?
    /// How many features have each geometry type (nil: no geometry), sorted by name.
    public var geometryTypes: [(GeometryType?, Int)] {
        typeCounts.sorted { ($0.key?.rawValue ?? "") < ($1.key?.rawValue ?? "") }.map { ($0.key, $0.value) }
    }
    /// The first invalid features with their reasons (at most `keep`).
    public private(set) var invalid: [ValidityReport.Entry] = []
    /// How many features are invalid in all.
    public private(set) var invalidCount = 0
    private var typeCounts: [GeometryType?: Int] = [:]
    private let keep: Int

    /// Reads every feature of `reader`, keeping only counts and the first `keep` problems.
    public init(_ reader: FeatureReader, keep: Int = 10) throws {
        name = reader.name
        crs = reader.crs
        fields = reader.fields
        self.keep = keep
        while let f = try reader.next() { try add(f) }
    }

    private mutating func add(_ f: Feature) throws {
        typeCounts[f.geometry?.type, default: 0] += 1
        defer { count += 1 }
        guard let g = f.geometry else { return }
        if let e = g.envelope { extent = extent.map { $0.union(e) } ?? e }
        if let problem = try g.validityProblem() {
            invalidCount += 1
            if invalid.count < keep { invalid.append(.init(index: count, id: f.id, problem: problem)) }
        }
    }
}
