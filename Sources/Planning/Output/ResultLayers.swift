import GeoCore
import GeoIO

/// Analysis results as layers a planner opens in QGIS.
public enum ResultLayers {
    /// Zones with their green-service shares; and the uncovered parts.
    public static func greenService(_ r: GreenServiceResult, zones: [Zone], crs: CRS) -> (zones: Layer, gaps: Layer) {
        let fields = [Field("name_zh", .string), Field("area_m2", .real), Field("covered_m2", .real), Field("green_share", .real),
                      Field("park_share", .real), Field("share", .real), Field("meets_target", .boolean)]
        let features = zip(r.rows, zones).map { row, zone in
            Feature(geometry: zone.geometry, properties: [
                "name_zh": .string(row.name), "area_m2": .real(round2(row.area)), "covered_m2": .real(round2(row.covered)),
                "green_share": .real(round4(row.greenShare)), "park_share": .real(round4(row.parkShare)),
                "share": .real(round4(row.bothShare)), "meets_target": .boolean(row.meetsTarget),
            ])
        }
        let gaps = r.rows.filter { !$0.uncovered.isEmpty }.map { row in
            Feature(geometry: row.uncovered, properties: ["name_zh": .string(row.name), "area_m2": .real(round2((try? row.uncovered.area()) ?? 0))])
        }
        return (Layer(name: "green-service", crs: crs, fields: fields, features: features),
                Layer(name: "green-service-gaps", crs: crs, fields: [Field("name_zh", .string), Field("area_m2", .real)], features: gaps))
    }

    /// Zones with the covered area and share of a cover layer.
    public static func coverage(_ r: CoverageResult, zones: [Zone], crs: CRS, name: String) -> (zones: Layer, gaps: Layer) {
        var fields = [Field("name_zh", .string), Field("area_m2", .real), Field("covered_m2", .real), Field("share", .real)]
        if r.target != nil { fields.append(Field("meets_target", .boolean)) }
        let features = zip(r.rows, zones).map { row, zone -> Feature in
            var p: [String: FieldValue] = ["name_zh": .string(row.name), "area_m2": .real(round2(row.area)),
                                           "covered_m2": .real(round2(row.covered)), "share": .real(round4(row.share))]
            if let meets = r.meetsTarget(row) { p["meets_target"] = .boolean(meets) }
            return Feature(geometry: zone.geometry, properties: p)
        }
        let gaps = r.rows.filter { !$0.uncovered.isEmpty }.map { row in
            Feature(geometry: row.uncovered, properties: ["name_zh": .string(row.name), "area_m2": .real(round2((try? row.uncovered.area()) ?? 0))])
        }
        return (Layer(name: name, crs: crs, fields: fields, features: features),
                Layer(name: "\(name)-gaps", crs: crs, fields: [Field("name_zh", .string), Field("area_m2", .real)], features: gaps))
    }

    /// The corridor polygons.
    public static func corridors(_ corridors: [Corridor], crs: CRS) -> Layer {
        Layer(name: "corridors", crs: crs, fields: [Field("name_zh", .string), Field("name_en", .string), Field("class", .string), Field("width_m", .real)],
              features: corridors.map { c in
                  Feature(geometry: c.geometry, properties: ["name_zh": .string(c.nameZh), "name_en": .string(c.nameEn),
                                                              "class": .string(c.group), "width_m": .real(c.width)])
              })
    }

    /// Checked features with the buffer-check findings added as properties (setbacks in `language`).
    public static func bufferCheck(_ layer: Layer, _ findings: [BufferFinding], language: Language = .en) -> Layer {
        var out = layer
        out.fields += [Field("corridors", .string)]
        for g in BufferCheck.groups { out.fields += [Field("nearest_\(g)", .string), Field("nearest_\(g)_m", .real)] }
        out.fields += [Field("setback_violations", .string)]
        for (i, f) in findings.enumerated() {
            out.features[i]["corridors"] = .string(f.corridors.joined(separator: ";"))
            for g in BufferCheck.groups {
                if let n = f.nearest[g] {
                    out.features[i]["nearest_\(g)"] = .string(n.name)
                    out.features[i]["nearest_\(g)_m"] = .real(round2(n.distance))
                }
            }
            out.features[i]["setback_violations"] = .string(f.violations.map { ProjectReason.setback($0).text(language) }
                .joined(separator: language.listSeparator))
        }
        return out
    }

