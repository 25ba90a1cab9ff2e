import CGDAL
import Foundation
import GeoCore

/// Writes features one at a time into a temporary file beside the target; `finish()`
/// renames it into place. A sink dropped without `finish()` (an error on the way) removes
/// its temporary file: the target is never half-written. For PostGIS the new table is
/// written in one transaction, committed by `finish()` and rolled back otherwise; an
/// existing table is never replaced.
///
/// Not `Sendable`: a GDAL dataset is used by one thread at a time.
public final class FeatureSink {
    /// Where the finished file goes.
    public let path: String
    /// Features written so far.
    public private(set) var count = 0
    private let format: OutputFormat
    private let fields: [Field]
    /// The hidden folder the file is made in; nil for a database.
    private let staging: URL?
    private let dataset: GDALDatasetH
    private let layer: OGRLayerH
    private let transformer: Transformer?
    private var srs: OGRSpatialReferenceH?
    private var geometryFamily: String?
    private var open = true
    /// The grid coordinates are rounded to on output (GeoJSON decimals), or nil.
    private let roundingGrid: Double?

    /// Starts a file at `path` for features with `fields` whose geometries are in `crs`.
    /// GeoJSON, GeoJSONSeq and KML are written in EPSG:4326 (features are transformed).
    public init(path: String, format: OutputFormat, name: String, crs: CRS?, fields: [Field],
                encoding: String? = nil, decimals: Int = 7, geometryType: GeometryType? = nil) throws {
        GDALEnvironment.ensureRegistered()
        self.path = path
        self.format = format
        self.fields = fields
        roundingGrid = format == .geojson || format == .geojsonseq ? pow(10, -Double(decimals)) : nil
        let outputCRS = format.requiresWGS84 ? CRS.wgs84 : crs
        transformer = try crs.flatMap { c in c == outputCRS || outputCRS == nil ? nil : try Transformer.shared(from: c, to: .wgs84) }
        let (dataset, staging) = try FeatureSink.openTarget(path, format: format, layer: name)
        self.dataset = dataset
        self.staging = staging
        let reference = outputCRS.flatMap(SpatialReference.make)
        srs = reference
        let type = format.singleGeometryType ? FeatureSink.ogrType(geometryType) : wkbUnknown
        let options = format.layerOptions(encoding: encoding, decimals: decimals)
        let created = GDALEnvironment.withMutableStringList(options) { GDALDatasetCreateLayer(dataset, name, reference, type, $0) }
        guard let created else {
            let reason = GDALEnvironment.lastError("GDAL failed")
            if format == .postgis { _ = GDALDatasetRollbackTransaction(dataset) }
            GDALClose(dataset)
            if let reference { OSRDestroySpatialReference(reference) }
            if let staging { try? FileManager.default.removeItem(at: staging) }
            throw IOError(.write, "cannot create layer \(name): \(reason)", location: displayName(ofSource: path))
        }
        layer = created
        geometryFamily = geometryType.map(FeatureSink.family)
        for field in fields {
            guard let fd = OGR_Fld_Create(field.name, FeatureSink.ogrType(field.type)) else { continue }
            if field.type == .boolean { OGR_Fld_SetSubType(fd, OFSTBoolean) }
            let status = OGR_L_CreateField(layer, fd, 1)
            OGR_Fld_Destroy(fd)
            if status != OGRERR_NONE {
                let reason = GDALEnvironment.lastError("GDAL failed")
                discard()
                throw IOError(.write, "cannot create field \(field.name): \(reason)", location: displayName(ofSource: path))
            }
        }
        if format != .postgis { _ = OGR_L_StartTransaction(layer) }
    }

