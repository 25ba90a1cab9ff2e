import GeoCore
import Testing

extension GeoCoreTests {
    @Suite("Reading and writing geometries")
    struct GeometryIOTests {
        @Test("WKT, WKB, hex WKB and GeoJSON round trips keep the geometry exactly")
        func roundTrips() throws {
            let g = try Geometry(wkt: "POLYGON ((0 0, 10 0, 10 10, 0 10, 0 0), (2 2, 2 4, 4 4, 4 2, 2 2))")
            #expect(try Geometry(wkb: try g.wkb()).equalsExact(g))
            #expect(try Geometry(hexWKB: try g.hexWKB()).equalsExact(g))
            #expect(try Geometry(geoJSON: try g.geoJSON()).equalsExact(g))
            #expect(try Geometry(parsing: try g.hexWKB()).equalsExact(g))
            #expect(try Geometry(parsing: try g.geoJSON()).equalsExact(g))
            #expect(try g.wkt() == "POLYGON ((0 0, 10 0, 10 10, 0 10, 0 0), (2 2, 2 4, 4 4, 4 2, 2 2))")
        }

        @Test("hex WKB of POINT (1 2) is the published little-endian encoding")
        func hexWKBEncoding() throws {
            // 01 = little endian, 01000000 = Point, then x = 1.0 and y = 2.0 as IEEE doubles.
            #expect(try Geometry(wkt: "POINT (1 2)").hexWKB() == "0101000000000000000000F03F0000000000000040")
        }

        @Test("WKT rounding and GeoJSON coordinates")
        func writing() throws {
            let p = try Geometry.point(113.94869571234, 22.7357419)
            #expect(try p.wkt(decimals: 3) == "POINT (113.949 22.736)")
            #expect(try p.geoJSON() == #"{"type":"Point","coordinates":[113.94869571234,22.7357419]}"#)
        }

        @Test("coordinates are readable: rings in order, shell first")
        func coordinates() throws {
            let g = try Geometry(wkt: "MULTIPOLYGON (((0 0, 4 0, 4 4, 0 0)), ((10 10, 12 10, 12 12, 10 10)))")
            #expect(g.type == .multiPolygon)
            #expect(g.numberOfGeometries == 2)
            #expect(g.coordinateSequences.count == 2)
            #expect(g.coordinates.first == Coordinate(0, 0))
            #expect(g.coordinates.last == Coordinate(10, 10))
            #expect(g.polygonRings.map(\.count) == [1, 1])
            #expect(g.envelope == Envelope(minX: 0, minY: 0, maxX: 12, maxY: 12))
            let z = try Geometry(wkt: "POINT Z (1 2 3)")
            #expect(z.coordinates == [Coordinate(1, 2, 3)])
            #expect(z.coordinateDimension == 3)
        }

        @Test("hostile text is a thrown parse error, never a crash", arguments: [
            "POLYGON ((0 0, 1 0, 1 1",                  // unterminated
            "POLYGON ((0 0, 1 0, 1 1, 0 0.5))",         // unclosed ring
            "POINT (nan 1)", "POINT (1 inf)", "LINESTRING (0 0, 1e400 1)",
            "CIRCLE (0 0, 1)", "", "   ", "POINT (1)", "01020000", "0101000000000000",
            #"{"type":"Point","coordinates":[1]}"#, #"{"type":"Polygon","coordinates":"x"}"#, #"{"type":"Nope"}"#, "{",
        ])
        func hostile(_ text: String) {
            #expect(throws: GeometryError.self) { try Geometry(parsing: text) }
        }

        @Test("a collapsed ring reads but is reported invalid, with the reason")
        func collapsedRing() throws {
            let g = try Geometry(wkt: "POLYGON ((0 0, 1 1, 0 0))")
            #expect(try !g.isValid())
            #expect(try g.validityProblem()?.reason.hasPrefix("Too few points") == true)
        }

        @Test("a parse error names the operation and carries GEOS's reason")
        func parseErrorMessage() {
            do {
                _ = try Geometry(wkt: "POLYGON ((0 0, 1 0, 1 1")
                Issue.record("no error")
            } catch {
                #expect(error.code == .parse)
                #expect(error.operation == "read WKT")
                #expect(error.message.contains("ParseException"))
                #expect(error.at("site.wkt").description.hasPrefix("site.wkt: read WKT: "))
            }
        }

