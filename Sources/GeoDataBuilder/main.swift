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
    let parks = try Parks(shared: shared, district: builder.district)
    print("parks: \(parks.polygons.count) OSM polygons (\(parks.polygons.count - parks.unmatchedOSM.count) matched to the official list of \(parks.list.count)), \(parks.points.count) listed parks as points")
    print("  OSM parks not in the list: \(parks.unmatchedOSM.joined(separator: "、"))")
    for (name, reason) in parks.skippedPositions { print("  position not used: \(name): \(reason)") }
    for built in try builder.layers(parks: parks) {
        // The file holds WGS 84 with 15 digits: parts that touch at a point in metres can
        // overlap by nanometres after the round trip, so repair in the file's own coordinates.
        var layer = try built.reprojected(to: .wgs84)
        for i in layer.features.indices {
            guard let g = layer.features[i].geometry, !(try g.isValid()) else { continue }
            layer.features[i].geometry = try Shapes.polygonal(try g.makeValid())
            print("\(layer.name): \(layer.features[i].displayName()) repaired after conversion to WGS 84")
        }
        let path = output.appendingPathComponent("\(layer.name).geojson").path
        try LayerWriter(format: .geojson).write(layer, to: path)
        for f in try VectorSource(path).readLayer().reprojected(to: .guangmingWorking).features where !(try f.geometry?.isValid() ?? true) {
            throw IOError(.geometry, "\(f.displayName()) is invalid once read back: \(String(describing: try f.geometry?.validityProblem()))", location: path)
        }
        print("\(layer.name): \(layer.features.count) features")
    }
} catch {
    FileHandle.standardError.write(Data("GeoDataBuilder: \(error)\n".utf8))
    exit(1)
}
