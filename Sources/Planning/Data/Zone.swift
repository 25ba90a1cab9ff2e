import GeoCore

/// A named area the analyses measure or test against: a street, an upgrade district, a
/// control zone, a green patch, a zone from the user's own layer.
public struct Zone: Sendable {
    /// Its name, as tables and reasons print it.
    public let name: String
    /// Its polygon, in the working CRS.
    public let geometry: Geometry

    /// A zone.
    public init(name: String, geometry: Geometry) {
        self.name = name
        self.geometry = geometry
    }
}
