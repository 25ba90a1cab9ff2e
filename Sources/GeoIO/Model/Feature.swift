import GeoCore

/// A feature: an optional geometry and attribute values keyed by field name.
public struct Feature: Sendable {
    /// The source's feature id, when it has one.
    public var id: Int64?
    /// The geometry, in the layer's CRS (nil for features without geometry).
    public var geometry: Geometry?
    /// Attribute values by field name; missing names read as `.null`.
    public var properties: [String: FieldValue]

    /// Creates a feature.
    public init(id: Int64? = nil, geometry: Geometry?, properties: [String: FieldValue] = [:]) {
        self.id = id
        self.geometry = geometry
        self.properties = properties
    }

    /// The value of field `name`, `.null` when absent.
    public subscript(name: String) -> FieldValue {
        get { properties[name] ?? .null }
        set { properties[name] = newValue }
    }
}

extension Feature {
    /// The attributes that name a feature, in the order they are tried.
    public static let nameFields = ["name_zh", "name", "name_en", "NAME", "名称", "项目名称", "名字"]

    /// The feature's display name: its first name attribute, else "feature <id or index>".
    public func displayName(index: Int? = nil) -> String {
        for key in Feature.nameFields where !self[key].isNull { return self[key].description }
        return "feature \(id.map(String.init) ?? index.map(String.init) ?? "?")"
    }
}
