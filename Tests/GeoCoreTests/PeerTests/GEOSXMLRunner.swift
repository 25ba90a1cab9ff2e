import Foundation
import GeoCore

/// Runs GEOS XML test cases through the Swift wrapper and judges results the way GEOS's
/// XMLTester does (see ../shared/peer-tests/README.md).
struct GEOSXMLRunner {
    let file: GEOSXMLFile

    /// A failed test: where and why.
    struct Failure: CustomStringConvertible {
        let where_: String
        let reason: String
        var description: String { "\(where_): \(reason)" }
    }

    /// Runs every test of every case; returns the number run and the failures.
    func run(name: String) -> (count: Int, failures: [Failure]) {
        var count = 0
        var failures: [Failure] = []
        for (index, testCase) in file.cases.enumerated() {
            for test in testCase.tests {
                count += 1
                let place = "\(name) case \(index + 1) '\(testCase.description)' \(test.op)"
                do {
                    if let reason = try judge(test, testCase) { failures.append(Failure(where_: place, reason: reason)) }
                } catch {
                    failures.append(Failure(where_: place, reason: "threw \(error)"))
                }
            }
        }
        return (count, failures)
    }

    /// Nil when the result matches, else what differed.
    private func judge(_ test: GEOSXMLFile.Test, _ testCase: GEOSXMLFile.Case) throws -> String? {
        // Convention: GEOS's WKT reader rejects rings of fewer than 4 points, which the
        // validity tests expect to read as "not valid"; a reader error counts as invalid.
        if test.op == "isvalid" {
            guard let a = try? Geometry(wkt: testCase.a) else { return expectBool(false, test.expected) }
            return expectBool(try a.isValid(), test.expected)
        }
        let (a, b) = try operands(test, testCase)
        let grid = file.gridSize
        switch test.op {
        case "intersection": return try expectGeometry(try a.intersection(try need(b), gridSize: grid), test.expected)
        case "difference": return try expectGeometry(try a.difference(try need(b), gridSize: grid), test.expected)
        case "symdifference": return try expectGeometry(try a.symmetricDifference(try need(b), gridSize: grid), test.expected)
        case "union": return try expectGeometry(try a.union(try need(b), gridSize: grid), test.expected, topological: true)
        case "getcentroid": return try expectGeometry(try a.centroid(), test.expected)
        case "getinteriorpoint": return try expectGeometry(try a.pointOnSurface(), test.expected)
        case "convexhull": return try expectGeometry(try a.convexHull(), test.expected)
        case "buffer":
            let distance = try number(test.arg2)
            return try expectBuffer(try a.buffer(distance), test.expected, distance: distance)
        case "distance": return expectNumber(try a.distance(to: try need(b)), test.expected)
        case "iswithindistance":
            return expectBool(try a.isWithinDistance(try need(b), try number(test.arg3)), test.expected)
        case "relate":
            guard let pattern = test.arg3 else { return "relate without a pattern" }
            return expectBool(try a.relate(try need(b), pattern: pattern), test.expected)
        default:
            guard let predicate = SpatialPredicate(name: test.op) else { return "unknown op \(test.op)" }
            let other = try need(b)
            if file.prepared {
                return expectBool(try PreparedGeometry(a).evaluate(predicate, other), test.expected)
            }
            let plain = try PreparedGeometry(a).evaluate(predicate, other)
            let direct = try evaluateDirect(predicate, a, other)
            guard plain == direct else { return "prepared (\(plain)) and plain (\(direct)) disagree" }
            return expectBool(direct, test.expected)
        }
    }

    private func evaluateDirect(_ p: SpatialPredicate, _ a: Geometry, _ b: Geometry) throws -> Bool {
        switch p {
        case .intersects: return try a.intersects(b)
        case .contains: return try a.contains(b)
        case .within: return try a.within(b)
        case .covers: return try a.covers(b)
        case .coveredBy: return try a.coveredBy(b)
        case .touches: return try a.touches(b)
        case .crosses: return try a.crosses(b)
        case .overlaps: return try a.overlaps(b)
        case .disjoint: return try a.disjoint(b)
        case .containsProperly: return try a.relate(b, pattern: "T**FF*FF*")
        case .withinDistance(let d): return try a.isWithinDistance(b, d)
        }
    }

    /// A and B, swapped when the test says arg1="B". Under a fixed precision model GEOS's
    /// tester reads geometries into a factory with that model, and constructions such as the
    /// interior point round their results to it; setting the precision on read does the same.
    private func operands(_ test: GEOSXMLFile.Test, _ testCase: GEOSXMLFile.Case) throws -> (Geometry, Geometry?) {
        func read(_ wkt: String) throws -> Geometry {
            let g = try Geometry(wkt: wkt)
            guard let grid = file.gridSize else { return g }
            return try g.reducedPrecision(gridSize: grid, pointwise: true)
        }
        let a = try read(testCase.a)
        let b = try testCase.b.map { try read($0) }
        if test.arg1.uppercased() == "B", let b { return (b, a) }
        return (a, b)
    }

    private func need(_ b: Geometry?) throws -> Geometry {
        guard let b else { throw GeometryError(.invalidInput, operation: "test", message: "case has no B") }
        return b
    }

    private func number(_ text: String?) throws -> Double {
        guard let text, let value = Double(text.trimmingCharacters(in: .whitespaces)) else {
            throw GeometryError(.invalidInput, operation: "test", message: "argument '\(text ?? "")' is not a number")
        }
        return value
    }

    private func expectBool(_ actual: Bool, _ expected: String) -> String? {
        let want = expected.lowercased() == "true"
        return actual == want ? nil : "got \(actual), expected \(want)"
    }

    /// Numbers: equal, both NaN, or relative error below 1e-3 (GEOS's tolerance).
    private func expectNumber(_ actual: Double, _ expected: String) -> String? {
        guard let want = Double(expected) else { return "expected value '\(expected)' is not a number" }
        if actual == want || (actual.isNaN && want.isNaN) { return nil }
        let relative = abs(actual - want) / max(abs(want), 1e-300)
        return relative < 1e-3 ? nil : "got \(actual), expected \(want)"
    }

    /// Geometries: equal after normalizing (coordinates within 1e-9); union: topologically equal.
    private func expectGeometry(_ actual: Geometry, _ expected: String, topological: Bool = false) throws -> String? {
        let want = try Geometry(wkt: expected)
        if actual.isEmpty && want.isEmpty { return nil }
        let a = try actual.normalized(), w = try want.normalized()
        if try a.equalsExact(w, tolerance: 1e-9) { return nil }
        if topological, try a.equalsTopologically(w) { return nil }
        return "got \(try actual.wkt()), expected \(expected)"
    }

    /// Buffers: symmetric difference under 0.1% of the expected area, boundaries within |d|/100.
    private func expectBuffer(_ actual: Geometry, _ expected: String, distance: Double) throws -> String? {
        let want = try Geometry(wkt: expected)
        if want.isEmpty { return actual.isEmpty ? nil : "got \(try actual.wkt()), expected empty" }
        guard !actual.isEmpty else { return "got empty, expected \(expected.prefix(60))..." }
        let areaDiff = try actual.symmetricDifference(want).area()
        let wantArea = try want.area()
        guard areaDiff <= 0.001 * wantArea else { return "area difference \(areaDiff) over 0.1% of \(wantArea)" }
        let hausdorff = try actual.boundary().hausdorffDistance(to: try want.boundary())
        guard hausdorff <= abs(distance) / 100 else { return "boundaries \(hausdorff) apart, over |d|/100" }
        return nil
    }
}
