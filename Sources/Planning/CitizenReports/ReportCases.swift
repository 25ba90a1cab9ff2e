import GeoCore

/// Citizen reports as read: one entry per report, coordinates in the working CRS.
public struct CitizenReportRecords: Sendable {
    /// The app's report ids.
    public var ids: [String]
    /// Seconds since 1970 UTC (`ReportTime`).
    public var times: [Int64]
    /// The category as written.
    public var categories: [String]
    /// Easting and northing, m.
    public var xs: [Double], ys: [Double]

    /// Records from columns of equal length.
    public init(ids: [String], times: [Int64], categories: [String], xs: [Double], ys: [Double]) {
        self.ids = ids
        self.times = times
        self.categories = categories
        self.xs = xs
        self.ys = ys
    }

    /// How many reports.
    public var count: Int { xs.count }
}

/// One problem as the district handles it: reports of one category close in place and time
/// merged, with how many there were and when the first and last came in.
public struct ReportCase: Sendable, Equatable {
    /// The first report's id.
    public let id: String
    /// The category.
    public let category: String
    /// Where the first report was made, m.
    public let x: Double, y: Double
    /// The first and last report's times.
    public var first: Int64, last: Int64
    /// Reports merged into the case (1 when it was reported once).
    public var reports: Int
}

/// Merging duplicate reports into cases.
public enum ReportDeduplication {
    /// The cases of `records` (those where `keep` is true), in time order: a report joins the
    /// earliest opened case of its category whose first report lies within `distance` m and
    /// whose last report came at most `hours` before it; else it opens a case. A case stays
    /// open while it keeps being reported (a bin reported every two days for a month is one case).
    /// Categories never merge with each other, so each is merged on its own, on every core,
    /// and the cases are put back in the order of their first reports.
    public static func cases(_ records: CitizenReportRecords, keep: [Bool], distance: Double, hours: Double) -> [ReportCase] {
        let order = ReportDeduplication.timeOrder(records.times, keep: keep)
        let window = Int64((hours * 3600).rounded())
        guard distance > 0, window > 0 else { return order.map { ReportDeduplication.single(records, $0) } }
        var byCategory: [String: [Int]] = [:]
        for i in order { byCategory[records.categories[i], default: []].append(i) }
        let groups = byCategory.keys.sorted().compactMap { byCategory[$0] }
        let merged = ParallelMap.map(0..<groups.count) { g in merge(records, groups[g], distance: distance, window: window) }
        // Each case with its first report's index: (time, index) is the sequential order.
        return merged.joined().sorted { ($0.case.first, $0.index) < ($1.case.first, $1.index) }.map(\.case)
    }

    private static func single(_ records: CitizenReportRecords, _ i: Int) -> ReportCase {
        ReportCase(id: records.ids[i], category: records.categories[i], x: records.xs[i], y: records.ys[i],
                   first: records.times[i], last: records.times[i], reports: 1)
    }

    /// One category's reports (in time order) merged into cases, each with its first report's index.
    private static func merge(_ records: CitizenReportRecords, _ order: [Int], distance: Double, window: Int64) -> [(case: ReportCase, index: Int)] {
        // Open cases in square buckets twice the distance wide holding their first report: the
        // distance around a report then touches at most the 2 x 2 buckets nearest it.
        var cases: [(case: ReportCase, index: Int)] = []
        var buckets: [Int: [Int]] = [:]
        let d2 = distance * distance, size = 2 * distance
        for i in order {
            let (x, y, t) = (records.xs[i], records.ys[i], records.times[i])
            let fx = x / size, fy = y / size
            let gx = Int(fx.rounded(.down)), gy = Int(fy.rounded(.down))
            // The neighbouring bucket column and row on the side the report is nearer to.
            let sx = fx - Double(gx) < 0.5 ? -1 : 1, sy = fy - Double(gy) < 0.5 ? -1 : 1
            // The earliest opened of the open cases within reach (a rule that does not depend
            // on how the buckets are searched).
            var joined = -1
            for dx in [0, sx] {
                for dy in [0, sy] {
                    let key = ReportDeduplication.key(gx + dx, gy + dy)
                    guard buckets[key] != nil else { continue }
                    // Cases no longer open leave the bucket for good (changed in place: a copy
                    // of the bucket per lookup would cost an allocation per report).
                    buckets[key, default: []].removeAll { t - cases[$0].case.last > window }
                    guard let open = buckets[key], !open.isEmpty else {
                        buckets[key] = nil
                        continue
                    }
                    for c in open where joined < 0 || c < joined {
                        let (ex, ey) = (cases[c].case.x - x, cases[c].case.y - y)
                        if ex * ex + ey * ey <= d2 { joined = c }
                    }
                }
            }
            if joined >= 0 {
                cases[joined].case.last = t
                cases[joined].case.reports += 1
            } else {
                buckets[ReportDeduplication.key(gx, gy), default: []].append(cases.count)
                cases.append((single(records, i), i))
            }
        }
        return cases
    }

    /// The kept indices by time, then index: as packed integers (time above the index bits)
    /// when they fit in 64 bits, which sorts a million several times faster than tuples.
    static func timeOrder(_ times: [Int64], keep: [Bool]) -> [Int] {
        let kept = times.indices.filter { keep[$0] }
        guard let low = kept.lazy.map({ times[$0] }).min(), let high = kept.lazy.map({ times[$0] }).max() else { return [] }
        let indexBits = max(1, Int.bitWidth - times.count.leadingZeroBitCount)
        let span = UInt64(high - low)
        guard span == 0 || UInt64.bitWidth - span.leadingZeroBitCount + indexBits <= 64 else {
            return kept.sorted { (times[$0], $0) < (times[$1], $1) }
        }
        let mask: UInt64 = (1 << UInt64(indexBits)) - 1
        return kept.map { (UInt64(times[$0] - low) << UInt64(indexBits)) | UInt64($0) }.sorted().map { Int($0 & mask) }
    }

    /// A bucket's key, packed in one Int (hashing a pair costs more at a million): 32 bits
    /// for each bucket coordinate.
    private static func key(_ gx: Int, _ gy: Int) -> Int {
        ((gx & 0xFFFF_FFFF) << 32) | (gy & 0xFFFF_FFFF)
    }
}
