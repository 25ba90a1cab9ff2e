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
    let crs: CRS
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
                "nearest_road_m": road[i] >= 0 ? .real(FixedDecimal.rounded(roadDistance[i], 2)) : .null,
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

    /// The names of the result's tables, in order (files are named after them).
    public static let tableNames = ["streets", "upgrade-districts", "months", "departments", "trends", "hotspots"]

    /// Runs the analysis of `records` (working CRS) on `data` with `rules`.
    /// - Throws: `GeometryError` from the overlays, `CRSError` for a bad working CRS.
    public static func analyse(_ records: CitizenReportRecords, data: PlanningData, rules: CitizenReportRules,
                               progress: (String) -> Void = { _ in }) throws -> HotspotResult {
        let district = try data.district()
        let crs = try CRS(data.rules.workingCRS)
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

        var cells = Layer(name: "hotspot-cells", crs: crs, fields: [Field("cell", .string), Field("cases", .integer), Field("gi_z", .real),
                                                                                 Field("gi_p", .real), Field("band", .string)], features: [])
        let cellNames = grid.cells.map { "\($0.key.q),\($0.key.r)" }
        for (i, cell) in grid.cells.enumerated() {
            cells.features.append(Feature(geometry: cell.geometry, properties: [
                "cell": .string(cellNames[i]), "cases": .integer(Int64(counts[i])), "gi_z": .real(FixedDecimal.rounded(z[i], 6)),
                "gi_p": .real(FixedDecimal.rounded(p[i], 6)), "band": .string(bands[i])]))
        }
        let outsideIndex = records.xs.indices.filter { !inside[$0] }
        let outside = CitizenReportRecords(ids: outsideIndex.map { records.ids[$0] }, times: outsideIndex.map { records.times[$0] },
                                           categories: outsideIndex.map { records.categories[$0] }, xs: outsideIndex.map { records.xs[$0] },
                                           ys: outsideIndex.map { records.ys[$0] })
        let placement = CasePlacement(crs: crs, streets: streets.map(\.name), districts: districts.map(\.name), zones: zones.map(\.name),
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
}
