import CGDAL
import Foundation
import GeoCore

/// Features written through a GDAL driver: a file made in a staging folder, or a new
/// PostGIS table inside one transaction.
final class GDALBackend: FeatureBackend {
    private let format: OutputFormat
    private let fields: [Field]
    private let path: String
    /// The folder the file is made in; nil for a database.
    private let staging: Staging?
    private let dataset: GDALDatasetH
    private let layer: OGRLayerH
    private var srs: OGRSpatialReferenceH?
    private var geometryFamily: String?
    /// Each field's index in the OGR layer (an appended-to layer has its own order; a new
    /// field's name may have been shortened by the driver).
    private var fieldIndex: [Int32] = []

    init(path: String, format: OutputFormat, name: String, crs: CRS?, fields: [Field], encoding: String?,
         geometryType: GeometryType?, mode: WriteMode) throws {
        GDALEnvironment.ensureRegistered()
        self.path = path
        self.format = format
        self.fields = fields
        let (dataset, staging, existing) = try GDALBackend.openTarget(path, format: format, layer: name, mode: mode)
        self.dataset = dataset
        self.staging = staging
        let reference = crs.flatMap(SpatialReference.make)
        srs = reference
        let type = format.singleGeometryType ? GDALBackend.ogrType(geometryType) : wkbUnknown
        let options = format.layerOptions(encoding: encoding)
        let created = existing ?? GDALEnvironment.withMutableStringList(options) { GDALDatasetCreateLayer(dataset, name, reference, type, $0) }
        guard let created else {
            let reason = GDALEnvironment.lastError("GDAL failed")
            if format == .postgis { _ = GDALDatasetRollbackTransaction(dataset) }
            GDALClose(dataset)
            if let reference { OSRDestroySpatialReference(reference) }
            staging?.discard()
            throw IOError(.write, "cannot create layer \(name): \(reason)", location: displayName(ofSource: path))
        }
        layer = created
        if existing != nil, let theirs = OGR_L_GetSpatialRef(created), let reference, OSRIsSame(theirs, reference) == 0 {
            let theirName = OSRGetName(theirs).map { String(cString: $0) } ?? "another CRS"
            discard()
            throw IOError(.write, "the layer '\(name)' is in \(theirName), the features to append are in \(crs?.description ?? "another CRS"); add --to-crs to match it",
                          location: displayName(ofSource: path))
        }
        geometryFamily = geometryType.map(GDALBackend.family)
        for field in fields {
            if existing != nil {
                let found = GDALBackend.exactIndex(of: field.name, in: layer)
                if found >= 0 {
                    fieldIndex.append(found)
                    continue
                }
            }
            let fd = OGR_Fld_Create(field.name, GDALBackend.ogrType(field.type))
            if let fd, field.type == .boolean { OGR_Fld_SetSubType(fd, OFSTBoolean) }
            let status = fd.map { OGR_L_CreateField(layer, $0, 1) } ?? OGRERR_NOT_ENOUGH_MEMORY
            if let fd { OGR_Fld_Destroy(fd) }
            if status != OGRERR_NONE {
                let reason = GDALEnvironment.lastError("GDAL failed")
                discard()
                throw IOError(.write, "cannot create field \(field.name): \(reason)", location: displayName(ofSource: path))
            }
            // Found by position, not name: a driver may launder the name (a Shapefile keeps 10
            // characters), and the new field is always the last one.
            fieldIndex.append(OGR_FD_GetFieldCount(OGR_L_GetLayerDefn(layer)) - 1)
        }
        if format != .postgis { _ = OGR_L_StartTransaction(layer) }
    }

