import ArgumentParser
import Foundation

/// The `gmgeo` command: planning geometry for Guangming District.
@main
struct GMGeo: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gmgeo",
        abstract: "Geospatial tools for the landscape upgrade of Guangming District, Shenzhen.",
        discussion: """
        Coordinates are always x = easting/longitude, y = northing/latitude. Metric work (areas, lengths, buffers, distances) is done in metres in EPSG:4547 (CGCS2000 / 3-degree Gauss-Kruger CM 114E) unless you name another CRS. Chinese web-map coordinates are accepted wherever a CRS is named: gcj02 (Amap/Gaode, Tencent, DataV) and bd09 (Baidu).

        Exit status: 0 success, 1 a check found problems, 2 bad input or arguments.
        """,
        version: "0.1.0",
        subcommands: [ReportCommand.self, MapCommand.self, CoverageCommand.self, BufferCheckCommand.self, NetworkCommand.self, ValidateCommand.self, HotspotsCommand.self, SimulateReportsCommand.self,
                      InfoCommand.self, ConvertCommand.self, QueryCommand.self, BufferCommand.self, GeomCommand.self, TransformCommand.self]
    )

    /// Runs a command; every failure becomes one line on stderr and exit status 2.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
            Stderr.flush()
        } catch let exit as ExitCode {
            Stderr.flush()
            Foundation.exit(exit.rawValue)
        } catch {
            if exitCode(for: error) == .success {
                Self.exit(withError: error)  // --help and --version print and exit 0
            }
            CommandLineFailure.report(error)
        }
    }
}
