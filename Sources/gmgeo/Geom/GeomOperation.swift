import GeoCore

/// What one `gmgeo geom` operation takes after its name.
enum GeomSignature: Sendable {
    case a
    case ab
    case aNumber(String)
    case abNumber(String)
    case abOptionalNumber(String)
    case abOptionalPattern

    /// Usage text: "A B DISTANCE".
    var usage: String {
        switch self {
        case .a: return "A"
        case .ab: return "A B"
        case .aNumber(let n): return "A \(n)"
        case .abNumber(let n): return "A B \(n)"
        case .abOptionalNumber(let n): return "A B [\(n)]"
        case .abOptionalPattern: return "A B [PATTERN]"
        }
    }

    var needsB: Bool {
        switch self {
        case .a, .aNumber: return false
        default: return true
        }
    }
}

/// The parsed operands of one operation.
struct GeomOperands {
    let a: Geometry
    let b: Geometry?
    let number: Double?
    let pattern: String?
    let style: BufferStyle
    let gridSize: Double?
    /// A prepared once, for predicates with --prepared.
    let prepared: PreparedGeometry?

    /// B, which the signature guarantees for binary operations.
    func second() throws -> Geometry {
        guard let b else { throw InputError("this operation needs a second geometry B") }
        return b
    }

    /// The numeric argument, which the signature guarantees where it is required.
    func value() throws -> Double {
        guard let number else { throw InputError("this operation needs a number") }
        return number
    }
}

/// A result: a geometry, a boolean, a number or text (a DE-9IM matrix, a reason).
enum GeomResult {
    case geometry(Geometry)
    case boolean(Bool)
    case number(Double)
    case text(String)
}

/// One operation `gmgeo geom` can run, named as GEOS's XML tests name it.
struct GeomOperation: Sendable {
    let name: String
    let signature: GeomSignature
    let summary: String
    let run: @Sendable (GeomOperands) throws -> GeomResult

    /// True for operations that can use a prepared A.
    var supportsPrepared: Bool { GeomOperation.preparable.contains(name) }

    static let preparable: Set<String> = [
        "intersects", "contains", "containsproperly", "covers", "coveredby", "within",
        "touches", "crosses", "overlaps", "disjoint", "iswithindistance", "distance",
    ]
}