        @Test("NaN in WKB (other than an empty point) is refused")
        func nanWKB() throws {
            var bytes = try Geometry(wkt: "LINESTRING (0 0, 1 1)").wkb()
            // Overwrite the first x with NaN (bytes 9..16 after order, type and count).
            let nan = Double.nan.bitPattern
            for i in 0..<8 { bytes[9 + i] = UInt8((nan >> (8 * UInt64(i))) & 0xff) }
            #expect(throws: GeometryError.self) { try Geometry(wkb: bytes) }
            #expect(try Geometry(wkb: try Geometry(wkt: "POINT EMPTY").wkb()).isEmpty)
        }

        @Test("constructors refuse non-finite and short input")
        func constructors() throws {
            #expect(throws: GeometryError.self) { try Geometry.point(.nan, 0) }
            #expect(throws: GeometryError.self) { try Geometry.lineString([Coordinate(0, 0)]) }
            #expect(throws: GeometryError.self) { try Geometry.polygon([Coordinate(0, 0), Coordinate(1, 0), Coordinate(1, 1)]) }
            let square = try Geometry.polygon([Coordinate(0, 0), Coordinate(2, 0), Coordinate(2, 2), Coordinate(0, 2), Coordinate(0, 0)],
                                              holes: [[Coordinate(0.5, 0.5), Coordinate(0.5, 1), Coordinate(1, 1), Coordinate(0.5, 0.5)]])
            #expect(try square.area() == 4 - 0.125)
            #expect(try Geometry.rectangle(Envelope(minX: 1, minY: 2, maxX: 4, maxY: 6)).area() == 12)
            #expect(try Geometry.empty(.polygon).isEmpty)
        }
    }
}

extension GeoCoreTests {
    @Suite("Mutated input")
    struct MutatedInputTests {
        /// 3,000 deterministic mutations (byte flips, truncations, duplications) of valid WKT,
        /// GeoJSON and hex WKB: each either reads into a geometry that survives the common
        /// operations, or throws; none may crash the process.
        @Test("mutations of valid input read or throw, never crash")
        func mutations() throws {
            let seeds = [
                "POLYGON ((0 0, 10 0, 10 10, 0 10, 0 0), (2 2, 2 4, 4 4, 2 2))",
                "MULTILINESTRING ((0 0, 5 5), (5 5, 10 0))",
                #"{"type":"MultiPolygon","coordinates":[[[[0,0],[4,0],[4,4],[0,0]]]]}"#,
                "0103000000010000000400000000000000000000000000000000000000000000000000F03F0000000000000000000000000000F03F000000000000F03F00000000000000000000000000000000",
            ]
            let alphabet = Array("0123456789.,-() EMPTYNaNinfPOLYGON{}[]\":eE+Zz".utf8)
            var state: UInt64 = 20261129
            func next(_ n: Int) -> Int {
                state = state &* 6364136223846793005 &+ 1442695040888963407
                return Int(state >> 33) % max(n, 1)
            }
            var read = 0
            for i in 0..<3000 {
                var bytes = Array(seeds[i % seeds.count].utf8)
                for _ in 0...next(3) {
                    switch next(3) {
                    case 0: bytes[next(bytes.count)] = alphabet[next(alphabet.count)]
                    case 1: bytes = Array(bytes.prefix(next(bytes.count)))
                    default:
                        let at = next(bytes.count)
                        bytes.insert(contentsOf: bytes[at..<min(bytes.count, at + next(8))], at: at)
                    }
                    if bytes.isEmpty { bytes = Array("POINT (".utf8) }
                }
                guard let g = try? Geometry(parsing: String(decoding: bytes, as: UTF8.self)) else { continue }
                read += 1
                _ = try? g.isValid()
                _ = try? g.area()
                _ = try? g.buffer(1)
                _ = try? g.makeValid().unaryUnion()
                _ = try? g.wkt()
                _ = try? PreparedGeometry(g).intersects(g)
                _ = try? Transformer(from: "EPSG:4547", to: "EPSG:4326").transform(g)
            }
            #expect(read > 100, "too few mutations read to exercise the operations (\(read))")
        }
    }
}
