import ArgumentParser
import GeoCore
import GeoIO

/// `gmgeo geom OP A [B] [ARG]`: one GEOS operation, in the spirit of GEOS's geosop.
struct GeomCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "geom",
        abstract: "Run one geometry operation on WKT, WKB or GeoJSON geometries.",
        discussion: """
        A and B are geometries given as WKT, hex WKB or a GeoJSON geometry object, either literally, as the path of a file holding one, or "-" for standard input. Results are printed as WKT (or --format geojson|wkb), true/false, a number, or a DE-9IM matrix. Distances and areas are in the units of the coordinates: give metric coordinates (e.g. EPSG:4547) for metres; `gmgeo transform` converts lon/lat.

        Examples:
          gmgeo geom buffer 'POINT (0 0)' 10 --quadsegs 2
          gmgeo geom buffer 'LINESTRING (0 0, 100 0)' 15 --cap flat
          gmgeo geom intersection 'POLYGON ((0 0, 9 0, 9 9, 0 0))' 'POLYGON ((5 0, 9 0, 9 9, 5 0))'
          gmgeo geom relate 'POINT (1 1)' 'POLYGON ((0 0, 2 0, 2 2, 0 0))'
          gmgeo geom relate A.wkt B.wkt 'T*F**F***'
          gmgeo geom contains --prepared district.wkt 'POINT (490000 2520000)'
          echo 'POLYGON ((0 0, 10 10, 10 0, 0 10, 0 0))' | gmgeo geom isvalidreason -

        Operations:
        \(GeomOperation.all.map { "  \($0.name) \($0.signature.usage)".padding(toLength: 32, withPad: " ", startingAt: 0) + $0.summary }.joined(separator: "\n"))
        """
    )

    @Argument(help: "The operation, e.g. buffer, intersection, relate, contains, isvalid.")
    var operation: String

    @Argument(parsing: .allUnrecognized, help: "A, then B and/or a number or pattern, as the operation needs.")
    var operands: [String] = []

    @Option(help: "Output for geometry results: wkt, geojson or wkb (hex).")
    var format: GeometryFormat = .wkt

    @Option(help: "Decimal places in WKT output (default: full precision).")
    var precision: Int?

    @Flag(help: "Evaluate a predicate or distance with A prepared (faster for repeated use).")
    var prepared = false

    @Option(help: "Buffer: segments per quarter circle.")
    var quadsegs: Int = 8

    @Option(help: "Buffer: end cap style: round, flat or square.")
    var cap: BufferStyle.Cap = .round

    @Option(help: "Buffer: join style: round, mitre or bevel.")
    var join: BufferStyle.Join = .round

    @Option(name: .customLong("mitre-limit"), help: "Buffer: mitre ratio limit.")
    var mitreLimit: Double = 5.0

    @Flag(name: .customLong("single-sided"), help: "Buffer: one side of a line only (left if the distance is positive).")
    var singleSided = false

    @Option(help: "Overlay on a fixed precision grid of this size (e.g. 1 for whole units).")
    var grid: Double?

    private var op: GeomOperation { GeomOperation.named(operation) ?? GeomOperation.all[0] }

    func validate() throws {
        guard let op = GeomOperation.named(operation) else {
            throw ValidationError("unknown operation '\(operation)'; run 'gmgeo geom --help' for the list")
        }
        if let unknown = operands.first(where: { $0.hasPrefix("--") }) {
            throw ValidationError("unknown option '\(unknown)' for geom")
        }
        let (required, maximum) = GeomCommand.operandCount(op.signature)
        guard (required...maximum).contains(operands.count) else {
            throw ValidationError("\(op.name) takes \(op.signature.usage), got \(operands.count) operand(s)")
        }
        if prepared, !op.supportsPrepared {
            throw ValidationError("--prepared applies to predicates and distance, not \(op.name)")
        }
        if let precision, !(0...17).contains(precision) {
            throw ValidationError("--precision must be between 0 and 17 decimal places, got \(precision)")
        }
        if operands.filter({ $0 == "-" }).count > 1 {
            throw ValidationError("only one of A and B can be read from stdin ('-')")
        }
    }

    func run() throws {
        let signature = op.signature
        // Validity questions take any coordinates, as GEOS answers them ("Invalid Coordinate").
        let a = try GeomCommand.readGeometry(operands[0], name: "A", allowingNonFinite: ["isvalid", "isvalidreason"].contains(op.name))
        var b: Geometry?
        var rest = operands.dropFirst()
        if signature.needsB, let text = rest.popFirst() {
            b = try GeomCommand.readGeometry(text, name: "B")
        }
        var number: Double?
        var pattern: String?
        if let text = rest.popFirst() {
            if case .abOptionalPattern = signature {
                pattern = text
            } else {
                guard let value = Double(text), value.isFinite else {
                    throw InputError("\(op.name): '\(text)' is not a finite number")
                }
                number = value
            }
        }
        let style = BufferStyle(quadrantSegments: quadsegs, cap: cap, join: join, mitreLimit: mitreLimit, singleSided: singleSided)
        let operands = GeomOperands(a: a, b: b, number: number, pattern: pattern, style: style, gridSize: grid,
                                    prepared: prepared ? try PreparedGeometry(a) : nil)
        let output = try render(try op.run(operands))
        try StandardOutput.write(output + "\n")
    }

    private func render(_ result: GeomResult) throws -> String {
        switch result {
        case .boolean(let value): return value ? "true" : "false"
        case .number(let value): return value.shortDescription
        case .text(let value): return value
        case .geometry(let g):
            switch format {
            case .wkt: return try g.wkt(decimals: precision)
            case .geojson: return try g.geoJSON()
            case .wkb: return try g.hexWKB()
            }
        }
    }

    static func operandCount(_ signature: GeomSignature) -> (Int, Int) {
        switch signature {
        case .a: return (1, 1)
        case .ab, .aNumber: return (2, 2)
        case .abNumber: return (3, 3)
        case .abOptionalNumber, .abOptionalPattern: return (2, 3)
        }
    }

    static func readGeometry(_ argument: String, name: String, allowingNonFinite: Bool = false) throws -> Geometry {
        let (text, origin) = try TextInput.read(argument, what: "geometry \(name)")
        do {
            return try Geometry(parsing: text, allowingNonFinite: allowingNonFinite)
        } catch {
            throw error.at(origin == "geometry \(name)" ? "geometry \(name)" : "\(origin) (geometry \(name))")
        }
    }
}

/// How `gmgeo geom` prints a geometry.
enum GeometryFormat: String, ExpressibleByArgument, CaseIterable {
    case wkt, geojson, wkb
}

extension BufferStyle.Cap: ExpressibleByArgument {}
extension BufferStyle.Join: ExpressibleByArgument {}
