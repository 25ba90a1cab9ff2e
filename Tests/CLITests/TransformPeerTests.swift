import Foundation
import Testing
import TestSupport

/// `gmgeo transform` with Chinese web-map systems, judged against published references
/// rather than its own earlier output. The pairs are transcribed from
/// ../shared/peer-tests/china-offsets/reference_pairs.csv (googollee/eviltransform's
/// "shenzhen" case; hujiulong/gcoord's 深圳市 case), with their tolerances.
@Suite("gmgeo transform against the GCJ-02 and BD-09 references")
struct TransformPeerTests {
    /// The numbers of each output line that holds a point.
    static func points(_ text: String) -> [(Double, Double)] {
        text.split(separator: "\n").compactMap { line in
            let parts = line.split(whereSeparator: { $0 == "," || $0 == " " })
            guard parts.count >= 2, let x = Double(parts[0]), let y = Double(parts[1]) else { return nil }
            return (x, y)
        }
    }

    @Test("GCJ-02 -> WGS 84 (eviltransform, Shenzhen: within 0.5 m) with comments, blank lines and names passed through")
    func gcj02() throws {
        let out = try CommandRunner.gmgeo(["transform", "--from", "gcj02", "--to", "EPSG:4326"],
                                          stdin: "# 深圳 (GCJ-02)\n113.9171764808363,22.540796131694766 深圳\n\n113.9171764808363 22.540796131694766\n")
        #expect(out.status == 0, "\(out.stderr)")
        let lines = out.stdout.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == 5 && lines[0] == "# 深圳 (GCJ-02)" && lines[1].hasSuffix(" 深圳") && lines[2].isEmpty && lines[4].isEmpty)
        let found = Self.points(out.stdout)
        #expect(found.count == 2)
        for (x, y) in found {
            // 0.5 m at this latitude: about 4.9e-6 degrees of longitude, 4.5e-6 of latitude.
            #expect(abs(x - 113.912316) < 4.9e-6 && abs(y - 22.543847) < 4.5e-6, "\(x), \(y)")
        }
    }

    @Test("BD-09 -> GCJ-02 and back (gcoord, 深圳市: within 5e-6 and 5e-7 degrees)")
    func bd09() throws {
        let toGCJ = try CommandRunner.gmgeo(["transform", "--from", "bd09", "--to", "gcj02", "--point", "114.064418,22.5487584"])
        let (x, y) = try #require(Self.points(toGCJ.stdout).first)
        #expect(abs(x - 114.0578659) < 5e-6 && abs(y - 22.5431014) < 5e-6, "\(x), \(y)")
        let toBD = try CommandRunner.gmgeo(["transform", "--from", "gcj02", "--to", "bd09", "--point", "114.0578659,22.5431014"])
        let (bx, by) = try #require(Self.points(toBD.stdout).first)
        #expect(abs(bx - 114.064418) < 5e-7 && abs(by - 22.5487584) < 5e-7, "\(bx), \(by)")
    }

    @Test("where CI runs the suite, the peer material is there (its tests ran, not skipped)")
    func peerMaterialPresent() {
        if SharedFixtures.peerTestsRequired {
            #expect(SharedFixtures.hasPeerTests, "GMGEO_REQUIRE_SHARED=1 but ../shared/peer-tests is absent: the peer tests were skipped")
        }
    }
}
