import GeoCore
import Testing

extension GeoCoreTests {
    @Suite("Prepared geometries and the STRtree")
    struct IndexTests {
        /// A 10 x 10 grid of unit squares with lower-left corners at (2i, 2j).
        static func grid() throws -> [Geometry] {
            var squares: [Geometry] = []
            for j in 0..<10 {
                for i in 0..<10 {
                    squares.append(try Geometry.rectangle(Envelope(minX: Double(2 * i), minY: Double(2 * j),
                                                                   maxX: Double(2 * i + 1), maxY: Double(2 * j + 1))))
                }
            }
            return squares
        }

        @Test("prepared predicates agree with plain ones")
        func prepared() throws {
            let polygon = try Geometry(wkt: "POLYGON ((0 0, 10 0, 10 10, 0 10, 0 0), (4 4, 6 4, 6 6, 4 6, 4 4))")
            let prepared = try PreparedGeometry(polygon)
            for wkt in ["POINT (1 1)", "POINT (5 5)", "POINT (10 5)", "LINESTRING (-1 5, 11 5)", "POLYGON ((4 4, 6 4, 6 6, 4 6, 4 4))"] {
                let g = try Geometry(wkt: wkt)
                #expect(try prepared.contains(g) == polygon.contains(g), "contains \(wkt)")
                #expect(try prepared.intersects(g) == polygon.intersects(g), "intersects \(wkt)")
                #expect(try prepared.covers(g) == polygon.covers(g), "covers \(wkt)")
                #expect(try prepared.touches(g) == polygon.touches(g), "touches \(wkt)")
                #expect(try prepared.crosses(g) == polygon.crosses(g), "crosses \(wkt)")
                #expect(try prepared.distance(to: g) == polygon.distance(to: g), "distance \(wkt)")
            }
            #expect(try prepared.contains(x: 1, y: 1) && !prepared.contains(x: 5, y: 5) && !prepared.contains(x: 10, y: 5))
            #expect(try prepared.intersects(x: 10, y: 5) && !prepared.intersects(x: 5, y: 5))
            #expect(try prepared.isWithinDistance(try Geometry(wkt: "POINT (13 5)"), 3))
            #expect(try !prepared.isWithinDistance(try Geometry(wkt: "POINT (13 5)"), 2.99))
        }

        @Test("envelope and predicate queries return the indices geometry predicts")
        func queries() throws {
            let tree = try STRtree(try IndexTests.grid())
            // The box (1.5..4.5, 1.5..2.5) meets the envelopes of squares (1,1) and (2,1) only.
            #expect(try tree.query(Envelope(minX: 1.5, minY: 1.5, maxX: 4.5, maxY: 2.5)) == [11, 12])
            let probe = try Geometry(wkt: "POINT (2.5 2.5)")
            #expect(try tree.query(probe, predicate: .within) == [11])
            #expect(try tree.query(probe, predicate: .withinDistance(0.5)) == [11])
            // Square (1,1) spans 2..3; the point (3.5, 2.5) is 0.5 from it and 0.5 from (2,1) at 4..5.
            #expect(try tree.query(try Geometry(wkt: "POINT (3.5 2.5)"), predicate: .withinDistance(0.5)) == [11, 12])
            let line = try Geometry(wkt: "LINESTRING (0.5 0.5, 18.5 0.5)")
            #expect(try tree.query(line, predicate: .intersects) == Array(0..<10))
            #expect(try tree.query(Envelope(minX: 100, minY: 100, maxX: 101, maxY: 101)).isEmpty)
        }

        @Test("nearest neighbour, with exclusion and k nearest")
        func nearest() throws {
            let squares = try IndexTests.grid()
            let tree = try STRtree(squares)
            let hit = try #require(try tree.nearest(to: try Geometry(wkt: "POINT (7.2 4.6)")))
            #expect(hit.index == 23 && abs(hit.distance - 0.2) < 1e-12)  // square (3,2) spans 6..7 x 4..5
            let notSelf = try #require(try tree.nearest(to: squares[0], excluding: 0))
            #expect(abs(notSelf.distance - 1) < 1e-12 && [1, 10].contains(notSelf.index))
            let three = try tree.nearest(to: try Geometry(wkt: "POINT (0.5 0.5)"), k: 3)
            #expect(three.map(\.index) == [0, 1, 10])
            #expect(three.map(\.distance) == [0, 1.5, 1.5])
            #expect(try tree.nearest(to: try Geometry(wkt: "POINT (0.5 0.5)"), k: 3, maxDistance: 1).map(\.index) == [0])
            #expect(try STRtree([]).nearest(to: squares[0]) == nil)
        }
    }
}

