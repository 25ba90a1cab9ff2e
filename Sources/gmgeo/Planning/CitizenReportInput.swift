import Foundation
import GeoCore
import GeoIO
import Planning

/// Citizen reports read from an app export (CSV with lon/lat columns, or any layer of points
/// gmgeo reads) into columns in the working CRS. A row without a readable position, time or
/// category is a bad row: the file is refused naming the rows, or with --skip-bad-rows they
/// are left out into the rejects file, as for every table gmgeo reads.
struct CitizenReportInput {
    let timeField: String, categoryField: String, idField: String

    /// The reports of `argument`, in `working`.
    func read(_ argument: String, options: ReadOptions, working: CRS) throws -> CitizenReportRecords {
        let (path, resolved) = try LayerInput.resolve(argument, over: options)
        var records: CitizenReportRecords
        var source: CRS?
        if let table = try PointTable.read(path, options: resolved, check: rowCheck) {
            if let note = table.note { Stderr.write("gmgeo: \(note)\n") }
            let column = { (name: String) in table.columns.firstIndex(of: name) }
            let ids = column(idField).map(table.column) ?? table.lines.map { "line \($0)" }
            // Every kept row passed the check: its time parses.
            let times = column(timeField).map(table.columnBytes)?.map { ReportTime.parse(utf8: $0) ?? 0 } ?? []
            records = CitizenReportRecords(ids: ids, times: times, categories: column(categoryField).map(table.column) ?? [],
                                           xs: table.xs, ys: table.ys)
            source = resolved.crs
        } else if let rows = try CitizenReportInput.plainJSON(path) {
            records = try fromRows(rows, path: path, badRows: resolved.badRows)
            source = resolved.crs
        } else {
            let layer = try LayerInput.read(argument, options: options)
            records = try fromLayer(layer, path: path, badRows: resolved.badRows)
            source = layer.crs
        }
        guard records.count > 0 else { throw InputError("\(displayName(ofSource: path)): no reports to analyse (the table is empty)") }
        if source == nil {
            let lonLat = zip(records.xs, records.ys).allSatisfy { Envelope.lonLatRanges.contains(x: $0, y: $1) }
            let assumed = try MissingCRS.assume(lonLat: lonLat, location: displayName(ofSource: path), source: path)
            Stderr.write("gmgeo: \(assumed.note); phone-app exports are usually GCJ-02: --crs gcj02\n")
            source = assumed.crs
        }
        if let source, source != working {
            // On every core: GCJ-02's inverse iterates per point.
            let (xs, ys) = (records.xs, records.ys)
            let moved: [(Double, Double)]
            do {
                moved = try ParallelMap.chunked(xs.count, size: 100_000) { range in
                    var (x, y) = (Array(xs[range]), Array(ys[range]))
                    try Transformer(from: source, to: working).transform(xs: &x, ys: &y)
                    return Array(zip(x, y))
                }
            } catch let error as CRSError {
                throw error.at(displayName(ofSource: path))
            }
            records.xs = moved.map(\.0)
            records.ys = moved.map(\.1)
        }
        return records
    }

    /// The test of a CSV row: its time and category (the header must hold both).
    private func rowCheck(_ columns: [String]) throws -> (ArraySlice<UInt8>) -> String? {
        guard let time = columns.firstIndex(of: timeField) else {
            throw InputError("no column '\(timeField)' for the report time; columns: \(columns.joined(separator: ", ")) (name it with --time-field)")
        }
        guard let category = columns.firstIndex(of: categoryField) else {
            throw InputError("no column '\(categoryField)' for the category; columns: \(columns.joined(separator: ", ")) (name it with --category-field)")
        }
        let (timeField, categoryField) = (self.timeField, self.categoryField)
        return { row in
            let t = PointTable.cell(row, time)
            if ReportTime.parse(utf8: t) == nil {
                return t.isEmpty ? "no \(timeField)" : "\(timeField) '\(String(decoding: t, as: UTF8.self))' is not a date and time (e.g. 2025-03-14T09:30:00+08:00)"
            }
            return PointTable.cell(row, category).isEmpty ? "no \(categoryField)" : nil
        }
    }

