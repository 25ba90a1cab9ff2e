import GeoCore

// Every result table a command, the report or a later output prints, in one place: the
// analyses' results know how to become rows, so no caller builds them inline.

extension CoverageResult {
    /// The coverage table: zone, area, covered area and share (and whether the target is met).
    public func table(title: String) -> Table {
        let headers = ["zone", "area_m2", "covered_m2", "share"] + (target == nil ? [] : ["meets_target"])
        return Table(title: title, headers: headers, rows: rows.map { row in
            [row.name, Format.fixed(row.area, 0), Format.fixed(row.covered, 0), Format.percent(row.share)]
                + (meetsTarget(row).map { [$0 ? "yes" : "no"] } ?? [])
        })
    }

    /// The road landscape belts per upgrade district, in hectares.
    public func roadBeltTable() -> Table {
        Table(title: "Road landscape belts per upgrade district", headers: ["upgrade district", "area_ha", "in road belts_ha", "share"],
              rows: rows.map { [$0.name, Format.fixed($0.area / 10_000, 1), Format.fixed($0.covered / 10_000, 1), Format.percent($0.share)] })
    }
}

extension Corridors {
    /// The corridors with their widths and areas.
    public static func table(_ corridors: [Corridor]) throws -> Table {
        Table(title: "Corridors (each side of the centreline)", headers: ["corridor", "width_m", "area_ha"],
              rows: try corridors.map { [$0.nameZh + " / " + $0.nameEn, Format.fixed($0.width, 0), Format.fixed(try $0.geometry.area() / 10_000, 1)] })
    }

    /// The road landscape belts (expressway and arterial corridors) measured per zone.
    public static func roadBelts(_ corridors: [Corridor], zones: [Zone]) throws -> CoverageResult {
        try Coverage.compute(zones: zones, cover: corridors.filter { Corridors.roadGroups.contains($0.group) }.map(\.geometry))
    }
}

extension BufferCheck {
    /// The findings per feature: corridors it falls in, nearest of each group, violations.
    public static func table(names: [String], findings: [BufferFinding], title: String) -> Table {
        Table(title: title, headers: ["feature", "in corridors"] + groups.map { "nearest \($0)" } + ["setback violations"],
              rows: zip(names, findings).map { name, r in
                  [name, r.corridors.joined(separator: ", ")]
                      + groups.map { g in r.nearest[g].map { "\($0.name) \(Format.fixed($0.distance, 0)) m" } ?? "" }
                      + [r.violations.map(\.summary).joined(separator: "; ")]
              })
    }
}
