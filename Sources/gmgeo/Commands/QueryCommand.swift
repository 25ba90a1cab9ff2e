import ArgumentParser
import Foundation
import GeoCore
import GeoIO

/// `gmgeo query LAYER`: features by attribute, spatial relation, distance or nearness.
struct QueryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "query",
        abstract: "Select features by attribute, by spatial relation to another layer, by distance, or find the nearest.",
        discussion: """
        Spatial tests run in metres in the working CRS of the rules (EPSG:4547 for Guangming; both layers are projected first) through an STRtree and prepared geometries. OTHER is a file, an embedded layer name, or a WKT geometry (in lon/lat unless --wkt-crs says otherwise). The result is GeoJSON on stdout, or any format with -o; a one-line summary goes to stderr.

        Examples:
          gmgeo query roads --where "class = 'expressway'"
          gmgeo query projects-sample --within control-zones -o in_zones.geojson
          gmgeo query green --intersects 'POLYGON ((113.92 22.74, 113.95 22.74, 113.95 22.77, 113.92 22.74))'
          gmgeo query projects-sample --within-distance 500 --of rail
          gmgeo query projects-sample --nearest rail -k 3 -o nearest.csv
        """
    )

    @Argument(help: "The layer to select from (file, connection or embedded name).")
    var layerArgument: String

    @OptionGroup var input: InputOptions

    @Option(help: "Keep features matching this OGR SQL condition.")
    var `where`: String?

    @Option(help: "Keep features that intersect OTHER.") var intersects: String?
    @Option(help: "Keep features lying within OTHER.") var within: String?
    @Option(help: "Keep features that contain OTHER.") var contains: String?
    @Option(help: "Keep features that touch OTHER.") var touches: String?
    @Option(help: "Keep features that cross OTHER.") var crosses: String?

    @Option(name: .customLong("within-distance"), help: "Keep features within this many metres of --of.")
    var withinDistance: Double?

    @Option(help: "The layer or WKT for --within-distance.")
    var of: String?

    @Option(help: "Add the nearest features of this layer (names and distances in metres).")
    var nearest: String?

    @Option(name: .short, help: "How many nearest features to add.")
    var k: Int = 1

    @Option(name: .customLong("wkt-crs"), help: "The CRS of a WKT given as OTHER.")
    var wktCRS: String = "EPSG:4326"

    @OptionGroup var output: OutputOptions

    private var spatial: [(SpatialPredicate, String)] {
        [(.intersects, intersects), (.within, within), (.contains, contains), (.touches, touches), (.crosses, crosses)]
            .compactMap { p, v in v.map { (p, $0) } }
    }

    func validate() throws {
        if spatial.count > 1 { throw ValidationError("give one of --intersects, --within, --contains, --touches, --crosses") }
        if (withinDistance == nil) != (of == nil) { throw ValidationError("--within-distance and --of go together") }
        if let d = withinDistance, !(d.isFinite && d >= 0) { throw ValidationError("--within-distance must be a distance in metres >= 0") }
        if !(1...100).contains(k) { throw ValidationError("-k must be between 1 and 100") }
    }

    func run() throws {
        try output.checkWritable()
        if let out = output.output, out != "-" {
            try LayerInput.refuseOverwrite(out, inputs: [try LayerInput.path(layerArgument)])
        }
        if try pointsFastPath() { return }
        // "N of M": M counts every feature before --where, so a filter that matched few says so.
        var total = 0
        var layer = try LayerInput.readProjected(layerArgument, options: try input.readOptions(filter: `where`), counted: { total = $0 })
        let unlocated = layer.features.filter { $0.geometry == nil }.count
        var filters: [String] = `where`.map { ["where \($0)"] } ?? []
        if let (predicate, other) = spatial.first {
            layer.features = try select(layer, predicate, against: other)
            filters.append("\(predicate) \(other)")
        }
        if let d = withinDistance, let of {
            layer.features = try select(layer, .withinDistance(d), against: of)
            filters.append("within \(d.shortDescription) m of \(of)")
        }
        if let nearest {
            layer = try addNearest(layer, from: nearest)
            filters.append("nearest \(k) of \(nearest)")
        }
        try output.write(layer)
        let skipped = unlocated > 0 && !(spatial.isEmpty && withinDistance == nil) ? "; \(unlocated) without geometry cannot match a spatial test" : ""
        Stderr.write("gmgeo: \(layer.features.count) of \(total) features of \(displayName(ofSource: layerArgument))\(filters.isEmpty ? "" : " (\(filters.joined(separator: ", ")))")\(skipped)\n")
    }

    /// Many points in a CSV, kept if within polygons or within a distance of any layer,
    /// written as CSV: done on coordinate buffers (PointTable + PointLocator), rows copied
    /// verbatim. Returns false when the query is not of that shape, so the general path runs.
    private func pointsFastPath() throws -> Bool {
        let test: (other: String, distance: Double)
        switch (spatial.first, withinDistance, of) {
        case let ((.within, other)?, nil, nil): test = (other, 0)
        case let (nil, d?, other?) where d > 0: test = (other, d)
        default: return false
        }
        let (path, options) = try LayerInput.resolve(layerArgument, over: try input.readOptions())
        guard nearest == nil, `where` == nil, options.layer == nil, let out = output.output, out.lowercased().hasSuffix(".csv"),
              output.format == nil, let table = try PointTable.read(path, options: options) else { return false }
        let others = try otherGeometries(test.other).map(\.geometry)
        let targets = test.distance > 0 ? others : others.filter { $0.type == .polygon || $0.type == .multiPolygon }
        guard !targets.isEmpty else { return false }
        if let note = table.note { Stderr.write("gmgeo: \(note)\n") }
        let source: CRS
        if let crs = options.crs {
            source = crs
        } else {
            let lonLat = zip(table.xs, table.ys).allSatisfy { Envelope.lonLatRanges.contains(x: $0, y: $1) }
            let assumed = try MissingCRS.assume(lonLat: lonLat, location: "\(path): layer \(((path as NSString).lastPathComponent as NSString).deletingPathExtension)", source: path)
            source = assumed.crs
            Stderr.write("gmgeo: \(assumed.note)\n")
        }
        var xs = table.xs, ys = table.ys
        let working = try WorkingCRS.standard()
        if source != working {
            do {
                try Transformer(from: source, to: working).transform(xs: &xs, ys: &ys)
            } catch {
                throw error.at(layerArgument)
            }
        }
        let owners = try PointLocator.locate(xs: xs, ys: ys, in: targets, distance: test.distance)
        let keep = owners.map { $0 >= 0 }
        try AtomicWrite.data(table.csv(keeping: keep), to: out)
        let filter = test.distance > 0 ? "within \(test.distance.shortDescription) m of \(test.other)" : "within \(test.other)"
        Stderr.write("gmgeo: \(keep.filter { $0 }.count) of \(keep.count) features of \(displayName(ofSource: layerArgument)) (\(filter))\n")
        return true
    }

    /// The other side of a spatial test: a layer, or a WKT geometry.
    private func otherGeometries(_ other: String) throws -> [(geometry: Geometry, name: String)] {
        if (try? LayerInput.path(other)) != nil {
            let layer = try LayerInput.readProjected(other, options: ReadOptions())
            return layer.features.enumerated().compactMap { i, f in f.geometry.map { ($0, f.displayName(index: i)) } }
        }
        let g: Geometry
        do {
            g = try Geometry(parsing: other)
        } catch {
            throw InputError("\(other.prefix(60)): neither a file, an embedded layer, nor a geometry (\(error))")
        }
        return [(try Transformer(from: try CRS(wktCRS), to: try WorkingCRS.standard()).transform(g), "geometry")]
    }

    private func select(_ layer: Layer, _ predicate: SpatialPredicate, against other: String) throws -> [Feature] {
        let index = try PreparedIndex(try otherGeometries(other).map(\.geometry))
        return try layer.features.filter { f in
            guard let g = f.geometry else { return false }
            return try !index.matches(g, predicate, firstOnly: true).isEmpty
        }
    }

    private func addNearest(_ layer: Layer, from other: String) throws -> Layer {
        let others = try otherGeometries(other)
        let tree = try STRtree(others.map(\.geometry))
        var copy = layer
        for n in 1...k {
            copy.fields += [Field("nearest_\(n)", .string), Field("nearest_\(n)_m", .real)]
        }
        for i in copy.features.indices {
            guard let g = copy.features[i].geometry else { continue }
            for (n, hit) in try tree.nearest(to: g, k: k).enumerated() {
                copy.features[i]["nearest_\(n + 1)"] = .string(others[hit.index].name)
                copy.features[i]["nearest_\(n + 1)_m"] = .real(FixedDecimal.rounded(hit.distance, 2))
            }
        }
        return copy
    }

}
