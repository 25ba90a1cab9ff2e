import Foundation
import GeoCore
import Testing

extension GeoCoreTests {
    @Suite("Buffers, overlays and other constructions")
    struct ConstructionTests {
        @Test("buffer styles give the shapes geometry predicts")
        func bufferStyles() throws {
            let line = try Geometry(wkt: "LINESTRING (0 0, 100 0)")
            // Flat caps: exactly a 100 x 20 rectangle.
            #expect(try line.buffer(10, style: BufferStyle(cap: .flat)).area() == 2000)
            // Square caps: 120 x 20.
            #expect(try line.buffer(10, style: BufferStyle(cap: .square)).area() == 2400)
            // Round caps with n segments per quadrant: rectangle + a regular 4n-gon of radius 10.
            let n = 8.0
            let polygonArea = 2 * n * 100 * sin(.pi / (2 * n))
            #expect(abs(try line.buffer(10).area() - (2000 + polygonArea)) < 1e-9)
            // Single-sided: only the left half of the flat buffer.
            #expect(abs(try line.buffer(10, style: BufferStyle(cap: .flat, singleSided: true)).area() - 1000) < 1e-9)
            // Mitre join on a right angle keeps a square corner; bevel cuts it by half a square.
            let corner = try Geometry(wkt: "LINESTRING (0 0, 100 0, 100 100)")
            let mitre = try corner.buffer(10, style: BufferStyle(cap: .flat, join: .mitre))
            let bevel = try corner.buffer(10, style: BufferStyle(cap: .flat, join: .bevel))
            #expect(abs(try mitre.area() - bevel.area() - 50) < 1e-9)
            #expect(throws: GeometryError.self) { try line.buffer(.nan) }
            #expect(throws: GeometryError.self) { try line.buffer(1, style: BufferStyle(quadrantSegments: 0)) }
        }

        @Test("offset curve lies at the distance, on the side its sign says")
        func offsetCurve() throws {
            let left = try Geometry(wkt: "LINESTRING (0 0, 100 0)").offsetCurve(10)
            #expect(left.coordinates.allSatisfy { $0.y == 10 })
            let right = try Geometry(wkt: "LINESTRING (0 0, 100 0)").offsetCurve(-10)
            #expect(right.coordinates.allSatisfy { $0.y == -10 })
        }

        @Test("overlays of two overlapping squares")
        func overlays() throws {
            let a = try Geometry(wkt: "POLYGON ((0 0, 10 0, 10 10, 0 10, 0 0))")
            let b = try Geometry(wkt: "POLYGON ((5 5, 15 5, 15 15, 5 15, 5 5))")
            #expect(try a.intersection(b).area() == 25)
            #expect(try a.union(b).area() == 175)
            #expect(try a.difference(b).area() == 75)
            #expect(try a.symmetricDifference(b).area() == 150)
            #expect(try Geometry.unaryUnion([a, b]).area() == 175)
            // A fixed grid snaps the result to whole units.
            let c = try Geometry(wkt: "POLYGON ((0.4 0.4, 10.4 0.4, 10.4 10.4, 0.4 10.4, 0.4 0.4))")
            #expect(try c.intersection(a, gridSize: 1).area() == 100)
        }

        @Test("centroid, interior point, hull, envelope, boundary")
        func simpleConstructions() throws {
            let l = try Geometry(wkt: "POLYGON ((0 0, 10 0, 10 2, 2 2, 2 10, 0 10, 0 0))")
            // Two rectangles: 20 m² centred (5, 1) and 16 m² centred (1, 6): (116/36, 116/36).
            let c = try #require(try l.centroid().coordinates.first)
            #expect(abs(c.x - 116.0 / 36) < 1e-12 && abs(c.y - 116.0 / 36) < 1e-12)
            #expect(try l.contains(try l.pointOnSurface()))
            #expect(try l.convexHull().area() == 100 - 32)
            #expect(try l.envelopeGeometry().area() == 100)
            #expect(try l.boundary().length() == 40)
        }

