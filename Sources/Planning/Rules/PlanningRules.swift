import Foundation
import GeoCore
import Settings

/// Every planning number the analyses use, read from a rules file (GeoData/<place>/rules.toml)
/// so a planner changes a number without code. Distances in metres, areas in m².
public struct PlanningRules: Sendable, Equatable {
    /// Strip half-widths (each side of the centreline) and station radius.
    public struct Corridors: Sendable, Equatable {
        /// Half-widths in metres on each side of the centreline, and the station radius.
        public var expressway: Double, arterial: Double, rail: Double, metro: Double, station: Double
    }

    /// Minimum distance from a footprint to a road or rail centreline.
    public struct Setbacks: Sendable, Equatable {
        /// Setbacks in metres from the centreline, by class.
        public var expressway: Double, arterial: Double, rail: Double
    }

    /// "300 m to green, 500 m to a park".
    public struct GreenService: Sendable, Equatable {
        /// Service radii (m), minimum sizes (m²) and the share each zone should reach.
        public var greenRadius: Double, greenMinArea: Double, parkRadius: Double, parkMinArea: Double, targetShare: Double
    }

    /// Connectivity of the green network.
    public struct GreenNetwork: Sendable, Equatable {
        /// Link distance and PC half-probability distance (m), minimum patch area (m²), and whether touching patches merge.
        public var linkDistance: Double, halfProbabilityDistance: Double, minPatchArea: Double, dissolve: Bool
    }

    /// Which projects need expert committee review.
    public struct Review: Sendable, Equatable {
        /// Zones that put in-zone kinds under review, the kinds reviewed in a zone, and those reviewed anywhere.
        public var zones: [String], kindsInZone: [String], kindsAnywhere: [String]
    }

    /// The CRS the analyses measure in (EPSG:4547 for Guangming).
    public var workingCRS: String
    /// Strip widths.
    public var corridors: Corridors
    /// Setbacks.
    public var setbacks: Setbacks
    /// The green-space service rule.
    public var greenService: GreenService
    /// The green-network rules.
    public var greenNetwork: GreenNetwork
    /// Which projects need expert committee review.
    public var review: Review
    /// The project kinds and the words planners write for them.
    public var kinds: ProjectKinds
    /// Citizen reports (质量颜值“随手拍”): hot-spot grid, duplicates, departments; nil when the
    /// rules file has no [citizen_reports] section (only `gmgeo hotspots` needs it).
    public var citizenReports: CitizenReportRules?
    /// Where each data layer comes from when it is not `<name>.geojson` in the data folder:
    /// a layer reference relative to the folder, e.g. "survey.gpkg#layer=roads,encoding=GBK".
    public var layers: [String: String]

    /// Reads a rules file.
    /// - Throws: `RulesError` naming the file and the missing or wrong key.
    public init(contentsOf url: URL) throws {
        let text: String
        do {
            text = try String(contentsOf: url, encoding: .utf8)
        } catch {
            throw RulesError(file: url.path, message: "cannot read the rules file")
        }
        try self.init(toml: text, file: url.path)
    }

    /// Parses rules from TOML text; `file` names it in errors.
    public init(toml text: String, file: String = "rules.toml") throws {
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch {
            throw RulesError(file: file, message: error.description)
        }
        let r = RulesReader(table: table, file: file)
        workingCRS = try r.string("crs", "working")
        corridors = Corridors(expressway: try r.distance("corridors", "expressway"), arterial: try r.distance("corridors", "arterial"),
                              rail: try r.distance("corridors", "rail"), metro: try r.distance("corridors", "metro"),
                              station: try r.distance("corridors", "station"))
        setbacks = Setbacks(expressway: try r.distance("setbacks", "expressway"), arterial: try r.distance("setbacks", "arterial"),
                            rail: try r.distance("setbacks", "rail"))
        greenService = GreenService(greenRadius: try r.distance("green_service", "green_radius"),
                                    greenMinArea: try r.distance("green_service", "green_min_area"),
                                    parkRadius: try r.distance("green_service", "park_radius"),
                                    parkMinArea: try r.distance("green_service", "park_min_area"),
                                    targetShare: try r.share("green_service", "target_share"))
        greenNetwork = GreenNetwork(linkDistance: try r.distance("green_network", "link_distance"),
                                    halfProbabilityDistance: try r.positive("green_network", "half_probability_distance"),
                                    minPatchArea: try r.distance("green_network", "min_patch_area"),
                                    dissolve: try r.bool("green_network", "dissolve"))
        review = Review(zones: try r.strings("review", "zones"), kindsInZone: try r.strings("review", "kinds_in_zone"),
                        kindsAnywhere: try r.strings("review", "kinds_anywhere"))
        layers = try r.layers()
        citizenReports = try r.citizenReports()
        kinds = try r.kinds(default: ["general"] + review.kindsInZone + review.kindsAnywhere)
        for kind in review.kindsInZone + review.kindsAnywhere where !kinds.keys.contains(kind) {
            throw RulesError(file: file, message: "[review] names the kind '\(kind)', which [project_kinds] does not define (kinds: \(kinds.keys.joined(separator: ", ")))")
        }
        _ = try CRS(workingCRS)
    }

    /// The setback for a road or rail class, or nil when the class has none (metro lines run
    /// mostly underground: they have a corridor but no building setback).
    public func setback(forClass cls: String) -> Double? {
        switch cls {
        case "expressway": return setbacks.expressway
        case "arterial": return setbacks.arterial
        case "rail", "national", "intercity": return setbacks.rail
        default: return nil
        }
    }