extension GeoCoreTests {
    @Suite("PointLocator")
    struct PointLocatorTests {
        @Test("agrees with prepared contains point by point, holes and boundaries included")
        func agreesWithContains() throws {
            let polygons = try [
                Geometry(wkt: "POLYGON ((0 0, 10 0, 10 10, 0 10, 0 0), (4 4, 6 4, 6 6, 4 6, 4 4))"),
                Geometry(wkt: "POLYGON ((12 0, 20 0, 16 9, 12 0))"),
                Geometry(wkt: "POLYGON ((10 0, 12 0, 12 10, 10 10, 10 0))"),  // shares edges with both
                Geometry(wkt: "POLYGON EMPTY"),
            ]
            let locator = try PointLocator(polygons)
            var xs: [Double] = [], ys: [Double] = []
            var state: UInt64 = 42
            for _ in 0..<5000 {  // a fixed linear-congruential sequence: reproducible
                state = state &* 6364136223846793005 &+ 1442695040888963407
                xs.append(Double(state >> 40 & 0xFFFF) / 65535 * 24 - 2)
                state = state &* 6364136223846793005 &+ 1442695040888963407
                ys.append(Double(state >> 40 & 0xFFFF) / 65535 * 14 - 2)
            }
            xs += [5, 10, 4, 16, 11, 30]
            ys += [5, 5, 5, 2, 5, 30]  // hole, shared edge, hole edge, triangle, strip, far away
            let owners = try locator.locate(xs: xs, ys: ys)
            for i in xs.indices {
                let point = try Geometry.point(xs[i], ys[i])
                let expected = try polygons.firstIndex { try $0.contains(point) }.map(Int32.init) ?? -1
                #expect(owners[i] == expected, "point \(xs[i]) \(ys[i])")
            }
            #expect(Array(owners.suffix(6)) == [-1, -1, -1, 1, 2, -1])
        }

        @Test("within a distance of lines and polygons, on every core, agrees with distance point by point")
        func withinDistance() throws {
            let geometries = try [Geometry(wkt: "LINESTRING (0 0, 100 0)"), Geometry(wkt: "POLYGON ((200 0, 300 0, 300 100, 200 100, 200 0))")]
            var xs: [Double] = [], ys: [Double] = []
            for i in 0..<120_000 { xs.append(Double(i % 400) - 50); ys.append(Double(i / 400) - 100) }  // every metre of a 400 x 300 m grid
            let owners = try PointLocator.locate(xs: xs, ys: ys, in: geometries, distance: 10)
            #expect(owners.count == xs.count)
            for i in stride(from: 0, to: xs.count, by: 7) {
                let p = try Geometry.point(xs[i], ys[i])
                let expected = try geometries.firstIndex { try $0.distance(to: p) <= 10 }.map(Int32.init) ?? -1
                #expect(owners[i] == expected, "point \(xs[i]) \(ys[i])")
            }
            // 10 m beside the line, 10 m past its end, and 10.001 m below it.
            #expect(try PointLocator(geometries, distance: 10).locate(xs: [50, 110, 50], ys: [10, 0, -10.001]) == [0, 0, -1])
        }
    }
}

extension GeoCoreTests {
    @Suite("PreparedIndex")
    struct PreparedIndexTests {
        @Test("matches agree with the plain predicates for every relation", arguments: [
            SpatialPredicate.intersects, .within, .contains, .covers, .coveredBy, .touches, .crosses, .overlaps, .disjoint,
            .containsProperly, .withinDistance(0.75),
        ])
        func agrees(_ predicate: SpatialPredicate) throws {
            let squares = try IndexTests.grid()
            let index = try PreparedIndex(squares)
            let probes = try ["POINT (2.5 2.5)", "POINT (3 2.5)", "LINESTRING (0.5 0.5, 5.5 0.5)", "POLYGON ((0 0, 4 0, 4 4, 0 4, 0 0))",
                              "POLYGON ((2.2 2.2, 2.8 2.2, 2.8 2.8, 2.2 2.2))", "POLYGON ((2.5 2.5, 3.5 2.5, 3.5 3.5, 2.5 2.5))",
                              "LINESTRING (1 0, 1 1)"].map { try Geometry(wkt: $0) }
            for probe in probes {
                var expected: [Int] = []
                for (i, s) in squares.enumerated() {
                    let holds: Bool
                    switch predicate {
                    case .intersects: holds = try probe.intersects(s)
                    case .within: holds = try probe.within(s)
                    case .contains: holds = try probe.contains(s)
                    case .covers: holds = try probe.covers(s)
                    case .coveredBy: holds = try probe.coveredBy(s)
                    case .touches: holds = try probe.touches(s)
                    case .crosses: holds = try probe.crosses(s)
                    case .overlaps: holds = try probe.overlaps(s)
                    case .disjoint: holds = try probe.disjoint(s)
                    case .containsProperly: holds = try probe.relate(s, pattern: "T**FF*FF*")
                    case .withinDistance(let d): holds = try probe.isWithinDistance(s, d)
                    }
                    if holds { expected.append(i) }
                }
                #expect(try index.matches(probe, predicate) == expected, "\(predicate) \(probe)")
            }
        }
    }
}
