import Foundation

/// Comma-separated text (RFC 4180, as Excel and phone apps write it) parsed from UTF-8
/// bytes: quoted cells with doubled quotes and line breaks inside, CRLF or LF line ends,
/// a tab or semicolon delimiter when the header has no comma. Lines longer than
/// `maximumLineLength` are refused rather than read for minutes.
public struct DelimitedText: Sendable {
    /// One data record and the (1-based) line it starts on.
    public struct Record: Sendable {
        /// The line number in the file (the header is line 1).
        public let line: Int
        /// The cells, as written (quotes removed).
        public let cells: [String]
        /// True when the line holds nothing at all.
        public var isEmptyLine: Bool { cells.count == 1 && cells[0].isEmpty }
    }

    /// The header's column names, trimmed.
    public let columns: [String]
    /// The data records in file order (empty lines included, flagged `isEmptyLine`).
    public let records: [Record]
    /// The delimiter found (",", "\t" or ";").
    public let delimiter: UInt8

    /// A line longer than this (bytes) is refused: 1 MiB holds any real row.
    public static let maximumLineLength = 1 << 20

    /// Why the text cannot be read as a table.
    public struct Failure: Error, Sendable {
        /// The line the problem is on.
        public let line: Int
        /// What is wrong.
        public let reason: String
    }

    /// Parses UTF-8 `bytes`.
    public init(_ bytes: [UInt8]) throws(Failure) {
        var rows: [Record] = []
        var parser = Parser(bytes: bytes)
        guard let header = try parser.nextRecord(delimiter: nil) else {
            throw Failure(line: 1, reason: "the file is empty (no header line)")
        }
        delimiter = parser.delimiter
        columns = header.cells.map { $0.trimmingCharacters(in: .whitespaces) }
        while let record = try parser.nextRecord(delimiter: delimiter) { rows.append(record) }
        records = rows
    }

    private struct Parser {
        let bytes: [UInt8]
        var offset = 0
        var line = 1
        var delimiter: UInt8 = 44

        init(bytes: [UInt8]) { self.bytes = bytes }

        mutating func nextRecord(delimiter fixed: UInt8?) throws(Failure) -> Record? {
            guard offset < bytes.count else { return nil }
            if fixed == nil {
                // The header decides: comma unless it has none and has tabs or semicolons.
                var end = offset
                while end < bytes.count, bytes[end] != 10 { end += 1 }
                let head = bytes[offset..<end]
                delimiter = head.contains(44) ? 44 : head.contains(9) ? 9 : head.contains(59) ? 59 : 44
            }
            let start = line
            let recordStart = offset
            var cells: [String] = []
            var cell: [UInt8] = []
            var quoted = false
            var wasQuoted = false
            while offset < bytes.count {
                let b = bytes[offset]
                if offset - recordStart > DelimitedText.maximumLineLength {
                    throw Failure(line: start, reason: "the line is longer than \(DelimitedText.maximumLineLength / 1_048_576) MiB: not a table row (a binary file, or an unclosed quote)")
                }
                if quoted {
                    if b == 34 {
                        if offset + 1 < bytes.count, bytes[offset + 1] == 34 {
                            cell.append(34)
                            offset += 2
                            continue
                        }
                        quoted = false
                    } else {
                        if b == 10 { line += 1 }
                        cell.append(b)
                    }
                    offset += 1
                    continue
                }
                if b == 34 && cell.allSatisfy({ $0 == 32 }) && !wasQuoted {
                    quoted = true
                    wasQuoted = true
                    cell.removeAll()
                } else if b == delimiter {
                    cells.append(String(decoding: cell, as: UTF8.self))
                    cell.removeAll(keepingCapacity: true)
                    wasQuoted = false
                } else if b == 10 {
                    offset += 1
                    line += 1
                    return Record(line: start, cells: cells + [Parser.text(cell)])
                } else if b != 13 || (offset + 1 < bytes.count && bytes[offset + 1] != 10) {
                    cell.append(b)
                }
                offset += 1
            }
            if quoted { throw Failure(line: start, reason: "a quoted cell is never closed") }
            return Record(line: start, cells: cells + [Parser.text(cell)])
        }

        private static func text(_ bytes: [UInt8]) -> String { String(decoding: bytes, as: UTF8.self) }
    }
}
