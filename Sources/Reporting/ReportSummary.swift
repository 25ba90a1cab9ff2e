import Foundation
import GeoIO
import Planning

/// summary.md: the report a planner reads top to bottom. No dates or timings, so running the
/// report twice gives the same file.
struct ReportSummary {
    private var sections: [String] = []
    /// One line per analysis for the "At a glance" list at the top.
    private var glance: [String] = []
    private let data: PlanningData
    /// The validated projects, for the report's map.
    var validatedLayer: Layer?

    init(data: PlanningData) { self.data = data }

    mutating func greenService(_ r: GreenServiceResult) {
        let meeting = r.rows.filter(\.meetsTarget)
        let worst = r.rows.min { $0.bothShare < $1.bothShare }
        glance.append("Green-space service: \(meeting.count) of \(r.rows.count) streets reach \(Format.percent(r.rules.targetShare))"
            + (worst.map { "; least served \($0.name) (\(Format.percent($0.bothShare)))" } ?? "") + ".")
        sections.append("""
        ## 1. Green-space service (300米见绿、500米见园)

        \(meeting.count) of \(r.rows.count) streets reach the target of \(Format.percent(r.rules.targetShare)) of their area within \(Format.fixed(r.rules.greenRadius, 0)) m of a green space of at least \(Format.fixed(r.rules.greenMinArea / 10_000, 1)) ha and within \(Format.fixed(r.rules.parkRadius, 0)) m of a park of at least \(Format.fixed(r.rules.parkMinArea / 10_000, 1)) ha (\(r.greenCount) green spaces, \(r.parkCount) parks counted).\(worst.map { " The least served is \($0.name) (\(Format.percent($0.bothShare)))." } ?? "") Where new green would help most: `green-service-gaps.geojson`.

        \(r.table().markdown())
        """)
    }

    mutating func corridors(_ corridors: [Corridor], _ belts: Table) {
        let total = corridors.reduce(0.0) { $0 + ((try? $1.geometry.area()) ?? 0) } / 10_000
        glance.append("Landscape corridors: \(corridors.count) kinds, \(Format.fixed(total, 0)) ha in all (overlaps counted per kind).")
        // The corridor table's rows, under the summary's own column names.
        let table = Table(title: "", headers: ["corridor", "width each side, m", "area, ha"], rows: (try? Corridors.table(corridors).rows) ?? [])
        sections.append("""
        ## 2. Landscape corridors

        Both sides of expressways and arterials, along rail lines and around stations, with the widths of the rules file (`corridors.geojson`).

        ![Corridors](map-corridors.png)

        \(table.markdown().dropLast())

        ### \(belts.title)

        \(belts.markdown())
        """)
    }

    mutating func network(_ r: GreenNetworkResult, rules: PlanningRules.GreenNetwork) {
        if let best = r.gaps.first {
            glance.append("Green network: \(r.componentAreas.count) separate part(s); the best new greenway joins \(r.patches[best.fromPatch].name) and \(r.patches[best.toPatch].name) (\(Format.fixed(best.length, 0)) m, PC +\(Format.fixed(best.pcGain, 1))%).")
        } else {
            glance.append("Green network: one connected network of \(r.patches.count) patches.")
        }
        let top = r.patchTable()
        let shortTop = Table(title: top.title, headers: top.headers, rows: Array(top.rows.prefix(5)))
        sections.append("""
        ## 3. Green landscape network

        \(r.patches.count) patches form \(r.componentAreas.count) connected part\(r.componentAreas.count == 1 ? "" : "s"); the largest holds \(Format.percent(r.largestShare)) of the green area. PC = \(String(format: "%.6f", r.indices.pc)), EC(PC) = \(Format.fixed(r.indices.ecPC, 1)) ha. The most important patches for connectivity (`green-patches.geojson`, all in `green-patches.csv`):

        \(shortTop.markdown())
        ![Green network](map-green-network.png)

        ### \(r.summaryTable(rules: rules).title)

        \(r.summaryTable(rules: rules).markdown())
        ### \(r.gapTable().title)

        \(r.gaps.isEmpty ? "The network is one connected part: no gaps to bridge.\n" : r.gapTable().markdown())
        """)
    }

