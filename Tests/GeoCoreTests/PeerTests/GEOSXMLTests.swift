import Foundation
import GeoCore
import Testing
import TestSupport

extension GeoCoreTests {
    /// GEOS's own XML test cases (GEOS 3.11.1), read from ../shared/peer-tests/geos-xml.
    @Suite("GEOS XML peer tests", .enabled(if: SharedFixtures.hasPeerTests, "../shared/peer-tests is absent"))
    struct GEOSXMLTests {
        static let files: [String] = {
            guard let folder = SharedFixtures.peerTest("geos-xml") else { return [] }
            let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
            return names.filter { $0.hasSuffix(".xml") }.sorted()
        }()

        @Test("every case passes", arguments: files)
        func file(_ name: String) throws {
            let url = try #require(SharedFixtures.peerTest("geos-xml/\(name)"))
            let before = HandleSnapshot.now()
            let (count, failures) = GEOSXMLRunner(file: try GEOSXMLFile(contentsOf: url)).run(name: name)
            #expect(count > 0, "no tests read from \(name)")
            #expect(failures.isEmpty, "\(failures.count) of \(count) failed:\n\(failures.map(\.description).joined(separator: "\n"))")
            #expect(HandleSnapshot.now() == before, "C handles leaked")
        }

        @Test("all 382 tests are read")
        func total() throws {
            var total = 0
            for name in Self.files {
                let url = try #require(SharedFixtures.peerTest("geos-xml/\(name)"))
                total += try GEOSXMLFile(contentsOf: url).cases.reduce(0) { $0 + $1.tests.count }
            }
            #expect(total == 382)
        }
    }
}
