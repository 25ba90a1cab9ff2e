import ArgumentParser
import Foundation
import GeoCore
import GeoIO
import Planning

/// `gmgeo validate PROJECTS`: verdicts on proposed project locations.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check proposed projects against the plan: zones, expert review, corridors, setbacks, green space.",
        discussion: """
        For each project (point or footprint): its street and upgrade district, the control zones it touches, whether it needs expert committee review (key projects inside a control zone; major industrial projects, public facilities and area-wide developments anywhere), the buffer-check findings, whether it takes green space, and a verdict ok | needs-review | conflict with every rule that fired, in plain words. The project kind is read from the field named by --kind-field (values: key, major-industrial, public-facility, area-wide, general).

        Exit status: 0 all ok, 1 some need review or conflict, 2 bad input.

        Examples:
          gmgeo validate projects-sample
          gmgeo validate sites.csv --crs gcj02 -o verdicts.geojson --csv verdicts.csv
          gmgeo validate proposals.gpkg --kind-field 项目类型
        """
    )

    @Argument(help: "The projects (file, connection or embedded layer name).") var projects: String
    @Option(name: .customLong("kind-field"), help: "The field holding the project kind.") var kindField = "kind"
    @OptionGroup var planning: PlanningOptions
    @OptionGroup var input: InputOptions
    @OptionGroup var output: OutputOptions
    @Option(help: "Write the verdict table as CSV to this file.") var csv: String?

    func run() throws {
        let data = try planning.load()
        let layer = try LayerInput.readProjected(projects, options: try input.readOptions())
        guard !layer.features.isEmpty else { throw InputError("\(projects): no projects to validate") }
        if layer.field(kindField) == nil {
            throw InputError("\(projects): no field '\(kindField)' for the project kind; fields: \(layer.fields.map(\.name).joined(separator: ", ")) (use --kind-field)")
        }
        let (checked, assessments) = try ValidateCommand.assess(layer, kindField: kindField, data: data)
        if output.output != nil { try output.write(checked) }
        try TableOutput.emit([ValidateCommand.table(checked, assessments)], csv: csv)
        let counts = Dictionary(grouping: assessments, by: \.verdict).mapValues(\.count)
        Stderr.write("gmgeo: \(assessments.count) projects: \(counts[.ok] ?? 0) ok, \(counts[.needsReview] ?? 0) need review, \(counts[.conflict] ?? 0) conflict\n")
        if assessments.contains(where: { $0.verdict != .ok }) { throw ExitCode(1) }
    }

    /// The assessments and the projects layer with findings added; `corridors` when the
    /// caller has already built them.
    static func assess(_ layer: Layer, kindField: String, data: PlanningData, corridors: [Corridor]? = nil) throws -> (Layer, [ProjectAssessment]) {
        let located = layer.features.filter { $0.geometry != nil }
        let district = try data.district()
        let context = ValidationContext(district: district, streets: data.streets, upgradeDistricts: PlanningData.named(data.upgradeDistricts),
                                        controlZones: PlanningData.named(data.controlZones), green: PlanningData.named(data.green),
                                        network: data.network, corridors: try corridors ?? Corridors.build(data.network, rules: data.rules, within: district))
        let assessments = try ProjectValidation.assess(located.compactMap { f in
            f.geometry.map { ($0, f[kindField].isNull ? "general" : f[kindField].description) }
        }, context: context, rules: data.rules)
        let checked = ResultLayers.validation(Layer(name: layer.name, crs: layer.crs, fields: layer.fields, features: located), assessments)
        return (checked, assessments)
    }

    /// The verdict table.
    static func table(_ checked: Layer, _ assessments: [ProjectAssessment]) -> Table {
        Table(title: "Project validation", headers: ["project", "kind", "street", "control zones", "verdict", "reasons"],
              rows: zip(checked.features, assessments).map { f, a in
                  [(f["project_id"].isNull ? "" : f["project_id"].description + " ") + PlanningData.name(f), f["kind"].description,
                   a.street ?? "", a.controlZones.joined(separator: ", "), a.verdict.rawValue, a.reasons]
              })
    }
}
