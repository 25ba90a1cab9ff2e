import CGDAL
import Foundation
import GeoCore

/// Writes layers through GDAL, always to a temporary file beside the target that is renamed
/// into place at the end: a failure never leaves a half-written file, and an existing
/// output is replaced only by a complete one.
public struct LayerWriter {
    /// The format to write.
    public var format: OutputFormat
    /// Shapefile attribute encoding (e.g. "GBK"); UTF-8 when nil.
    public var encoding: String?
    /// Decimal places of GeoJSON coordinates (RFC 7946 suggests 7: about 1 cm).
    public var decimals = 7

    /// A writer for `format`.
    public init(format: OutputFormat, encoding: String? = nil) {
        self.format = format
        self.encoding = encoding
    }

    /// Writes `layer` to `path`. GeoJSON and KML are written in EPSG:4326 (the layer is
    /// transformed first); other formats keep the layer's CRS.
    /// - Throws: `IOError` naming the file (and feature) when anything fails; nothing is left behind.
    public func write(_ layer: Layer, to path: String) throws {
        GDALEnvironment.ensureRegistered()
        var layer = layer
        if format.requiresWGS84, let crs = layer.crs, crs != .wgs84 {
            layer = try layer.reprojected(to: .wgs84)
        }
        let target = URL(fileURLWithPath: path)
        let folder = target.deletingLastPathComponent()
        let staging = folder.appendingPathComponent(".gmgeo-\(UUID().uuidString)")
        do {
            try FileManager.default.createDirectory(at: staging, withIntermediateDirectories: true)
        } catch {
            throw IOError(.write, "cannot create a file in \(folder.path): \(error.localizedDescription)", location: path)
        }
        defer { try? FileManager.default.removeItem(at: staging) }
        let temporary = staging.appendingPathComponent(target.lastPathComponent).path
        try writeDataset(layer, to: temporary, reportAs: path)
        // Move every file the driver made (a Shapefile makes several) into place.
        let made = (try? FileManager.default.contentsOfDirectory(atPath: staging.path)) ?? []
        for name in made {
            let destination = folder.appendingPathComponent(name)
            let source = staging.appendingPathComponent(name)
            if rename(source.path, destination.path) != 0 {
                throw IOError(.write, "cannot move the finished file into place: \(String(cString: strerror(errno)))", location: destination.path)
            }
        }
    }

    private func writeDataset(_ layer: Layer, to path: String, reportAs location: String) throws {
        guard let driver = GDALGetDriverByName(format.driver) else {
            throw IOError(.format, "GDAL has no \(format.driver) driver here", location: location)
        }
        GDALEnvironment.resetError()
        guard let dataset = GDALCreate(driver, path, 0, 0, 0, GDT_Unknown, nil) else {
            throw IOError(.write, "cannot create: \(GDALEnvironment.lastError("GDAL failed"))", location: location)
        }
        var closed = false
        defer { if !closed { GDALClose(dataset) } }
        let srs = layer.crs.flatMap(SpatialReference.make)
        defer { if let srs { OSRDestroySpatialReference(srs) } }
        let geometryType = try ogrGeometryType(layer, location)
        let options = format.layerOptions(encoding: encoding, decimals: decimals)
        guard let ogrLayer = GDALEnvironment.withMutableStringList(options, { opts in
            GDALDatasetCreateLayer(dataset, layer.name, srs, geometryType, opts)
        }) else {
            throw IOError(.write, "cannot create layer \(layer.name): \(GDALEnvironment.lastError("GDAL failed"))", location: location)
        }
        for field in layer.fields {
            guard let fd = OGR_Fld_Create(field.name, LayerWriter.ogrType(field.type)) else { continue }
            if field.type == .boolean { OGR_Fld_SetSubType(fd, OFSTBoolean) }
            let status = OGR_L_CreateField(ogrLayer, fd, 1)
            OGR_Fld_Destroy(fd)
            guard status == OGRERR_NONE else {
                throw IOError(.write, "cannot create field \(field.name): \(GDALEnvironment.lastError("GDAL failed"))", location: location)
            }
        }
        _ = OGR_L_StartTransaction(ogrLayer)
        let defn = OGR_L_GetLayerDefn(ogrLayer)
        for (index, feature) in layer.features.enumerated() {
            guard let f = OGR_F_Create(defn) else { throw IOError(.write, "out of memory", location: location) }
            defer { OGR_F_Destroy(f) }
            for (i, field) in layer.fields.enumerated() {
                LayerWriter.set(f, Int32(i), feature[field.name])
            }
            if let g = feature.geometry {
                OGR_F_SetGeometryDirectly(f, try OGRGeometry.make(format.singleGeometryType ? try promoted(g) : g))
            }
            GDALEnvironment.resetError()
            guard OGR_L_CreateFeature(ogrLayer, f) == OGRERR_NONE else {
                throw IOError(.write, "cannot write: \(GDALEnvironment.lastError("GDAL failed"))",
                              location: "\(location): feature \(feature.id.map(String.init) ?? String(index))")
            }
        }
        _ = OGR_L_CommitTransaction(ogrLayer)
        closed = true
        GDALEnvironment.resetError()
        GDALClose(dataset)
        if CPLGetLastErrorType() == CE_Failure {
            throw IOError(.write, "cannot finish the file: \(GDALEnvironment.lastError("GDAL failed"))", location: location)
        }
    }

    /// The OGR layer type: the layer's single kind for Shapefile (Multi* so parts can mix).
    private func ogrGeometryType(_ layer: Layer, _ location: String) throws -> OGRwkbGeometryType {
        guard format.singleGeometryType else { return wkbUnknown }
        let kinds = Set(layer.features.compactMap { $0.geometry.map { LayerWriter.family($0.type) } })
        guard kinds.count <= 1 else {
            throw IOError(.format, "a Shapefile holds one kind of geometry, but this layer has \(kinds.sorted().joined(separator: ", ")); write GeoPackage or GeoJSON instead",
                          location: location)
        }
        switch kinds.first {
        case "point": return wkbMultiPoint
        case "line": return wkbMultiLineString
        case "polygon": return wkbMultiPolygon
        default: return wkbUnknown
        }
    }

    /// Single geometries become one-part Multi* so a Shapefile layer has one type.
    private func promoted(_ g: Geometry) throws -> Geometry {
        switch g.type {
        case .point, .lineString, .polygon: return try Geometry.collection([g])
        default: return g
        }
    }

    private static func family(_ type: GeometryType) -> String {
        switch type {
        case .point, .multiPoint: return "point"
        case .lineString, .linearRing, .multiLineString: return "line"
        case .polygon, .multiPolygon: return "polygon"
        case .geometryCollection: return "collection"
        }
    }

    private static func ogrType(_ type: FieldType) -> OGRFieldType {
        switch type {
        case .integer, .boolean: return type == .boolean ? OFTInteger : OFTInteger64
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
