import Foundation
import GeoCore
import GeoIO

/// A realistic synthetic export of citizen reports for any district (no published dataset
/// exists): a background in proportion to each street's area, planted clusters at named places,
/// a trend over the months, duplicates, a few reports outside the district and a few broken
/// rows. Seeded: the same settings give the same file.
public struct SyntheticReports: Sendable {
    /// A planted cluster: `count` reports of `category` around a named place, spread `radius` m.
    public struct Cluster: Sendable, Equatable {
        public let place: String, category: String, count: Int, radius: Double
        /// Creates a cluster.
        public init(place: String, category: String, count: Int, radius: Double = 150) {
            (self.place, self.category, self.count, self.radius) = (place, category, count, radius)
        }
    }

    /// Background reports (clusters, duplicates, outside and broken rows come on top).
    public var background = 20_000
    public var clusters: [Cluster] = []
    /// The first month ("2025-01") and how many months.
    public var firstMonth = "2025-01", months = 12
    /// Change of the monthly rate from the first month to the last (-0.3: 30% fewer at the end).
    public var trend = 0.0
    /// Share of reports reported again within two days a few metres away.
    public var duplicateShare = 0.1
    /// Reports placed outside the district, and rows made unreadable.
    public var outside = 20, broken = 5
    /// Share of background reports in a category the rules do not know ("其他").
    public var unknownShare = 0.005
    public var seed: UInt64 = 1

    /// The categories and their shares of the background.
    public static let categoryShares: [(String, Double)] = [("环境卫生", 0.34), ("道路设施", 0.2), ("施工管理", 0.15), ("园林绿化", 0.15),
                                                            ("建筑立面", 0.11), ("河道水体", 0.05)]
    static let texts = ["环境卫生": "垃圾未及时清运", "道路设施": "人行道破损", "施工管理": "围挡破损、扬尘", "园林绿化": "绿化带缺株、杂草",
                        "建筑立面": "外墙广告牌破旧", "河道水体": "河道漂浮物", "其他": "其他问题"]

    /// Creates the default settings.
    public init() {}

    /// The default clusters for Guangming's embedded data.
    public static let guangmingClusters = [Cluster(place: "光明城站", category: "环境卫生", count: 600),
                                           Cluster(place: "楼村北", category: "施工管理", count: 400, radius: 200),
                                           Cluster(place: "光明大街站", category: "建筑立面", count: 300)]

