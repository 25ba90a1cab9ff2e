import Foundation
import GeoCore
import GeoIO
import MapRender

/// report.qgs and a .qml beside every GeoJSON of the report: the layers of the web map, in
/// QGIS, grouped as the report's sections and styled as the printed maps. The result files are
/// already in the folder; the input layers the maps draw on go to inputs/ so the project has
/// its base (district, streets, roads, rail) with relative paths only.
enum ReportQGIS {
    /// The sections, top of the layers panel first, and the layers in each (top first).
    static let groups: [(zh: String, en: String, ids: [String])] = [
        ("项目选址校核", "Project validation", ["projects-validated"]),
        ("绿色景观网络", "Green network", ["green-gap-links", "green-links", "green-patches"]),
        ("绿地服务", "Green-space service", ["green-service-gaps", "green-service"]),
        ("景观控制带", "Landscape corridors", ["corridors", "road-belts"]),
        ("市民随手拍", "Citizen reports", ["hotspot-cells"]),
        ("基础数据", "Base data", ["stations", "rail", "roads", "boundary", "control-zones", "upgrade-districts", "green"]),
    ]

    /// The input layers written to inputs/ (the rest are the report's own result files).
    static let inputs: Set<String> = ["stations", "rail", "roads", "boundary", "control-zones", "upgrade-districts", "green"]

    /// Adds the inputs' GeoJSON, every layer's .qml and report.qgs to `files`.
    static func add(_ layers: [WebMapLayer], title: String, crs: CRS, language: Language, to files: inout ReportFiles) throws {
        var project: [String: QGISProject.Layer] = [:]
        for web in layers {
            guard let type = web.layer.features.lazy.compactMap({ $0.geometry?.type }).first else { continue }
            let path = (inputs.contains(web.id) ? "inputs/" : "") + web.id + ".geojson"
            if inputs.contains(web.id) { files.layer(web.layer, path) }
            let style = QGISStyle(web.style, geometry: type, language: language)
            files.text(style.qml, String(path.dropLast(".geojson".count)) + ".qml")
            project[web.id] = QGISProject.Layer(path: path, title: language.pick(web.style.title), style: style, geometry: type, visible: web.visible)
        }
        let grouped = groups.map { group in (title: language == .zh ? group.zh : group.en, layers: group.ids.compactMap { project[$0] }) }
        files.text(try QGISProject(title: title, crs: crs, groups: grouped.filter { !$0.layers.isEmpty }).xml(), "report.qgs")
    }
}