    mutating func validation(_ assessments: [ProjectAssessment], _ table: Table) {
        let counts = Dictionary(grouping: assessments, by: \.verdict).mapValues(\.count)
        let review = assessments.filter(\.needsExpertReview).count
        glance.append("Projects: \(counts[.ok] ?? 0) ok, \(counts[.needsReview] ?? 0) need review, \(counts[.conflict] ?? 0) in conflict; \(review) need expert committee review.")
        sections.append("""
        ## 4. Proposed projects

        ![Projects](map-projects.png)

        \(assessments.count) projects: \(counts[.ok] ?? 0) ok, \(counts[.needsReview] ?? 0) need review, \(counts[.conflict] ?? 0) in conflict; \(review) need expert committee review before design approval (`projects-validated.geojson`).

        \(table.markdown())
        """)
    }

    /// Which input layers are real and which schematic, by feature count, from each feature's
    /// `source` ("real: ...", "schematic: ...", "derived: ..."; none: the user's own data).
    static func caveat(_ layers: [Layer]) -> String {
        let kinds = ["real", "schematic", "derived"]
        func kind(_ f: Feature) -> String {
            let s = f["source"].description
            if s.hasPrefix("fictional") { return "schematic" }
            return kinds.first { s.hasPrefix($0) } ?? "own"
        }
        let total = layers.reduce(0) { $0 + $1.features.count }
        let parts = (kinds + ["own"]).compactMap { k -> String? in
            let per = layers.compactMap { layer -> String? in
                let n = layer.features.filter { kind($0) == k }.count
                return n == 0 ? nil : "\(layer.name) \(n)/\(layer.features.count)"
            }
            let n = layers.reduce(0) { sum, layer in sum + layer.features.filter { kind($0) == k }.count }
            let label = ["real": "real", "schematic": "schematic, drawn from public descriptions and not surveyed",
                         "derived": "derived from other layers", "own": "from the data folder's own sources"][k] ?? k
            return n == 0 ? nil : "\(n) \(label) (\(per.joined(separator: ", ")))"
        }
        let schematic = layers.reduce(0) { sum, layer in sum + layer.features.filter { kind($0) == "schematic" }.count }
        let lead = schematic > 0 ? "**Data caveat:** of \(total) input features, " : "Of \(total) input features, "
        let tail = schematic > 0 ? ". See the data folder's README before using these figures for decisions." : "."
        return lead + parts.joined(separator: "; ") + tail
    }

    func markdown(files: [String]) -> String {
        let caveat = ReportSummary.caveat([data.boundary, data.roads, data.rail, data.stations, data.controlZones, data.upgradeDistricts, data.green])
        return """
        # Landscape upgrade report: \(data.folder.lastPathComponent)

        Made by gmgeo from `\(data.folder.lastPathComponent)` with its rules file. Areas and distances in metres in \(data.rules.workingCRS); GeoJSON files are WGS 84 lon/lat (RFC 7946) and open in QGIS.

        \(caveat)

        **At a glance**

        \(glance.map { "- " + $0 }.joined(separator: "\n"))

        ![Overview](map-overview.png)

        Maps (PNG for Word, PDF for print): [overview](map-overview.pdf), [green-space service](map-green-service.pdf), [corridors](map-corridors.pdf), [green network](map-green-network.pdf)\(validatedLayer == nil ? "" : ", [projects](map-projects.pdf)").\(files.contains("map/index.html") ? " Interactive map: [map/index.html](map/index.html) (opens in a browser by double-click, with no network: every result layer, popups, search by name)." : "")

        \(sections.joined(separator: "\n"))
        ## Files

        \(files.sorted().map { "- `\($0)`" }.joined(separator: "\n"))

        """
    }
}
