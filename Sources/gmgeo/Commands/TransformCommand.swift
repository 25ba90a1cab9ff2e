import ArgumentParser
import Foundation
import GeoCore

/// `gmgeo transform`: coordinates from one CRS to another, like PROJ's cs2cs.
struct TransformCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "transform",
        abstract: "Transform coordinates between CRSs, including gcj02 and bd09.",
        discussion: """
        Reads one point per line as "x,y" or "x y" (x = longitude/easting first, always),
        from FILE, standard input, or --point. Anything after x and y on a line (a height, a
        name) is passed through unchanged; blank lines and lines starting with # are copied.
        A CRS is "EPSG:NNNN", WKT, PROJJSON, a PROJ string, gcj02 (Amap/Gaode, Tencent,
        DataV) or bd09 (Baidu). If any line is bad, nothing is printed and the error names
        the line.

        Examples:
          gmgeo transform --from EPSG:4326 --to EPSG:4547 --point 113.9487,22.7357
          gmgeo transform --from gcj02 --to EPSG:4326 stations_gcj02.csv
          gmgeo transform --from bd09 --to gcj02 < baidu_points.txt
          gmgeo transform --from EPSG:4547 --to gcj02 --decimals 7 site_corners.txt
        """
    )

    @Option(help: "The CRS of the input coordinates.")
    var from: String

    @Option(help: "The CRS to transform to.")
    var to: String

    @Option(name: .customLong("point"), help: "A point \"x,y\" to transform (repeatable); no input is read then.")
    var points: [String] = []

    @Option(help: "Decimal places in the output (default: 9 for degrees, 4 for metres).")
    var decimals: Int?

    @Flag(help: "Transform from --to back to --from.")
    var inverse = false

    @Argument(help: "A file of coordinates (default: standard input).")
    var file: String?

    func validate() throws {
        if let decimals, !(0...15).contains(decimals) {
            throw ValidationError("--decimals must be between 0 and 15, got \(decimals)")
        }
        if !points.isEmpty, file != nil {
            throw ValidationError("give either --point or a FILE, not both")
        }
    }

    func run() throws {
        let transformer = try Transformer(from: from, to: to)
        let origin: String
        let lines: [Substring]
        if !points.isEmpty {
            origin = "--point"
            lines = points.map { Substring($0) }
        } else if let file {
            origin = file
            lines = try TextInput.readFile(file).split(separator: "\n", omittingEmptySubsequences: false).dropLastIfEmpty()
        } else {
            origin = "stdin"
            lines = try TextInput.readStandardInput(what: "coordinates").split(separator: "\n", omittingEmptySubsequences: false).dropLastIfEmpty()
        }
        var parsed: [CoordinateLine?] = []
        parsed.reserveCapacity(lines.count)
        var xs: [Double] = [], ys: [Double] = []
        for (index, line) in lines.enumerated() {
            guard let point = try CoordinateLine(line, origin: origin, number: index + 1) else {
                parsed.append(nil)
                continue
            }
            parsed.append(point)
            xs.append(point.x)
            ys.append(point.y)
        }
        do {
            try transformer.transform(xs: &xs, ys: &ys, direction: inverse ? .inverse : .forward)
        } catch {
            throw error.locatingPoint(in: parsed, origin: origin)
        }
        let outputCRS = inverse ? transformer.source : transformer.target
        let places = decimals ?? (outputCRS.isGeographic ? 9 : 4)
        var output = ""
        output.reserveCapacity(lines.count * 32)
        var next = 0
        for (index, line) in lines.enumerated() {
            if let point = parsed[index] {
                output += point.rendered(x: xs[next], y: ys[next], decimals: places)
                next += 1
            } else {
                output += line
            }
            output += "\n"
        }
        FileHandle.standardOutput.write(Data(output.utf8))
    }
}

private extension Array where Element == Substring {
    /// A trailing newline leaves an empty last element that is not a line.
    func dropLastIfEmpty() -> [Substring] {
        last?.isEmpty == true ? Array(dropLast()) : self
    }
}

private extension CRSError {
    /// Replaces "point N" (N-th coordinate) with the input line it came from.
    func locatingPoint(in parsed: [CoordinateLine?], origin: String) -> Error {
        guard let range = message.range(of: #"point (\d+)"#, options: .regularExpression),
              let n = Int(message[range].dropFirst(6)) else { return self.at(origin) }
        var seen = 0
        for (index, line) in parsed.enumerated() where line != nil {
            seen += 1
            if seen == n {
                let detail = message.replacingCharacters(in: range, with: "the point")
                return InputError("\(origin):\(index + 1): \(detail)")
            }
        }
        return self.at(origin)
    }
}
