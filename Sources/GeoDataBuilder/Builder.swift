import Foundation
import GeoCore
import GeoIO
import Settings

/// Derives every layer of GeoData/guangming, in EPSG:4547 (written out as WGS 84 GeoJSON).
struct Builder {
    let shared: URL
    let rules: TOMLTable
    let shapes: Shapes
    let district: Geometry
    /// The district in WGS 84 lon/lat, on the 1e-7° grid of the written files.
    let districtLonLat: Geometry

    static let dataVSource = "real: DataV.GeoAtlas 440311 (AMap data) via github.com/tnnevol/gmap@b248aaa, no licence stated; GCJ-02 converted to WGS 84 by gmgeo (iterative inverse, <1 cm)"
    static let metroSource = "real station positions: github.com/haliun0301/metro@c923c38 stations.ts, no licence stated, datum inferred WGS 84; line drawn station to station"
    static let schematic = "schematic: drawn by hand from public descriptions, positions approximate (hundreds of metres), not surveyed"

    init(shared: URL, rules: TOMLTable) throws {
        self.shared = shared
        self.rules = rules
        shapes = try Shapes()
        // The DataV file is a bare JSON array of Features (not a FeatureCollection) in GCJ-02.
        let data = try Data(contentsOf: shared.appendingPathComponent("guangming_440311_datav_gcj02.json"))
        guard let features = try JSONSerialization.jsonObject(with: data) as? [[String: Any]],
              let geometry = features.first?["geometry"] else {
            throw IOError(.open, "not a JSON array of features", location: "guangming_440311_datav_gcj02.json")
        }
        let gcj = try Geometry(geoJSON: String(decoding: try JSONSerialization.data(withJSONObject: geometry), as: UTF8.self))
        // On the files' own grid (GeoJSON keeps 7 decimals), so the streets fitted to it by
        // overlays on the same grid share its vertices exactly, in memory and in the files.
        districtLonLat = try Transformer(from: .gcj02, to: .wgs84).transform(gcj).unaryUnion(gridSize: FittedStreets.grid)
        district = try Transformer(from: .wgs84, to: .guangmingWorking).transform(districtLonLat)
    }

    func number(_ table: String, _ key: String) throws -> Double {
        guard let n = rules[table]?.table?[key]?.number else {
            throw IOError(.unknownField, "rules.toml has no number [\(table)] \(key)")
        }
        return n
    }

    func layers(parks: Parks) throws -> [Layer] {
        let roads = try roadLayer()
        let rail = try railLayer()
        return [try boundaryLayer(), roads, rail, try stationLayer(), try controlZoneLayer(roads: roads, rail: rail),
                try upgradeDistrictLayer(), try greenLayer(parks: parks), try projectLayer()]
    }

    static let fields = [Field("name_zh", .string), Field("name_en", .string), Field("class", .string), Field("source", .string)]

    func feature(_ g: Geometry, _ nameZh: String, _ nameEn: String, _ cls: String, _ source: String,
                 _ extra: [String: FieldValue] = [:]) -> Feature {
        var properties: [String: FieldValue] = ["name_zh": .string(nameZh), "name_en": .string(nameEn), "class": .string(cls), "source": .string(source)]
        properties.merge(extra) { $1 }
        return Feature(geometry: g, properties: properties)
    }

    func layer(_ name: String, _ features: [Feature], extra: [Field] = []) -> Layer {
        var numbered = features
        for i in numbered.indices { numbered[i].id = Int64(i) }
        return Layer(name: name, crs: .guangmingWorking, fields: Builder.fields + extra, features: numbered)
    }

    // MARK: boundary and streets

    func boundaryLayer() throws -> Layer {
        let fitted = try FittedStreets(shared: shared, district: districtLonLat, order: Sketch.streets.map(\.nameZh))
        var features = [feature(fitted.noded, "光明区", "Guangming District", "district",
                                Builder.dataVSource + "; noded where the street borders meet it (vertices within 5 mm)",
                                ["area_km2": .real((try fitted.noded.area() / 1e4).rounded() / 100)])]
        for (street, sketch) in zip(fitted.streets, Sketch.streets) {
            let km2 = { (m2: Double) in FieldValue.real((m2 / 1e4).rounded() / 100) }
            features.append(feature(street.geometry, street.name, sketch.nameEn, "street", FittedStreets.source,
                                    ["area_km2": km2(try street.geometry.area()), "osm_id": .integer(street.osmID),
                                     "osm_area_km2": km2(street.osmArea), "clipped_km2": km2(street.lostByClipping),
                                     "sliver_km2": km2(street.gainedFromSlivers)]))
        }
        return layer("boundary", features, extra: [Field("area_km2", .real), Field("osm_id", .integer), Field("osm_area_km2", .real),
                                                  Field("clipped_km2", .real), Field("sliver_km2", .real)])
    }

