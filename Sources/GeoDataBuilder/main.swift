// Builds GeoData/guangming from the real public data in ../shared/data and the schematic
// sketches in this target. Run through Scripts/build-geodata.sh; the output is committed.
//
//   GeoDataBuilder SHARED_DATA_DIR OUTPUT_DIR RULES_TOML
import Foundation
import GeoCore
import GeoIO
import Settings

let arguments = CommandLine.arguments
guard arguments.count == 4 else {
    FileHandle.standardError.write(Data("usage: GeoDataBuilder SHARED_DATA_DIR OUTPUT_DIR RULES_TOML\n".utf8))
    exit(2)
}
let shared = URL(fileURLWithPath: arguments[1])
let output = URL(fileURLWithPath: arguments[2])

do {
    let rules = try TOMLTable(string: try String(contentsOfFile: arguments[3], encoding: .utf8))
    let builder = try Builder(shared: shared, rules: rules)
    for layer in try builder.layers() {
        try LayerWriter(format: .geojson).write(layer, to: output.appendingPathComponent("\(layer.name).geojson").path)
        print("\(layer.name): \(layer.features.count) features")
    }
} catch {
    FileHandle.standardError.write(Data("GeoDataBuilder: \(error)\n".utf8))
    exit(1)
}
