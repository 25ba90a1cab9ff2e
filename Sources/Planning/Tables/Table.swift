import Foundation
import GeoIO

/// A result table: a planner pastes it into a report (Markdown) or a spreadsheet (CSV).
public struct Table: Sendable, Equatable {
    /// The table's title.
    public var title: String
    /// The column names.
    public var headers: [String]
    /// The cells, row by row.
    public var rows: [[String]]

    /// Creates a table; every row should have one cell per header.
    public init(title: String, headers: [String], rows: [[String]]) {
        self.title = title
        self.headers = headers
        self.rows = rows
    }

    /// GitHub-flavoured Markdown, pipes in cells escaped. `proportional` sizes the dashes of
    /// the separator line to each column's widest cell: pandoc takes its Word column widths
    /// from them, so a column of reasons gets the room a column of ids does not need.
    public func markdown(proportional: Bool = false) -> String {
        func line(_ cells: [String]) -> String {
            "| " + cells.map { $0.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ") }.joined(separator: " | ") + " |"
        }
        let dashes = headers.indices.map { i -> Int in
            guard proportional else { return 3 }
            // Display width: a Chinese character takes about two Latin ones.
            let widest = ([headers] + rows).map { row in i < row.count ? row[i].unicodeScalars.reduce(0) { $0 + ($1.value > 0x2E80 ? 2 : 1) } : 0 }.max() ?? 3
            // Square-root weights: long texts get more room than short ones, short ones enough.
            return 6 + Int((4 * Double(min(widest, 200)).squareRoot()).rounded())
        }
        return ([line(headers), "|" + dashes.map { String(repeating: "-", count: $0) + "|" }.joined()] + rows.map(line)).joined(separator: "\n") + "\n"
    }

    /// RFC 4180 CSV (UTF-8, with a byte-order mark so spreadsheet programs show Chinese right).
    public func csv() -> String {
        func field(_ s: String) -> String {
            s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) ? "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : s
        }
        return "\u{FEFF}" + ([headers] + rows).map { $0.map(field).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
    }
}

/// Number formatting for tables, through `FixedDecimal` (printf's rounding, no "-0").
public enum Format {
    /// `value` with `decimals` places; "" for NaN or infinity.
    public static func fixed(_ value: Double, _ decimals: Int) -> String { FixedDecimal.string(value, decimals) }

    /// A share as a percentage with one decimal, e.g. "42.5%".
    public static func percent(_ share: Double) -> String { fixed(share * 100, 1) + "%" }
}
