import GeoCore

/// The citizen-report tables: cases per street and category, per upgrade district, per month,
/// per department, the monthly trend of every street and upgrade district, and the hot spots.
struct HotspotTables {
    let cases: [ReportCase]
    let categories: [String]
    let department: [String]
    let streets: [Zone]
    let street: [Int32]
    let districts: [Zone]
    let upgrade: [Int32]
    let bands: [String]
    let cellOf: [Int]
    let cellCounts: [Double]

    func all() throws -> [(name: String, table: Table)] {
        [("streets", try byStreet()), ("upgrade-districts", try byDistrict()), ("months", byMonth()), ("departments", byDepartment()),
         ("trends", trends()), ("hotspots", byBand())]
    }

    private func perKm2(_ n: Int, _ area: Double) -> String { area > 0 ? Format.fixed(Double(n) / (area / 1e6), 1) : "-" }

    /// Cases per street and category, with the total and the rate per km².
    func byStreet() throws -> Table {
        let rows = try streets.indices.map { s -> [String] in
            let mine = cases.indices.filter { street[$0] == Int32(s) }
            let perCategory = categories.map { c in String(mine.filter { cases[$0].category == c }.count) }
            return [streets[s].name] + perCategory + [String(mine.count), perKm2(mine.count, try streets[s].geometry.area())]
        }
        return Table(title: "Cases per street and category", headers: ["street"] + categories + ["total", "per km²"], rows: rows)
    }

    /// Cases per upgrade district: total, rate, most reported category.
    func byDistrict() throws -> Table {
        let rows = try districts.indices.map { d -> [String] in
            let mine = cases.indices.filter { upgrade[$0] == Int32(d) }
            let top = Dictionary(grouping: mine, by: { cases[$0].category }).max { ($0.value.count, $1.key) < ($1.value.count, $0.key) }
            return [districts[d].name, String(mine.count), perKm2(mine.count, try districts[d].geometry.area()),
                    top.map { "\($0.key) (\($0.value.count))" } ?? "-"]
        }
        return Table(title: "Cases per upgrade district", headers: ["upgrade district", "cases", "per km²", "top category"], rows: rows)
    }

    /// The months from the first case to the last (Beijing time), none left out.
    var months: [String] {
        guard let first = cases.map(\.first).min(), let last = cases.map(\.first).max() else { return [] }
        var out: [String] = [], t = first
        while ReportTime.month(t) <= ReportTime.month(last) {
            if out.last != ReportTime.month(t) { out.append(ReportTime.month(t)) }
            t += 86_400 * 27
        }
        return out
    }

    /// Cases per month (of their first report) and category.
    func byMonth() -> Table {
        let month = cases.map { ReportTime.month($0.first) }
        let rows = months.map { m -> [String] in
            let mine = cases.indices.filter { month[$0] == m }
            return [m] + categories.map { c in String(mine.filter { cases[$0].category == c }.count) } + [String(mine.count)]
        }
        return Table(title: "Cases per month and category", headers: ["month"] + categories + ["total"], rows: rows)
    }

    /// Cases per responsible department.
    func byDepartment() -> Table {
        let groups = Dictionary(grouping: department.indices, by: { department[$0] })
        let total = Double(max(cases.count, 1))
        let rows = groups.keys.sorted { (groups[$0]?.count ?? 0, $1) > (groups[$1]?.count ?? 0, $0) }.map { d -> [String] in
            let n = groups[d]?.count ?? 0
            let categories = Set((groups[d] ?? []).map { cases[$0].category }).sorted().joined(separator: ";")
            return [d, String(n), Format.percent(Double(n) / total), categories]
        }
        return Table(title: "Cases per department", headers: ["department", "cases", "share", "categories"], rows: rows)
    }

    /// Mann-Kendall on each street's and upgrade district's monthly case counts.
    func trends() -> Table {
        let month = cases.map { ReportTime.month($0.first) }
        let all = months
        func series(_ member: (Int) -> Bool) -> [Double] {
            let mine = cases.indices.filter(member)
            let counts = Dictionary(grouping: mine, by: { month[$0] }).mapValues(\.count)
            return all.map { Double(counts[$0] ?? 0) }
        }
        func row(_ name: String, _ kind: String, _ s: [Double]) -> [String] {
            let mk = MannKendall(s)
            return [name, kind, String(s.count), String(Int(s.reduce(0, +))), String(mk.s), Format.fixed(mk.z, 2), Format.fixed(mk.p, 4), mk.trend()]
        }
        let rows = streets.indices.map { s in row(streets[s].name, "street", series { street[$0] == Int32(s) }) }
            + districts.indices.map { d in row(districts[d].name, "upgrade district", series { upgrade[$0] == Int32(d) }) }
            + [row("all", "district", series { _ in true })]
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
