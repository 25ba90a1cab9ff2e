import Foundation
import GeoCore
import GeoIO

/// Where citizen reports concentrate and whether it gets better: reports cleaned into cases
/// (outside the district flagged, duplicates merged), each case placed (street, upgrade
/// district, control zones, nearest road, department), counted on a hexagon grid clipped to
/// the district, Getis-Ord Gi* hot and cold spots with FDR, and the monthly trend of each
/// street and upgrade district (Mann-Kendall).
public struct HotspotResult: Sendable {
    /// Reports read, outside the district, merged into other cases.
    public let reports: Int, outside: Int, merged: Int
    /// The cases inside the district.
    public let cases: [ReportCase]
    /// Categories the rules do not map to a department, with their case counts.
    public let unknownCategories: [(category: String, cases: Int)]
    /// The hexagon cells: id, cases, gi_z, gi_p, band (clipped to the district).
    public let cells: Layer
    /// Where each case lies, for `caseLayer()`.
    let placement: CasePlacement
    /// Cases per street x category, per upgrade district, per month, per department, trends,
    /// hot spot bands.
    public let tables: [(name: String, table: Table)]
    /// How the neighbourhood was chosen, for the output to state.
    public let neighbourhood: String

    /// The cases with their places and department, and the reports outside (in_district
    /// false), as a layer: made on request (a million features cost memory).
    public func caseLayer() throws -> Layer {
        try placement.layer(cases)
    }
}

/// Each case's street, upgrade district, control zones, nearest road, cell and department
/// (indices into the name lists), and the reports outside the district.
struct CasePlacement: Sendable {
    let crs: CRS?
    let streets: [String], districts: [String], zones: [String], roads: [String], cells: [String], bands: [String]
    let street: [Int32], upgrade: [Int32], inZones: [[Int32]], road: [Int32], roadDistance: [Double], cell: [Int]
    let department: [String]
    let outside: CitizenReportRecords
    let outsideDepartment: [String]

    func layer(_ cases: [ReportCase]) throws -> Layer {
        var layer = Layer(name: "cases", crs: crs, fields: [
            Field("case_id", .string), Field("category", .string), Field("department", .string), Field("in_district", .boolean),
            Field("reports", .integer), Field("duplicates", .integer), Field("first_time", .string), Field("last_time", .string),
            Field("street", .string), Field("upgrade_district", .string), Field("control_zones", .string),
            Field("nearest_road", .string), Field("nearest_road_m", .real), Field("cell", .string), Field("band", .string)], features: [])
        layer.features.reserveCapacity(cases.count + outside.count)
        for (i, c) in cases.enumerated() {
            let zonesHere = inZones[i].map { zones[Int($0)] }
            layer.features.append(Feature(geometry: try Geometry.point(c.x, c.y), properties: [
                "case_id": .string(c.id), "category": .string(c.category), "department": .string(department[i]), "in_district": .boolean(true),
                "reports": .integer(Int64(c.reports)), "duplicates": .integer(Int64(c.reports - 1)),
                "first_time": .string(ReportTime.text(c.first)), "last_time": .string(ReportTime.text(c.last)),
                "street": street[i] >= 0 ? .string(streets[Int(street[i])]) : .null,
                "upgrade_district": upgrade[i] >= 0 ? .string(districts[Int(upgrade[i])]) : .null,
                "control_zones": .string(zonesHere.joined(separator: ";")),
                "nearest_road": road[i] >= 0 ? .string(roads[Int(road[i])]) : .null,
                "nearest_road_m": road[i] >= 0 ? .real(Hotspots.round2(roadDistance[i])) : .null,
                "cell": cell[i] >= 0 ? .string(cells[cell[i]]) : .null, "band": cell[i] >= 0 ? .string(bands[cell[i]]) : .null]))
        }
        for i in 0..<outside.count {
            layer.features.append(Feature(geometry: try Geometry.point(outside.xs[i], outside.ys[i]), properties: [
                "case_id": .string(outside.ids[i]), "category": .string(outside.categories[i]), "department": .string(outsideDepartment[i]),
                "in_district": .boolean(false), "reports": .integer(1), "duplicates": .integer(0),
                "first_time": .string(ReportTime.text(outside.times[i])), "last_time": .string(ReportTime.text(outside.times[i]))]))
        }
        return layer
    }
}

