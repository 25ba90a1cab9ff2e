import GeoCore

/// Which features of a layer have invalid geometries, and why.
public struct ValidityReport: Sendable {
    /// One invalid feature: its index in the layer, its id, and GEOS's reason and place.
    public struct Entry: Sendable, CustomStringConvertible {
        /// The feature's index in the layer.
        public let index: Int
        /// The feature's id, when it has one.
        public let id: Int64?
        /// GEOS's reason and the place it found.
        public let problem: ValidityProblem
        /// "reason at x y".
        public var description: String { "feature \(id.map(String.init) ?? String(index)): \(problem)" }
    }

    /// The invalid features, in layer order.
    public let invalid: [Entry]
    /// Features without a geometry.
    public let missingGeometry: Int

    /// True when every geometry is valid.
    public var isClean: Bool { invalid.isEmpty }
}

extension Layer {
    /// Checks every geometry against the OGC rules.
    public func validityReport() throws -> ValidityReport {
        var invalid: [ValidityReport.Entry] = []
        var missing = 0
        for (i, f) in features.enumerated() {
            guard let g = f.geometry else {
                missing += 1
                continue
            }
            if let problem = try g.validityProblem() {
                invalid.append(.init(index: i, id: f.id, problem: problem))
            }
        }
        return ValidityReport(invalid: invalid, missingGeometry: missing)
    }

    /// The layer with invalid geometries repaired by GEOS's makeValid; returns how many changed.
    public func madeValid() throws -> (layer: Layer, repaired: Int) {
        var copy = self
        var repaired = 0
        for i in copy.features.indices {
            guard let g = copy.features[i].geometry, try !g.isValid() else { continue }
            copy.features[i].geometry = try g.makeValid()
            repaired += 1
        }
        return (copy, repaired)
    }
}
