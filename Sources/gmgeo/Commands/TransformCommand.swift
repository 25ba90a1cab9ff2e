import ArgumentParser
import Foundation
import GeoCore
import GeoIO

/// `gmgeo transform`: coordinates from one CRS to another, like PROJ's cs2cs.
struct TransformCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "transform",
        abstract: "Transform coordinates between CRSs, including gcj02 and bd09.",
        discussion: """
        Reads one point per line as "x,y" or "x y" (x = longitude/easting first, always), from FILE, standard input, or --point. Anything after x and y on a line (a height, a name) is passed through unchanged; blank lines and lines starting with # are copied. A CRS is "EPSG:NNNN", WKT, PROJJSON, a PROJ string, gcj02 (Amap/Gaode, Tencent, DataV) or bd09 (Baidu). If any line is bad, nothing is printed and the error names the line.

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
        let outputCRS = inverse ? transformer.source : transformer.target
        let places = decimals ?? (outputCRS.isGeographic ? 9 : 4)
        let input: ChunkedInput
        if !points.isEmpty {
            input = ChunkedInput(data: Data(points.joined(separator: "\n").utf8), origin: "--point")
        } else if let file {
            guard let handle = FileHandle(forReadingAtPath: file) else {
                throw InputError("\(file): cannot read the file (missing or no permission)")
            }
            input = ChunkedInput(handle: handle, origin: file)
        } else {
            input = ChunkedInput(handle: FileHandle.standardInput, origin: "stdin")
        }
        // Streamed in blocks (constant memory) into a temporary file, printed only when every
        // line transformed: a bad line anywhere prints nothing.
        try StdoutFormat.throughFile { out in
            var lineNumber = 1
            while let chunk = try input.next() {
                let parsed = try CoordinateLines(chunk, origin: input.origin, firstLine: lineNumber)
                var xs = parsed.xs, ys = parsed.ys
                do {
                    try transformer.transform(xs: &xs, ys: &ys, direction: inverse ? .inverse : .forward)
                } catch let error as CRSError {
                    throw error.locatingPoint(in: parsed.lines, origin: input.origin, firstLine: lineNumber)
                }
                var rendered = parsed.rendered(xs: xs, ys: ys, decimals: places)
                if lineNumber == 1, parsed.hasHeader, let first = parsed.lines.first {
                    // The header names the output's axes, not the input's.
                    let header = CoordinateLines.renamedHeader(parsed.text(of: first), x: outputCRS.isGeographic ? "lon" : "x",
                                                               y: outputCRS.isGeographic ? "lat" : "y")
                    rendered = Array(header.utf8) + rendered[(first.end - first.start)...]
                }
                try out(rendered)
                lineNumber += parsed.lines.count
            }
        }
    }
}

/// Input read in blocks that end at a line end, so a stream of any size is parsed in
/// constant memory.
final class ChunkedInput {
    let origin: String
    private let handle: FileHandle?
    private var pending: Data
    private var done = false
    private static let blockSize = 4 << 20

    init(handle: FileHandle, origin: String) {
        self.handle = handle
        self.origin = origin
        pending = Data()
    }

    init(data: Data, origin: String) {
        handle = nil
        self.origin = origin
        pending = data
    }

    /// The next block of whole lines, or nil at the end.
    func next() throws -> Data? {
        guard let handle else {
            defer { pending = Data() }
            return pending.isEmpty ? nil : pending
        }
        while !done {
            let block = try handle.read(upToCount: ChunkedInput.blockSize) ?? Data()
            if block.isEmpty { done = true; break }
            pending.append(block)
            if let last = pending.lastIndex(of: 10) {
                let chunk = pending[pending.startIndex...last]
                pending = Data(pending[(last + 1)...])
                return Data(chunk)
            }
        }
        defer { pending = Data() }
        return pending.isEmpty ? nil : pending
    }
}

private extension CRSError {
    /// The error placed on the input line of the point that failed (`pointIndex`).
    func locatingPoint(in parsed: [CoordinateLines.Line], origin: String, firstLine: Int) -> Error {
        guard let point = pointIndex else { return self.at(origin) }
        let lineIndex = parsed.indices.filter { parsed[$0].separator != nil }.dropFirst(point).first
        guard let lineIndex else { return self.at(origin) }
        let detail = message.replacingOccurrences(of: "point \(point + 1)", with: "the point")
        return CRSError(code, message: detail, location: "\(origin):\(lineIndex + firstLine)")
    }
}