/// The citizen-report analysis.
public enum Hotspots {
    /// The department shown for a category the rules do not map.
    public static let unmapped = "(unmapped)"

    /// Runs the analysis of `records` (working CRS) on `data` with `rules`.
    /// - Throws: `GeometryError` from the overlays; `RulesError` when there is nothing to analyse.
    public static func analyse(_ records: CitizenReportRecords, data: PlanningData, rules: CitizenReportRules,
                               progress: (String) -> Void = { _ in }) throws -> HotspotResult {
        let district = try data.district()
        progress("cleaning \(records.count) reports")
        let inside = try PointLocator.locate(xs: records.xs, ys: records.ys, in: [district]).map { $0 >= 0 }
        let cases = ReportDeduplication.cases(records, keep: inside, distance: rules.duplicateDistance, hours: rules.duplicateHours)
        let insideCount = inside.filter { $0 }.count

        progress("placing \(cases.count) cases")
        let xs = cases.map(\.x), ys = cases.map(\.y)
        let streets = data.streets, districts = PlanningData.named(data.upgradeDistricts), zones = PlanningData.named(data.controlZones)
        let street = try PointLocator.locate(xs: xs, ys: ys, in: streets.map(\.geometry))
        let upgrade = try PointLocator.locate(xs: xs, ys: ys, in: districts.map(\.geometry))
        // Every zone a case lies in (zones may overlap); an empty list costs no memory.
        var inZones = [[Int32]](repeating: [], count: cases.count)
        for (k, zone) in zones.enumerated() {
            for (i, hit) in try PointLocator.locate(xs: xs, ys: ys, in: [zone.geometry]).enumerated() where hit >= 0 { inZones[i].append(Int32(k)) }
        }
        let roads = NearestLine(data.roads.features.compactMap { f in f.geometry.map { (PlanningData.name(f), $0) } })
        let nearest = ParallelMap.chunked(cases.count, size: 50_000) { range in range.map { roads.nearest(x: xs[$0], y: ys[$0]) } }

        progress("hot spots on a \(Format.fixed(rules.cellSize, 0)) m grid")
        let grid = try HexCells(district: district, spacing: rules.cellSize)
        let cellOf = cases.map { grid.index[HexCells.Key(grid.grid.cell(x: $0.x, y: $0.y))] ?? -1 }
        var counts = [Double](repeating: 0, count: grid.cells.count)
        for c in cellOf where c >= 0 { counts[c] += 1 }
        let (neighbours, neighbourhood) = grid.neighbours(band: rules.band, knn: rules.knn)
        let (z, p, bands) = Hotspots.giStar(counts, cells: grid, neighbours: neighbours, rules: rules)

        // Categories by index: the rules' first, then those the rules do not know.
        let known = rules.departments.map(\.category)
        let categories = known + Set(cases.map(\.category)).subtracting(known).sorted()
        let categoryNumber = Dictionary(uniqueKeysWithValues: categories.enumerated().map { ($0.element, $0.offset) })
        let category = cases.map { categoryNumber[$0.category] ?? 0 }
        var perCategory = [Int](repeating: 0, count: categories.count)
        for c in category { perCategory[c] += 1 }
        let departmentOf = categories.map { rules.department(of: $0) ?? unmapped }
        let unknown = categories.indices.filter { rules.department(of: categories[$0]) == nil }.map { (categories[$0], perCategory[$0]) }

        var cells = Layer(name: "hotspot-cells", crs: data.boundary.crs, fields: [Field("cell", .string), Field("cases", .integer), Field("gi_z", .real),
                                                                                 Field("gi_p", .real), Field("band", .string)], features: [])
        let cellNames = grid.cells.map { "\($0.key.q),\($0.key.r)" }
        for (i, cell) in grid.cells.enumerated() {
            cells.features.append(Feature(geometry: cell.geometry, properties: [
                "cell": .string(cellNames[i]), "cases": .integer(Int64(counts[i])), "gi_z": .real(round6(z[i])),
                "gi_p": .real(round6(p[i])), "band": .string(bands[i])]))
        }
        let outsideIndex = records.xs.indices.filter { !inside[$0] }
        let outside = CitizenReportRecords(ids: outsideIndex.map { records.ids[$0] }, times: outsideIndex.map { records.times[$0] },
                                           categories: outsideIndex.map { records.categories[$0] }, xs: outsideIndex.map { records.xs[$0] },
                                           ys: outsideIndex.map { records.ys[$0] })
        let placement = CasePlacement(crs: data.boundary.crs, streets: streets.map(\.name), districts: districts.map(\.name), zones: zones.map(\.name),
                                      roads: roads.names, cells: cellNames, bands: bands, street: street, upgrade: upgrade, inZones: inZones,
                                      road: nearest.map { Int32($0?.line ?? -1) }, roadDistance: nearest.map { $0?.distance ?? 0 }, cell: cellOf,
                                      department: category.map { departmentOf[$0] },
                                      outside: outside, outsideDepartment: outside.categories.map { rules.department(of: $0) ?? unmapped })

        let tables = HotspotTables(cases: cases, categories: categories, category: category, departmentOf: departmentOf, streets: streets,
                                   street: street, districts: districts, upgrade: upgrade, bands: bands, cellCounts: counts)
        return HotspotResult(reports: records.count, outside: records.count - insideCount, merged: insideCount - cases.count, cases: cases,
                             unknownCategories: unknown, cells: cells, placement: placement, tables: try tables.all(), neighbourhood: neighbourhood)
    }

