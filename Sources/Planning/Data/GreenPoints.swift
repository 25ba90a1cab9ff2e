import Foundation
import GeoCore
import GeoIO

/// Green spaces known only by a position and an area (a park of the official list that no map
/// outlines): every analysis uses the same stand-in, a circle of that area around the point,
/// marked approximate, so service, network, validation and maps agree on what the park is.
public enum GreenPoints {
    /// The field holding a point's area in hectares.
    public static let areaField = "area_ha"
    /// The field that marks a circle stand-in (null for a real outline).
    public static let outlineField = "outline"
    /// The value of `outlineField` on a stand-in.
    public static let approximate = "approximate: circle of area_ha around a position"
    /// What a stand-in's zone name ends with, so reasons resting on it say so.
    public static let approximateSuffix = " (approximate: circle of its listed area)"
    /// Segments of the circle: the radius is set so that the polygon's area is area_ha exactly.
    static let segments = 32

    /// `layer` (metric CRS) with each point feature replaced by its circle.
    /// - Throws: `IOError` naming the feature when a point has no positive area_ha: a green
    ///   space of unknown size cannot count for anything, and dropping it would be silent.
    public static func circles(_ layer: Layer, location: String? = nil) throws -> Layer {
        guard layer.features.contains(where: { $0.geometry.map(isPoint) ?? false }) else { return layer }
        var copy = layer
        if copy.field(outlineField) == nil { copy.fields.append(Field(outlineField, .string)) }
        for i in copy.features.indices {
            guard let g = copy.features[i].geometry, isPoint(g) else { continue }
            let f = copy.features[i]
            // One area for several points says nothing of each park's size.
            guard g.type == .point else {
                throw IOError(.geometry, "green feature \(f.id.map(String.init) ?? String(i)) (\(f.displayName())) is a multi-point: give each park its own point and area_ha",
                              location: location ?? layer.name)
            }
            guard let hectares = f[areaField].number, hectares > 0, hectares.isFinite else {
                throw IOError(.geometry, "green feature \(f.id.map(String.init) ?? String(i)) (\(f.displayName())) is a point without a positive \(areaField): gmgeo counts a point park as a circle of its area, so it needs the area (in hectares) or an outline",
                              location: location ?? layer.name)
            }
            copy.features[i].geometry = try circle(g, area: hectares * 10_000)
            copy.features[i].properties[outlineField] = .string(approximate)
        }
        return copy
    }

    /// The green features as zones, a circle stand-in named as such so a verdict that rests
    /// on it says the outline is approximate.
    public static func zones(_ layer: Layer) -> [Zone] {
        layer.features.compactMap { f in
            f.geometry.map { g in
                Zone(name: PlanningData.name(f) + (f[outlineField] == .string(approximate) ? approximateSuffix : ""), geometry: g)
            }
        }
    }

    /// A circle (a regular polygon of `segments` sides) of `area` m² around each point of `g`.
    static func circle(_ g: Geometry, area: Double) throws -> Geometry {
        let n = Double(segments)
        let radius = (2 * area / (n * sin(2 * .pi / n))).squareRoot()
        var style = BufferStyle.default
        style.quadrantSegments = segments / 4
        return try g.buffer(radius, style: style)
    }

    private static func isPoint(_ g: Geometry) -> Bool { g.type == .point || g.type == .multiPoint }
}
