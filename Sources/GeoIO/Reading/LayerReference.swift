import Foundation
import GeoCore

/// A layer named on a command line or in a rules file, with how to read it after a `#`:
/// `sites.csv#crs=gcj02,encoding=GBK`, `survey.gpkg#layer=parcels`,
/// `phone.csv#x=经度,y=纬度,skip-bad-rows=rejects.csv`. One syntax for every layer gmgeo
/// reads (the main input, the other layer of a query, each layer of a map, --projects,
/// --green, the layers of a data folder), so any of them can be given a CRS or encoding.
public struct LayerReference: Sendable {
    /// The file, connection or embedded layer name.
    public let source: String
    /// The settings after `#`, by key, in the order given.
    public let settings: [(key: String, value: String)]

    /// The keys understood after `#`.
    public static let keys = ["layer", "crs", "encoding", "x", "y", "location", "wkt", "skip-bad-rows"]

    /// Splits `argument` at its last `#` when what follows is `key=value` pairs with known
    /// keys; a name that exists as a file as written is taken whole.
    /// - Throws: `IOError.format` for an unknown key, naming the ones there are.
    public init(_ argument: String) throws(IOError) {
        guard !argument.hasPrefix("PG:"), !FileManager.default.fileExists(atPath: argument),
              let hash = argument.lastIndex(of: "#") else {
            source = argument
            settings = []
            return
        }
        let tail = argument[argument.index(after: hash)...]
        var pairs: [(key: String, value: String)] = []
        for part in tail.split(separator: ",") {
            guard let eq = part.firstIndex(of: "=") else {
                throw IOError(.format, "after '#' give key=value settings separated by commas, e.g. '#crs=gcj02,encoding=GBK'; got '\(part)'", location: argument)
            }
            let key = part[..<eq].trimmingCharacters(in: .whitespaces).lowercased()
            guard LayerReference.keys.contains(key) else {
                throw IOError(.format, "unknown setting '\(key)' after '#'; settings: \(LayerReference.keys.joined(separator: ", "))", location: argument)
            }
            pairs.append((key, part[part.index(after: eq)...].trimmingCharacters(in: .whitespaces)))
        }
        source = String(argument[..<hash])
        settings = pairs
    }

    /// `base` with this reference's settings applied on top.
    /// - Throws: `CRSError` for a CRS PROJ cannot read.
    public func options(over base: ReadOptions) throws -> ReadOptions {
        var options = base
        for (key, value) in settings {
            switch key {
            case "layer": options.layer = value
            case "crs": options.crs = try CRS(value)
            case "encoding": options.encoding = value
            case "x": options.columns.x = value
            case "y": options.columns.y = value
            case "location": options.columns.pair = value
            case "wkt": options.columns.wkt = value
            case "skip-bad-rows": options.badRows = .skip(rejects: value)
            default: break
            }
        }
        return options
    }
}
