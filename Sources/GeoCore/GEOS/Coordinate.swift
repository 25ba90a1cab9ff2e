/// A position: x = easting or longitude, y = northing or latitude, z optional (NaN when absent).
public struct Coordinate: Hashable, Sendable, CustomStringConvertible {
    /// Easting or longitude.
    public var x: Double
    /// Northing or latitude.
    public var y: Double
    /// Height, NaN when absent.
    public var z: Double

    /// Creates a 2D or 3D coordinate.
    public init(_ x: Double, _ y: Double, _ z: Double = .nan) {
        self.x = x
        self.y = y
        self.z = z
    }

    /// True when x and y (and z when present) are finite numbers.
    public var isFinite: Bool { x.isFinite && y.isFinite && (z.isNaN || z.isFinite) }

    /// "x y" or "x y z", numbers in their shortest exact form.
    public var description: String {
        let xy = "\(x.shortDescription) \(y.shortDescription)"
        return z.isNaN ? xy : "\(xy) \(z.shortDescription)"
    }

    /// Equal x, y and z (two NaN z count as equal).
    public static func == (a: Coordinate, b: Coordinate) -> Bool {
        a.x == b.x && a.y == b.y && (a.z == b.z || (a.z.isNaN && b.z.isNaN))
    }

    /// Hashes x and y.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(x)
        hasher.combine(y)
    }
}

/// An axis-aligned bounding box in the geometry's CRS.
public struct Envelope: Hashable, Sendable, CustomStringConvertible {
    /// The corners.
    public var minX: Double, minY: Double, maxX: Double, maxY: Double

    /// Creates an envelope from its corners.
    public init(minX: Double, minY: Double, maxX: Double, maxY: Double) {
        self.minX = minX
        self.minY = minY
        self.maxX = maxX
        self.maxY = maxY
    }

    /// Extent along x.
    public var width: Double { maxX - minX }
    /// Extent along y.
    public var height: Double { maxY - minY }

    /// True when the boxes share at least one point.
    public func intersects(_ other: Envelope) -> Bool {
        minX <= other.maxX && other.minX <= maxX && minY <= other.maxY && other.minY <= maxY
    }

    /// Longitudes -180...180 and latitudes -90...90: where lon/lat coordinates can lie.
    public static let lonLatRanges = Envelope(minX: -180, minY: -90, maxX: 180, maxY: 90)

    /// True when this box lies inside `other` (edges included).
    public func isWithin(_ other: Envelope) -> Bool {
        minX >= other.minX && maxX <= other.maxX && minY >= other.minY && maxY <= other.maxY
    }

    /// True when the point lies in the box or on its edge.
    public func contains(x: Double, y: Double) -> Bool {
        x >= minX && x <= maxX && y >= minY && y <= maxY
    }

    /// The smallest envelope holding both.
    public func union(_ other: Envelope) -> Envelope {
        Envelope(minX: Swift.min(minX, other.minX), minY: Swift.min(minY, other.minY),
                 maxX: Swift.max(maxX, other.maxX), maxY: Swift.max(maxY, other.maxY))
    }

    /// The envelope grown by `distance` on every side.
    public func expanded(by distance: Double) -> Envelope {
        Envelope(minX: minX - distance, minY: minY - distance, maxX: maxX + distance, maxY: maxY + distance)
    }

    /// "[minX, minY, maxX, maxY]".
    public var description: String { "[\(minX), \(minY), \(maxX), \(maxY)]" }
}

extension Double {
    /// The shortest text that reads back to this value, without a trailing ".0".
    public var shortDescription: String {
        if isNaN { return "NaN" }
        if self == rounded(), abs(self) < 1e15 { return String(Int64(self)) }
        return "\(self)"
    }
}