    // MARK: roads

    func roadLayer() throws -> Layer {
        let sketches = Sketch.expressways + Sketch.arterials
        let clipped = try sketches.map { try Shapes.lineal(try shapes.line($0.line).intersection(district)) }
        // Node the whole network once, then give every noded piece to the road it lies on.
        let noded = try Geometry.unaryUnion(clipped).parts()
        var pieces = [[Geometry]](repeating: [], count: sketches.count)
        let corridors = try clipped.map { try $0.buffer(0.01) }
        for piece in noded {
            guard let owner = try corridors.firstIndex(where: { try $0.covers(piece) }) else { continue }
            pieces[owner].append(piece)
        }
        // Clipping to the district's jagged edge leaves some stubs touching no other road:
        // keep the largest connected network so every piece is reachable.
        let connected = try Builder.largestNetwork(pieces.flatMap { $0 })
        pieces = pieces.map { $0.filter { connected.contains(ObjectIdentifier($0)) } }
        let features = try sketches.enumerated().compactMap { i, road -> Feature? in
            guard !pieces[i].isEmpty else { return nil }
            return feature(try Geometry.collection(pieces[i]), road.nameZh, road.nameEn, road.roadClass, Builder.schematic,
                           ["structure": .string(road.structure)])
        }
        return layer("roads", features, extra: [Field("structure", .string)])
    }

    /// The pieces of the largest connected component, joining pieces at shared end points.
    static func largestNetwork(_ pieces: [Geometry]) throws -> Set<ObjectIdentifier> {
        var parent: [Coordinate: Coordinate] = [:]
        func find(_ c: Coordinate) -> Coordinate {
            var c = c
            while let p = parent[c], p != c { c = p }
            return c
        }
        let ends = pieces.map { ($0.coordinates.first ?? Coordinate(0, 0), $0.coordinates.last ?? Coordinate(0, 0)) }
        for (a, b) in ends {
            parent[a] = parent[a] ?? a
            parent[b] = parent[b] ?? b
            let (ra, rb) = (find(a), find(b))
            if ra != rb { parent[ra] = rb }
        }
        var length: [Coordinate: Double] = [:]
        for (piece, ends) in zip(pieces, ends) { length[find(ends.0), default: 0] += try piece.length() }
        guard let main = length.max(by: { $0.value < $1.value })?.key else { return [] }
        let kept = zip(pieces, ends).filter { find($0.1.0) == main }.map { ObjectIdentifier($0.0) }
        if kept.count < pieces.count { print("roads: dropped \(pieces.count - kept.count) stub(s) cut off by the district edge") }
        return Set(kept)
    }

    // MARK: rail and stations

    static let line6 = ["薯田埔", "合水口", "公明广场", "红花山", "楼村", "科学公园", "光明", "光明大街", "凤凰城", "长圳"]
    static let line6Branch = ["光明城", "虹桥公园", "碧眼", "光明", "圳美", "中大", "深理工"]

    func stations() throws -> [String: (Double, Double)] {
        let data = try Data(contentsOf: shared.appendingPathComponent("shenzhen_metro_stations_haliun0301.geojson"))
        guard let json = try JSONSerialization.jsonObject(with: data) as? [String: Any],
              let features = json["features"] as? [[String: Any]] else {
            throw IOError(.open, "not a FeatureCollection", location: "shenzhen_metro_stations_haliun0301.geojson")
        }
        var result: [String: (Double, Double)] = [:]
        for f in features {
            guard let p = f["properties"] as? [String: Any], let name = p["name_zh"] as? String, let line = p["line"] as? String,
                  line.hasPrefix("Line 6"), let g = f["geometry"] as? [String: Any], let c = g["coordinates"] as? [Double], c.count == 2 else { continue }
            result[name] = (c[0], c[1])
        }
        return result
    }

