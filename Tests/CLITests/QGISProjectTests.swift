import Foundation
import Testing
import TestSupport

/// report.qgs and the .qml files as QGIS itself reads them: Scripts/check-qgis-project.py
/// opens them headless with PyQGIS (Debian's python3-qgis).
@Suite("QGIS project")
struct QGISProjectTests {
    /// Debian's Python when it has PyQGIS, or nil after saying why the test does not run.
    static func pyqgis() throws -> String? {
        let python = "/usr/bin/python3"
        if FileManager.default.isExecutableFile(atPath: python),
           try WordReportTests.run(python, ["-c", "import qgis.core"]).status == 0 {
            return python
        }
        if ExternalTool.required { Issue.record("PyQGIS is not installed (apt-get install python3-qgis)") }
        print("skipped: PyQGIS is not installed (apt-get install python3-qgis)")
        return nil
    }

    @Test("QGIS opens report.qgs: EPSG:4547, every layer valid from a relative path, styled and labelled as its .qml says, alone too")
    func projectOpensInQGIS() throws {
        guard let python = try QGISProjectTests.pyqgis() else { return }
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let report = try CommandRunner.gmgeo(["report", "-o", folder.path("r")])
        try #require(report.status == 0, "\(report.stderr)")
        // Moved after writing: only relative paths can still find the layers.
        try FileManager.default.moveItem(atPath: folder.path("r"), toPath: folder.path("moved"))
        let script = SharedFixtures.packageRoot.appendingPathComponent("Scripts/check-qgis-project.py").path
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = [script, folder.path("moved")]
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let out = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let err = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(out)\n\(err)")
        #expect(out.contains("groups: 项目选址校核, 绿色景观网络, 绿地服务, 景观控制带, 基础数据; project CRS EPSG:4547; 15 layers"), "\(out)")
        let lines = out.split(separator: "\n").filter { $0.hasPrefix("ok ") }
        #expect(lines.count == 15, "\(out)")
        for (file, renderer) in [("projects-validated.geojson", "categorizedSymbol"), ("green-patches.geojson", "graduatedSymbol"),
                                 ("inputs/boundary.geojson", "categorizedSymbol"), ("green-links.geojson", "singleSymbol")] {
            #expect(lines.contains { $0.contains(" \(file): ") && $0.contains(renderer) }, "\(file) \(renderer)")
        }
        // The check can fail: a style keyed to a field the data lacks is caught.
        let qml = folder.path("moved/green-patches.qml")
        try String(contentsOfFile: qml, encoding: .utf8).replacingOccurrences(of: "attr=\"dPC\"", with: "attr=\"dPC_missing\"")
            .write(toFile: qml, atomically: true, encoding: .utf8)
        let broken = try WordReportTests.run(python, [script, folder.path("moved")])
        #expect(broken.status == 1)

        // A .qml beside every GeoJSON of the report.
        for file in try FileManager.default.subpathsOfDirectory(atPath: folder.path("moved")) where file.hasSuffix(".geojson") {
            #expect(FileManager.default.fileExists(atPath: folder.path("moved/" + file.dropLast(8) + ".qml")), "\(file) has no .qml")
        }
    }
}