    /// Gi* z, p and band of each cell from its case count, as the rules say: counts per
    /// hexagon of area (an edge cell with 60 % of a hexagon inside expects 60 % of the cases;
    /// counted raw, the district's edge would look like a cold spot), √(x + 3/8) where the
    /// rules stabilise them, and the rules' correction.
    static func giStar(_ counts: [Double], cells: HexCells, neighbours: [[Int]], rules: CitizenReportRules) -> (z: [Double], p: [Double], bands: [String]) {
        let perHexagon = cells.perHexagon(counts)
        let x = rules.counts == .sqrt ? perHexagon.map { ($0 + 3.0 / 8).squareRoot() } : perHexagon
        let z = GetisOrd.zScores(x, neighbours: neighbours)
        let p = z.map(GetisOrd.pValue)
        return (z, p, GetisOrd.bands(z: z, p: p, correction: rules.correction))
    }

    static func round6(_ v: Double) -> Double { (v * 1e6).rounded() / 1e6 }
    static func round2(_ v: Double) -> Double { (v * 100).rounded() / 100 }
}

/// The hexagons of a grid that meet the district, clipped to it. A hexagon less than half
/// inside (a sliver at the edge) joins the neighbouring cell with the most area inside, so
/// every cell the statistic compares holds at least half a hexagon of district.
struct HexCells {
    struct Key: Hashable {
        let q: Int, r: Int
        init(_ c: (q: Int, r: Int)) { (q, r) = (c.q, c.r) }
    }

    let grid: HexGrid
    /// The cells: their main hexagon's key, shape (with any slivers joined) and area, m².
    let cells: [(key: Key, geometry: Geometry, area: Double)]
    /// Every hexagon's cell (a sliver's is the cell it joined).
    let index: [Key: Int]
    /// The area of a whole hexagon, m².
    let hexagonArea: Double

