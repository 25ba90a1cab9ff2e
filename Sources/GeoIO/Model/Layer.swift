import GeoCore

/// A layer: a name, a CRS, typed fields and features, all in memory.
public struct Layer: Sendable {
    /// The layer's name.
    public var name: String
    /// The CRS of the geometries (nil only while a source's CRS is being decided).
    public var crs: CRS?
    /// The attribute fields, in order.
    public var fields: [Field]
    /// The features, in source order.
    public var features: [Feature]

    /// Creates a layer.
    public init(name: String, crs: CRS?, fields: [Field], features: [Feature]) {
        self.name = name
        self.crs = crs
        self.fields = fields
        self.features = features
    }

    /// The box around every geometry, or nil when there are none.
    public var extent: Envelope? {
        features.compactMap { $0.geometry?.envelope }.reduce(nil) { (sum: Envelope?, next: Envelope) in
            sum.map { $0.union(next) } ?? next
        }
    }

    /// The field named `name`, or nil.
    public func field(_ name: String) -> Field? { fields.first { $0.name == name } }

    /// Throws `IOError.unknownField` naming the layer's fields when `name` is not one of them.
    public func requireField(_ name: String) throws(IOError) -> Field {
        guard let f = field(name) else {
            throw IOError(.unknownField, "no field '\(name)' in layer \(self.name); fields: \(fields.map(\.name).joined(separator: ", "))")
        }
        return f
    }

    /// The same layer with every geometry transformed to `target`.
    /// - Throws: `CRSError` naming the feature that cannot be transformed.
    public func reprojected(to target: CRS) throws -> Layer {
        guard let crs else { throw IOError(.noCRS, "layer \(name) has no CRS to transform from") }
        if crs == target { return self }
        let transformer = try Transformer.shared(from: crs, to: target)
        var copy = self
        copy.crs = target
        for i in copy.features.indices {
            guard let g = copy.features[i].geometry else { continue }
            do {
                copy.features[i].geometry = try transformer.transform(g)
            } catch {
                throw error.at("feature \(features[i].id.map(String.init) ?? String(i))")
            }
        }
        return copy
    }
}
