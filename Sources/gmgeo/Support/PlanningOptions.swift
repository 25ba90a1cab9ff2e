import ArgumentParser
import Foundation
import GeoCore
import GeoIO
import Planning

/// Where the planning layers and rules come from: shared by the analysis commands.
struct PlanningOptions: ParsableArguments {
    @Option(help: "The data folder with boundary, roads, rail, stations, control-zones, upgrade-districts, green (default: the embedded Guangming data).")
    var data: String?

    @Option(help: "The rules file (default: rules.toml in the data folder).")
    var rules: String?

    /// The data folder to use.
    func folder() throws -> URL {
        if let data {
            guard FileManager.default.fileExists(atPath: data) else { throw InputError("\(data): no such data folder") }
            return URL(fileURLWithPath: data)
        }
        guard let folder = GeoDataCatalog.defaultFolder else {
            throw InputError("no data folder: give --data DIR (or set GMGEO_DATA)")
        }
        return folder
    }

    /// Reads the data folder and rules.
    func load() throws -> PlanningData {
        do {
            return try PlanningData(folder: try folder(), rules: rules.map { URL(fileURLWithPath: $0) })
        } catch let error as RulesError {
            throw InputError(error.description)
        }
    }

    /// Zones by name (`PlanningData.zoneSets`), an embedded layer, or a file.
    func zones(_ argument: String, data: PlanningData, input: InputOptions) throws -> [Zone] {
        if let named = try data.zones(named: argument) { return named }
        let layer = try LayerInput.readProjected(argument, options: try input.readOptions(), crs: try CRS(data.rules.workingCRS))
        return PlanningData.named(layer)
    }
}
