import Foundation

/// Getis-Ord Gi* with binary weights (the cell itself included), as ArcGIS's Hot Spot Analysis
/// and PySAL's esda.G_Local(star=True, transform="B") compute it:
///
///     z_i = (Σ_j w_ij x_j − x̄ W_i) / (S √((n Σ_j w_ij² − W_i²) / (n − 1)))
///
/// with W_i = Σ_j w_ij, x̄ the mean and S = √(Σ x_j² / n − x̄²) over all n cells. Bands by the
/// two-sided normal p of z, with the False Discovery Rate (Benjamini-Hochberg) threshold at each
/// of the 90, 95 and 99 % levels, as ArcGIS applies it.
public enum GetisOrd {
    /// The z-score of every cell; `neighbours[i]` lists i's neighbours (i itself included).
    /// All zeros when the values do not vary (no cell stands out).
    public static func zScores(_ x: [Double], neighbours: [[Int]]) -> [Double] {
        let n = Double(x.count)
        guard x.count > 1 else { return x.map { _ in 0 } }
        let mean = x.reduce(0, +) / n
        let s = ((x.reduce(0) { $0 + $1 * $1 } / n) - mean * mean).squareRoot()
        guard s > 0, s.isFinite else { return x.map { _ in 0 } }
        return neighbours.map { hood in
            let w = Double(hood.count)
            let sum = hood.reduce(0.0) { $0 + x[$1] }
            let denominator = s * ((n * w - w * w) / (n - 1)).squareRoot()
            return denominator > 0 ? (sum - mean * w) / denominator : 0
        }
    }

    /// The two-sided p-value of a standard normal z.
    public static func pValue(_ z: Double) -> Double { erfc(abs(z) / 2.0.squareRoot()) }

    /// The Benjamini-Hochberg threshold k α / m for the largest k with p_(k) <= k α / m, or
    /// α / m when no p passes (as esda.fdr returns it): a p under it is significant at α.
    public static func fdrThreshold(_ p: [Double], alpha: Double) -> Double {
        let sorted = p.sorted()
        let m = Double(sorted.count)
        var threshold = alpha / m
        for (k, value) in sorted.enumerated() where value <= Double(k + 1) * alpha / m { threshold = Double(k + 1) * alpha / m }
        return threshold
    }

    /// How the p-values are corrected for testing every cell.
    public enum Correction: String, Sendable, CaseIterable {
        /// Benjamini-Yekutieli: FDR control under any dependence (overlapping neighbourhoods
        /// make the cells' statistics dependent): BH at α / Σ_{i<=m} 1/i.
        case by
        /// Benjamini-Hochberg, as esda.fdr and ArcGIS's Hot Spot Analysis apply it.
        case bh
    }

    /// hot99 ... cold99 or ns for each cell, FDR-corrected at each level.
    public static func bands(z: [Double], p: [Double], correction: Correction = .bh) -> [String] {
        let levels: [(alpha: Double, name: String)] = [(0.01, "99"), (0.05, "95"), (0.10, "90")]
        let harmonic = correction == .by ? (1...max(p.count, 1)).reduce(0.0) { $0 + 1 / Double($1) } : 1
        let thresholds = levels.map { fdrThreshold(p, alpha: $0.alpha / harmonic) }
        return zip(z, p).map { z, p in
            guard let level = levels.indices.first(where: { p < thresholds[$0] }) else { return "ns" }
            return (z > 0 ? "hot" : "cold") + levels[level].name
        }
    }

    /// The band names from hottest to coldest, as the map and tables order them.
    public static let bandOrder = ["hot99", "hot95", "hot90", "ns", "cold90", "cold95", "cold99"]
}

/// The Mann-Kendall trend test on a series in time order (ties corrected), as in Hirsch et al.
/// and pymannkendall's original test: S, its variance, z with continuity correction, two-sided p.
public struct MannKendall: Sendable, Equatable {
    /// Σ_{i<j} sign(x_j − x_i).
    public let s: Int
    /// Var(S) with the tie correction.
    public let variance: Double
    /// (S ∓ 1) / √Var(S), 0 when S = 0.
    public let z: Double
    /// Two-sided normal p of z (1 when the series cannot show a trend).
    public let p: Double

    /// The test of `series`.
    public init(_ series: [Double]) {
        let n = series.count
        var s = 0
        for i in 0..<n {
            for j in (i + 1)..<n {
                s += series[j] > series[i] ? 1 : series[j] < series[i] ? -1 : 0
            }
        }
        let ties = Dictionary(grouping: series, by: { $0 }).values.map(\.count).filter { $0 > 1 }
        let nd = Double(n)
        let tieTerm = ties.reduce(0.0) { sum, t in sum + Double(t * (t - 1) * (2 * t + 5)) }
        let variance = (nd * (nd - 1) * (2 * nd + 5) - tieTerm) / 18
        self.s = s
        self.variance = variance
        z = variance > 0 ? (s > 0 ? Double(s - 1) : s < 0 ? Double(s + 1) : 0) / variance.squareRoot() : 0
        p = variance > 0 ? GetisOrd.pValue(z) : 1
    }

    /// "increasing", "decreasing" or "no trend" at `alpha`.
    public func trend(alpha: Double = 0.05) -> String {
        p < alpha ? (z > 0 ? "increasing" : "decreasing") : "no trend"
    }
}
