#if canImport(Glibc)
import Glibc
#endif

/// Decimal numbers read in place from NUL-terminated bytes (CSV cells, coordinate lines).
enum DecimalText {
    /// The number at `i` (strtod), and where it ends (never past `end`); no progress when
    /// there is none.
    static func parse(_ base: UnsafePointer<UInt8>, _ i: Int, _ end: Int) -> (Double, Int) {
        guard i < end else { return (0, i) }
        return base.withMemoryRebound(to: CChar.self, capacity: end + 1) { chars in
            var stop: UnsafeMutablePointer<CChar>?
            let value = strtod(chars + i, &stop)
            let consumed = stop.map { UnsafePointer($0) - chars } ?? i
            return (value, min(max(consumed, i), end))
        }
    }
}
