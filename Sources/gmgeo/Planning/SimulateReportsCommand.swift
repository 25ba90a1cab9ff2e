import ArgumentParser
import Foundation
import GeoIO
import Planning

/// `gmgeo simulate-reports`: a realistic synthetic export of citizen reports, for trying
/// `gmgeo hotspots` (no published dataset of such reports exists).
struct SimulateReportsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "simulate-reports",
        abstract: "Write a synthetic, seeded citizen-report export (CSV, GCJ-02) for any district, to try gmgeo hotspots.",
        discussion: """
        Background reports in proportion to each street's area, uniform inside it, in the categories of the plan (环境卫生 34%, 道路设施 20%, 施工管理 15%, 园林绿化 15%, 建筑立面 11%, 河道水体 5%, and 0.5% 其他, which the rules do not map); planted clusters (--cluster PLACE:CATEGORY:COUNT[:SPREAD_M], a station, park, upgrade district, control zone or road of the data; default for Guangming: 光明城站 环境卫生 600, 楼村北 施工管理 400, 光明大街站 建筑立面 300); a trend from the first month to the last (--trend -0.3: 30% fewer at the end); duplicates (the same problem again within two days a few metres away); a few reports outside the district and a few broken rows. Columns: id, time (ISO 8601, +08:00), category, text, lon, lat (GCJ-02, as the phone app writes them). The same options and --seed give the same file.

        Examples:
          gmgeo simulate-reports -o reports.csv
          gmgeo simulate-reports --background 1000000 --seed 7 -o big.csv
          gmgeo simulate-reports --cluster 光明城站:环境卫生:800:120 --trend -0.4 --months 24 -o reports.csv
          gmgeo simulate-reports --no-clusters --broken 0 --outside 0 -o random.csv
        """
    )

    @OptionGroup var planning: PlanningOptions
    @Option(name: [.short, .customLong("output")], help: "The CSV file to write.") var output: String
    @Option(help: "Background reports.") var background = 20_000
    @Option(help: "A planted cluster PLACE:CATEGORY:COUNT[:SPREAD_M] (repeatable).") var cluster: [String] = []
    @Flag(name: .customLong("no-clusters"), help: "No planted clusters (spatially random reports).") var noClusters = false
    @Option(name: .customLong("first-month"), help: "The first month, YYYY-MM.") var firstMonth = "2025-01"
    @Option(help: "How many months.") var months = 12
    @Option(help: "Change of the monthly rate from the first month to the last, e.g. -0.3.") var trend = 0.0
    @Option(help: "Share of reports reported twice.") var duplicates = 0.1
    @Option(help: "Reports outside the district.") var outside = 20
    @Option(help: "Unreadable rows.") var broken = 5
    @Option(help: "The random seed.") var seed: UInt64 = 1

    func validate() throws {
        if !(0...20_000_000).contains(background) { throw ValidationError("--background must be between 0 and 20,000,000") }
        if !(1...240).contains(months) { throw ValidationError("--months must be between 1 and 240") }
        if !(trend.isFinite && trend >= -0.95 && trend <= 10) { throw ValidationError("--trend must be between -0.95 and 10") }
        if !(0...1).contains(duplicates) { throw ValidationError("--duplicates is a share between 0 and 1") }
        if outside < 0 || broken < 0 { throw ValidationError("--outside and --broken must be >= 0") }
        if noClusters && !cluster.isEmpty { throw ValidationError("give --cluster or --no-clusters, not both") }
    }

    func run() throws {
        try OutputPath.check(output)
        let data = try planning.load()
        var settings = SyntheticReports()
        settings.background = background
        settings.firstMonth = firstMonth
        settings.months = months
        settings.trend = trend
        settings.duplicateShare = duplicates
        settings.outside = outside
        settings.broken = broken
        settings.seed = seed
        settings.clusters = try noClusters ? [] : cluster.isEmpty ? SyntheticReports.guangmingClusters : cluster.map(SimulateReportsCommand.parse)
        let text: String
        do {
            text = try settings.csv(data: data)
        } catch let error as RulesError {
            throw InputError(error.message)
        }
        try AtomicWrite.data(Data(text.utf8), to: output)
        let rows = text.split(separator: "\n").count - 1
        Stderr.write("gmgeo: wrote \(rows) reports to \(output) (seed \(seed); positions GCJ-02: read them with --crs gcj02)\n")
    }

    static func parse(_ spec: String) throws -> SyntheticReports.Cluster {
        let parts = spec.split(separator: ":").map(String.init)
        guard parts.count == 3 || parts.count == 4, let count = Int(parts[2]), count > 0,
              parts.count == 3 || Double(parts[3]).map({ $0 > 0 }) == true else {
            throw InputError("--cluster '\(spec)': give PLACE:CATEGORY:COUNT or PLACE:CATEGORY:COUNT:SPREAD_M, e.g. 光明城站:环境卫生:600:150")
        }
        return SyntheticReports.Cluster(place: parts[0], category: parts[1], count: count, radius: parts.count == 4 ? Double(parts[3]) ?? 150 : 150)
    }
}
