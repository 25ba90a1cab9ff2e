import GeoCore

/// Writes whole layers; see `FeatureSink` for the temporary-file-and-rename guarantee.
public struct LayerWriter {
    /// The format to write.
    public var format: OutputFormat
    /// Shapefile attribute encoding (e.g. "GBK"); UTF-8 when nil.
    public var encoding: String?
    /// Decimal places of GeoJSON coordinates (RFC 7946 suggests 7: about 1 cm).
    public var decimals = 7
    /// What to do with a same-named layer in an existing GeoPackage.
    public var mode = WriteMode.create

    /// A writer for `format`.
    public init(format: OutputFormat, encoding: String? = nil) {
        self.format = format
        self.encoding = encoding
    }

    /// Writes `layer` to `path`. GeoJSON, GeoJSONSeq and KML are written in EPSG:4326;
    /// other formats keep the layer's CRS.
    /// - Throws: `IOError` naming the file (and feature); nothing is left behind.
    public func write(_ layer: Layer, to path: String) throws {
        let firstType = layer.features.lazy.compactMap { $0.geometry?.type }.first
        let sink = try FeatureSink(path: path, format: format, name: layer.name, crs: layer.crs, fields: layer.fields,
                                   encoding: encoding, decimals: decimals, geometryType: firstType, mode: mode)
        for feature in layer.features { try sink.write(feature) }
        try sink.finish()
    }
}
