import GeoCore

extension GeomOperation {
    /// Every operation, in the order `--help` lists them.
    static let all: [GeomOperation] = constructions + overlays + predicates + measures + validity

    /// Looks up an operation by name, case-insensitively (GEOS's tests mix cases).
    static func named(_ name: String) -> GeomOperation? {
        let key = name.lowercased()
        return all.first { $0.name == key }
    }

    private static func geometry(_ f: @escaping @Sendable (GeomOperands) throws -> Geometry) -> @Sendable (GeomOperands) throws -> GeomResult {
        { .geometry(try f($0)) }
    }

    private static func predicate(_ name: String, _ plain: @escaping @Sendable (Geometry, Geometry) throws -> Bool,
                                  _ prepared: @escaping @Sendable (PreparedGeometry, Geometry) throws -> Bool) -> GeomOperation {
        GeomOperation(name: name, signature: .ab, summary: "true when A \(name) B") { o in
            let b = try o.second()
            if let p = o.prepared { return .boolean(try prepared(p, b)) }
            return .boolean(try plain(o.a, b))
        }
    }

    static let constructions: [GeomOperation] = [
        GeomOperation(name: "buffer", signature: .aNumber("DISTANCE"), summary: "area within DISTANCE (style flags below)",
                      run: geometry { try $0.a.buffer(try $0.value(), style: $0.style) }),
        GeomOperation(name: "offsetcurve", signature: .aNumber("DISTANCE"), summary: "parallel line, left if DISTANCE > 0",
                      run: geometry { try $0.a.offsetCurve(try $0.value(), style: $0.style) }),
        GeomOperation(name: "getcentroid", signature: .a, summary: "centre of mass", run: geometry { try $0.a.centroid() }),
        GeomOperation(name: "getinteriorpoint", signature: .a, summary: "a point inside A", run: geometry { try $0.a.pointOnSurface() }),
        GeomOperation(name: "envelope", signature: .a, summary: "bounding box", run: geometry { try $0.a.envelopeGeometry() }),
        GeomOperation(name: "convexhull", signature: .a, summary: "convex hull", run: geometry { try $0.a.convexHull() }),
        GeomOperation(name: "boundary", signature: .a, summary: "topological boundary", run: geometry { try $0.a.boundary() }),
        GeomOperation(name: "linemerge", signature: .a, summary: "join lines end to end", run: geometry { try $0.a.lineMerge() }),
        GeomOperation(name: "polygonize", signature: .a, summary: "polygons formed by the lines of A", run: geometry { try Geometry.polygonize(try $0.a.parts()) }),
        GeomOperation(name: "normalize", signature: .a, summary: "canonical vertex order", run: geometry { try $0.a.normalized() }),
        GeomOperation(name: "makevalid", signature: .a, summary: "repair an invalid geometry", run: geometry { try $0.a.makeValid() }),
        GeomOperation(name: "reduceprecision", signature: .aNumber("GRID"), summary: "round to a grid, keep topology",
                      run: geometry { try $0.a.reducedPrecision(gridSize: try $0.value()) }),
        GeomOperation(name: "simplifydp", signature: .aNumber("TOLERANCE"), summary: "Douglas-Peucker simplification",
                      run: geometry { try $0.a.simplified(tolerance: try $0.value()) }),
        GeomOperation(name: "simplifytp", signature: .aNumber("TOLERANCE"), summary: "topology-preserving simplification",
                      run: geometry { try $0.a.simplifiedPreservingTopology(tolerance: try $0.value()) }),
        GeomOperation(name: "snap", signature: .abNumber("TOLERANCE"), summary: "snap A's vertices to B's",
                      run: geometry { try $0.a.snapped(to: try $0.second(), tolerance: try $0.value()) }),
        GeomOperation(name: "nearestpoints", signature: .ab, summary: "the shortest line between A and B") { o in
            let (p, q) = try o.a.nearestPoints(to: try o.second())
            return .geometry(try Geometry.lineString([p, q]))
        },
    ]

