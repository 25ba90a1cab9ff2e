import Foundation

/// The embedded data folders (GeoData/<place>) and their layers by short name, so a planner
/// can say `roads` instead of a path.
public enum GeoDataCatalog {
    /// The folder of the default place's data: $GMGEO_DATA, else ./GeoData/guangming, else
    /// the GeoData/guangming of the source tree gmgeo was built from.
    public static var defaultFolder: URL? {
        let fm = FileManager.default
        if let env = ProcessInfo.processInfo.environment["GMGEO_DATA"], !env.isEmpty {
            return URL(fileURLWithPath: env)
        }
        let local = URL(fileURLWithPath: fm.currentDirectoryPath).appendingPathComponent("GeoData/guangming")
        if fm.fileExists(atPath: local.path) { return local }
        var built = URL(fileURLWithPath: #filePath)
        for _ in 0..<4 { built.deleteLastPathComponent() }
        let source = built.appendingPathComponent("GeoData/guangming")
        return fm.fileExists(atPath: source.path) ? source : nil
    }

    /// The short names of the layers in `folder` (file names without ".geojson").
    public static func layerNames(in folder: URL? = defaultFolder) -> [String] {
        guard let folder, let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return [] }
        return names.filter { $0.hasSuffix(".geojson") }.map { String($0.dropLast(8)) }.sorted()
    }

    /// `argument` itself when it names an existing file or a `PG:` connection; else the
    /// embedded layer with that short name; else nil.
    public static func resolve(_ argument: String, in folder: URL? = defaultFolder) -> String? {
        if argument.hasPrefix("PG:") || FileManager.default.fileExists(atPath: argument) { return argument }
        guard let folder, !argument.contains("/") else { return nil }
        let candidate = folder.appendingPathComponent("\(argument).geojson").path
        return FileManager.default.fileExists(atPath: candidate) ? candidate : nil
    }
}
