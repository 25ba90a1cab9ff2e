import Foundation
@testable import GeoIO
import Testing
import TestSupport

extension GeoIOTests {
    @Suite("Numbers and SQL text")
    struct NumberAndSQLTests {
        @Test("FixedDecimal prints as printf's %.Nf does, over random values, ties and magnitudes (never -0)")
        func fixedAgainstPrintf() {
            var state: UInt64 = 0x5EED
            func next() -> UInt64 {
                state &+= 0x9E37_79B9_7F4A_7C15
                var z = state
                z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
                z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
                return z ^ (z >> 31)
            }
            var values: [Double] = [0, -0.0, 0.5, 1.5, 2.5, 0.125, 0.375, -0.125, 1e-9, -1e-9, 123456.785, 0.045, 1e15, -2.675, 9.995]
            for _ in 0..<20_000 {
                let mantissa = Double(next() % 2_000_000_001) - 1_000_000_000
                let scale = pow(10, Double(Int(next() % 13)) - 6)
                values.append(mantissa * scale)
                values.append(Double(bitPattern: 0x3FF0_0000_0000_0000 | (next() & 0x000F_FFFF_FFFF_FFFF)) * (next() % 2 == 0 ? 1 : -1))
            }
            var mismatches: [String] = []
            for v in values {
                for d in [0, 1, 2, 4, 7, 9] {
                    var printf = String(format: "%.\(d)f", v)
                    if printf.hasPrefix("-"), printf.dropFirst().allSatisfy({ $0 == "0" || $0 == "." }) { printf.removeFirst() }
                    let ours = FixedDecimal.string(v, d)
                    if ours != printf, mismatches.count < 5 { mismatches.append("\(v) at \(d): \(ours) vs \(printf)") }
                    #expect(FixedDecimal.rounded(v, d) == Double(printf))
                }
            }
            #expect(mismatches.isEmpty, "\(mismatches)")
            #expect(FixedDecimal.string(.nan, 2) == "" && FixedDecimal.string(-0.001, 2) == "0.00")
        }

        @Test("OGR SQL: non-ASCII field names are quoted where bare, never inside literals or quoted names", arguments: [
            ("类别 = 'rail'", "\"类别\" = 'rail'"),
            ("类别 = '类别'", "\"类别\" = '类别'"),
            ("\"类别\" = 'x'", "\"类别\" = 'x'"),
            ("类别名 = 'x' AND 类别 LIKE 'a''类别'", "\"类别名\" = 'x' AND \"类别\" LIKE 'a''类别'"),
            ("name = '光明'", "name = '光明'"),
            ("a\"b = 1", "\"a\"\"b\" = 1"),
        ])
        func quoting(_ filter: String, _ expected: String) {
            let fields = [Field("类别", .string), Field("类别名", .string), Field("name", .string), Field("a\"b", .integer)]
            #expect(FeatureReader.quotingFieldNames(filter, fields) == expected)
        }
    }
}
