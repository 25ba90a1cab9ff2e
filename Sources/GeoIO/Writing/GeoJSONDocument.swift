import GeoCore

/// GeoJSON text of a whole layer in memory, for pages that embed their data (the web map);
/// files go through `LayerWriter`, which streams and writes atomically.
public enum GeoJSONDocument {
    /// One FeatureCollection in lon/lat (EPSG:4326), coordinates to `decimals` places, the
    /// layer's fields in order, on one line per feature.
    /// - Throws: `IOError` naming the feature whose geometry cannot be transformed or written.
    public static func featureCollection(_ layer: Layer, decimals: Int) throws -> String {
        let wgs84 = try layer.reprojected(to: .wgs84)
        let encoder = GeoJSONText(decimals: decimals, fields: wgs84.fields)
        var out = Array(#"{"type":"FeatureCollection","features":["#.utf8)
        for (i, feature) in wgs84.features.enumerated() {
            out.append(contentsOf: (i == 0 ? "\n" : ",\n").utf8)
            do {
                try encoder.append(feature, geometry: feature.geometry, to: &out)
            } catch {
                throw IOError(.write, "cannot write the geometry: \(error)", location: "\(layer.name), \(feature.displayName(index: i))")
            }
        }
        out.append(contentsOf: "\n]}".utf8)
        return String(decoding: out, as: UTF8.self)
    }
}
