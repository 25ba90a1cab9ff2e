import ArgumentParser
import Foundation
import GeoCore
import GeoIO
import Planning
import Reporting

/// `gmgeo validate PROJECTS`: verdicts on proposed project locations.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check proposed projects against the plan: zones, expert review, corridors, setbacks, green space.",
        discussion: """
        For each project (point or footprint): its street and upgrade district, the control zones it touches, whether it needs expert committee review (key projects inside a control zone; major industrial projects, public facilities and area-wide developments anywhere), the buffer-check findings, whether it takes green space, and a verdict ok | needs-review | conflict with every rule that fired, in plain words. The project kind is read from the field named by --kind-field: the keys key, major-industrial, public-facility, area-wide, general, or the words rules.toml lists for them under [project_kinds] (重点项目, 重大产业项目, 公共配套设施, 片区整体开发, 一般项目, ...). A kind that is none of them is refused with the rows named (exit 2); with --unknown-kind review such projects are assessed and marked needs-review. A project without a location is refused: nothing passes unchecked.

        Exit status: 0 all ok, 1 some need review or conflict, 2 bad input.

        Examples:
          gmgeo validate projects-sample
          gmgeo validate sites.csv --crs gcj02 -o verdicts.geojson --csv verdicts.csv
          gmgeo validate proposals.gpkg --kind-field 项目类型 --lang zh
          gmgeo validate 'survey.shp#encoding=GBK,crs=gcj02' --unknown-kind review
        """
    )

    @Argument(help: "The projects (file, connection or embedded layer name; settings after '#', e.g. sites.csv#crs=gcj02).") var projects: String
    @Option(name: .customLong("kind-field"), help: "The field holding the project kind.") var kindField = "kind"
    @Option(name: .customLong("unknown-kind"), help: "A kind the rules do not know: refuse (default) or review (assess it, marked needs-review).")
    var unknownKind: UnknownKindPolicy = .refuse
    @OptionGroup var planning: PlanningOptions
    @OptionGroup var input: InputOptions
    @OptionGroup var output: OutputOptions
    @Option(help: "Write the verdict table as CSV to this file.") var csv: String?
    @Option(help: "The language of the reasons and the printed table: en (default) or zh. Field names and CSV headers stay English.")
    var lang: Language = .en

    func run() throws {
        try output.checkWritable(alongside: csv)
        let data = try planning.load()
        let path = try LayerInput.path(projects)
        try LayerInput.refuseOverwrite(output.output, csv, inputs: [path])
        let layer = try LayerInput.readProjected(projects, options: try input.readOptions(), crs: try CRS(data.rules.workingCRS))
        let result = try ProjectLayerValidation(layer, source: displayName(ofSource: path), kindField: kindField, data: data,
                                                unknownKinds: unknownKind, language: lang)
        if output.output != nil { try output.write(result.checked) }
        try TableOutput.emit([ReportWords.table(result.table, lang)], csv: nil, toStdout: output.output != "-")
        if let csv { try AtomicWrite.text(result.table.csv(), to: csv) }
        let counts = Dictionary(grouping: result.assessments, by: \.verdict).mapValues(\.count)
        Stderr.write("gmgeo: \(result.assessments.count) projects checked: \(counts[.ok] ?? 0) ok, \(counts[.needsReview] ?? 0) need review, \(counts[.conflict] ?? 0) conflict\n")
        if result.assessments.contains(where: { $0.verdict != .ok }) { throw ExitCode(1) }
    }
}

extension UnknownKindPolicy: ExpressibleByArgument {}
