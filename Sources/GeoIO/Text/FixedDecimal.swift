import Foundation

/// The one way gmgeo rounds and prints numbers: fixed decimals as printf's "%.Nf" gives them
/// (exact decimal rounding of the binary value), except that a value rounding to zero is
/// never "-0". Coordinates, tables and the rounded values of result layers all use it.
public enum FixedDecimal {
    /// `value` with `decimals` places (0...18); "" for NaN or infinity.
    public static func string(_ value: Double, _ decimals: Int) -> String {
        guard value.isFinite else { return "" }
        var out: [UInt8] = []
        append(value, decimals, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// `value` rounded to `decimals` places exactly as `string` prints it.
    public static func rounded(_ value: Double, _ decimals: Int) -> Double {
        guard value.isFinite else { return value }
        return Double(string(value, decimals)) ?? value
    }

    private static let powers: [Double] = (0...18).map { pow(10, Double($0)) }

    /// Appends `value` with `decimals` places (0...18).
    public static func append(_ value: Double, _ decimals: Int, to out: inout [UInt8]) {
        let raw = abs(value) * powers[decimals]
        let scaled = raw.rounded()
        // Near a tie the product's rounding may differ from printf's exact decimal rounding.
        // The product is exact to within an ulp: near a tie, or past 2^52, ask printf.
        guard scaled < 4_503_599_627_370_496, abs(raw - raw.rounded(.down) - 0.5) > 4 * raw.ulp + 1e-9 else {
            var text = String(format: "%.\(decimals)f", value)
            if text.hasPrefix("-"), text.dropFirst().allSatisfy({ $0 == "0" || $0 == "." }) { text.removeFirst() }
            out.append(contentsOf: Array(text.utf8))
            return
        }
        let n = UInt64(scaled)
        if value < 0 && n != 0 { out.append(45) }
        let unit = UInt64(powers[decimals])
        appendDigits(n / unit, minimum: 1, to: &out)
        if decimals > 0 {
            out.append(46)
            appendDigits(n % unit, minimum: decimals, to: &out)
        }
    }

    /// `n` in decimal, zero-padded to `minimum` digits, written in place (no array per number).
    private static func appendDigits(_ n: UInt64, minimum: Int, to out: inout [UInt8]) {
        var count = 1
        var v = n / 10
        while v > 0 {
            count += 1
            v /= 10
        }
        out.append(contentsOf: repeatElement(48, count: max(count, minimum)))
        var i = out.count - 1
        v = n
        repeat {
            out[i] = UInt8(48 + v % 10)
            v /= 10
            i -= 1
        } while v > 0
    }
}
