// Times the foundation tasks of ../shared/bench (T1 buffer + union, T3 points to districts,
// T5 reprojection) through GeoCore, single-threaded, as bench_geos_c times them: the median
// of N runs after one warm-up, inputs loaded before timing. Writes a JSON of medians and the
// checks bench_geos_c prints, so Scripts/bench-foundation.sh can compare the two.
import Foundation
import GeoCore

struct BenchError: Error, CustomStringConvertible {
    let description: String
}

func now() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) * 1e-9
}

func lines(_ path: String) throws -> [Substring] {
    guard let data = FileManager.default.contents(atPath: path) else { throw BenchError(description: "cannot read \(path)") }
    return String(decoding: data, as: UTF8.self).split(separator: "\n").dropFirst().map { $0 }
}

/// Reads "label<TAB>WKT" rows.
func readTSV(_ path: String) throws -> [(String, Geometry)] {
    try lines(path).map { line in
        guard let tab = line.firstIndex(of: "\t") else { throw BenchError(description: "bad row in \(path)") }
        return (String(line[..<tab]), try Geometry(wkt: String(line[line.index(after: tab)...])))
    }
}

/// Reads "x,y" rows into two arrays.
func readXY(_ path: String) throws -> ([Double], [Double]) {
    var xs: [Double] = [], ys: [Double] = []
    for line in try lines(path) {
        guard let comma = line.firstIndex(of: ","), let x = Double(line[..<comma]),
              let y = Double(line[line.index(after: comma)...]) else { throw BenchError(description: "bad row in \(path)") }
        xs.append(x)
        ys.append(y)
    }
    return (xs, ys)
}

func median(_ values: [Double]) -> Double {
    let s = values.sorted()
    return s.count % 2 == 1 ? s[s.count / 2] : (s[s.count / 2 - 1] + s[s.count / 2]) / 2
}

/// Runs `body` once to warm up, then `runs` times; returns the median seconds and the last result.
func time<T>(_ runs: Int, _ body: () throws -> T) rethrows -> (Double, T) {
    var result = try body()
    var times: [Double] = []
    for _ in 0..<runs {
        let t0 = now()
        result = try body()
        times.append(now() - t0)
    }
    return (median(times), result)
}

let arguments = CommandLine.arguments
let dataDir = arguments.count > 1 ? arguments[1] : "data"
let runs = arguments.count > 2 ? Int(arguments[2]) ?? 5 : 5
let outPath = arguments.count > 3 ? arguments[3] : "results_swift.json"

do {
    let roads = try readTSV("\(dataDir)/roads.tsv")
    let districts = try readTSV("\(dataDir)/districts.tsv").map(\.1)
    let (px, py) = try readXY("\(dataDir)/points.csv")
    let (lon, lat) = try readXY("\(dataDir)/points_4326.csv")
    let widths = ["expressway": 50.0, "arterial": 30.0, "local": 10.0]
    let roadWidths = try roads.map { road -> Double in
        guard let w = widths[road.0] else { throw BenchError(description: "unknown class \(road.0)") }
        return w
    }

    // T1: buffer every road by its class width (8 segments per quadrant, round), unary union.
    var bufferTimes: [Double] = []
    let (t1, union) = try time(runs) { () throws -> Geometry in
        let t0 = now()
        var buffers: [Geometry] = []
        buffers.reserveCapacity(roads.count)
        for (i, road) in roads.enumerated() { buffers.append(try road.1.buffer(roadWidths[i])) }
        bufferTimes.append(now() - t0)
        return try Geometry.unaryUnion(buffers)
    }
    let unionArea = try union.area()

    // T1 on every core: the same buffers, unioned in strips (Geometry.parallelUnion).
    let (t1p, unionP) = try time(runs) { () throws -> Geometry in
        let buffers = try ParallelMap.map(roads.indices) { i in try roads[i].1.buffer(roadWidths[i]) }
        return try Geometry.parallelUnion(buffers)
    }
    let parallelArea = try unionP.area()
    let holes = union.polygonRings.reduce(0) { $0 + $1.count - 1 }

    // T3: the district containing each of 1,000,000 points, on coordinate buffers.
    var owners = [Int32](repeating: -1, count: px.count)
    let (t3, _) = try time(runs) { () throws -> Void in
        let locator = try PointLocator(districts)
        try px.withUnsafeBufferPointer { x in
            try py.withUnsafeBufferPointer { y in
                try owners.withUnsafeMutableBufferPointer { try locator.locate(x: x, y: y, into: $0) }
            }
        }
    }
    var counts = [Int](repeating: 0, count: districts.count)
    for o in owners where o >= 0 { counts[Int(o)] += 1 }

    // T5: 1,000,000 points EPSG:4326 -> EPSG:4547 in one batch, in place on copies.
    let transformer = try Transformer(from: "EPSG:4326", to: "EPSG:4547")
    var x = lon, y = lat
    let (t5, _) = try time(runs) { () throws -> Void in
        // Copy the source into preallocated buffers, as bench_geos_c's two memcpy calls do.
        x.withUnsafeMutableBufferPointer { _ = $0.update(fromContentsOf: lon) }
        y.withUnsafeMutableBufferPointer { _ = $0.update(fromContentsOf: lat) }
        try x.withUnsafeMutableBufferPointer { xb in
            try y.withUnsafeMutableBufferPointer { yb in try transformer.transform(x: xb, y: yb) }
        }
    }
    var maxDev = 0.0
    for i in 0..<x.count { maxDev = max(maxDev, hypot(x[i] - px[i], y[i] - py[i])) }

    let json: [String: Any] = [
        "runs": runs,
        "tasks": ["T1": ["median_s": t1, "buffer_s": median(bufferTimes)], "T1_parallel": ["median_s": t1p, "union_area_m2": parallelArea,
                  "holes": unionP.polygonRings.reduce(0) { $0 + $1.count - 1 }], "T3": ["median_s": t3], "T5": ["median_s": t5]],
        "checks": ["T1": ["union_area_m2": unionArea, "holes": holes, "vertices": union.numberOfCoordinates],
                   "T3": ["counts": counts, "outside": owners.filter { $0 < 0 }.count],
                   "T5": ["sum_x": x.reduce(0, +), "sum_y": y.reduce(0, +), "max_dev_from_source_m": maxDev]],
    ]
    let data = try JSONSerialization.data(withJSONObject: json, options: [.prettyPrinted, .sortedKeys])
    try data.write(to: URL(fileURLWithPath: outPath))
    print(String(format: "T1 parallel %.4f s (area %.2f)", t1p, parallelArea))
    print(String(format: "T1 %.4f s (union area %.2f m2, %d holes)  T3 %.4f s (%d outside)  T5 %.4f s (max dev %.2g m)",
                 t1, unionArea, holes, t3, owners.filter { $0 < 0 }.count, t5, maxDev))
} catch {
    FileHandle.standardError.write(Data("GMGeoBench: \(error)\n".utf8))
    exit(2)
}
