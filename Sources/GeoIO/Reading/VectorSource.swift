import CGDAL
import Foundation
import GeoCore

/// An open vector source (file, folder or `PG:` connection) read through GDAL/OGR.
///
/// Not `Sendable`: a GDAL dataset must be used by one thread at a time.
public final class VectorSource {
    /// The path or connection string it was opened with.
    public let path: String
    /// GDAL's short driver name, e.g. "GeoJSON", "ESRI Shapefile", "GPKG".
    public let driver: String
    /// Notes for the user (e.g. "no CRS, assuming EPSG:4326"), to print on stderr.
    public private(set) var warnings: [String] = []
    let options: ReadOptions
    let dataset: GDALDatasetH

    /// Opens `path` for reading.
    /// - Throws: `IOError.open` naming the file and GDAL's reason.
    public init(_ path: String, options: ReadOptions = ReadOptions()) throws(IOError) {
        GDALEnvironment.ensureRegistered()
        self.path = path
        self.options = options
        let isConnection = path.hasPrefix("PG:")
        if !isConnection, !FileManager.default.fileExists(atPath: path) {
            throw IOError(.open, "no such file", location: path)
        }
        let ext = (path as NSString).pathExtension.lowercased()
        var openOptions: [String] = []
        var allowed: [String] = []
        if ext == "csv" {
            // Lon/lat or WKT columns under the names phone apps and spreadsheets use.
            allowed = ["CSV"]
            openOptions = ["X_POSSIBLE_NAMES=lon,lng,long,longitude,x,经度", "Y_POSSIBLE_NAMES=lat,latitude,y,纬度",
                           "GEOM_POSSIBLE_NAMES=wkt,geometry,geom,the_geom", "KEEP_GEOM_COLUMNS=NO", "AUTODETECT_TYPE=YES"]
        }
        if let encoding = options.encoding, ["shp", "dbf"].contains(ext) || FileManager.default.isDirectory(path) {
            openOptions.append("ENCODING=\(encoding)")
        }
        GDALEnvironment.resetError()
        let handle = GDALEnvironment.withStringList(allowed) { drivers in
            GDALEnvironment.withStringList(openOptions) { opts in
                GDALOpenEx(path, UInt32(GDAL_OF_VECTOR | GDAL_OF_READONLY | GDAL_OF_VERBOSE_ERROR), drivers, opts, nil)
            }
        }
        guard let handle else {
            throw IOError(.open, "cannot open as a vector source: \(GDALEnvironment.lastError("no GDAL driver recognises it"))",
                          location: displayName(ofSource: path))
        }
        dataset = handle
        driver = GDALGetDatasetDriver(handle).flatMap { GDALGetDriverShortName($0) }.map { String(cString: $0) } ?? "unknown"
    }

    deinit { GDALClose(dataset) }

    /// The names of the source's layers, in order.
    public var layerNames: [String] {
        (0..<GDALDatasetGetLayerCount(dataset)).compactMap { i in
            GDALDatasetGetLayer(dataset, i).flatMap { OGR_L_GetName($0) }.map { String(cString: $0) }
        }
    }

    /// The OGR layer for `name` (the first one when nil).
    func ogrLayer(_ name: String?) throws(IOError) -> OGRLayerH {
        if let name {
            guard let layer = GDALDatasetGetLayerByName(dataset, name) else {
                throw IOError(.unknownLayer, "no layer '\(name)'; layers: \(layerNames.joined(separator: ", "))", location: displayName(ofSource: path))
            }
            return layer
        }
        guard GDALDatasetGetLayerCount(dataset) > 0, let layer = GDALDatasetGetLayer(dataset, 0) else {
            throw IOError(.empty, "the source has no layers", location: displayName(ofSource: path))
        }
        return layer
    }

    /// A reader that streams the features of `layer` one at a time.
    public func reader(layer name: String? = nil) throws -> FeatureReader {
        let layer = try ogrLayer(name ?? options.layer)
        let reader = try FeatureReader(source: self, layer: layer)
        warnings += reader.warnings
        return reader
    }

    /// Reads a whole layer into memory.
    public func readLayer(_ name: String? = nil) throws -> Layer {
        let reader = try reader(layer: name)
        var features: [Feature] = []
        while let f = try reader.next() { features.append(f) }
        return Layer(name: reader.name, crs: reader.crs, fields: reader.fields, features: features)
    }
}

extension FileManager {
    func isDirectory(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
    }
}