    /// A new temporary file in a hidden folder beside `path` (for an existing GeoPackage, a
    /// copy of it, so its other layers stay), or the database in a transaction; and the
    /// existing layer to append to.
    private static func openTarget(_ path: String, format: OutputFormat, layer name: String,
                                   mode: WriteMode) throws -> (GDALDatasetH, Staging?, OGRLayerH?) {
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
            return (dataset, nil, nil)
        }
        let staging = try Staging(for: path)
        if format == .gpkg, FileManager.default.fileExists(atPath: path) {
            return try updateCopy(path, staging: staging, layer: name, mode: mode)
        }
        guard let driver = GDALGetDriverByName(format.driver) else {
            staging.discard()
            throw IOError(.format, "GDAL has no \(format.driver) driver here", location: path)
        }
        guard let dataset = GDALCreate(driver, staging.temporaryFile.path, 0, 0, 0, GDT_Unknown, nil) else {
            staging.discard()
            throw IOError(.write, "cannot create: \(GDALEnvironment.lastError("GDAL failed"))", location: path)
        }
        return (dataset, staging, nil)
    }

    /// An existing GeoPackage, copied into the staging folder and opened for update, as
    /// ogr2ogr -update does: a new layer is added; a layer of the same name is refused,
    /// replaced (`.overwrite`) or appended to (`.append`).
    private static func updateCopy(_ path: String, staging: Staging, layer name: String,
                                   mode: WriteMode) throws -> (GDALDatasetH, Staging?, OGRLayerH?) {
        do {
            try FileManager.default.copyItem(atPath: path, toPath: staging.temporaryFile.path)
        } catch {
            staging.discard()
            throw IOError(.write, "cannot copy the GeoPackage to update it: \(error.localizedDescription)", location: path)
        }
        guard let dataset = GDALOpenEx(staging.temporaryFile.path, UInt32(GDAL_OF_VECTOR | GDAL_OF_UPDATE | GDAL_OF_VERBOSE_ERROR), nil, nil, nil) else {
            staging.discard()
            throw IOError(.write, "cannot open the GeoPackage for update: \(GDALEnvironment.lastError("GDAL failed"))", location: path)
        }
        let count = GDALDatasetGetLayerCount(dataset)
        guard let index = (0..<count).first(where: { i in
            GDALDatasetGetLayer(dataset, i).flatMap { OGR_L_GetName($0) }.map { String(cString: $0) == name } ?? false
        }) else { return (dataset, staging, nil) }
        switch mode {
        case .create:
            GDALClose(dataset)
            staging.discard()
            throw IOError(.write, "the GeoPackage already has a layer '\(name)'; add --overwrite to replace it, --append to add to it, or --output-layer to name a new one",
                          location: path)
        case .overwrite:
            guard GDALDatasetDeleteLayer(dataset, index) == OGRERR_NONE else {
                let reason = GDALEnvironment.lastError("GDAL failed")
                GDALClose(dataset)
                staging.discard()
                throw IOError(.write, "cannot replace the layer '\(name)': \(reason)", location: path)
            }
            return (dataset, staging, nil)
        case .append:
            return (dataset, staging, GDALDatasetGetLayer(dataset, index))
        }
    }

    func discard() {
        if format == .postgis { _ = GDALDatasetRollbackTransaction(dataset) }
        GDALClose(dataset)
        if let srs { OSRDestroySpatialReference(srs) }
        srs = nil
        staging?.discard()
    }

    func write(_ feature: Feature, geometry: Geometry?, place: String) throws {
        guard let f = OGR_F_Create(OGR_L_GetLayerDefn(layer)) else { throw IOError(.write, "out of memory", location: place) }
        defer { OGR_F_Destroy(f) }
        for (i, field) in zip(fieldIndex, fields) { GDALBackend.set(f, i, feature[field.name]) }
        if var g = geometry {
            if format.singleGeometryType { g = try promote(g, place) }
            OGR_F_SetGeometryDirectly(f, try OGRGeometry.make(g))
        }
        GDALEnvironment.resetError()
        guard OGR_L_CreateFeature(layer, f) == OGRERR_NONE else {
            throw IOError(.write, "cannot write: \(GDALEnvironment.lastError("GDAL failed"))", location: place)
        }
    }

    func finish() throws {
        if format == .postgis {
            GDALEnvironment.resetError()
            let committed = GDALDatasetCommitTransaction(dataset) == OGRERR_NONE
            GDALClose(dataset)
            if let srs { OSRDestroySpatialReference(srs) }
            srs = nil
            guard committed else {
                throw IOError(.write, "cannot commit: \(GDALEnvironment.lastError("GDAL failed"))", location: displayName(ofSource: path))
            }
            return
        }
        _ = OGR_L_CommitTransaction(layer)
        GDALEnvironment.resetError()
        GDALClose(dataset)
        if let srs { OSRDestroySpatialReference(srs) }
        srs = nil
        guard let staging else { return }
        if CPLGetLastErrorType() == CE_Failure {
            staging.discard()
            throw IOError(.write, "cannot finish the file: \(GDALEnvironment.lastError("GDAL failed"))", location: path)
        }
        try staging.commitFiles()
    }
    /// Shapefiles hold one kind: single parts become one-part Multi*, other kinds are refused.
    private func promote(_ g: Geometry, _ place: String) throws -> Geometry {
        let family = GDALBackend.family(g.type)
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

    /// The index of the field named exactly `name` (OGR's own lookup ignores case, and the
    /// KML driver adds its own "Name" and "Description": "name" must not land in "Name").
    private static func exactIndex(of name: String, in layer: OGRLayerH) -> Int32 {
        let defn = OGR_L_GetLayerDefn(layer)
        for i in 0..<OGR_FD_GetFieldCount(defn) {
            if let fd = OGR_FD_GetFieldDefn(defn, i), let ref = OGR_Fld_GetNameRef(fd), String(cString: ref) == name { return i }
        }
        return -1
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

    static func ogrType(_ type: FieldType) -> OGRFieldType {
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

    static func set(_ f: OGRFeatureH, _ i: Int32, _ value: FieldValue) {
        switch value {
        case .null: OGR_F_SetFieldNull(f, i)
        case .integer(let v): OGR_F_SetFieldInteger64(f, i, GIntBig(v))
        case .real(let v): OGR_F_SetFieldDouble(f, i, v)
        case .string(let v): OGR_F_SetFieldString(f, i, v)
        case .boolean(let v): OGR_F_SetFieldInteger(f, i, v ? 1 : 0)
        }
    }
}
