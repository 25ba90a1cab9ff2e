import Foundation
import Testing
import TestSupport

/// `gmgeo map --web` and the report's web map as commands: what they write, in which
/// language, and what they refuse.
@Suite("gmgeo map --web")
struct WebMapCommandTests {
    @Test("draws any layers as a page in English with --lang en")
    func englishPage() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let out = try CommandRunner.gmgeo(["map", "boundary", "roads", "projects-sample", "--web", folder.path("web"), "--lang", "en", "--title", "Sites"])
        #expect(out.status == 0 && out.stderr.contains("web map of 3 layers"), "\(out.stderr)")
        let layers = try FileManager.default.contentsOfDirectory(atPath: folder.path("web/layers")).sorted()
        #expect(layers == ["01-boundary.js", "02-roads.js", "03-projects-sample.js"])
        let roads = try String(contentsOfFile: folder.path("web/layers/02-roads.js"), encoding: .utf8)
        #expect(roads.contains(#""title":"Roads""#) && roads.contains(#""label":"Expressway""#) && !roads.contains("快速路\""), "\(roads.prefix(300))")
        let index = try String(contentsOfFile: folder.path("web/index.html"), encoding: .utf8)
        #expect(index.contains(#"<html lang="en">"#) && index.contains(#""verdict":"Verdict""#) && index.contains("<title>Sites</title>"))
        // Run again: the earlier page is gmgeo's own and is replaced.
        let again = try CommandRunner.gmgeo(["map", "roads", "--web", folder.path("web")])
        #expect(again.status == 0, "\(again.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path("web/layers")) == ["01-roads.js"])
    }

    @Test("refused: both outputs, neither, print-only options, a folder of the user's files", arguments: [
        ["map", "roads", "-o", "OUT/m.png", "--web", "OUT/web"],
        ["map", "roads"],
        ["map", "roads", "--web", "OUT/web", "--bbox", "113.9,22.7,114,22.8"],
        ["map", "roads", "--web", "OUT/web", "--inset", "boundary"],
        ["map", "roads", "--web", "OUT/mine"],
        ["map", "nope", "--web", "OUT/web"],
    ])
    func refused(_ arguments: [String]) throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try FileManager.default.createDirectory(atPath: folder.path("mine"), withIntermediateDirectories: true)
        try Data("notes".utf8).write(to: folder.url.appendingPathComponent("mine/notes.txt"))
        let out = try CommandRunner.gmgeo(arguments.map { $0.replacingOccurrences(of: "OUT", with: folder.url.path) })
        #expect(out.status == 2 && out.stdout.isEmpty, "\(out.stderr)")
        #expect(out.stderr.hasPrefix("gmgeo: ") && out.stderr.filter { $0 == "\n" }.count == 1, "\(out.stderr)")
        #expect(folder.contents == ["mine"], "left behind: \(folder.contents)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path("mine")) == ["notes.txt"])
    }

    @Test("without Leaflet: map --web refuses saying what to install; the report completes without its web map and says so")
    func withoutLeaflet() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let missing = ["GMGEO_LEAFLET": folder.path("no-leaflet")]
        let web = try CommandRunner.gmgeo(["map", "roads", "--web", folder.path("web")], environment: missing)
        #expect(web.status == 2 && web.stderr.contains("libjs-leaflet"), "\(web.stderr)")
        #expect(folder.contents.isEmpty, "\(folder.contents)")
        let report = try CommandRunner.gmgeo(["report", "-o", folder.path("r")], environment: missing)
        #expect(report.status == 0, "\(report.stderr)")
        #expect(report.stderr.contains("warning: the web map (map/index.html) is left out") && report.stderr.contains("libjs-leaflet"), "\(report.stderr)")
        #expect(!FileManager.default.fileExists(atPath: folder.path("r/map")))
        let summary = try String(contentsOfFile: folder.path("r/summary.md"), encoding: .utf8)
        #expect(summary.contains("`summary.md`") && !summary.contains("map/index.html"))
    }
}