    /// A new temporary file in a hidden folder beside `path`, or the database in a transaction.
    private static func openTarget(_ path: String, format: OutputFormat, layer name: String) throws -> (GDALDatasetH, URL?) {
        GDALEnvironment.resetError()
        if format == .postgis {
            let location = displayName(ofSource: path)
            guard let dataset = GDALOpenEx(path, UInt32(GDAL_OF_VECTOR | GDAL_OF_UPDATE | GDAL_OF_VERBOSE_ERROR), nil, nil, nil) else {
                throw IOError(.open, "cannot open the database for writing: \(GDALEnvironment.lastError("GDAL failed"))", location: location)
            }
            if GDALDatasetGetLayerByName(dataset, name) != nil {
                GDALClose(dataset)
                throw IOError(.write, "the database already has a layer '\(name)'; write to another name (gmgeo never replaces data)", location: location)
            }
            guard GDALDatasetStartTransaction(dataset, 0) == OGRERR_NONE else {
                GDALClose(dataset)
                throw IOError(.write, "cannot start a transaction: \(GDALEnvironment.lastError("GDAL failed"))", location: location)
            }
            return (dataset, nil)
        }
        let target = URL(fileURLWithPath: path)
        let staging = target.deletingLastPathComponent().appendingPathComponent(".gmgeo-\(UUID().uuidString)")
        do {
            try FileManager.default.createDirectory(at: staging, withIntermediateDirectories: true)
        } catch {
            throw IOError(.write, "cannot create a file in \(target.deletingLastPathComponent().path): \(error.localizedDescription)", location: path)
        }
        let temporary = staging.appendingPathComponent(target.lastPathComponent).path
        guard let driver = GDALGetDriverByName(format.driver) else {
            try? FileManager.default.removeItem(at: staging)
            throw IOError(.format, "GDAL has no \(format.driver) driver here", location: path)
        }
        guard let dataset = GDALCreate(driver, temporary, 0, 0, 0, GDT_Unknown, nil) else {
            try? FileManager.default.removeItem(at: staging)
            throw IOError(.write, "cannot create: \(GDALEnvironment.lastError("GDAL failed"))", location: path)
        }
        return (dataset, staging)
    }

    deinit { if open { discard() } }

    /// Closes the dataset and removes the temporary file (rolls the database back).
    private func discard() {
        open = false
        if format == .postgis { _ = GDALDatasetRollbackTransaction(dataset) }
        GDALClose(dataset)
        if let srs { OSRDestroySpatialReference(srs) }
        srs = nil
        if let staging { try? FileManager.default.removeItem(at: staging) }
    }

    /// Appends one feature.
    /// - Throws: `IOError` naming the feature; the sink is then discarded.
    public func write(_ feature: Feature) throws {
        guard open else { throw IOError(.write, "the output is already closed", location: displayName(ofSource: path)) }
        let place = "\(displayName(ofSource: path)): feature \(feature.id.map(String.init) ?? String(count))"
        do {
            guard let f = OGR_F_Create(OGR_L_GetLayerDefn(layer)) else { throw IOError(.write, "out of memory", location: place) }
            defer { OGR_F_Destroy(f) }
            for (i, field) in fields.enumerated() { FeatureSink.set(f, Int32(i), feature[field.name]) }
            if var g = feature.geometry {
                if let transformer { g = try transformer.transform(g) }
                if format.singleGeometryType { g = try promote(g, place) }
                if let grid = roundingGrid, g.type == .polygon || g.type == .multiPolygon {
                    // Rounding to the written decimals can make narrow rings cross: when plain
                    // rounding would break the polygon, snap-round it on that grid with GEOS.
                    let rounded = try g.reducedPrecision(gridSize: grid, pointwise: true)
                    g = try rounded.isValid() ? rounded : try g.reducedPrecision(gridSize: grid)
                }
                OGR_F_SetGeometryDirectly(f, try OGRGeometry.make(g))
            }
            GDALEnvironment.resetError()
            guard OGR_L_CreateFeature(layer, f) == OGRERR_NONE else {
                throw IOError(.write, "cannot write: \(GDALEnvironment.lastError("GDAL failed"))", location: place)
            }
            count += 1
        } catch {
            discard()
            throw error
        }
    }

