import Foundation

/// One line of `gmgeo transform` input: "x,y[,rest]" or "x y [rest]".
struct CoordinateLine {
    let x: Double
    let y: Double
    /// "," or " ", so output keeps the input's form.
    let separator: String
    /// What followed x and y, passed through unchanged.
    let rest: Substring

    /// Parses a line; nil for blank lines and # comments, which are copied as they are.
    init?(_ line: Substring, origin: String, number: Int) throws {
        let trimmed = line.drop { $0 == " " || $0 == "\t" }.dropLastCarriageReturn
        if trimmed.isEmpty || trimmed.hasPrefix("#") { return nil }
        let fields: [Substring]
        if trimmed.contains(",") {
            separator = ","
            fields = trimmed.split(separator: ",", maxSplits: 2, omittingEmptySubsequences: false)
        } else {
            separator = " "
            fields = trimmed.split(maxSplits: 2, whereSeparator: { $0 == " " || $0 == "\t" })
        }
        guard fields.count >= 2 else {
            throw InputError("\(origin):\(number): expected \"x,y\" or \"x y\", got '\(line)'")
        }
        let xText = fields[0].trimmingCharacters(in: .whitespacesAndNewlines)
        let yText = fields[1].trimmingCharacters(in: .whitespacesAndNewlines)
        guard let x = Double(xText), let y = Double(yText) else {
            throw InputError("\(origin):\(number): '\(xText)' and '\(yText)' must be numbers (x = longitude/easting first)")
        }
        guard x.isFinite, y.isFinite else {
            throw InputError("\(origin):\(number): coordinates must be finite numbers, got '\(xText)', '\(yText)'")
        }
        self.x = x
        self.y = y
        rest = fields.count > 2 ? fields[2] : ""
    }

    /// The line with x and y replaced and the rest kept.
    func rendered(x: Double, y: Double, decimals: Int) -> String {
        var s = format(x, decimals) + separator + format(y, decimals)
        if !rest.isEmpty { s += separator + rest }
        return s
    }

    private func format(_ value: Double, _ decimals: Int) -> String {
        String(format: "%.\(decimals)f", value)
    }
}

private extension Substring {
    /// Windows line ends leave a "\r" that is not part of the data.
    var dropLastCarriageReturn: Substring { last == "\r" ? dropLast() : self }
}
