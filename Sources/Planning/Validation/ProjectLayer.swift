import GeoCore
import GeoIO

/// What to do with a project whose kind the rules do not know.
public enum UnknownKindPolicy: String, Sendable, CaseIterable {
    /// Refuse the file, naming the rows, the values and the accepted ones.
    case refuse
    /// Assess it, with a needs-review finding that says the kind was not understood.
    case review
}

/// A projects layer that cannot be validated as given: which rows, and why.
public struct ProjectInputError: LocatedError, Sendable {
    /// What is wrong and how to fix it.
    public let message: String
    /// The projects file.
    public var location: String?
    /// One line for the command line.
    public var description: String { "\(locationPrefix)\(message)" }
}

/// Validation of a whole projects layer: kinds read through the rules' words, every
/// project located and checked, the results as a layer and a verdict table. The one entry
/// point of `gmgeo validate` and `gmgeo report`.
public struct ProjectLayerValidation: Sendable {
    /// The projects with their findings added (working CRS).
    public let checked: Layer
    /// One assessment per project, in layer order.
    public let assessments: [ProjectAssessment]
    /// The verdict table: id, name, kind, street, upgrade district, zones, verdict, reasons, lon/lat.
    public let table: Table

    /// Fields tried, in order, for a project's id.
    public static let idFields = ["project_id", "id", "编号", "项目编号", "ID"]

    /// Validates `layer` (projected to the working CRS) against `data`.
    /// - Throws: `ProjectInputError` for projects without a location, or with a kind the
    ///   rules do not know under `.refuse`; nothing is assessed then.
    ///   - language: the language of the reasons (the layer's `reasons` and the table's).
    public init(_ layer: Layer, source: String, kindField: String, data: PlanningData, corridors: [Corridor]? = nil,
                unknownKinds: UnknownKindPolicy = .refuse, language: Language = .en) throws {
        guard !layer.features.isEmpty else {
            throw ProjectInputError(message: "no projects to validate (the layer is empty)", location: source)
        }
        guard layer.field(kindField) != nil else {
            throw ProjectInputError(message: "no field '\(kindField)' for the project kind; fields: \(layer.fields.map(\.name).joined(separator: ", ")) (name it with --kind-field)",
                                    location: source)
        }
        let unlocated = layer.features.enumerated().filter { $0.element.geometry?.isEmpty ?? true }
        if !unlocated.isEmpty {
            let rows = unlocated.prefix(5).map { ProjectLayerValidation.row($0.element, $0.offset, source) }.joined(separator: "; ")
            throw ProjectInputError(message: "\(unlocated.count) of \(layer.features.count) projects have no location (\(rows)\(unlocated.count > 5 ? "; ..." : "")); every project needs a point or a footprint to be checked",
                                    location: source)
        }
        let kinds = data.rules.kinds
        let resolved = layer.features.map { kinds.key(for: $0[kindField].description) }
        let unknown = layer.features.indices.filter { resolved[$0] == nil }
        if !unknown.isEmpty, unknownKinds == .refuse {
            let rows = unknown.prefix(5).map { i in
                "\(ProjectLayerValidation.row(layer.features[i], i, source)) has '\(layer.features[i][kindField].description)'"
            }.joined(separator: "; ")
            throw ProjectInputError(message: "\(unknown.count) of \(layer.features.count) projects have a kind the rules do not know (\(rows)\(unknown.count > 5 ? "; ..." : "")); accepted in \(kindField): \(kinds.accepted); add the word to [project_kinds] in rules.toml, or pass --unknown-kind review to send such projects to review",
                                    location: source)
        }
        let district = try data.district()
        let context = ValidationContext(district: district, districtName: data.districtNames, streets: data.streets, upgradeDistricts: PlanningData.named(data.upgradeDistricts),
                                        controlZones: PlanningData.named(data.controlZones), green: GreenPoints.zones(data.green),
                                        network: data.network, corridors: try corridors ?? Corridors.build(data.network, rules: data.rules, within: district))
        let projects = zip(layer.features, resolved).compactMap { f, key in
            f.geometry.map { ProjectToCheck(geometry: $0, kind: key, written: f[kindField].description) }
        }
        assessments = try ProjectValidation.assess(projects, context: context, rules: data.rules)
        var checked = ResultLayers.validation(layer, assessments, kinds: resolved, language: language)
        table = try ProjectLayerValidation.table(checked, assessments, kindField: kindField, resolved: resolved, language: language)
        // Every checked project carries project_id (its id field, else its row number), the id
        // maps label and tables list.
        if checked.field("project_id") == nil {
            checked.fields.insert(Field("project_id", .string), at: 0)
            for (i, row) in table.rows.enumerated() { checked.features[i]["project_id"] = .string(row[0]) }
        }
        self.checked = checked
    }

    /// "line 4 (P07 光明小学)" for a table (whose ids are line numbers), "feature 2 (P07 ...)"
    /// otherwise: how a row is named in messages.
    static func row(_ f: Feature, _ index: Int, _ source: String) -> String {
        let number = f.id.map(String.init) ?? String(index + 1)
        let label = [id(f), f.displayName(index: index)].filter { !$0.isEmpty && !$0.hasPrefix("feature ") }.joined(separator: " ")
        let word = source.lowercased().hasSuffix(".csv") ? "line" : "feature"
        return "\(word) \(number)\(label.isEmpty ? "" : " (\(label))")"
    }

    /// A project's id: its id field, else empty.
    static func id(_ f: Feature) -> String {
        idFields.lazy.map { f[$0].description }.first { !$0.isEmpty } ?? ""
    }

    /// The verdict table, with each project's position in WGS 84.
    static func table(_ checked: Layer, _ assessments: [ProjectAssessment], kindField: String, resolved: [String?], language: Language) throws -> Table {
        let toLonLat = try checked.crs.map { try Transformer.shared(from: $0, to: .wgs84) }
        let rows = try zip(checked.features.indices, assessments).map { i, a -> [String] in
            let f = checked.features[i]
            var lon = "", lat = ""
            if let g = f.geometry {
                let point = try g.type == .point ? g : g.pointOnSurface()
                let p = try toLonLat?.transform(point) ?? point
                if let c = p.coordinates.first {
                    lon = Format.fixed(c.x, 7)
                    lat = Format.fixed(c.y, 7)
                }
            }
            let id = ProjectLayerValidation.id(f)
            return [id.isEmpty ? f.id.map(String.init) ?? String(i + 1) : id, PlanningData.name(f), f[kindField].description, resolved[i] ?? "",
                    a.street ?? "", a.upgradeDistricts.joined(separator: ";"), a.controlZones.joined(separator: ";"),
                    a.verdict.rawValue, a.reasons(language), lon, lat]
        }
        return Table(title: "Project validation",
                     headers: ["project", "name", "kind", "kind_key", "street", "upgrade district", "control zones", "verdict", "reasons", "lon", "lat"],
                     rows: rows)
    }
}