    /// Finishes the file and renames it (and any sidecar files) into place.
    public func finish() throws {
        guard open else { throw IOError(.write, "the output is already closed", location: displayName(ofSource: path)) }
        if format == .postgis {
            GDALEnvironment.resetError()
            let committed = GDALDatasetCommitTransaction(dataset) == OGRERR_NONE
            open = false
            GDALClose(dataset)
            if let srs { OSRDestroySpatialReference(srs) }
            srs = nil
            guard committed else {
                throw IOError(.write, "cannot commit: \(GDALEnvironment.lastError("GDAL failed"))", location: displayName(ofSource: path))
            }
            return
        }
        _ = OGR_L_CommitTransaction(layer)
        open = false
        GDALEnvironment.resetError()
        GDALClose(dataset)
        if let srs { OSRDestroySpatialReference(srs) }
        srs = nil
        guard let staging else { return }
        defer { try? FileManager.default.removeItem(at: staging) }
        if CPLGetLastErrorType() == CE_Failure {
            throw IOError(.write, "cannot finish the file: \(GDALEnvironment.lastError("GDAL failed"))", location: path)
        }
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
        for name in (try? FileManager.default.contentsOfDirectory(atPath: staging.path)) ?? [] {
            let destination = folder.appendingPathComponent(name).path
            if rename(staging.appendingPathComponent(name).path, destination) != 0 {
                throw IOError(.write, "cannot move the finished file into place: \(String(cString: strerror(errno)))", location: destination)
            }
        }
    }

    /// Shapefiles hold one kind: single parts become one-part Multi*, other kinds are refused.
    private func promote(_ g: Geometry, _ place: String) throws -> Geometry {
        let family = FeatureSink.family(g.type)
        if let expected = geometryFamily, expected != family {
            throw IOError(.format, "a Shapefile holds one kind of geometry: this one is a \(family), the layer's are \(expected)s; write GeoPackage or GeoJSON instead",
                          location: place)
        }
        if geometryFamily == nil {
            geometryFamily = family
            if family == "collection" {
                throw IOError(.format, "a Shapefile cannot hold a GeometryCollection; write GeoPackage or GeoJSON instead", location: place)
            }
        }
        switch g.type {
        case .point, .lineString, .polygon: return try Geometry.collection([g])
        default: return g
        }
    }

    static func family(_ type: GeometryType) -> String {
        switch type {
        case .point, .multiPoint: return "point"
        case .lineString, .linearRing, .multiLineString: return "line"
        case .polygon, .multiPolygon: return "polygon"
        case .geometryCollection: return "collection"
        }
    }

    private static func ogrType(_ type: GeometryType?) -> OGRwkbGeometryType {
        switch type.map(family) {
        case "point": return wkbMultiPoint
        case "line": return wkbMultiLineString
        case "polygon": return wkbMultiPolygon
        default: return wkbUnknown
        }
    }

    private static func ogrType(_ type: FieldType) -> OGRFieldType {
        switch type {
        case .integer: return OFTInteger64
        case .boolean: return OFTInteger
        case .real: return OFTReal
        case .string: return OFTString
        case .date: return OFTDate
        case .time: return OFTTime
        case .dateTime: return OFTDateTime
        }
    }

    private static func set(_ f: OGRFeatureH, _ i: Int32, _ value: FieldValue) {
        switch value {
        case .null: OGR_F_SetFieldNull(f, i)
        case .integer(let v): OGR_F_SetFieldInteger64(f, i, GIntBig(v))
        case .real(let v): OGR_F_SetFieldDouble(f, i, v)
        case .string(let v): OGR_F_SetFieldString(f, i, v)
        case .boolean(let v): OGR_F_SetFieldInteger(f, i, v ? 1 : 0)
        }
    }
}
