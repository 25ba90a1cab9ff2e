import GeoCore

/// The citizen-report tables: cases per street and category, per upgrade district, per month,
/// per department, the monthly trend of every street and upgrade district, and the hot spots.
/// Each counts in one pass over the cases (a million of them).
struct HotspotTables {
    let cases: [ReportCase]
    let categories: [String]
    /// Each case's category, as an index into `categories`.
    let category: [Int]
    /// Each category's department.
    let departmentOf: [String]
    let streets: [Zone]
    let street: [Int32]
    let districts: [Zone]
    let upgrade: [Int32]
    let bands: [String]
    let cellCounts: [Double]

    /// Every table under its name in `Hotspots.tableNames`.
    func all() throws -> [(name: String, table: Table)] {
        let tables = [try byStreet(), try byDistrict(), byMonth(), byDepartment(), trends(), byBand()]
        return Array(zip(Hotspots.tableNames, tables))
    }

    private func perKm2(_ n: Int, _ area: Double) -> String { area > 0 ? Format.fixed(Double(n) / (area / 1e6), 1) : "-" }

    /// counts[group][category] for a group index per case (-1: none).
    private func crossTab(_ groups: Int, _ group: (Int) -> Int) -> [[Int]] {
        var counts = [[Int]](repeating: [Int](repeating: 0, count: categories.count), count: groups)
        for i in cases.indices {
            let g = group(i)
            if g >= 0 { counts[g][category[i]] += 1 }
        }
        return counts
    }

    /// Cases per street and category, with the total and the rate per km².
    func byStreet() throws -> Table {
        let counts = crossTab(streets.count) { Int(street[$0]) }
        let rows = try streets.indices.map { s -> [String] in
            let total = counts[s].reduce(0, +)
            return [streets[s].name] + counts[s].map(String.init) + [String(total), perKm2(total, try streets[s].geometry.area())]
        }
        return Table(title: "Cases per street and category", headers: ["street"] + categories + ["total", "per km²"], rows: rows)
    }

    /// Cases per upgrade district: total, rate, most reported category.
    func byDistrict() throws -> Table {
        let counts = crossTab(districts.count) { Int(upgrade[$0]) }
        let rows = try districts.indices.map { d -> [String] in
            let total = counts[d].reduce(0, +)
            let top = counts[d].indices.max { (counts[d][$0], -$0) < (counts[d][$1], -$1) }
            return [districts[d].name, String(total), perKm2(total, try districts[d].geometry.area()),
                    total == 0 ? "-" : top.map { "\(categories[$0]) (\(counts[d][$0]))" } ?? "-"]
        }
        return Table(title: "Cases per upgrade district", headers: ["upgrade district", "cases", "per km²", "top category"], rows: rows)
    }

    /// The months from the first case to the last (Beijing time), none left out, and each
    /// case's month as an index into them.
    var months: (names: [String], of: [Int]) {
        guard let first = cases.map(\.first).min(), let last = cases.map(\.first).max() else { return ([], []) }
        var names: [String] = [], t = first
        while ReportTime.month(t) <= ReportTime.month(last) {
            if names.last != ReportTime.month(t) { names.append(ReportTime.month(t)) }
            t += 86_400 * 27
        }
        let number = Dictionary(uniqueKeysWithValues: names.enumerated().map { ($0.element, $0.offset) })
        return (names, cases.map { number[ReportTime.month($0.first)] ?? 0 })
    }

    /// Cases per month (of their first report) and category.
    func byMonth() -> Table {
        let (names, of) = months
        let counts = crossTab(names.count) { of[$0] }
        let rows = names.indices.map { m in [names[m]] + counts[m].map(String.init) + [String(counts[m].reduce(0, +))] }
        return Table(title: "Cases per month and category", headers: ["month"] + categories + ["total"], rows: rows)
    }

    /// Cases per responsible department.
    func byDepartment() -> Table {
        var perCategory = [Int](repeating: 0, count: categories.count)
        for c in category { perCategory[c] += 1 }
        let departments = Dictionary(grouping: categories.indices, by: { departmentOf[$0] })
        let total = Double(max(cases.count, 1))
        let rows = departments.map { name, members -> (String, Int, [String]) in
            (name, members.reduce(0) { $0 + perCategory[$1] }, members.filter { perCategory[$0] > 0 }.map { categories[$0] }.sorted())
        }.filter { $0.1 > 0 }.sorted { ($0.1, $1.0) > ($1.1, $0.0) }.map { row in
            [row.0, String(row.1), Format.percent(Double(row.1) / total), row.2.joined(separator: ";")]
        }
        return Table(title: "Cases per department", headers: ["department", "cases", "share", "categories"], rows: rows)
    }

    /// Mann-Kendall on each street's and upgrade district's monthly case counts.
    func trends() -> Table {
        let (names, of) = months
        var perStreet = [[Double]](repeating: [Double](repeating: 0, count: names.count), count: streets.count)
        var perDistrict = [[Double]](repeating: [Double](repeating: 0, count: names.count), count: districts.count)
        var all = [Double](repeating: 0, count: names.count)
        for i in cases.indices {
            all[of[i]] += 1
            if street[i] >= 0 { perStreet[Int(street[i])][of[i]] += 1 }
            if upgrade[i] >= 0 { perDistrict[Int(upgrade[i])][of[i]] += 1 }
        }
        func row(_ name: String, _ kind: String, _ s: [Double]) -> [String] {
            let mk = MannKendall(s)
            return [name, kind, String(s.count), String(Int(s.reduce(0, +))), String(mk.s), Format.fixed(mk.z, 2), Format.fixed(mk.p, 4), mk.trend()]
        }
        let rows = streets.indices.map { row(streets[$0].name, "street", perStreet[$0]) }
            + districts.indices.map { row(districts[$0].name, "upgrade district", perDistrict[$0]) }
            + [row("all", "district", all)]
        return Table(title: "Monthly trend of cases (Mann-Kendall, two-sided, 5%)",
                     headers: ["area", "kind", "months", "cases", "S", "z", "p", "trend"], rows: rows)
    }

    /// Cells and cases per hot spot band.
    func byBand() -> Table {
        let rows = GetisOrd.bandOrder.map { band -> [String] in
            let cells = bands.indices.filter { bands[$0] == band }
            return [band, String(cells.count), String(Int(cells.reduce(0.0) { $0 + cellCounts[$1] }))]
        }
        return Table(title: "Hot and cold spots (Gi*, FDR-corrected)", headers: ["band", "cells", "cases"], rows: rows)
    }
}
