import Foundation

/// What a file GDAL cannot open actually is, and what would work: a planner gets "an
/// Excel workbook: save it as CSV" rather than a driver list.
enum SourceSniffer {
    /// One line: what was found and the fix.
    static func explain(_ path: String, gdalReason: String) -> String {
        let ext = (path as NSString).pathExtension.lowercased()
        let reads = "gmgeo reads GeoJSON, GeoPackage, Shapefile, CSV with lon/lat or WKT columns, KML, DXF, DWG, FlatGeobuf and PostGIS"
        if FileManager.default.isDirectory(path) {
            return "a folder GDAL cannot read as a vector source (\(gdalReason)); name a file in it"
        }
        guard let handle = FileHandle(forReadingAtPath: path) else { return "cannot read the file (no permission)" }
        let head = Array((try? handle.read(upToCount: 512)) ?? Data())
        try? handle.close()
        if head.isEmpty { return "the file is empty" }
        if head.starts(with: [0x50, 0x4B, 0x03, 0x04]) {
            if ["xlsx", "xlsm"].contains(ext) { return "an Excel workbook, not a table gmgeo reads: in Excel, save it as \"CSV UTF-8\" and read the .csv" }
            return "a ZIP archive: unzip it, or name a file inside as /vsizip/\(path)/NAME"
        }
        if head.starts(with: [0xD0, 0xCF, 0x11, 0xE0]) {
            return "an old Excel (.xls) or Office file: in Excel, save it as \"CSV UTF-8\" and read the .csv"
        }
        let text = String(decoding: head, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
        if text.hasPrefix("<!doctype html") || text.hasPrefix("<html") {
            return "a web page, not geodata (a download that failed or needs a login?)"
        }
        if text.hasPrefix("{") || text.hasPrefix("[") {
            return "JSON that is not GeoJSON (\(gdalReason)); gmgeo reads a FeatureCollection, a Feature, a geometry, or a bare array of Features as DataV writes"
        }
        if ext == "shp" {
            let base = (path as NSString).deletingPathExtension
            let missing = ["shx", "dbf"].filter { !FileManager.default.fileExists(atPath: "\(base).\($0)") }
            if !missing.isEmpty { return "a Shapefile needs its \(missing.map { ".\($0)" }.joined(separator: " and ")) beside it; copy the whole set" }
        }
        return "not a format gmgeo can read (GDAL: \(gdalReason)); \(reads)"
    }
}
