import Foundation
import GeoCore
import Testing
import TestSupport

extension GeoCoreTests {
    /// Shenzhen points WGS 84 -> EPSG:4547/3857/32649 from ../shared/peer-tests/proj
    /// (pyproj, checked against an independent Kruger series): 1 mm forward, 1e-9 degrees back.
    @Suite("PROJ Shenzhen reference points", .enabled(if: SharedFixtures.hasPeerTests, "../shared/peer-tests is absent"))
    struct ShenzhenReferenceTests {
        static let targets = [("EPSG:4547", "e_4547", "n_4547"), ("EPSG:3857", "x_3857", "y_3857"), ("EPSG:32649", "e_32649", "n_32649")]

        @Test("forward within 1 mm, inverse within 1e-9 degrees", arguments: targets)
        func reference(_ target: (String, String, String)) throws {
            let url = try #require(SharedFixtures.peerTest("proj/shenzhen_reference.csv"))
            let rows = SimpleCSV.rows(try SharedFixtures.text(url))
            #expect(rows.count >= 10)
            let transformer = try Transformer(from: "EPSG:4326", to: target.0)
            var lon = rows.compactMap { Double($0["lon_wgs84"] ?? "") }
            var lat = rows.compactMap { Double($0["lat_wgs84"] ?? "") }
            let east = rows.compactMap { Double($0[target.1] ?? "") }
            let north = rows.compactMap { Double($0[target.2] ?? "") }
            try #require(lon.count == rows.count && east.count == rows.count && north.count == rows.count)
            let (lon0, lat0) = (lon, lat)
            try transformer.transform(xs: &lon, ys: &lat)
            for i in rows.indices {
                #expect(abs(lon[i] - east[i]) <= 0.001 && abs(lat[i] - north[i]) <= 0.001,
                        "\(rows[i]["id"] ?? "") -> \(target.0): got \(lon[i]), \(lat[i]); expected \(east[i]), \(north[i])")
            }
            var x = east, y = north
            try transformer.transform(xs: &x, ys: &y, direction: .inverse)
            for i in rows.indices {
                #expect(abs(x[i] - lon0[i]) <= 1e-9 && abs(y[i] - lat0[i]) <= 1e-9,
                        "\(rows[i]["id"] ?? "") <- \(target.0): got \(x[i]), \(y[i])")
            }
        }
    }
}