    func railLayer() throws -> Layer {
        let s = try stations()
        var features: [Feature] = []
        for (nameZh, nameEn, names) in [("地铁6号线", "Metro Line 6", Builder.line6), ("地铁6号线支线", "Metro Line 6 Branch", Builder.line6Branch)] {
            let points = names.compactMap { s[$0] }
            guard points.count == names.count else { throw IOError(.open, "missing Line 6 stations in the metro data") }
            features.append(feature(try Shapes.lineal(try shapes.line(points).intersection(district)), nameZh, nameEn, "metro", Builder.metroSource))
        }
        for sketch in Sketch.railLines {
            let g = try Shapes.lineal(try shapes.line(sketch.line).intersection(district))
            guard !g.isEmpty else { continue }
            features.append(feature(g, sketch.nameZh, sketch.nameEn, sketch.railClass, Builder.schematic))
        }
        return layer("rail", features)
    }

    func stationLayer() throws -> Layer {
        let s = try stations()
        var features: [Feature] = []
        for name in Builder.line6 + Builder.line6Branch where !features.contains(where: { $0["name_zh"] == .string(name + "站") }) {
            guard let p = s[name] else { continue }
            let c = try shapes.metres(p)
            let lines = [Builder.line6.contains(name) ? "6号线" : nil, Builder.line6Branch.contains(name) ? "6号线支线" : nil].compactMap { $0 }
            let isHub = name == "光明城"
            features.append(feature(try Geometry.point(c.x, c.y), name + "站", name == "光明城" ? "Guangmingcheng Station" : name,
                                    isHub ? "rail-hub" : "metro-station", Builder.metroSource,
                                    ["lines": .string((isHub ? ["赣深高铁", "穗莞深城际"] + lines : lines).joined(separator: ";"))]))
        }
        return layer("stations", features, extra: [Field("lines", .string)])
    }

    // MARK: control zones

    func controlZoneLayer(roads: Layer, rail: Layer) throws -> Layer {
        var features = [try centralDistrict(roads: roads)]
        for (i, zone) in Sketch.controlZones.enumerated() {
            let g = try Shapes.polygonal(try shapes.blob(zone.centre, zone.radii.0, zone.radii.1, seed: i + 2).intersection(district))
            features.append(feature(g, zone.nameZh, zone.nameEn, "named-zone", Builder.schematic))
        }
        let river = try shapes.line(Sketch.maozhouRiver).buffer(150, style: BufferStyle(cap: .flat))
        features.append(feature(try Shapes.polygonal(try river.intersection(district)), "茅洲河光明段", "Maozhou River (Guangming section)", "named-zone",
                                "schematic: 150 m each side of the river's sketched course"))
        // The strips are derived from the rail and road layers with the rules' widths.
        let railStrips = try rail.features.compactMap { f -> Geometry? in
            guard let g = f.geometry else { return nil }
            let width = try f["class"] == .string("metro") ? number("corridors", "metro") : number("corridors", "rail")
            return try g.buffer(width, style: BufferStyle(cap: .flat))
        }
        features.append(feature(try Shapes.polygonal(try Geometry.unaryUnion(railStrips).intersection(district)), "轨道沿线", "Rail corridors",
                                "derived-strip", "derived: rail layer buffered by rules.toml [corridors] rail/metro on each side"))
        let roadStrips = try roads.features.compactMap { f -> Geometry? in
            guard let g = f.geometry else { return nil }
            return try g.buffer(try number("corridors", f["class"].description), style: BufferStyle(cap: .flat))
        }
        features.append(feature(try Shapes.polygonal(try Geometry.unaryUnion(roadStrips).intersection(district)), "主要道路及景观道路两侧",
                                "Both sides of main and landscape roads", "derived-strip",
                                "derived: roads layer buffered by rules.toml [corridors] expressway/arterial on each side"))
        return layer("control-zones", features)
    }

    /// 光明中心区 as the face its four bounding roads enclose, so the zone and the roads agree.
    func centralDistrict(roads: Layer) throws -> Feature {
        let zone = Sketch.centralDistrict
        let lines = try zone.roads.map { name -> Geometry in
            guard let g = roads.features.first(where: { $0["name_zh"] == .string(name) })?.geometry else {
                throw IOError(.unknownField, "the roads layer has no \(name), a bound of \(zone.nameZh)")
            }
            return g
        }
        let inside = try shapes.metres(zone.inside)
        let point = try Geometry.point(inside.x, inside.y)
        let faces = try Geometry.polygonize([try Geometry.unaryUnion(lines)]).parts()
        guard let face = try faces.first(where: { try $0.contains(point) }) else {
            throw IOError(.geometry, "\(zone.roads.joined(separator: "、")) enclose no area around \(zone.nameZh)")
        }
        return feature(face, zone.nameZh, zone.nameEn, "named-zone",
                       "derived: the area enclosed by \(zone.roads.joined(separator: "、")) as drawn in the roads layer (schematic courses); bounds from hkcd.com 2019-04-12")
    }

