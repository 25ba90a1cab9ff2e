import Foundation
import GeoCore
import GeoIO

/// The real parks: OpenStreetMap's park polygons in the district, matched by name to the
/// official 2024 list, and the listed parks OSM does not have whose position is good (a point
/// carrying its official area).
struct Parks {
    /// A row of the official list.
    struct Listed {
        let name: String, category: String, area: Double
    }

    /// A park as it goes into the green layer (name_en is the Chinese name where no English
    /// one is published).
    struct Park {
        let name: String, nameEn: String, geometry: Geometry, osmID: Int64?
        let listed: Listed?
        /// How it was tied to the list: by "name", by the "geocoder link", or its "position".
        let match: String?
    }

    let polygons: [Park]
    let points: [Park]
    let list: [Listed]
    /// OSM parks the list has no name for, and listed positions left out, for the README.
    let unmatchedOSM: [String]
    let skippedPositions: [(name: String, reason: String)]

    static let osmFile = "guangming_parks_osm_wgs84.geojson"
    static let listFile = "guangming_parks_2024_official_list.csv"
    static let geocodedFile = "guangming_parks_2024_official_geocoded_gcj02.geojson"
    static let osmSource = "real: OpenStreetMap leisure=park (© OpenStreetMap contributors, ODbL) via github.com/grumoon/shenzhen-footprint@ca1be04; clipped to the district"
    static let listSource = "real: 2024年深圳市公园名录 (official list) with a position geocoded by github.com/grumoon/shenzhen-footprint@ca1be04 (GCJ-02, converted by gmgeo); position only, no outline: analyses use a circle of the official area"

    init(shared: URL, district: Geometry) throws {
        list = try Parks.readList(shared.appendingPathComponent(Parks.listFile).path)
        let osmPath = shared.appendingPathComponent(Parks.osmFile).path
        let osm = try VectorSource(osmPath, options: ReadOptions(crs: .wgs84)).readLayer().reprojected(to: .guangmingWorking)
        let geocodedPath = shared.appendingPathComponent(Parks.geocodedFile).path
        let geocoded = try VectorSource(geocodedPath, options: ReadOptions(crs: .gcj02)).readLayer().reprojected(to: .guangmingWorking)
        // The geocoder's own polygon links (accuracy high: "this listed park is that OSM
        // polygon"), used only for an OSM park whose name matches nothing in the list.
        var linked: [String: String] = [:]
        for f in geocoded.features where f["accuracy"] == .string("high") && f["osm_name"] != .null {
            linked[f["osm_name"].description] = linked[f["osm_name"].description] ?? f["name"].description
        }
        var polygons: [Park] = [], unmatched: [String] = []
        for f in osm.features {
            guard let raw = f.geometry, try raw.intersects(district) else { continue }
            let g = try Shapes.valid(raw)
            let clipped = try Shapes.polygonal(try g.intersection(district))
            guard try clipped.area() > 0 else { continue }
            let id: Int64? = if case .integer(let n) = f["osm_id"] { n } else { nil }
            let osmName = f["name"].description
            let name = osmName.isEmpty ? "未命名公园（OSM \(f["osm_type"].description) \(id.map(String.init) ?? "?")）" : osmName
            var listed = osmName.isEmpty ? nil : Parks.match(osmName, in: list)
            var how = listed == nil ? nil : "name"
            if listed == nil, let other = linked[osmName], let park = list.first(where: { $0.name == other }) {
                (listed, how) = (park, "geocoder link")
            }
            if listed == nil { unmatched.append(name) }
            polygons.append(Park(name: name, nameEn: f["name:en"].description.isEmpty ? name : f["name:en"].description, geometry: clipped, osmID: id, listed: listed, match: how))
        }
        self.polygons = polygons
        unmatchedOSM = unmatched
        // Listed parks OSM lacks, where the geocoder's position is good (high or medium).
        var points: [Park] = [], skipped: [(String, String)] = []
        let named = Set(polygons.compactMap { $0.listed?.name })
        for f in geocoded.features {
            let name = f["name"].description, accuracy = f["accuracy"].description
            guard ["high", "medium"].contains(accuracy), !named.contains(name), let g = f.geometry else { continue }
            let osmName = f["osm_name"].description
            if !osmName.isEmpty && !ParkNames.same(name, osmName) {
                skipped.append((name, "its polygon is OSM's \(osmName), another park"))
                continue
            }
            let at = g.type == .point ? g : try g.pointOnSurface()
            guard try district.contains(at) else { skipped.append((name, "position outside the district")); continue }
            if let inside = try polygons.first(where: { try $0.geometry.contains(at) }) {
                skipped.append((name, "position inside OSM's \(inside.name)"))
                continue
            }
            guard let listed = list.first(where: { $0.name == name }) else { skipped.append((name, "not in the official list")); continue }
            points.append(Park(name: name, nameEn: name, geometry: at, osmID: nil, listed: listed, match: "position, accuracy \(accuracy)"))
        }
        self.points = points
        skippedPositions = skipped
    }

    /// The listed park a name matches: an exact match first, else the first by `ParkNames`.
    static func match(_ name: String, in list: [Listed]) -> Listed? {
        list.first { $0.name == name } ?? list.first { ParkNames.same($0.name, name) }
    }

    /// The official list: name, category (公园大类) and area (公顷).
    static func readList(_ path: String) throws -> [Listed] {
        let table: DelimitedText
        do { table = try DelimitedText(Array(try Data(contentsOf: URL(fileURLWithPath: path)))) } catch let failure as DelimitedText.Failure {
            throw IOError(.open, "line \(failure.line): \(failure.reason)", location: path)
        }
        func column(_ name: String) throws -> Int {
            guard let i = table.columns.firstIndex(of: name) else { throw IOError(.unknownField, "no column \(name)", location: path) }
            return i
        }
        let (name, category, area) = (try column("公园名称"), try column("公园大类"), try column("面积（公顷）"))
        return try table.records.filter { !$0.isEmptyLine }.map { r in
            guard r.cells.count > max(name, category, area), let ha = Double(r.cells[area]) else {
                throw IOError(.open, "line \(r.line): no area", location: path)
            }
            return Listed(name: r.cells[name], category: r.cells[category], area: ha)
        }
    }

    /// The green class of a listed category (社区公园 / 城市公园 / 自然公园).
    static func greenClass(_ category: String?) -> String {
        switch category {
        case "社区公园": return "community-park"
        case "自然公园": return "nature-park"
        default: return "park"
        }
    }
}
