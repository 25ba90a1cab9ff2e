import Foundation
import GeoCore
import Testing
import TestSupport

extension GeoCoreTests {
    @Suite("Threads and handle lifetimes")
    struct ConcurrencyAndLeakTests {
        /// A fixed mix of work over shared geometries, a shared tree and a shared transformer.
        static func work(_ i: Int, shared: Geometry, tree: STRtree, transformer: Transformer) throws -> String {
            let x = Double(i % 37) * 3.1, y = Double(i % 23) * 2.7
            let site = try Geometry(wkt: "POLYGON ((\(x) \(y), \(x + 9) \(y), \(x + 9) \(y + 7), \(x) \(y + 7), \(x) \(y)))")
            let buffered = try site.buffer(2.5, style: BufferStyle(quadrantSegments: 4))
            let clipped = try buffered.intersection(shared)
            let prepared = try PreparedGeometry(shared)
            let hits = try tree.query(site, predicate: .intersects)
            let near = try tree.nearest(to: site)?.index ?? -1
            let (e, n) = try transformer.transform(x: 113.9 + x / 1000, y: 22.7 + y / 1000)
            return [String(format: "%.9f", try clipped.area()), "\(try prepared.intersects(site))", "\(hits)", "\(near)",
                    String(format: "%.6f %.6f", e, n), try clipped.normalized().wkt(decimals: 6)].joined(separator: "|")
        }

        @Test("the same operations on all cores give the serial results")
        func parallelEqualsSerial() throws {
            let shared = try Geometry(wkt: "POLYGON ((10 10, 90 15, 95 60, 40 70, 5 50, 10 10), (40 30, 60 30, 50 45, 40 30))")
            let tree = try STRtree(try IndexTests.grid().map { try $0.buffer(0.3) })
            let transformer = try Transformer(from: "gcj02", to: "EPSG:4547")
            let count = 2000
            let serial = try (0..<count).map { try ConcurrencyAndLeakTests.work($0, shared: shared, tree: tree, transformer: transformer) }
            // Every core at once, each thread with its own GEOS and PROJ contexts.
            let parallel = try ParallelMap.map(0..<count) { i in
                try ConcurrencyAndLeakTests.work(i, shared: shared, tree: tree, transformer: transformer)
            }
            for i in 0..<count {
                #expect(parallel[i] == serial[i], "item \(i)")
            }
        }

        @Test("no GEOS or PROJ handle outlives its Swift owner, errors included")
        func noLeaks() throws {
            let before = HandleSnapshot.now()
            try runScoped {
                let a = try Geometry(wkt: "POLYGON ((0 0, 10 0, 10 10, 0 10, 0 0))")
                let tree = try STRtree([a, try a.buffer(1), try a.centroid()])
                _ = try tree.query(a, predicate: .intersects)
                _ = try tree.nearest(to: a, k: 2)
                _ = try PreparedGeometry(a).contains(x: 1, y: 1)
                _ = try a.union(try a.buffer(2)).parts()
                _ = try Transformer(from: "gcj02", to: "EPSG:4547").transform(a)
                _ = try CRS("EPSG:4547")
                _ = try? CRS("EPSG:0")
                _ = try? Geometry(wkt: "POLYGON ((0 0, 1 0")
                _ = try? a.buffer(.infinity)
                _ = try a.validityProblem()
                _ = try Geometry(wkt: "POLYGON ((0 0, 10 10, 10 0, 0 10, 0 0))").validityProblem()
                _ = try? Transformer(from: "EPSG:4326", to: "EPSG:4547").transform(x: 0, y: 95)
            }
            #expect(HandleSnapshot.now() == before)
        }

        /// Runs `body` in its own scope, so every object it creates is released on return.
        private func runScoped(_ body: () throws -> Void) throws { try body() }
    }
}
