import CPROJ

/// Areas and lengths of longitude/latitude geometries measured on the ellipsoid
/// (PROJ's geodesic routines, Karney 2013), so nothing is ever reported in square degrees.
public struct Geodesic: Sendable {
    /// Semi-major axis in metres and flattening.
    public let a: Double, f: Double

    /// An ellipsoid by its semi-major axis (m) and flattening.
    public init(a: Double, f: Double) {
        self.a = a
        self.f = f
    }

    /// The WGS 84 ellipsoid.
    public static let wgs84 = Geodesic(a: 6378137, f: 1 / 298.257223563)
    /// The CGCS2000 ellipsoid (differs from WGS 84 by 0.1 mm in the semi-minor axis).
    public static let cgcs2000 = Geodesic(a: 6378137, f: 1 / 298.257222101)

    /// Area in m² of the polygons of a lon/lat geometry (holes subtracted); 0 for points and lines.
    public func area(of geometry: Geometry) -> Double {
        var g = geod_geodesic()
        geod_init(&g, a, f)
        var total = 0.0
        for polygon in geometry.polygonRings {
            for (ringIndex, ring) in polygon.enumerated() {
                var lats = ring.map(\.y), lons = ring.map(\.x)
                var area = 0.0, perimeter = 0.0
                geod_polygonarea(&g, &lats, &lons, Int32(ring.count), &area, &perimeter)
                total += ringIndex == 0 ? abs(area) : -abs(area)
            }
        }
        return total
    }

    /// Length in metres of the lines of a lon/lat geometry, or the perimeter of its polygons.
    public func length(of geometry: Geometry) -> Double {
        var g = geod_geodesic()
        geod_init(&g, a, f)
        var total = 0.0
        for sequence in geometry.coordinateSequences where sequence.count > 1 {
            for i in 1..<sequence.count {
                var s12 = 0.0
                geod_inverse(&g, sequence[i - 1].y, sequence[i - 1].x, sequence[i].y, sequence[i].x, &s12, nil, nil)
                total += s12
            }
        }
        return total
    }

    /// The distance in metres between two lon/lat points along the ellipsoid.
    public func distance(_ p: Coordinate, _ q: Coordinate) -> Double {
        var g = geod_geodesic()
        geod_init(&g, a, f)
        var s12 = 0.0
        geod_inverse(&g, p.y, p.x, q.y, q.x, &s12, nil, nil)
        return s12
    }
}
