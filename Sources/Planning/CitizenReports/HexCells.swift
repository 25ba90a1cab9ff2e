import GeoCore

/// The hexagons of a grid that meet the district, clipped to it. A hexagon less than half
/// inside (a sliver at the edge) joins the neighbouring cell with the most area inside, so
/// every cell the statistic compares holds at least half a hexagon of district.
struct HexCells {
    struct Key: Hashable {
        let q: Int, r: Int
        init(_ c: (q: Int, r: Int)) { (q, r) = (c.q, c.r) }
    }

    let grid: HexGrid
    /// The cells: their main hexagon's key, shape (with any slivers joined) and area, m².
    let cells: [(key: Key, geometry: Geometry, area: Double)]
    /// Every hexagon's cell (a sliver's is the cell it joined).
    let index: [Key: Int]
    /// The area of a whole hexagon, m².
    let hexagonArea: Double

    init(district: Geometry, spacing: Double) throws {
        guard let e = district.envelope else { throw GeometryError(.invalidInput, operation: "hotspots", message: "the district has no extent") }
        grid = HexGrid(spacing: spacing, origin: (e.minX, e.minY))
        let prepared = try PreparedGeometry(district)
        let low = grid.cell(x: e.minX, y: e.minY), high = grid.cell(x: e.maxX, y: e.maxY)
        var pieces: [(key: Key, geometry: Geometry, area: Double)] = []
        // Rows r cover the height; along row r the centres are at x = spacing (q + r/2).
        for r in (low.r - 1)...(high.r + 1) {
            let shift = Double(r) / 2
            let first = Int((0 / spacing - shift).rounded(.down)) - 1, last = Int((e.width / spacing - shift).rounded(.up)) + 1
            for q in first...last {
                let hex = try grid.polygon(q: q, r: r)
                guard try prepared.intersects(hex) else { continue }
                let shape = try prepared.contains(hex) ? hex : try hex.intersection(district)
                let area = try shape.area()
                guard area > 0 else { continue }
                pieces.append((Key((q, r)), shape, area))
            }
        }
        let full = 3 * 3.0.squareRoot() / 2 * grid.radius * grid.radius
        hexagonArea = full
        let pieceIndex = Dictionary(uniqueKeysWithValues: pieces.enumerated().map { ($0.element.key, $0.offset) })
        let areas = pieces.map(\.area)
        let whole = { (i: Int) in areas[i] >= full / 2 }
        // Each sliver's owner: its neighbour with the most area, if that one is at least half in.
        var owner = Array(pieces.indices)
        for i in pieces.indices where !whole(i) {
            let around = HexGrid.offsets(rings: 1).dropFirst().compactMap { pieceIndex[Key((pieces[i].key.q + $0.q, pieces[i].key.r + $0.r))] }
            if let best = around.filter(whole).max(by: { (pieces[$0].area, -$0) < (pieces[$1].area, -$1) }) { owner[i] = best }
        }
        var cells: [(key: Key, geometry: Geometry, area: Double)] = []
        var cellOfPiece = [Int](repeating: -1, count: pieces.count)
        for i in pieces.indices where owner[i] == i {
            cellOfPiece[i] = cells.count
            cells.append(pieces[i])
        }
        for i in pieces.indices where owner[i] != i {
            let c = cellOfPiece[owner[i]]
            cellOfPiece[i] = c
            cells[c] = (cells[c].key, try Geometry.unaryUnion([cells[c].geometry, pieces[i].geometry]), cells[c].area + pieces[i].area)
        }
        self.cells = cells
        index = Dictionary(uniqueKeysWithValues: pieces.indices.map { (pieces[$0].key, cellOfPiece[$0]) })
        main = Dictionary(uniqueKeysWithValues: cells.enumerated().map { ($0.element.key, $0.offset) })
    }

    /// Each cell by the key of its main hexagon: neighbours are found by centres, as a
    /// distance band on the cells' centres finds them (a joined sliver is not a centre).
    let main: [Key: Int]

    /// Counts per cell as counts per whole hexagon of area.
    func perHexagon(_ counts: [Double]) -> [Double] {
        zip(counts, cells).map { $0 * hexagonArea / $1.area }
    }

    /// Each cell's neighbourhood (itself first) and a sentence saying what it is.
    func neighbours(band: Double, knn: Int) -> ([[Int]], String) {
        if knn > 0 {
            let rings = Int((Double(knn) / 3).squareRoot().rounded(.up)) + 1
            let offsets = HexGrid.offsets(rings: rings)
            let hoods = cells.indices.map { i -> [Int] in
                let c = grid.centre(q: cells[i].key.q, r: cells[i].key.r)
                var seen: Set<Int> = [i]
                let near = offsets.dropFirst().compactMap { o -> (Int, Double)? in
                    guard let j = main[Key((cells[i].key.q + o.q, cells[i].key.r + o.r))], seen.insert(j).inserted else { return nil }
                    let d = grid.centre(q: cells[j].key.q, r: cells[j].key.r)
                    return (j, (d.x - c.x) * (d.x - c.x) + (d.y - c.y) * (d.y - c.y))
                }.sorted { ($0.1, $0.0) < ($1.1, $1.0) }
                return [i] + near.prefix(knn).map(\.0)
            }
            return (hoods, "each cell and its \(knn) nearest cells (binary weights)")
        }
        let rings = Int((band / grid.spacing + 1e-9).rounded(.down))
        let offsets = HexGrid.offsets(rings: rings).filter { o in
            let d = grid.centre(q: o.q, r: o.r), zero = grid.centre(q: 0, r: 0)
            return ((d.x - zero.x) * (d.x - zero.x) + (d.y - zero.y) * (d.y - zero.y)).squareRoot() <= band + 1e-6
        }
        let hoods = cells.indices.map { i in [i] + offsets.dropFirst().compactMap { main[Key((cells[i].key.q + $0.q, cells[i].key.r + $0.r))] } }
        return (hoods, "each cell and the cells whose centres lie within \(Format.fixed(band, 0)) m (\(offsets.count) cells where the district is whole; binary weights)")
    }
}