    init(district: Geometry, spacing: Double) throws {
        guard let e = district.envelope else { throw GeometryError(.invalidInput, operation: "hotspots", message: "the district has no extent") }
        grid = HexGrid(spacing: spacing, origin: (e.minX, e.minY))
        let prepared = try PreparedGeometry(district)
        let low = grid.cell(x: e.minX, y: e.minY), high = grid.cell(x: e.maxX, y: e.maxY)
        var pieces: [(key: Key, geometry: Geometry, area: Double)] = []
        // Rows r cover the height; along row r the centres are at x = spacing (q + r/2).
        for r in (low.r - 1)...(high.r + 1) {
            let shift = Double(r) / 2
            let first = Int((0 / spacing - shift).rounded(.down)) - 1, last = Int((e.width / spacing - shift).rounded(.up)) + 1
            for q in first...last {
                let hex = try grid.polygon(q: q, r: r)
                guard try prepared.intersects(hex) else { continue }
                let shape = try prepared.contains(hex) ? hex : try hex.intersection(district)
                let area = try shape.area()
                guard area > 0 else { continue }
                pieces.append((Key((q, r)), shape, area))
            }
        }
        let full = 3 * 3.0.squareRoot() / 2 * grid.radius * grid.radius
        hexagonArea = full
        let pieceIndex = Dictionary(uniqueKeysWithValues: pieces.enumerated().map { ($0.element.key, $0.offset) })
        let areas = pieces.map(\.area)
        let whole = { (i: Int) in areas[i] >= full / 2 }
        // Each sliver's owner: its neighbour with the most area, if that one is at least half in.
        var owner = Array(pieces.indices)
        for i in pieces.indices where !whole(i) {
            let around = HexGrid.offsets(rings: 1).dropFirst().compactMap { pieceIndex[Key((pieces[i].key.q + $0.q, pieces[i].key.r + $0.r))] }
            if let best = around.filter(whole).max(by: { (pieces[$0].area, -$0) < (pieces[$1].area, -$1) }) { owner[i] = best }
        }
        var cells: [(key: Key, geometry: Geometry, area: Double)] = []
        var cellOfPiece = [Int](repeating: -1, count: pieces.count)
        for i in pieces.indices where owner[i] == i {
            cellOfPiece[i] = cells.count
            cells.append(pieces[i])
        }
        for i in pieces.indices where owner[i] != i {
            let c = cellOfPiece[owner[i]]
            cellOfPiece[i] = c
            cells[c] = (cells[c].key, try Geometry.unaryUnion([cells[c].geometry, pieces[i].geometry]), cells[c].area + pieces[i].area)
        }
        self.cells = cells
        index = Dictionary(uniqueKeysWithValues: pieces.indices.map { (pieces[$0].key, cellOfPiece[$0]) })
        main = Dictionary(uniqueKeysWithValues: cells.enumerated().map { ($0.element.key, $0.offset) })
    }

    /// Each cell by the key of its main hexagon: neighbours are found by centres, as a
    /// distance band on the cells' centres finds them (a joined sliver is not a centre).
    let main: [Key: Int]

    /// Counts per cell as counts per whole hexagon of area.
    func perHexagon(_ counts: [Double]) -> [Double] {
        zip(counts, cells).map { $0 * hexagonArea / $1.area }
    }

    /// Each cell's neighbourhood (itself first) and a sentence saying what it is.
    func neighbours(band: Double, knn: Int) -> ([[Int]], String) {
        if knn > 0 {
            let rings = Int((Double(knn) / 3).squareRoot().rounded(.up)) + 1
            let offsets = HexGrid.offsets(rings: rings)
            let hoods = cells.indices.map { i -> [Int] in
                let c = grid.centre(q: cells[i].key.q, r: cells[i].key.r)
                var seen: Set<Int> = [i]
                let near = offsets.dropFirst().compactMap { o -> (Int, Double)? in
                    guard let j = main[Key((cells[i].key.q + o.q, cells[i].key.r + o.r))], seen.insert(j).inserted else { return nil }
                    let d = grid.centre(q: cells[j].key.q, r: cells[j].key.r)
                    return (j, (d.x - c.x) * (d.x - c.x) + (d.y - c.y) * (d.y - c.y))
                }.sorted { ($0.1, $0.0) < ($1.1, $1.0) }
                return [i] + near.prefix(knn).map(\.0)
            }
            return (hoods, "each cell and its \(knn) nearest cells (binary weights)")
        }
        let rings = Int((band / grid.spacing + 1e-9).rounded(.down))
        let offsets = HexGrid.offsets(rings: rings).filter { o in
            let d = grid.centre(q: o.q, r: o.r), zero = grid.centre(q: 0, r: 0)
            return ((d.x - zero.x) * (d.x - zero.x) + (d.y - zero.y) * (d.y - zero.y)).squareRoot() <= band + 1e-6
        }
        let hoods = cells.indices.map { i in [i] + offsets.dropFirst().compactMap { main[Key((cells[i].key.q + $0.q, cells[i].key.r + $0.r))] } }
        return (hoods, "each cell and the cells whose centres lie within \(Format.fixed(band, 0)) m (\(offsets.count) cells where the district is whole; binary weights)")
    }
}
