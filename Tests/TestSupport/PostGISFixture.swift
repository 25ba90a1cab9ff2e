import Foundation

/// A PostGIS database for the PostGIS tests: $GMGEO_TEST_PG, or one started here with
/// Scripts/start-postgis.sh when PostgreSQL and PostGIS are installed and we are root
/// (CI and the README's test command). Nil otherwise: those tests skip.
public enum PostGISFixture {
    /// The GDAL connection string, or nil when no server can be had.
    public static let connection: String? = {
        if let env = ProcessInfo.processInfo.environment["GMGEO_TEST_PG"], !env.isEmpty { return env }
        let script = SharedFixtures.packageRoot.appendingPathComponent("Scripts/start-postgis.sh").path
        guard getuid() == 0, FileManager.default.fileExists(atPath: "/usr/lib/postgresql/15/bin/postgres"),
              FileManager.default.fileExists(atPath: "/usr/share/postgresql/15/extension/postgis.control") else { return nil }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = [script]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return nil }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { return nil }
        let text = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        return text.hasPrefix("PG:") ? text : nil
    }()
}
