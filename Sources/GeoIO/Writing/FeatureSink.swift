import Foundation
import GeoCore

/// Writes features one at a time into a temporary file beside the target; `finish()`
/// renames it into place. A sink dropped without `finish()` (an error on the way) removes
/// its temporary file: the target is never half-written. For PostGIS the new table is
/// written in one transaction, committed by `finish()` and rolled back otherwise; an
/// existing table is never replaced.
///
/// GeoJSON and GeoJSONSeq are written by gmgeo itself (`GeoJSONText`), every other format
/// through GDAL. Not `Sendable`: one thread writes a file.
public final class FeatureSink {
    /// Where the finished file goes.
    public let path: String
    /// Features written so far.
    public private(set) var count = 0
    /// The CRS the file is written in (EPSG:4326 for GeoJSON and KML, and for GCJ-02/BD-09 input).
    public let outputCRS: CRS?
    private let backend: FeatureBackend
    private let transformer: Transformer?
    /// The grid coordinates are rounded to on output (GeoJSON decimals), or nil.
    private let roundingGrid: Double?
    private var open = true

    /// Starts a file at `path` for features with `fields` whose geometries are in `crs`.
    /// GeoJSON, GeoJSONSeq and KML are written in EPSG:4326 (features are transformed).
    public init(path: String, format: OutputFormat, name: String, crs: CRS?, fields: [Field],
                encoding: String? = nil, decimals: Int = 7, geometryType: GeometryType? = nil, mode: WriteMode = .create) throws {
        try OutputPath.check(path)
        self.path = path
        roundingGrid = format.isGeoJSONText ? pow(10, -Double(decimals)) : nil
        // GCJ-02 and BD-09 have no label a file can carry: their coordinates are written as
        // WGS 84, never under a WGS 84 label unconverted.
        let outputCRS = format.requiresWGS84 || crs?.isChineseOffset == true ? CRS.wgs84 : crs
        self.outputCRS = outputCRS
        transformer = try crs.flatMap { c in try outputCRS.flatMap { c == $0 ? nil : try Transformer.shared(from: c, to: $0) } }
        backend = format.isGeoJSONText
            ? try GeoJSONBackend(path: path, sequence: format == .geojsonseq, fields: fields, decimals: decimals)
            : try GDALBackend(path: path, format: format, name: name, crs: outputCRS, fields: fields, encoding: encoding,
                              geometryType: geometryType, mode: mode)
    }

    deinit { if open { backend.discard() } }

    /// Appends one feature.
    /// - Throws: `IOError` naming the feature; the sink is then discarded.
    public func write(_ feature: Feature) throws {
        guard open else { throw IOError(.write, "the output is already closed", location: displayName(ofSource: path)) }
        let place = "\(displayName(ofSource: path)): feature \(feature.id.map(String.init) ?? String(count))"
        do {
            try backend.write(feature, geometry: try feature.geometry.map(outputGeometry), place: place)
            count += 1
        } catch {
            open = false
            backend.discard()
            throw error
        }
    }

    /// Finishes the file and renames it (and any sidecar files) into place.
    public func finish() throws {
        guard open else { throw IOError(.write, "the output is already closed", location: displayName(ofSource: path)) }
        open = false
        try backend.finish()
    }

    /// The geometry as written: in the output CRS and, for GeoJSON, on the decimals' grid.
    private func outputGeometry(_ geometry: Geometry) throws -> Geometry {
        var g = geometry
        if let transformer { g = try transformer.transform(g) }
        if let grid = roundingGrid, g.type == .polygon || g.type == .multiPolygon {
            // Rounding to the written decimals can make narrow rings cross: when plain
            // rounding would break the polygon, snap-round it on that grid with GEOS.
            let rounded = try g.reducedPrecision(gridSize: grid, pointwise: true)
            g = try rounded.isValid() ? rounded : try g.reducedPrecision(gridSize: grid)
        }
        return g
    }
}

/// Where a sink's features go: a file format's writer.
protocol FeatureBackend: AnyObject {
    /// Appends a feature with its geometry already in the output CRS.
    func write(_ feature: Feature, geometry: Geometry?, place: String) throws
    /// Completes the output and puts it in place.
    func finish() throws
    /// Throws the output away.
    func discard()
}

/// What to do when the target GeoPackage already has a layer of the name being written
/// (as ogr2ogr -update): other formats hold one layer and are replaced whole.
public enum WriteMode: Sendable {
    /// Add a new layer; refuse when one of that name exists.
    case create
    /// Replace the layer of that name.
    case overwrite
    /// Add the features to the layer of that name.
    case append
}
