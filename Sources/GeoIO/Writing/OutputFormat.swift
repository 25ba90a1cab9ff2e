import Foundation
import GeoCore

/// A format gmgeo writes, with the GDAL driver and options that make it right.
public enum OutputFormat: String, Sendable, CaseIterable {
    case geojson, geojsonseq, gpkg, shapefile, csv, flatgeobuf, kml
    /// A new table in a PostGIS database (`PG:` connection string).
    case postgis

    /// The format for a file name's extension (or a `PG:` connection), or nil when unknown.
    public init?(path: String) {
        if path.hasPrefix("PG:") {
            self = .postgis
            return
        }
        switch (path as NSString).pathExtension.lowercased() {
        case "geojson", "json": self = .geojson
        case "geojsonl", "geojsons", "geojsonseq", "jsonl", "ndjson": self = .geojsonseq
        case "gpkg": self = .gpkg
        case "shp": self = .shapefile
        case "csv": self = .csv
        case "fgb": self = .flatgeobuf
        case "kml": self = .kml
        default: return nil
        }
    }

    /// Parses a `--format` value: the case names, or GDAL's driver names.
    public init?(name: String) {
        let key = name.lowercased()
        if let f = OutputFormat(rawValue: key) { self = f; return }
        switch key {
        case "esri shapefile", "shp": self = .shapefile
        case "json": self = .geojson
        case "fgb": self = .flatgeobuf
        default: return nil
        }
    }

    /// GDAL's driver name.
    var driver: String {
        switch self {
        case .geojson: return "GeoJSON"
        case .geojsonseq: return "GeoJSONSeq"
        case .gpkg: return "GPKG"
        case .shapefile: return "ESRI Shapefile"
        case .csv: return "CSV"
        case .flatgeobuf: return "FlatGeobuf"
        case .kml: return "LIBKML"
        case .postgis: return "PostgreSQL"
        }
    }

    /// GeoJSON (RFC 7946), GeoJSON sequences and KML are always WGS 84 lon/lat.
    public var requiresWGS84: Bool { [.geojson, .geojsonseq, .kml].contains(self) }

    /// Formats that hold one geometry kind per layer.
    var singleGeometryType: Bool { self == .shapefile }

    /// GeoJSON text gmgeo writes itself (`GeoJSONText`); every other format goes through GDAL.
    var isGeoJSONText: Bool { self == .geojson || self == .geojsonseq }

    /// GDAL layer creation options.
    func layerOptions(encoding: String?) -> [String] {
        switch self {
        case .csv: return ["GEOMETRY=AS_WKT", "CREATE_CSVT=NO"]
        case .shapefile: return ["ENCODING=\(encoding ?? "UTF-8")"]
        // Names as given (Chinese field names included), no numeric width limits.
        case .postgis: return ["GEOMETRY_NAME=geom", "LAUNDER=NO", "PRECISION=NO"]
        case .gpkg, .flatgeobuf, .kml, .geojson, .geojsonseq: return []
        }
    }
}
