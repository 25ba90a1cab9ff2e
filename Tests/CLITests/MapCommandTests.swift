import Foundation
import Testing
import TestSupport

/// `gmgeo map` as a planner runs it.
@Suite("gmgeo map")
struct MapCommandTests {
    @Test("draws the embedded layers to PNG, PDF and SVG, framed on a named feature")
    func formats() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        for name in ["m.png", "m.pdf", "m.svg"] {
            let out = try CommandRunner.gmgeo(["map", "boundary", "green", "roads", "stations", "-o", folder.path(name), "--title", "测试 Test"])
            #expect(out.status == 0, "\(out.stderr)")
            #expect(FileManager.default.fileExists(atPath: folder.path(name)))
        }
        let framed = try CommandRunner.gmgeo(["map", "boundary", "upgrade-districts", "roads", "-o", folder.path("l.png"),
                                              "--extent-of", "upgrade-districts:楼村北", "--dpi", "72", "--label", "roads=name_zh"])
        #expect(framed.status == 0, "\(framed.stderr)")
        #expect(framed.stderr.contains("1:"))
        // A map of part of the district shows the district in an inset, unless told not to.
        #expect(framed.stderr.contains("inset: boundary"), "\(framed.stderr)")
        let bare = try CommandRunner.gmgeo(["map", "boundary", "roads", "-o", folder.path("b.png"), "--dpi", "72",
                                            "--extent-of", "upgrade-districts:楼村北", "--no-inset"])
        #expect(bare.status == 0 && !bare.stderr.contains("inset"), "\(bare.stderr)")
        let whole = try CommandRunner.gmgeo(["map", "boundary", "roads", "-o", folder.path("w.png"), "--dpi", "72"])
        #expect(whole.status == 0 && !whole.stderr.contains("inset"), "\(whole.stderr)")
    }

    @Test("bad input: one line, exit 2, no map file", arguments: [
        ["map", "nope", "-o", "OUT/m.png"],
        ["map", "roads", "-o", "OUT/m.jpg"],
        ["map", "roads", "-o", "OUT/m.png", "--label", "roads=height"],
        ["map", "roads", "-o", "OUT/m.png", "--extent-of", "upgrade-districts:无此片区"],
        ["map", "roads", "-o", "OUT/m.png", "--bbox", "1,2,3"],
        ["map", "roads", "-o", "OUT/m.png", "--page", "B9"],
        ["map", "roads", "-o", "OUT/m.png", "--bbox", "120,30,121,31"],
    ])
    func badInput(_ arguments: [String]) throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let out = try CommandRunner.gmgeo(arguments.map { $0.replacingOccurrences(of: "OUT", with: folder.url.path) })
        #expect(out.status == 2 && out.stdout.isEmpty, "\(out.stderr)")
        #expect(out.stderr.hasPrefix("gmgeo: ") && out.stderr.filter { $0 == "\n" }.count == 1, "\(out.stderr)")
        #expect(folder.contents.isEmpty, "left behind: \(folder.contents)")
    }

    @Test("the report draws one map per analysis, as PNG and PDF, linked from summary.md")
    func reportMaps() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let out = try CommandRunner.gmgeo(["report", "-o", folder.path("r")])
        #expect(out.status == 0, "\(out.stderr)")
        let summary = try String(contentsOfFile: folder.path("r/summary.md"), encoding: .utf8)
        for map in ["map-overview", "map-green-service", "map-corridors", "map-green-network", "map-projects"] {
            for ext in ["png", "pdf"] {
                #expect(FileManager.default.fileExists(atPath: folder.path("r/\(map).\(ext)")), "\(map).\(ext)")
            }
            #expect(summary.contains("\(map).png") || summary.contains("\(map).pdf"), "\(map) not linked")
        }
    }
}
