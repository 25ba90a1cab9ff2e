import Foundation

/// Leaflet as Debian's libjs-leaflet installs it, copied into each web map so the page needs
/// no network (no CDN). GMGEO_LEAFLET names another folder holding leaflet.js and leaflet.css.
struct Leaflet {
    /// The folder holding leaflet.js, leaflet.css and images/.
    let folder: URL

    static let debianFolder = "/usr/share/javascript/leaflet"

    /// The installed Leaflet.
    /// - Throws: `MapError` saying how to install it.
    static func locate(environment: [String: String] = ProcessInfo.processInfo.environment) throws(MapError) -> Leaflet {
        let path = environment["GMGEO_LEAFLET"] ?? debianFolder
        let fm = FileManager.default
        guard fm.fileExists(atPath: path + "/leaflet.js"), fm.fileExists(atPath: path + "/leaflet.css") else {
            throw MapError("Leaflet is not installed (apt-get install libjs-leaflet, or set GMGEO_LEAFLET to a folder with leaflet.js and leaflet.css); the web map needs it",
                           location: path)
        }
        return Leaflet(folder: URL(fileURLWithPath: path))
    }

    /// Copies leaflet.js (the minified build where present), leaflet.css and the control
    /// images into `target`; returns the bytes copied.
    func copy(into target: URL) throws -> Int {
        let fm = FileManager.default
        let minified = folder.appendingPathComponent("leaflet.min.js")
        var files: [(URL, String)] = [(fm.fileExists(atPath: minified.path) ? minified : folder.appendingPathComponent("leaflet.js"), "leaflet.js"),
                                      (folder.appendingPathComponent("leaflet.css"), "leaflet.css")]
        let images = folder.appendingPathComponent("images")
        for name in (try? fm.contentsOfDirectory(atPath: images.path))?.filter({ $0.hasSuffix(".png") }).sorted() ?? [] {
            files.append((images.appendingPathComponent(name), "images/" + name))
        }
        var bytes = 0
        do {
            try fm.createDirectory(at: target.appendingPathComponent("images"), withIntermediateDirectories: true)
            for (source, name) in files {
                // Debian links the files into /usr/share/nodejs: copy what the link points at.
                let data = try Data(contentsOf: source.resolvingSymlinksInPath())
                try data.write(to: target.appendingPathComponent(name))
                bytes += data.count
            }
        } catch {
            throw MapError("cannot copy Leaflet: \(error.localizedDescription)", location: target.path)
        }
        return bytes
    }
}
