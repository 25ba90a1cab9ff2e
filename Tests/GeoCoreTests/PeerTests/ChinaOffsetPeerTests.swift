import Foundation
import GeoCore
import Testing
import TestSupport

extension GeoCoreTests {
    /// GCJ-02/BD-09 pairs from gcoord, eviltransform and coordtransform
    /// (../shared/peer-tests/china-offsets), each within the tolerance its source states.
    @Suite("China offset peer tests", .enabled(if: SharedFixtures.hasPeerTests, "../shared/peer-tests is absent"))
    struct ChinaOffsetPeerTests {
        @Test("every reference pair within its tolerance")
        func referencePairs() throws {
            let url = try #require(SharedFixtures.peerTest("china-offsets/reference_pairs.csv"))
            let rows = SimpleCSV.rows(try SharedFixtures.text(url))
            #expect(rows.count == 149)
            var failures: [String] = []
            for row in rows {
                guard let op = row["op"], let inLon = Double(row["in_lng"] ?? ""), let inLat = Double(row["in_lat"] ?? ""),
                      let expLon = Double(row["exp_lng"] ?? ""), let expLat = Double(row["exp_lat"] ?? "") else {
                    failures.append("unreadable row \(row)")
                    continue
                }
                let tolerance = Double(row["tol_deg"] ?? "")
                let (lon, lat) = try ChinaOffsetPeerTests.apply(op, inLon, inLat, exactOneStep: tolerance.map { $0 <= 1e-9 } ?? false)
                let place = "\(row["source"] ?? "") \(row["case_id"] ?? "") \(op)"
                if let tolDeg = Double(row["tol_deg"] ?? "") {
                    if abs(lon - expLon) > tolDeg || abs(lat - expLat) > tolDeg {
                        failures.append("\(place): got \(lon), \(lat); expected \(expLon), \(expLat) ± \(tolDeg)°")
                    }
                } else if let tolM = Double(row["tol_m"] ?? "") {
                    let d = Geodesic.wgs84.distance(Coordinate(lon, lat), Coordinate(expLon, expLat))
                    if d > tolM { failures.append("\(place): \(d) m from expected, tolerance \(tolM) m") }
                } else {
                    failures.append("\(place): no tolerance")
                }
            }
            #expect(failures.isEmpty, "\(failures.count) failed:\n\(failures.joined(separator: "\n"))")
        }

        /// The iterative inverse stands in for the one-step one wherever the tolerance allows
        /// (it is more accurate); coordtransform's exact 1e-9 check of the one-step formula
        /// itself runs `gcj02ToWGS84OneStep`.
        static func apply(_ op: String, _ lon: Double, _ lat: Double, exactOneStep: Bool) throws -> (Double, Double) {
            switch op {
            case "wgs2gcj": return ChinaOffset.wgs84ToGCJ02(lon, lat)
            case "gcj2wgs_onestep" where exactOneStep: return ChinaOffset.gcj02ToWGS84OneStep(lon, lat)
            case "gcj2wgs", "gcj2wgs_onestep": return ChinaOffset.gcj02ToWGS84(lon, lat)
            case "gcj2bd": return ChinaOffset.gcj02ToBD09(lon, lat)
            case "bd2gcj": return ChinaOffset.bd09ToGCJ02(lon, lat)
            case "wgs2bd": return ChinaOffset.wgs84ToBD09(lon, lat)
            case "bd2wgs": return ChinaOffset.bd09ToWGS84(lon, lat)
            default: throw CRSError(.unknownCRS, message: "unknown op \(op)")
            }
        }

        @Test("gcoord's 664 cities: WGS84 <-> GCJ-02 <-> BD-09 within gcoord's 5e-5 degrees")
        func cities() throws {
            let url = try #require(SharedFixtures.peerTest("china-offsets/gcoord_china-cities.json"))
            let cities = try JSONDecoder().decode([City].self, from: Data(contentsOf: url))
            #expect(cities.count == 664)
            var worst = 0.0
            for city in cities {
                let (w, g, b) = (city.coords.WGS84, city.coords.GCJ02, city.coords.BD09)
                let gcj = ChinaOffset.wgs84ToGCJ02(w[0], w[1])
                let wgs = ChinaOffset.gcj02ToWGS84(g[0], g[1])
                let bd = ChinaOffset.gcj02ToBD09(g[0], g[1])
                let back = ChinaOffset.bd09ToGCJ02(b[0], b[1])
                worst = max(worst, abs(gcj.0 - g[0]), abs(gcj.1 - g[1]), abs(wgs.0 - w[0]), abs(wgs.1 - w[1]),
                            abs(bd.0 - b[0]), abs(bd.1 - b[1]), abs(back.0 - g[0]), abs(back.1 - g[1]))
            }
            #expect(worst < 5e-5, "worst difference \(worst)°")
        }

        struct City: Decodable {
            struct Coords: Decodable {
                let WGS84: [Double], GCJ02: [Double], BD09: [Double]
            }
            let coords: Coords
        }
    }
}