    static let overlays: [GeomOperation] = [
        GeomOperation(name: "intersection", signature: .ab, summary: "points in both (--grid: fixed grid)",
                      run: geometry { try $0.a.intersection(try $0.second(), gridSize: $0.gridSize) }),
        GeomOperation(name: "union", signature: .ab, summary: "points in either",
                      run: geometry { try $0.a.union(try $0.second(), gridSize: $0.gridSize) }),
        GeomOperation(name: "difference", signature: .ab, summary: "points of A not in B",
                      run: geometry { try $0.a.difference(try $0.second(), gridSize: $0.gridSize) }),
        GeomOperation(name: "symdifference", signature: .ab, summary: "points in exactly one",
                      run: geometry { try $0.a.symmetricDifference(try $0.second(), gridSize: $0.gridSize) }),
        GeomOperation(name: "unaryunion", signature: .a, summary: "dissolve the parts of A",
                      run: geometry { try $0.a.unaryUnion(gridSize: $0.gridSize) }),
    ]

    static let predicates: [GeomOperation] = [
        predicate("intersects", { try $0.intersects($1) }, { try $0.intersects($1) }),
        predicate("contains", { try $0.contains($1) }, { try $0.contains($1) }),
        predicate("containsproperly", { try PreparedGeometry($0).containsProperly($1) }, { try $0.containsProperly($1) }),
        predicate("within", { try $0.within($1) }, { try $0.within($1) }),
        predicate("covers", { try $0.covers($1) }, { try $0.covers($1) }),
        predicate("coveredby", { try $0.coveredBy($1) }, { try $0.coveredBy($1) }),
        predicate("touches", { try $0.touches($1) }, { try $0.touches($1) }),
        predicate("crosses", { try $0.crosses($1) }, { try $0.crosses($1) }),
        predicate("overlaps", { try $0.overlaps($1) }, { try $0.overlaps($1) }),
        predicate("disjoint", { try $0.disjoint($1) }, { try $0.disjoint($1) }),
        GeomOperation(name: "equals", signature: .ab, summary: "true when the same point set") { o in
            .boolean(try o.a.equalsTopologically(try o.second()))
        },
        GeomOperation(name: "equalsexact", signature: .abOptionalNumber("TOLERANCE"), summary: "same vertices within TOLERANCE") { o in
            .boolean(try o.a.equalsExact(try o.second(), tolerance: o.number ?? 0))
        },
        GeomOperation(name: "relate", signature: .abOptionalPattern, summary: "DE-9IM matrix, or match PATTERN") { o in
            let b = try o.second()
            if let pattern = o.pattern { return .boolean(try o.a.relate(b, pattern: pattern)) }
            return .text(try o.a.relate(b).value)
        },
        GeomOperation(name: "iswithindistance", signature: .abNumber("DISTANCE"), summary: "true when within DISTANCE") { o in
            if let p = o.prepared { return .boolean(try p.isWithinDistance(try o.second(), try o.value())) }
            return .boolean(try o.a.isWithinDistance(try o.second(), try o.value()))
        },
    ]

    static let measures: [GeomOperation] = [
        GeomOperation(name: "area", signature: .a, summary: "area in CRS units squared") { .number(try $0.a.area()) },
        GeomOperation(name: "length", signature: .a, summary: "length or perimeter in CRS units") { .number(try $0.a.length()) },
        GeomOperation(name: "distance", signature: .ab, summary: "shortest distance (0 to an empty)") { o in
            if let p = o.prepared { return .number(try p.distance(to: try o.second())) }
            return .number(try o.a.distance(to: try o.second()))
        },
        GeomOperation(name: "hausdorffdistance", signature: .ab, summary: "discrete Hausdorff distance") { o in
            .number(try o.a.hausdorffDistance(to: try o.second()))
        },
    ]

    static let validity: [GeomOperation] = [
        GeomOperation(name: "isvalid", signature: .a, summary: "true when A follows the OGC rules") { .boolean(try $0.a.isValid()) },
        GeomOperation(name: "isvalidreason", signature: .a, summary: "why A is not valid, and where") { o in
            .text(try o.a.validityProblem()?.description ?? "Valid Geometry")
        },
        GeomOperation(name: "isempty", signature: .a, summary: "true when A has no points") { .boolean($0.a.isEmpty) },
    ]
}