        @Test("line merge, polygonize, snap, simplify, precision, make valid")
        func moreConstructions() throws {
            let parts = try Geometry(wkt: "MULTILINESTRING ((0 0, 5 0), (5 0, 10 0))")
            #expect(try parts.lineMerge().type == .lineString)
            let edges = try Geometry(wkt: "MULTILINESTRING ((0 0, 10 0), (10 0, 10 10), (10 10, 0 10), (0 10, 0 0))")
            #expect(try Geometry.polygonize(try edges.parts()).area() == 100)
            let near = try Geometry(wkt: "POINT (0.05 0)")
            #expect(try near.snapped(to: try Geometry(wkt: "POINT (0 0)"), tolerance: 0.1).coordinates == [Coordinate(0, 0)])
            let wiggly = try Geometry(wkt: "LINESTRING (0 0, 5 0.1, 10 0)")
            #expect(try wiggly.simplified(tolerance: 0.5).numberOfCoordinates == 2)
            #expect(try wiggly.simplifiedPreservingTopology(tolerance: 0.5).numberOfCoordinates == 2)
            #expect(try Geometry(wkt: "POINT (1.26 3.74)").reducedPrecision(gridSize: 0.5).coordinates == [Coordinate(1.5, 3.5)])
            let bowtie = try Geometry(wkt: "POLYGON ((0 0, 10 10, 10 0, 0 10, 0 0))")
            #expect(try !bowtie.isValid())
            let problem = try #require(try bowtie.validityProblem())
            #expect(problem.reason == "Self-intersection" && problem.location == Coordinate(5, 5))
            let repaired = try bowtie.makeValid()
            #expect(try repaired.isValid() && repaired.area() == 50)
            #expect(try Geometry(wkt: "POINT (1 1)").validityProblem() == nil)
        }
    }
}

extension GeoCoreTests {
    @Suite("Voronoi")
    struct VoronoiTests {
        @Test("two seeds split a square along their perpendicular bisector")
        func bisector() throws {
            let seeds = try Geometry(wkt: "MULTIPOINT ((2 5), (8 5))")
            let square = try Geometry(wkt: "POLYGON ((0 0, 10 0, 10 10, 0 10, 0 0))")
            let cells = try seeds.voronoiDiagram(envelope: square).parts().map { try $0.intersection(square) }
            #expect(cells.count == 2)
            #expect(try cells.map { try $0.area() } == [50, 50])
            #expect(try cells.contains { try $0.contains(try Geometry(wkt: "POINT (2 5)")) && $0.envelope?.maxX == 5 })
        }
    }
}

extension GeoCoreTests {
    @Suite("Parallel union")
    struct ParallelUnionTests {
        /// Buffered segments of a jittered grid: one polygon with many holes, like road corridors.
        static func corridors() throws -> [Geometry] {
            var lines: [Geometry] = []
            var state: UInt64 = 7
            func jitter() -> Double {
                state = state &* 6364136223846793005 &+ 1442695040888963407
                return Double(state >> 40 & 0xFFFF) / 65535 * 20 - 10
            }
            for i in 0..<30 {
                for j in 0..<30 {
                    let x = Double(i) * 100 + jitter(), y = Double(j) * 100 + jitter()
                    lines.append(try Geometry(wkt: "LINESTRING (\(x) \(y), \(x + 100) \(y + jitter()))"))
                    lines.append(try Geometry(wkt: "LINESTRING (\(x) \(y), \(x + jitter()) \(y + 100))"))
                }
            }
            return try lines.enumerated().map { try $1.buffer($0 % 7 == 0 ? 12 : 6) }
        }

        @Test("equals the serial union: area, holes, validity, no difference", arguments: [2, 3, 8])
        func equalsSerial(_ strips: Int) throws {
            let polygons = try Self.corridors()
            let serial = try Geometry.unaryUnion(polygons)
            let parallel = try Geometry.parallelUnion(polygons, strips: strips)
            #expect(try parallel.isValid())
            let (a, b) = (try parallel.area(), try serial.area())
            #expect(abs(a - b) / b < 1e-12)
            let ringsParallel: Int = parallel.polygonRings.map(\.count).reduce(0, +)
            let ringsSerial: Int = serial.polygonRings.map(\.count).reduce(0, +)
            #expect(ringsParallel == ringsSerial && ringsSerial > 100)
            let difference = try parallel.symmetricDifference(serial).area()
            #expect(difference < 1e-6)
        }

        @Test("separate islands and too few polygons still come out right")
        func edgeCases() throws {
            let islands = try (0..<40).map { try Geometry.rectangle(Envelope(minX: Double($0) * 10, minY: 0, maxX: Double($0) * 10 + 5, maxY: 5)) }
            let union = try Geometry.parallelUnion(islands, strips: 4)
            let area = try union.area()
            #expect(area == 1000 && union.numberOfGeometries == 40)
            let two = try Geometry.parallelUnion(Array(islands.prefix(2)), strips: 4)
            let twoArea = try two.area()
            #expect(twoArea == 50)
        }
    }
}
