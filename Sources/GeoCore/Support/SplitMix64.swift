import Foundation

/// SplitMix64: a small, fast, seedable generator (the same numbers on every machine).
public struct SplitMix64: Sendable {
    private var state: UInt64
    /// A generator starting from `seed`.
    public init(seed: UInt64) { state = seed }

    /// The next 64 random bits.
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Uniform in [0, 1).
    public mutating func unit() -> Double { Double(next() >> 11) / Double(1 << 53) }
    /// Uniform in 0..<n.
    public mutating func next(below n: Int) -> Int { Int(next() % UInt64(max(n, 1))) }
    /// Standard normal (Box-Muller).
    public mutating func normal() -> Double {
        let u = max(unit(), 1e-300), v = unit()
        return (-2 * log(u)).squareRoot() * cos(2 * Double.pi * v)
    }
    /// An index drawn with the given weights.
    public mutating func pick(_ weights: [Double]) -> Int {
        var t = unit() * weights.reduce(0, +)
        for (i, w) in weights.enumerated() {
            t -= w
            if t < 0 { return i }
        }
        return weights.count - 1
    }
}