    // MARK: upgrade districts, green, projects

    func upgradeDistrictLayer() throws -> Layer {
        var taken: Geometry?
        var features: [Feature] = []
        for (i, d) in Sketch.upgradeDistricts.enumerated() {
            var g = try Shapes.polygonal(try shapes.blob(d.centre, 420, 330, seed: 7 * i + 3, rotation: Double(i * 17 % 60)).intersection(district))
            if let taken { g = try Shapes.polygonal(try g.difference(taken)) }
            taken = try taken.map { try $0.union(g) } ?? g
            features.append(feature(g, d.nameZh, d.nameEn, "upgrade-district",
                                    i == 0 ? "schematic extent; name from the plan" : "schematic extent; placeholder name (not from the plan's list)"))
        }
        return layer("upgrade-districts", features)
    }

    /// Real parks (OSM polygons matched to the official list, listed parks as points with
    /// their official area), then the schematic forest, wetland and riverside green where no
    /// real park lies.
    func greenLayer(parks: Parks) throws -> Layer {
        let hectares = { (m2: Double) in FieldValue.real((m2 / 100).rounded() / 100) }
        var features: [Feature] = []
        for park in parks.polygons + parks.points {
            var extra: [String: FieldValue] = ["category": park.listed.map { .string($0.category) } ?? .null,
                                               "official_name": park.listed.map { .string($0.name) } ?? .null,
                                               "official_area_ha": park.listed.map { .real($0.area) } ?? .null,
                                               "osm_id": park.osmID.map { .integer($0) } ?? .null,
                                               "listed_by": park.match.map { .string($0) } ?? .null]
            let source: String
            if park.geometry.type == .point {
                extra["area_ha"] = park.listed.map { .real($0.area) } ?? .null
                source = Parks.listSource
            } else {
                extra["area_ha"] = hectares(try park.geometry.area())
                source = Parks.osmSource
            }
            features.append(feature(park.geometry, park.name, park.nameEn, Parks.greenClass(park.listed?.category), source, extra))
        }
        let real = try Geometry.unaryUnion(parks.polygons.map(\.geometry))
        let realNames = parks.polygons.map(\.name) + parks.points.map(\.name)
        for (i, g) in Sketch.green.enumerated() where g.greenClass == "forest" || g.greenClass == "wetland" {
            guard !realNames.contains(where: { ParkNames.same($0, g.nameZh) }) else { continue }
            let blob = try shapes.blob(g.centre, g.radius, g.radius * 0.8, seed: 11 * i + 5, rotation: Double(i * 23 % 90))
            let shape = try Shapes.polygonal(try blob.intersection(district).difference(real))
            features.append(feature(shape, g.nameZh, g.nameEn, g.greenClass, Builder.schematic + "; real parks cut out", ["area_ha": hectares(try shape.area())]))
        }
        let riverside = try shapes.line(Sketch.maozhouRiver).buffer(60, style: BufferStyle(cap: .flat))
        let greenway = try Shapes.polygonal(try riverside.intersection(district).difference(real))
        features.append(feature(greenway, "茅洲河碧道", "Maozhou River Greenway", "river-greenway",
                                "schematic: 60 m each side of the river's sketched course; real parks cut out", ["area_ha": hectares(try greenway.area())]))
        return layer("green", features, extra: [Field("area_ha", .real), Field("category", .string), Field("official_name", .string),
                                                Field("official_area_ha", .real), Field("osm_id", .integer), Field("listed_by", .string)])
    }

    func projectLayer() throws -> Layer {
        let features = try Sketch.projects.map { p -> Feature in
            let g: Geometry
            if let f = p.footprint {
                g = try shapes.rectangle(p.centre, f.width, f.depth, f.angle)
            } else {
                let c = try shapes.metres(p.centre)
                g = try Geometry.point(c.x, c.y)
            }
            guard try district.covers(g) else { throw IOError(.geometry, "sample project \(p.id) lies outside the district") }
            return feature(g, p.nameZh, p.nameEn, p.kind, "fictional sample project for testing validation; not a real proposal",
                           ["project_id": .string(p.id), "kind": .string(p.kind)])
        }
        return layer("projects-sample", features, extra: [Field("project_id", .string), Field("kind", .string)])
    }
}
