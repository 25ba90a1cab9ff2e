import Foundation

/// One line of `gmgeo transform` input: x and y separated by a comma and/or spaces, then
/// anything else (a height, a name), which is passed through with its separator.
struct CoordinateLine {
    let x: Double
    let y: Double
    /// The text between x and y, kept so output has the input's form ("," or " " or ", ").
    let separator: Substring
    /// What followed y, separator included, passed through unchanged.
    let rest: Substring

    /// Parses a line; nil for blank lines and # comments, which are copied as they are.
    init?(_ line: Substring, origin: String, number: Int) throws {
        let text = line.last == "\r" ? line.dropLast() : line
        let trimmed = text.drop(while: CoordinateLine.isBlank)
        if trimmed.isEmpty || trimmed.hasPrefix("#") { return nil }
        let xEnd = trimmed.firstIndex(where: CoordinateLine.isDelimiter) ?? trimmed.endIndex
        let yStart = trimmed[xEnd...].firstIndex { !CoordinateLine.isDelimiter($0) } ?? trimmed.endIndex
        let yEnd = trimmed[yStart...].firstIndex(where: CoordinateLine.isDelimiter) ?? trimmed.endIndex
        let xText = trimmed[..<xEnd], yText = trimmed[yStart..<yEnd]
        guard !yText.isEmpty else {
            throw InputError("\(origin):\(number): expected \"x,y\" or \"x y\", got '\(text)'")
        }
        guard let x = Double(xText), let y = Double(yText) else {
            throw InputError("\(origin):\(number): '\(xText)' and '\(yText)' must be numbers (x = longitude/easting first)")
        }
        guard x.isFinite, y.isFinite else {
            throw InputError("\(origin):\(number): coordinates must be finite numbers, got '\(xText)', '\(yText)'")
        }
        self.x = x
        self.y = y
        separator = trimmed[xEnd..<yStart]
        rest = trimmed[yEnd...]
    }

    /// The line with x and y replaced and everything else kept.
    func rendered(x: Double, y: Double, decimals: Int) -> String {
        String(format: "%.\(decimals)f", x) + separator + String(format: "%.\(decimals)f", y) + rest
    }

    private static func isBlank(_ c: Character) -> Bool { c == " " || c == "\t" }
    private static func isDelimiter(_ c: Character) -> Bool { c == "," || c == " " || c == "\t" }
}