    /// Projects with their verdicts and findings; `kinds` the kind keys they were read as.
    public static func validation(_ layer: Layer, _ assessments: [ProjectAssessment], kinds: [String?], language: Language = .en) -> Layer {
        var out = bufferCheck(layer, assessments.map(\.buffer), language: language)
        out.fields += [Field("kind_key", .string), Field("street", .string), Field("upgrade_district", .string), Field("control_zones", .string),
                       Field("expert_review", .boolean), Field("green_taken_m2", .real), Field("verdict", .string), Field("reasons", .string)]
        for (i, a) in assessments.enumerated() {
            out.features[i]["kind_key"] = kinds[i].map { .string($0) } ?? .null
            out.features[i]["street"] = a.street.map { .string($0) } ?? .null
            out.features[i]["upgrade_district"] = .string(a.upgradeDistricts.joined(separator: ";"))
            out.features[i]["control_zones"] = .string(a.controlZones.joined(separator: ";"))
            out.features[i]["expert_review"] = .boolean(a.needsExpertReview)
            out.features[i]["green_taken_m2"] = .real(round2(a.greenTaken))
            out.features[i]["verdict"] = .string(a.verdict.rawValue)
            out.features[i]["reasons"] = .string(a.reasons(language))
        }
        return out
    }

    /// Patches with their importance, the links, and the gap links.
    public static func greenNetwork(_ r: GreenNetworkResult, crs: CRS) -> (patches: Layer, links: Layer, gaps: Layer) {
        let patchFields = [Field("name_zh", .string), Field("area_ha", .real), Field("component", .integer), Field("nearest_m", .real),
                           Field("dIIC", .real),
                           Field("dPC", .real), Field("dPC_intra", .real), Field("dPC_flux", .real), Field("dPC_connector", .real)]
        let patches = r.patches.enumerated().map { i, p in
            var properties: [String: FieldValue] = ["name_zh": .string(p.name), "area_ha": .real(round2(p.area / 10_000)),
                                                    "component": .integer(Int64(r.component[i] + 1))]
            if let d = r.nearestDistance[i] { properties["nearest_m"] = .real(round2(d)) }
            if i < r.indices.importance.count {
                let m = r.indices.importance[i]
                properties.merge(["dIIC": .real(round4(m.dIIC)), "dPC": .real(round4(m.dPC)), "dPC_intra": .real(round4(m.dPCintra)),
                                  "dPC_flux": .real(round4(m.dPCflux)), "dPC_connector": .real(round4(m.dPCconnector))]) { $1 }
            }
            return Feature(id: Int64(i), geometry: p.geometry, properties: properties)
        }
        let links = r.links.map { l in
            Feature(geometry: l.line, properties: ["from": .string(r.patches[l.from].name), "to": .string(r.patches[l.to].name),
                                                   "distance_m": .real(round2(l.distance)), "probability": .real(round4(l.probability))])
        }
        let gaps = r.gaps.enumerated().map { rank, g in
            Feature(geometry: g.line, properties: ["rank": .integer(Int64(rank + 1)), "from": .string(r.patches[g.fromPatch].name),
                                                   "to": .string(r.patches[g.toPatch].name), "length_m": .real(round2(g.length)),
                                                   "pc_gain_pct": .real(round4(g.pcGain))])
        }
        let linkFields = [Field("from", .string), Field("to", .string), Field("distance_m", .real), Field("probability", .real)]
        let gapFields = [Field("rank", .integer), Field("from", .string), Field("to", .string), Field("length_m", .real), Field("pc_gain_pct", .real)]
        return (Layer(name: "green-patches", crs: crs, fields: patchFields, features: patches),
                Layer(name: "green-links", crs: crs, fields: linkFields, features: links),
                Layer(name: "green-gap-links", crs: crs, fields: gapFields, features: gaps))
    }

    static func round2(_ v: Double) -> Double { FixedDecimal.rounded(v, 2) }
    static func round4(_ v: Double) -> Double { FixedDecimal.rounded(v, 4) }
}
