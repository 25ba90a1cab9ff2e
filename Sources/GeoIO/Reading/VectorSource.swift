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
    public internal(set) var warnings: [String] = []
    /// How many features the layer read last holds before its --where filter (nil without one).
    public internal(set) var featuresBeforeFilter: Int?
    let options: ReadOptions
    let dataset: GDALDatasetH

    /// Opens `path` for reading. A CSV is read by gmgeo itself (`TableRows`: encoding,
    /// coordinate columns and bad rows decided the same way everywhere); a JSON file holding
    /// a bare array of Features (DataV exports) reads as a FeatureCollection.
    /// - Throws: `IOError.open` naming the file, what was found and what would work.
    public init(_ path: String, options: ReadOptions = ReadOptions()) throws {
        GDALEnvironment.ensureRegistered()
        self.path = path
        self.options = options
        let isConnection = path.hasPrefix("PG:")
        if !isConnection, !FileManager.default.fileExists(atPath: path) {
            throw IOError(.open, "no such file", location: path)
        }
        let ext = (path as NSString).pathExtension.lowercased()
        if ["csv", "tsv"].contains(ext) {
            let table = try TableRows(path: path, options: options)
            dataset = try MemoryDataset.make(name: ((path as NSString).lastPathComponent as NSString).deletingPathExtension, table: table)
            driver = "CSV"
            if case .skip(let rejects) = options.badRows, !table.rejected.isEmpty {
                try table.writeRejects(to: rejects)
                warnings.append(TableRows.skippedNote(table.rejected, path: path, rejects: rejects))
            }
            return
        }
        var openPath = isConnection ? QueryWatchdog.limited(connection: path) : path
        if !isConnection, ["json", "geojson"].contains(ext), let array = DataVArray.wrapped(path) {
            memoryFile = array
            openPath = array
        }
        var openOptions: [String] = []
        if let encoding = options.encoding, ["shp", "dbf"].contains(ext) || FileManager.default.isDirectory(path) {
            openOptions.append("ENCODING=\(encoding)")
        }
        GDALEnvironment.resetError()
        let handle = GDALEnvironment.withStringList(openOptions) { opts in
            GDALOpenEx(openPath, UInt32(GDAL_OF_VECTOR | GDAL_OF_READONLY | GDAL_OF_VERBOSE_ERROR), nil, opts, nil)
        }
        guard let handle else {
            let reason = GDALEnvironment.lastError("no GDAL driver recognises it")
            if let memoryFile { VSIUnlink(memoryFile) }
            throw IOError(.open, isConnection ? "cannot open the database: \(reason)" : SourceSniffer.explain(path, gdalReason: reason),
                          location: displayName(ofSource: path))
        }
        dataset = handle
        driver = GDALGetDatasetDriver(handle).flatMap { GDALGetDriverShortName($0) }.map { String(cString: $0) } ?? "unknown"
    }

    /// A /vsimem/ copy of the source that GDAL reads instead (DataV arrays), removed on close.
    private var memoryFile: String?

    deinit {
        GDALClose(dataset)
        if let memoryFile { VSIUnlink(memoryFile) }
    }

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
