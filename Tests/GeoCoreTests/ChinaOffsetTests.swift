import GeoCore
import Testing

extension GeoCoreTests {
    @Suite("GCJ-02 and BD-09")
    struct ChinaOffsetTests {
        /// Guangming: lon 113.85-114.02, lat 22.70-22.86 (the benchmark's box), 1 km grid.
        @Test("WGS84 -> GCJ-02 -> WGS84 within 1 cm over a grid covering Guangming")
        func roundTripOverGuangming() {
            var worst = 0.0
            for i in 0...17 {
                for j in 0...17 {
                    let lon = 113.85 + Double(i) * 0.01, lat = 22.70 + Double(j) * (0.16 / 17)
                    let (gLon, gLat) = ChinaOffset.wgs84ToGCJ02(lon, lat)
                    let (wLon, wLat) = ChinaOffset.gcj02ToWGS84(gLon, gLat)
                    worst = max(worst, Geodesic.wgs84.distance(Coordinate(lon, lat), Coordinate(wLon, wLat)))
                    // The offset here is hundreds of metres, as ../shared/data/README.md measures it.
                    #expect(Geodesic.wgs84.distance(Coordinate(lon, lat), Coordinate(gLon, gLat)) > 300)
                }
            }
            #expect(worst < 0.01, "worst round trip \(worst) m")
        }

        @Test("the iterative inverse converges below 1e-7 degrees; a one-step inverse does not")
        func inverseBeatsOneStep() {
            let (gLon, gLat) = ChinaOffset.wgs84ToGCJ02(113.9487, 22.7357)
            let (wLon, wLat) = ChinaOffset.gcj02ToWGS84(gLon, gLat)
            #expect(abs(wLon - 113.9487) < 1e-7 && abs(wLat - 22.7357) < 1e-7)
            let (oLon, oLat) = ChinaOffset.wgs84ToGCJ02(gLon, gLat)
            let oneStep = (2 * gLon - oLon, 2 * gLat - oLat)
            let error = Geodesic.wgs84.distance(Coordinate(oneStep.0, oneStep.1), Coordinate(113.9487, 22.7357))
            #expect(error > 0.1, "one-step inverse should be visibly off, was \(error) m")
        }

        @Test("points outside China come back unchanged", arguments: [(2.35, 48.85), (-74.0, 40.7), (151.2, -33.9), (139.7, 35.7 + 20.2)])
        func outsideChina(_ point: (Double, Double)) {
            let gcj = ChinaOffset.wgs84ToGCJ02(point.0, point.1)
            #expect(gcj == point)
            #expect(ChinaOffset.gcj02ToWGS84(point.0, point.1) == point)
        }

        @Test("gcj02 chains with PROJ: gcj02 -> EPSG:4547 equals gcj02 -> WGS84 -> EPSG:4547")
        func chainedWithPROJ() throws {
            let chained = try Transformer(from: "gcj02", to: "EPSG:4547")
            let direct = try Transformer(from: "EPSG:4326", to: "EPSG:4547")
            let (wLon, wLat) = ChinaOffset.gcj02ToWGS84(113.9537, 22.7327)
            let a = try chained.transform(x: 113.9537, y: 22.7327)
            let b = try direct.transform(x: wLon, y: wLat)
            #expect(abs(a.x - b.x) < 1e-6 && abs(a.y - b.y) < 1e-6)
            // Back again: EPSG:4547 -> gcj02 returns the input to 1e-7 degrees.
            let back = try chained.transform(x: a.x, y: a.y, direction: .inverse)
            #expect(abs(back.x - 113.9537) < 1e-7 && abs(back.y - 22.7327) < 1e-7)
        }

        @Test("bd09 -> gcj02 -> bd09 round trip within 1e-6 degrees")
        func baiduRoundTrip() throws {
            let t = try Transformer(from: "bd09", to: "gcj02")
            let g = try t.transform(x: 113.9552, y: 22.7388)
            let b = try t.transform(x: g.x, y: g.y, direction: .inverse)
            #expect(abs(b.x - 113.9552) < 1e-6 && abs(b.y - 22.7388) < 1e-6)
            #expect(abs(g.x - 113.9552) > 0.005)  // BD-09 sits ~0.0065° east of GCJ-02
        }
    }
}
