import Foundation
import GeoCore
import GeoIO

/// The six streets from OpenStreetMap, fitted to the DataV district outline so that they tile
/// it exactly. The two sources disagree by up to a few hundred metres at the edge: the OSM
/// streets are clipped to the district, and each sliver of the district that lies in no OSM
/// street goes to the street sharing the longest border with it.
struct FittedStreets {
    /// One fitted street and how fitting changed it (m²).
    struct Street {
        let name: String, osmID: Int64, geometry: Geometry
        let osmArea: Double, lostByClipping: Double, gainedFromSlivers: Double
    }

    let streets: [Street]
    /// The district as the streets' union, in the working CRS: the DataV outline with a vertex
    /// added (within 5 mm, the grid) wherever a street border meets it, so the streets tile the
    /// district's own file exactly.
    let noded: Geometry

    static let file = "guangming_streets_osm_gcj02.geojson"
    /// Overlay precision (degrees, the 7 decimals GeoJSON files keep): every overlay here snaps
    /// to it, so shared edges are exact and survive writing.
    static let grid = 1e-7
    static let source = "real: OpenStreetMap administrative boundary (© OpenStreetMap contributors, ODbL) via github.com/grumoon/shenzhen-footprint@ca1be04; GCJ-02 converted to WGS 84 by gmgeo; clipped to the DataV district, slivers between the two outlines given to the neighbouring street"

    /// Reads the OSM streets from `shared` (GCJ-02) and fits them to `district` (WGS 84, on
    /// the grid); the streets come out in the working CRS, areas in m².
    init(shared: URL, district: Geometry, order: [String]) throws {
        let path = shared.appendingPathComponent(FittedStreets.file).path
        let layer = try VectorSource(path, options: ReadOptions(crs: .gcj02)).readLayer().reprojected(to: .wgs84)
        let metres = try Transformer(from: .wgs84, to: .guangmingWorking)
        let osm = try order.map { name -> (Feature, Geometry) in
            guard let f = layer.features.first(where: { $0["name"] == .string(name) }), let g = f.geometry else {
                throw IOError(.open, "no street \(name)", location: path)
            }
            return (f, try Shapes.valid(g))
        }
        let grid = FittedStreets.grid
        // Clip; a street never takes what an earlier one already holds, so overlaps are 0 by
        // construction even where the converted outlines cross by a rounding error.
        var taken: Geometry?
        var clipped: [Geometry] = []
        for (_, g) in osm {
            var part = try Shapes.polygonal(try g.intersection(district, gridSize: grid))
            if let taken { part = try Shapes.polygonal(try part.difference(taken, gridSize: grid)) }
            taken = try taken.map { try $0.union(part, gridSize: grid) } ?? part
            clipped.append(part)
        }
        let slivers = try taken.map { try Shapes.polygonal(try district.difference($0, gridSize: grid)).parts() } ?? []
        var gained = [[Geometry]](repeating: [], count: osm.count)
        for sliver in slivers where try sliver.area() > 0 {
            gained[try FittedStreets.owner(of: sliver, among: clipped)].append(sliver)
        }
        let fitted = try osm.indices.map { i in
            gained[i].isEmpty ? clipped[i] : try Shapes.polygonal(try Geometry.unaryUnion([clipped[i]] + gained[i], gridSize: grid))
        }
        noded = try metres.transform(try Geometry.unaryUnion(fitted, gridSize: grid))
        streets = try osm.indices.map { i in
            guard case .integer(let id) = osm[i].0["osm_id"] else { throw IOError(.unknownField, "street \(order[i]) has no integer osm_id", location: path) }
            let area = { (g: Geometry) throws -> Double in try metres.transform(g).area() }
            return Street(name: order[i], osmID: id, geometry: try metres.transform(fitted[i]), osmArea: try area(osm[i].1),
                          lostByClipping: try area(osm[i].1) - area(clipped[i]),
                          gainedFromSlivers: try gained[i].reduce(0) { $0 + (try area($1)) })
        }
    }

    /// The street sharing the longest border with `sliver`, else the nearest.
    static func owner(of sliver: Geometry, among streets: [Geometry]) throws -> Int {
        let edge = try sliver.boundary()
        let shared = try streets.map { try edge.intersection(try $0.boundary()).length() }
        if let best = shared.indices.max(by: { (shared[$0], -$0) < (shared[$1], -$1) }), shared[best] > 0 { return best }
        let distance = try streets.map { try sliver.distance(to: $0) }
        return distance.indices.min(by: { (distance[$0], $0) < (distance[$1], $1) }) ?? 0
    }
}
