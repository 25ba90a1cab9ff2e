import Foundation

/// The parts of PROJ's gie test format that a CRS-to-CRS transformer can express:
/// `operation`, `tolerance`, `direction`, `accept`, `expect` (values or `failure`), `roundtrip`.
struct GIEFile {
    enum Direction { case forward, inverse }

    struct Check {
        let operation: String
        let direction: Direction
        /// Tolerance in metres.
        let tolerance: Double
        let input: (Double, Double)
        /// Nil when the operation is expected to fail.
        let expected: (Double, Double)?
        /// Round trips to run on `input` instead of comparing with `expected`.
        let roundtrips: Int
        let line: Int
    }

    var checks: [Check] = []

    init(_ text: String) {
        var operation = ""
        var direction = Direction.forward
        var tolerance = 0.0005
        var accepted: (Double, Double)?
        var acceptLine = 0
        for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let words = raw.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
            guard let keyword = words.first else { continue }
            let args = Array(words.dropFirst())
            switch keyword {
            case "operation":
                operation = args.joined(separator: " ")
                direction = .forward
                tolerance = 0.0005
                accepted = nil
            case "tolerance":
                tolerance = GIEFile.metres(args)
            case "direction":
                direction = args.first == "inverse" ? .inverse : .forward
            case "accept":
                accepted = GIEFile.pair(args)
                acceptLine = index + 1
            case "expect":
                if args.first == "failure" {
                    checks.append(Check(operation: operation, direction: direction, tolerance: tolerance,
                                        input: accepted ?? (0, 0), expected: nil, roundtrips: 0, line: index + 1))
                } else if let input = accepted, let output = GIEFile.pair(args) {
                    checks.append(Check(operation: operation, direction: direction, tolerance: tolerance,
                                        input: input, expected: output, roundtrips: 0, line: acceptLine))
                }
            case "roundtrip":
                if let input = accepted {
                    let own = args.count > 1 ? GIEFile.metres(Array(args.dropFirst())) : tolerance
                    checks.append(Check(operation: operation, direction: direction, tolerance: own,
                                        input: input, expected: nil, roundtrips: Int(args.first ?? "1") ?? 1, line: acceptLine))
                }
            default:
                continue
            }
        }
    }

    private static func pair(_ args: [String]) -> (Double, Double)? {
        guard args.count >= 2, let a = Double(args[0]), let b = Double(args[1]) else { return nil }
        return (a, b)
    }

    /// gie tolerances carry a unit (m, cm, mm, um, nm); a bare number is in metres (the
    /// Mercator pole case inflates 50 nm by its scale 5.7e15 to "3e8").
    private static func metres(_ args: [String]) -> Double {
        guard let value = args.first.flatMap(Double.init) else { return 0.0005 }
        switch args.count > 1 ? args[1] : "m" {
        case "cm": return value / 100
        case "mm": return value / 1000
        case "um": return value / 1_000_000
        case "nm": return value / 1_000_000_000
        default: return value
        }
    }
}
