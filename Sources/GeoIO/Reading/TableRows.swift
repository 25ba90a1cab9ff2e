import Foundation
import GeoCore

/// A CSV file read by gmgeo itself into features: the encoding decoded strictly, the
/// geometry columns decided by `CoordinateColumns`, every row either read or rejected with
/// its line and reason under the `BadRowPolicy`, attribute types inferred from the values.
struct TableRows {
    /// A row that could not be read.
    struct Rejected {
        /// Its line number (the header is line 1).
        let line: Int
        /// Why.
        let reason: String
        /// Its cells as read.
        let cells: [String]
    }

    let columns: [String]
    let geometryColumns: CoordinateColumns
    let fields: [Field]
    /// The features, with the line number as id.
    let features: [Feature]
    let rejected: [Rejected]

    /// Reads `path` with the table options of `options`.
    init(path: String, options: ReadOptions) throws {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw IOError(.open, "cannot read the file (missing or no permission)", location: path)
        }
        let bytes = Array(data)
        let text: [UInt8]
        do {
            text = try TextEncoding.utf8Bytes(bytes, from: options.encoding)
        } catch let failure as TextEncoding.Failure {
            throw TableRows.encodingError(bytes, failure, declared: options.encoding, path: path)
        }
        let table: DelimitedText
        do {
            table = try DelimitedText(text)
        } catch {
            throw IOError(.format, error.reason, location: "\(path): line \(error.line)")
        }
        columns = table.columns
        do {
            geometryColumns = try CoordinateColumns.decide(table.columns, request: options.columns)
        } catch {
            throw IOError(.geometry, "cannot tell where the coordinates are: \(error.description)", location: path)
        }
        var features: [Feature] = []
        var rejected: [Rejected] = []
        var rows: [[String]] = []
        for record in table.records where !record.isEmptyLine {
            do {
                let geometry = try TableRows.geometry(record.cells, geometryColumns, columns)
                features.append(Feature(id: Int64(record.line), geometry: geometry))
                rows.append(record.cells)
            } catch {
                rejected.append(Rejected(line: record.line, reason: "\(error)", cells: record.cells))
            }
        }
        let geometryOnly = geometryColumns.geometryOnlyColumns
        let kept = table.columns.indices.filter { !geometryOnly.contains($0) }
        let types = kept.map { i in FieldInference.type(of: rows.lazy.map { i < $0.count ? $0[i] : "" }) }
        let fields = zip(kept, types).map { Field(table.columns[$0], $1) }
        self.fields = fields
        for (n, cells) in rows.enumerated() {
            for (field, i) in zip(fields, kept) {
                features[n].properties[field.name] = FieldInference.value(i < cells.count ? cells[i] : "", field.type)
            }
        }
        self.features = features
        self.rejected = rejected
        if !rejected.isEmpty, options.badRows == .refuse {
            throw TableRows.refusal(rejected, total: rejected.count + features.count, path: path)
        }
    }

    /// The error for a table with unreadable rows under `BadRowPolicy.refuse`.
    static func refusal(_ rejected: [Rejected], total: Int, path: String) -> IOError {
        let first = rejected.prefix(5).map { "line \($0.line): \($0.reason)" }.joined(separator: "; ")
        let more = rejected.count > 5 ? "; ..." : ""
        return IOError(.geometry, "\(rejected.count) of \(total) rows cannot be read (\(first)\(more)); correct them, or leave them out with --skip-bad-rows REJECTS.csv",
                       location: path)
    }

    /// The note for rows left out under `BadRowPolicy.skip`.
    static func skippedNote(_ rejected: [Rejected], path: String, rejects: String) -> String {
        let lines = rejected.prefix(5).map { String($0.line) }.joined(separator: ", ")
        let s = rejected.count == 1 ? "" : "s"
        return "\(path): left out \(rejected.count) unreadable row\(s) (line\(s) \(lines)\(rejected.count > 5 ? ", ..." : "")), listed with the reasons in \(rejects)"
    }

    /// Writes `rejected` rows of a table with `columns` to `path`.
    static func writeRejects(_ rejected: [Rejected], columns: [String], to path: String) throws {
        var text = (["line", "reason"] + columns).map(quoted).joined(separator: ",") + "\n"
        for r in rejected {
            text += ([String(r.line), r.reason] + r.cells).map(quoted).joined(separator: ",") + "\n"
        }
        try AtomicWrite.data(Data(text.utf8), to: path)
    }

    /// Writes the rejected rows (reason first) to `path` as CSV, complete or not at all.
    func writeRejects(to path: String) throws {
        try TableRows.writeRejects(rejected, columns: columns, to: path)
    }

    private static func quoted(_ cell: String) -> String {
        cell.contains(where: { $0 == "," || $0 == "\"" || $0.isNewline }) ? "\"\(cell.replacingOccurrences(of: "\"", with: "\"\""))\"" : cell
    }

    /// A row's geometry, or a reason it has none.
    private static func geometry(_ cells: [String], _ choice: CoordinateColumns, _ columns: [String]) throws -> Geometry {
        func cell(_ i: Int) throws -> String {
            let value = i < cells.count ? cells[i].trimmingCharacters(in: .whitespaces) : ""
            guard !value.isEmpty else { throw RowProblem.empty(columns[i]) }
            return value
        }
        func number(_ text: String, _ column: String) throws -> Double {
            let bytes = Array(text.utf8) + [0]
            let (value, stop) = bytes.withUnsafeBufferPointer { b in
                b.baseAddress.map { DecimalText.parse($0, 0, bytes.count - 1) } ?? (0, 0)
            }
            if let problem = RowProblem.number(value, complete: stop == bytes.count - 1, text: text, column: column) { throw problem }
            return value
        }
        switch choice {
        case .xy(let xi, let yi):
            return try Geometry.point(try number(try cell(xi), columns[xi]), try number(try cell(yi), columns[yi]))
        case .pair(let i):
            let parts = try cell(i).split(whereSeparator: { $0 == "," || $0 == " " || $0 == ";" })
            guard parts.count == 2 else { throw RowProblem("column \(columns[i]) should hold \"lon,lat\", not '\(cells[i])'") }
            return try Geometry.point(try number(String(parts[0]), columns[i]), try number(String(parts[1]), columns[i]))
        case .wkt(let i):
            do {
                return try Geometry(wkt: try cell(i))
            } catch let error as GeometryError {
                throw RowProblem("column \(columns[i]): \(error.message)")
            }
        }
    }

    /// An error for text that is not valid in its declared encoding, naming the line.
    private static func encodingError(_ bytes: [UInt8], _ failure: TextEncoding.Failure, declared: String?, path: String) -> IOError {
        let bom = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        let offset = failure.offset + (TextEncoding.isUTF8(declared) ? bom : 0)
        let line = bytes[..<min(offset, bytes.count)].reduce(1) { $1 == 10 ? $0 + 1 : $0 }
        let sample = bytes[offset..<min(offset + 4, bytes.count)].map { String(format: "%02X", $0) }.joined(separator: " ")
        let hint = TextEncoding.isUTF8(declared)
            ? "; a file saved by Excel or a survey institute in China is usually GBK: add --encoding GBK (or 'FILE#encoding=GBK')"
            : "; check --encoding"
        return IOError(.format, "the text is not valid \(failure.encoding) (bytes \(sample))\(hint)", location: "\(path): line \(line)")
    }
}

