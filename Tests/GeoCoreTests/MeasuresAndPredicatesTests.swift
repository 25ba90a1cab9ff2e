import GeoCore
import Testing

extension GeoCoreTests {
    @Suite("Measures, predicates and relate")
    struct MeasuresAndPredicatesTests {
        let square: Geometry

        init() throws {
            square = try Geometry(wkt: "POLYGON ((0 0, 10 0, 10 10, 0 10, 0 0))")
        }

        @Test("area, length and distance of known shapes")
        func measures() throws {
            #expect(try square.area() == 100)
            #expect(try square.length() == 40)
            let line = try Geometry(wkt: "LINESTRING (0 0, 3 4)")
            #expect(try line.length() == 5)
            #expect(try square.distance(to: try Geometry(wkt: "POINT (13 14)")) == 5)
            #expect(try square.hausdorffDistance(to: try Geometry(wkt: "POLYGON ((0 0, 10 0, 10 12, 0 12, 0 0))")) == 2)
            let (p, q) = try square.nearestPoints(to: try Geometry(wkt: "POINT (15 5)"))
            #expect(p == Coordinate(10, 5) && q == Coordinate(15, 5))
            // Convention: GEOS gives 0 for the distance to an empty geometry (Shapely NaN).
            #expect(try square.distance(to: try Geometry(wkt: "POINT EMPTY")) == 0)
        }

        @Test("predicates on a point inside, on the edge and outside")
        func predicates() throws {
            let inside = try Geometry(wkt: "POINT (5 5)"), edge = try Geometry(wkt: "POINT (10 5)"), outside = try Geometry(wkt: "POINT (11 5)")
            #expect(try square.contains(inside) && !square.contains(edge) && !square.contains(outside))
            #expect(try square.covers(edge) && square.intersects(edge) && square.touches(edge))
            #expect(try inside.within(square) && edge.coveredBy(square) && !edge.within(square))
            #expect(try square.disjoint(outside))
            #expect(try square.isWithinDistance(outside, 1) && !square.isWithinDistance(outside, 0.999))
            let crossing = try Geometry(wkt: "LINESTRING (-5 5, 15 5)")
            #expect(try crossing.crosses(square))
            let overlapping = try Geometry(wkt: "POLYGON ((5 5, 15 5, 15 15, 5 15, 5 5))")
            #expect(try overlapping.overlaps(square))
            let reordered = try Geometry(wkt: "POLYGON ((10 10, 0 10, 0 0, 10 0, 10 10))")
            #expect(try reordered.equalsTopologically(square) && !reordered.equalsExact(square))
            #expect(try reordered.normalized().equalsExact(try square.normalized()))
            #expect(try Geometry(wkt: "POINT (0 0.0004)").equalsExact(try Geometry(wkt: "POINT (0 0)"), tolerance: 0.001))
        }

        @Test("relate gives the DE-9IM matrix and matches patterns")
        func relate() throws {
            let point = try Geometry(wkt: "POINT (5 5)")
            #expect(try point.relate(square).value == "0FFFFF212")
            #expect(try point.relate(square, pattern: "T*F**F***"))  // within
            #expect(try point.relate(square).matches("0FFFFF212"))
            #expect(throws: GeometryError.self) { try point.relate(square, pattern: "XYZ") }
        }
    }
}
