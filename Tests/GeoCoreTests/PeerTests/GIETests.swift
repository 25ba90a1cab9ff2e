import Foundation
import GeoCore
import Testing
import TestSupport

extension GeoCoreTests {
    /// PROJ 9.1.1's own gie cases for transverse Mercator, UTM and Mercator, expressed as a
    /// transformation from the operation's lon/lat CRS to the projected CRS.
    @Suite("PROJ gie peer tests", .enabled(if: SharedFixtures.hasPeerTests, "../shared/peer-tests is absent"))
    struct GIETests {
        @Test("every tmerc/utm/merc case within its tolerance")
        func gie() throws {
            let url = try #require(SharedFixtures.peerTest("proj/builtins_excerpt_tmerc_utm_merc.gie"))
            let file = GIEFile(try SharedFixtures.text(url))
            #expect(file.checks.count >= 120)
            var failures: [String] = []
            var transformers: [String: Result<Transformer, CRSError>] = [:]
            for check in file.checks {
                let result = transformers[check.operation] ?? Result { () throws(CRSError) in try GIETests.transformer(check.operation) }
                transformers[check.operation] = result
                if let reason = GIETests.judge(check, result) {
                    failures.append("line \(check.line) \(check.operation): \(reason)")
                }
            }
            #expect(failures.isEmpty, "\(failures.count) of \(file.checks.count) failed:\n\(failures.joined(separator: "\n"))")
        }

        /// "+proj=tmerc +ellps=GRS80 ..." becomes lon/lat on the same figure -> that projection.
        /// An operation that names no figure is on GRS80 (PROJ's default for operations), which
        /// both CRSs must then state, as a bare longlat CRS would default to WGS 84.
        static func transformer(_ operation: String) throws(CRSError) -> Transformer {
            let figure = ["+ellps=", "+R=", "+a=", "+datum="].contains { operation.contains($0) } ? "" : " +ellps=GRS80"
            let projected = operation + figure
            let geographic = projected.replacingOccurrences(of: #"\+proj=\w+"#, with: "+proj=longlat", options: .regularExpression)
            return try Transformer(from: try CRS(geographic), to: try CRS(projected))
        }

        static func judge(_ check: GIEFile.Check, _ result: Result<Transformer, CRSError>) -> String? {
            guard case .success(let transformer) = result else {
                return check.expected == nil && check.roundtrips == 0 ? nil : "no transformer: \(result)"
            }
            let direction: Transformer.Direction = check.direction == .forward ? .forward : .inverse
            do {
                if check.roundtrips > 0 {
                    var p = check.input
                    for _ in 0..<check.roundtrips {
                        p = try transformer.transform(x: p.0, y: p.1, direction: direction)
                        p = try transformer.transform(x: p.0, y: p.1, direction: direction == .forward ? .inverse : .forward)
                    }
                    let d = distance(check.input, p, angular: check.direction == .forward, operation: check.operation)
                    return d <= check.tolerance ? nil : "round trip off by \(d) m"
                }
                let out = try transformer.transform(x: check.input.0, y: check.input.1, direction: direction)
                guard let expected = check.expected else { return "expected failure, got \(out)" }
                let d = distance(out, expected, angular: check.direction == .inverse, operation: check.operation)
                return d <= check.tolerance ? nil : "got \(out), expected \(expected): \(d) m apart, tolerance \(check.tolerance) m"
            } catch {
                return check.expected == nil && check.roundtrips == 0 ? nil : "threw \(error)"
            }
        }

        /// Metres between two outputs; angles are measured on a sphere of the figure's radius,
        /// as gie measures angular outputs on the operation's ellipsoid.
        static func distance(_ a: (Double, Double), _ b: (Double, Double), angular: Bool, operation: String) -> Double {
            guard angular else { return hypot(a.0 - b.0, a.1 - b.1) }
            let radius = ["+R=", "+a="].compactMap { key -> Double? in
                guard let range = operation.range(of: key) else { return nil }
                return Double(operation[range.upperBound...].prefix { !$0.isWhitespace })
            }.first ?? 6378137
            let rad = Double.pi / 180
            return radius * hypot((a.0 - b.0) * rad * cos(a.1 * rad), (a.1 - b.1) * rad)
        }
    }
}
