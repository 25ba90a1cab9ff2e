import Foundation
import GeoCore
import GeoIO

/// A place's planning layers, read from a data folder (GeoData/guangming by default) and
/// projected to the working CRS.
public struct PlanningData: Sendable {
    /// The data folder.
    public let folder: URL
    /// The rules in force.
    public let rules: PlanningRules
    /// The district and its streets.
    public let boundary: Layer
    /// Expressways and arterials.
    public let roads: Layer
    /// Rail and metro lines.
    public let rail: Layer
    /// Stations.
    public let stations: Layer
    /// Landscape control zones.
    public let controlZones: Layer
    /// Landscape-upgrade districts.
    public let upgradeDistricts: Layer
    /// Green patches and greenways; a point park is already its circle (`GreenPoints`).
    public let green: Layer

    /// The layer file names a data folder must hold.
    public static let required = ["boundary", "roads", "rail", "stations", "control-zones", "upgrade-districts", "green"]

    /// Reads every layer of `folder` and the rules (`rules` or `folder`/rules.toml).
    /// - Throws: `IOError`/`RulesError` naming the missing or broken file.
    public init(folder: URL, rules rulesFile: URL? = nil) throws {
        self.folder = folder
        let rules = try PlanningRules(contentsOf: rulesFile ?? folder.appendingPathComponent("rules.toml"))
        self.rules = rules
        let working = try CRS(rules.workingCRS)
        // The seven layers are independent: read, project and check them on every core.
        let layers = try ParallelMap.map(0..<PlanningData.required.count) { i in
            let name = PlanningData.required[i]
            let (path, options) = try PlanningData.source(of: name, in: folder, rules: rules)
            var layer = try VectorSource(path, options: options).readLayer().reprojected(to: working)
            if name == "green" { layer = try GreenPoints.circles(layer, location: path) }
            let report = try layer.validityReport()
            if let first = report.invalid.first { throw IOError(.geometry, "invalid geometry: \(first)", location: path) }
            return layer
        }
        (boundary, roads, rail, stations) = (layers[0], layers[1], layers[2], layers[3])
        (controlZones, upgradeDistricts, green) = (layers[4], layers[5], layers[6])
    }

    /// Where layer `name` is read from: the rules' [layers] reference (relative to the
    /// folder), else `<name>.geojson`, with the reference's settings as read options.
    public static func source(of name: String, in folder: URL, rules: PlanningRules) throws -> (path: String, options: ReadOptions) {
        guard let text = rules.layers[name] else {
            let path = folder.appendingPathComponent("\(name).geojson").path
            guard FileManager.default.fileExists(atPath: path) else {
                throw IOError(.open, "the data folder has no \(name).geojson (needs \(PlanningData.required.joined(separator: ", ")), or a [layers] entry in the rules)",
                              location: folder.path)
            }
            return (path, ReadOptions())
        }
        let reference = try LayerReference(text)
        let path = reference.source.hasPrefix("/") || reference.source.hasPrefix("PG:") ? reference.source
            : folder.appendingPathComponent(reference.source).path
        guard path.hasPrefix("PG:") || FileManager.default.fileExists(atPath: path) else {
            throw IOError(.open, "[layers] \(name) = \"\(text)\": no such file", location: folder.path)
        }
        return (path, try reference.options(over: ReadOptions()))
    }

    /// The district polygon (the boundary feature of class "district", else all of them).
    public func district() throws -> Geometry {
        let parts = boundary.features.filter { $0["class"] == .string("district") }.compactMap(\.geometry)
        return parts.count == 1 ? parts[0] : try Geometry.unaryUnion(parts.isEmpty ? boundary.features.compactMap(\.geometry) : parts)
    }

    /// The district's name, from its boundary feature (name_zh of class "district").
    public var districtName: String {
        boundary.features.first { $0["class"] == .string("district") }.map(PlanningData.name) ?? "district"
    }

    /// The district's Chinese and English names (name_zh, name_en of its boundary feature).
    public var districtNames: ProjectReason.Place {
        let feature = boundary.features.first { $0["class"] == .string("district") }
        let en = feature?["name_en"].description
        return ProjectReason.Place(zh: districtName, en: en?.isEmpty == false ? en : nil)
    }

    /// The zone sets a command can name instead of a file, in one place.
    public static let zoneSets = ["streets", "district", "upgrade-districts", "control-zones"]

    /// The zones of a named set (`zoneSets`), or nil for another name.
    public func zones(named set: String) throws -> [Zone]? {
        switch set {
        case "streets": return streets
        case "district": return [Zone(name: districtName, geometry: try district())]
        case "upgrade-districts": return PlanningData.named(upgradeDistricts)
        case "control-zones": return PlanningData.named(controlZones)
        default: return nil
        }
    }

    /// The streets (boundary features of class "street").
    public var streets: [Zone] { PlanningData.named(boundary, cls: "street") }

    /// Roads, rail and stations as network features.
    public var network: [NetworkFeature] {
        [roads, rail, stations].flatMap { layer in
            layer.features.compactMap { f in
                f.geometry.map { NetworkFeature(name: f["name_zh"].description, cls: f["class"].description, geometry: $0) }
            }
        }
    }

    /// Features of `layer` (of class `cls` when given) as zones.
    public static func named(_ layer: Layer, cls: String? = nil) -> [Zone] {
        layer.features.compactMap { f in
            guard cls == nil || f["class"] == .string(cls ?? "") else { return nil }
            return f.geometry.map { Zone(name: Self.name(f), geometry: $0) }
        }
    }

    /// A feature's display name: name_zh, name, name_en, or its id.
    public static func name(_ f: Feature) -> String { f.displayName() }
}