/// Why one row has no geometry, worded the same by every reader of tables.
struct RowProblem: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }

    /// A coordinate cell that is empty.
    static func empty(_ column: String) -> RowProblem { RowProblem("no value in column \(column)") }

    /// The problem with a parsed number cell, or nil when it is a finite number throughout.
    static func number(_ value: Double, complete: Bool, text: String, column: String) -> RowProblem? {
        guard complete else { return RowProblem("'\(text)' in column \(column) is not a number") }
        guard value.isFinite else { return RowProblem("'\(text)' in column \(column) is not a finite number") }
        return nil
    }
}

/// Attribute types of a text column: integer when every value is one (and none has a
/// leading zero, which an id or a phone number keeps), real when every value is a number,
/// text otherwise; empty cells are null.
enum FieldInference {
    static func type<S: Sequence>(of values: S) -> FieldType where S.Element == String {
        var type = FieldType.integer
        var any = false
        for raw in values {
            let v = raw.trimmingCharacters(in: .whitespaces)
            if v.isEmpty { continue }
            any = true
            if type == .integer, Int64(v) == nil || (v.count > 1 && (v.hasPrefix("0") || v.hasPrefix("-0") || v.hasPrefix("+"))) {
                type = .real
            }
            if type == .real, Double(v).map({ !$0.isFinite }) ?? true || v.hasPrefix("0x") || (v.count > 1 && v.hasPrefix("0") && !v.hasPrefix("0.")) {
                return .string
            }
        }
        return any ? type : .string
    }

    static func value(_ raw: String, _ type: FieldType) -> FieldValue {
        let v = raw.trimmingCharacters(in: .whitespaces)
        switch type {
        case .integer: return Int64(v).map(FieldValue.integer) ?? .null
        case .real: return Double(v).map(FieldValue.real) ?? .null
        default: return raw.isEmpty ? .null : .string(raw)
        }
    }
}