    /// The corridor half-width for a road or rail class, or nil.
    public func corridorWidth(forClass cls: String) -> Double? {
        switch cls {
        case "expressway": return corridors.expressway
        case "arterial": return corridors.arterial
        case "national", "intercity", "rail": return corridors.rail
        case "metro": return corridors.metro
        default: return nil
        }
    }
}

/// A rules file that cannot be used: which file, which key, what is wrong.
public struct RulesError: LocatedError, Sendable {
    /// The rules file.
    public let file: String
    /// What is wrong, naming the key.
    public let message: String
    /// Where: the rules file, and any outer place (a data folder).
    public var location: String?
    /// An error in `file`.
    public init(file: String, message: String) {
        self.file = file
        self.message = message
        location = file
    }
    /// One line: file and message.
    public var description: String { "\(locationPrefix)\(message)" }
}

/// Typed access to a TOML table with errors that name the key.
private struct RulesReader {
    let table: TOMLTable
    let file: String

    func value(_ section: String, _ key: String) throws -> TOMLValue {
        guard let s = table[section]?.table else { throw RulesError(file: file, message: "missing section [\(section)]") }
        guard let v = s[key] else { throw RulesError(file: file, message: "missing [\(section)] \(key)") }
        return v
    }

    func number(_ section: String, _ key: String) throws -> Double {
        let v = try value(section, key)
        guard let n = v.number, n.isFinite else {
            throw RulesError(file: file, message: "[\(section)] \(key) must be a number")
        }
        return n
    }

    func distance(_ section: String, _ key: String) throws -> Double {
        let n = try number(section, key)
        guard n >= 0 else { throw RulesError(file: file, message: "[\(section)] \(key) must be >= 0, got \(n)") }
        return n
    }

    func positive(_ section: String, _ key: String) throws -> Double {
        let n = try number(section, key)
        guard n > 0 else { throw RulesError(file: file, message: "[\(section)] \(key) must be > 0, got \(n)") }
        return n
    }

    func share(_ section: String, _ key: String) throws -> Double {
        let n = try number(section, key)
        guard (0...1).contains(n) else { throw RulesError(file: file, message: "[\(section)] \(key) must be between 0 and 1, got \(n)") }
        return n
    }

    func bool(_ section: String, _ key: String) throws -> Bool {
        guard let b = try value(section, key).bool else { throw RulesError(file: file, message: "[\(section)] \(key) must be true or false") }
        return b
    }

    func string(_ section: String, _ key: String) throws -> String {
        guard let s = try value(section, key).string else { throw RulesError(file: file, message: "[\(section)] \(key) must be text") }
        return s
    }

    /// [layers]: name = "reference"; optional.
    func layers() throws -> [String: String] {
        guard let section = table["layers"] else { return [:] }
        guard let entries = section.table else { throw RulesError(file: file, message: "[layers] must be a table of layer = \"file#settings\"") }
        var result: [String: String] = [:]
        for key in entries.keys {
            guard PlanningData.required.contains(key) || key == "projects-sample" else {
                throw RulesError(file: file, message: "[layers] \(key) is not a data layer (\(PlanningData.required.joined(separator: ", ")))")
            }
            guard let text = entries[key]?.string else { throw RulesError(file: file, message: "[layers] \(key) must be text") }
            result[key] = text
        }
        return result
    }

    /// [citizen_reports] with its [citizen_reports.departments] table; optional.
    func citizenReports() throws -> CitizenReportRules? {
        guard table["citizen_reports"] != nil else { return nil }
        let section = "citizen_reports"
        guard let departments = table[section]?.table?["departments"]?.table, !departments.isEmpty else {
            throw RulesError(file: file, message: "[citizen_reports] needs a [citizen_reports.departments] table: category = \"department\"")
        }
        var map: [(category: String, department: String)] = []
        for key in departments.keys {
            guard let d = departments[key]?.string, !d.isEmpty else {
                throw RulesError(file: file, message: "[citizen_reports.departments] \(key) must be the department's name as text")
            }
            map.append((key, d))
        }
        let knn = try number(section, "knn")
        guard knn >= 0, knn == knn.rounded() else { throw RulesError(file: file, message: "[citizen_reports] knn must be a whole number >= 0 (0: use the distance band)") }
        return CitizenReportRules(cellSize: try positive(section, "cell_size"), band: try positive(section, "neighbourhood"), knn: Int(knn),
                                  duplicateDistance: try distance(section, "duplicate_distance"), duplicateHours: try distance(section, "duplicate_hours"),
                                  departments: map)
    }

    /// [project_kinds]: key = [words]; without the section, the keys named in [review].
    func kinds(default keys: [String]) throws -> ProjectKinds {
        guard let section = table["project_kinds"] else {
            var seen: Set<String> = []
            return ProjectKinds(keys.filter { seen.insert($0).inserted }.map { ($0, []) })
        }
        guard let kinds = section.table else { throw RulesError(file: file, message: "[project_kinds] must be a table of kind = [words]") }
        guard !kinds.isEmpty else { throw RulesError(file: file, message: "[project_kinds] is empty") }
        return ProjectKinds(try kinds.keys.map { ($0, try strings("project_kinds", $0)) })
    }

    func strings(_ section: String, _ key: String) throws -> [String] {
        guard let a = try value(section, key).array else { throw RulesError(file: file, message: "[\(section)] \(key) must be a list of text") }
        return try a.map { v in
            guard let s = v.string else { throw RulesError(file: file, message: "[\(section)] \(key) must be a list of text") }
            return s
        }
    }
}
