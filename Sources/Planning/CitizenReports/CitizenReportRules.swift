/// The rules of citizen-report analysis ([citizen_reports] in rules.toml): the hexagon grid,
/// the Gi* neighbourhood, what counts as one case, and which department answers for what.
public struct CitizenReportRules: Sendable, Equatable {
    /// Distance between neighbouring hexagon centres, m.
    public var cellSize: Double
    /// Gi* distance band, m: a cell's neighbours are the cells whose centres lie within it.
    public var band: Double
    /// When > 0, the k nearest cells (and the cell itself) instead of the band.
    public var knn: Int
    /// Reports of one category this close (m) ...
    public var duplicateDistance: Double
    /// ... and this close in time (hours) are one case.
    public var duplicateHours: Double
    /// Category -> responsible department, in the file's order.
    public var departments: [(category: String, department: String)]
    /// What Gi* is computed on: counts stabilised by √(x + 3/8) (Anscombe), so Poisson counts
    /// give normal z-scores and the p-values hold; or the raw counts (ArcGIS, esda).
    public var counts = CountScale.sqrt
    /// The multiple-testing correction of the bands.
    public var correction = GetisOrd.Correction.by

    /// What a cell's count enters Gi* as.
    public enum CountScale: String, Sendable, CaseIterable {
        /// √(cases per hexagon + 3/8).
        case sqrt
        /// Cases per hexagon.
        case raw
    }

    /// Creates the rules.
    public init(cellSize: Double, band: Double, knn: Int, duplicateDistance: Double, duplicateHours: Double,
                departments: [(category: String, department: String)]) {
        self.cellSize = cellSize
        self.band = band
        self.knn = knn
        self.duplicateDistance = duplicateDistance
        self.duplicateHours = duplicateHours
        self.departments = departments
    }

    /// The department answering for `category`, or nil for a category the rules do not know.
    public func department(of category: String) -> String? {
        departments.first { $0.category == category }?.department
    }

    public static func == (a: CitizenReportRules, b: CitizenReportRules) -> Bool {
        a.cellSize == b.cellSize && a.band == b.band && a.knn == b.knn && a.duplicateDistance == b.duplicateDistance
            && a.duplicateHours == b.duplicateHours && a.counts == b.counts && a.correction == b.correction
            && a.departments.map(\.category) == b.departments.map(\.category)
            && a.departments.map(\.department) == b.departments.map(\.department)
    }
}