    /// The reports as positions (working CRS) with their fields, before broken rows.
    public func records(data: PlanningData) throws -> CitizenReportRecords {
        var rng = SplitMix64(seed: seed)
        let streets = data.streets
        let areas = try streets.map { try $0.geometry.area() }
        let total = areas.reduce(0, +)
        let district = try data.district()
        let inDistrict = try PreparedGeometry(district)
        let prepared = try streets.map { try PreparedGeometry($0.geometry) }
        let parts = firstMonth.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 2, ReportTime.parse(firstMonth + "-01") != nil, months > 0 else {
            throw RulesError(file: "synthetic reports", message: "first month '\(firstMonth)' must be YYYY-MM and months > 0")
        }
        // Each calendar month's first day.
        let monthStarts = (0..<months).map { m -> Int64 in
            let index = parts[1] - 1 + m
            return ReportTime.parse(String(format: "%04d-%02d-01", parts[0] + index / 12, index % 12 + 1)) ?? 0
        }
        var out = CitizenReportRecords(ids: [], times: [], categories: [], xs: [], ys: [])
        func add(_ x: Double, _ y: Double, _ t: Int64, _ category: String) {
            out.ids.append("R\(String(format: "%07d", out.count + 1))")
            out.xs.append(x)
            out.ys.append(y)
            out.times.append(t)
            out.categories.append(category)
        }
        // A month by the trend's weights, then a day and an hour (07:00-22:00 Beijing).
        let weights = (0..<months).map { m in max(0.05, 1 + trend * (months > 1 ? Double(m) / Double(months - 1) : 0)) }
        func time() -> Int64 {
            let m = rng.pick(weights)
            let start = monthStarts[m]
            return start + Int64(rng.next(below: 28)) * 86_400 + Int64(7 * 3600 + rng.next(below: 15 * 3600))
        }
        func category() -> String {
            rng.unit() < unknownShare ? "其他" : SyntheticReports.categoryShares[rng.pick(SyntheticReports.categoryShares.map(\.1))].0
        }
        for _ in 0..<background {
            let s = rng.pick(areas.map { $0 / total })
            guard let e = streets[s].geometry.envelope else { continue }
            var (x, y) = (0.0, 0.0)
            repeat {
                (x, y) = (e.minX + rng.unit() * e.width, e.minY + rng.unit() * e.height)
            } while try !prepared[s].contains(x: x, y: y)
            add(x, y, time(), category())
        }
        for cluster in clusters {
            let centre = try SyntheticReports.place(cluster.place, in: data)
            for _ in 0..<cluster.count {
                var (x, y) = (0.0, 0.0)
                repeat {
                    (x, y) = (centre.x + rng.normal() * cluster.radius / 2, centre.y + rng.normal() * cluster.radius / 2)
                } while try !inDistrict.contains(x: x, y: y)
                add(x, y, time(), cluster.category)
            }
        }
        // Duplicates: the same problem again, a few metres away, within two days.
        for i in 0..<out.count where rng.unit() < duplicateShare {
            add(out.xs[i] + rng.normal() * 8, out.ys[i] + rng.normal() * 8, out.times[i] + Int64(rng.next(below: 48 * 3600)), out.categories[i])
        }
        // Outside: beyond the district's box, 1 to 3 km out.
        if let e = district.envelope {
            for _ in 0..<outside {
                let side = rng.next(below: 2) == 0 ? e.minX - 1000 - rng.unit() * 2000 : e.maxX + 1000 + rng.unit() * 2000
                add(side, e.minY + rng.unit() * e.height, time(), category())
            }
        }
        return out
    }

    /// The export as the app writes it: CSV with id, time, category, text, lon, lat in GCJ-02,
    /// with `broken` rows made unreadable (a missing latitude, a longitude of "abc", a month 13).
    public func csv(data: PlanningData) throws -> String {
        let records = try self.records(data: data)
        var lon = records.xs, lat = records.ys
        guard let working = data.boundary.crs else { throw RulesError(file: "synthetic reports", message: "the data has no CRS") }
        try Transformer(from: working, to: .gcj02).transform(xs: &lon, ys: &lat)
        var rng = SplitMix64(seed: seed ^ 0x9E37_79B9)
        let brokenRows = Set((0..<broken).map { _ in rng.next(below: max(records.count, 1)) })
        var text = "id,time,category,text,lon,lat\n"
        for i in 0..<records.count {
            let time = ReportTime.text(records.times[i]).replacingOccurrences(of: " ", with: "T") + ":00+08:00"
            var cells = [records.ids[i], time, records.categories[i], SyntheticReports.texts[records.categories[i]] ?? "",
                         Format.fixed(lon[i], 6), Format.fixed(lat[i], 6)]
            if brokenRows.contains(i) {
                switch i % 3 {
                case 0: cells[5] = ""
                case 1: cells[4] = "abc"
                default: cells[1] = "2025-13-45T10:00:00+08:00"
                }
            }
            text += cells.joined(separator: ",") + "\n"
        }
        return text
    }

    /// A named place of the data (station, park, upgrade district, control zone, road) as a point.
    public static func place(_ name: String, in data: PlanningData) throws -> (x: Double, y: Double) {
        for layer in [data.stations, data.upgradeDistricts, data.controlZones, data.green, data.roads] {
            if let f = layer.features.first(where: { PlanningData.name($0) == name }), let g = f.geometry {
                let p = try g.type == .point ? g : g.pointOnSurface()
                if let c = p.coordinates.first { return (c.x, c.y) }
            }
        }
        throw RulesError(file: "synthetic reports", message: "no place named '\(name)' in the stations, upgrade districts, control zones, green or roads")
    }
}