    /// The records of an app's JSON export: an array of plain objects (or an object holding
    /// one under "data", "records", "list" or "items"), not GeoJSON; nil for anything else.
    static func plainJSON(_ path: String) throws -> [[String: Any]]? {
        guard path.lowercased().hasSuffix(".json"), let data = FileManager.default.contents(atPath: path),
              let json = try? JSONSerialization.jsonObject(with: data) else { return nil }
        let array = json as? [Any] ?? ["data", "records", "list", "items"].lazy.compactMap { (json as? [String: Any])?[$0] as? [Any] }.first
        guard let rows = array as? [[String: Any]], let first = rows.first, first["type"] as? String != "Feature" else { return nil }
        return rows
    }

    /// Reports from plain JSON records with lon/lat keys (the names `CoordinateColumns` knows).
    private func fromRows(_ rows: [[String: Any]], path: String, badRows: BadRowPolicy) throws -> CitizenReportRecords {
        let keys = Array(Set(rows.prefix(100).flatMap(\.keys))).sorted()
        guard case .xy(let xi, let yi)? = try? CoordinateColumns.decide(keys) else {
            throw InputError("\(displayName(ofSource: path)): no longitude/latitude keys in the records; keys: \(keys.joined(separator: ", "))")
        }
        let (xKey, yKey) = (keys[xi], keys[yi])
        func text(_ v: Any?) -> String { v.map { "\($0)" } ?? "" }
        func number(_ v: Any?) -> Double? { (v as? NSNumber)?.doubleValue ?? Double(text(v).trimmingCharacters(in: .whitespaces)) }
        var records = CitizenReportRecords(ids: [], times: [], categories: [], xs: [], ys: [])
        var bad: [String] = []
        for (i, row) in rows.enumerated() {
            let place = "record \(i + 1)"
            guard let x = number(row[xKey]), let y = number(row[yKey]), x.isFinite, y.isFinite else { bad.append("\(place): no position"); continue }
            if let reason = add(to: &records, place: place, x: x, y: y, time: text(row[timeField]), category: text(row[categoryField]), id: text(row[idField])) {
                bad.append(reason)
            }
        }
        try report(bad, of: rows.count, path: path, badRows: badRows)
        return records
    }

    /// Adds one report, or says why it cannot be used (the time, the category), naming `place`.
    private func add(to records: inout CitizenReportRecords, place: String, x: Double, y: Double, time: String, category: String, id: String) -> String? {
        guard let t = ReportTime.parse(time) else { return "\(place): \(timeField) '\(time)' is not a date and time" }
        let category = category.trimmingCharacters(in: .whitespaces)
        guard !category.isEmpty else { return "\(place): no \(categoryField)" }
        records.ids.append(id.isEmpty ? place : id)
        records.times.append(t)
        records.categories.append(category)
        records.xs.append(x)
        records.ys.append(y)
        return nil
    }

    /// Refuses the file over its bad records, or says they were left out.
    private func report(_ bad: [String], of total: Int, path: String, badRows: BadRowPolicy) throws {
        guard !bad.isEmpty else { return }
        let list = bad.prefix(5).joined(separator: "; ") + (bad.count > 5 ? "; ..." : "")
        if case .refuse = badRows {
            throw InputError("\(displayName(ofSource: path)): \(bad.count) of \(total) reports cannot be used (\(list)); correct them, or leave them out with --skip-bad-rows REJECTS.csv")
        }
        Stderr.write("gmgeo: \(displayName(ofSource: path)): left out \(bad.count) reports that cannot be used (\(list))\n")
    }

    /// Reports from a layer of points (GeoJSON, GeoPackage, ...).
    private func fromLayer(_ layer: Layer, path: String, badRows: BadRowPolicy) throws -> CitizenReportRecords {
        for field in [timeField, categoryField] where layer.field(field) == nil {
            throw InputError("\(displayName(ofSource: path)): no field '\(field)'; fields: \(layer.fields.map(\.name).joined(separator: ", ")) (name it with --\(field == timeField ? "time" : "category")-field)")
        }
        var records = CitizenReportRecords(ids: [], times: [], categories: [], xs: [], ys: [])
        var bad: [String] = []
        for (i, f) in layer.features.enumerated() {
            let where_ = "feature \(f.id.map(String.init) ?? String(i + 1))"
            guard let g = f.geometry, g.type == .point, let c = g.coordinates.first else {
                bad.append("\(where_): not a point"); continue
            }
            if let reason = add(to: &records, place: where_, x: c.x, y: c.y, time: f[timeField].description,
                                category: f[categoryField].description, id: f[idField].description) {
                bad.append(reason)
            }
        }
        try report(bad, of: layer.features.count, path: path, badRows: badRows)
        return records
    }
}
