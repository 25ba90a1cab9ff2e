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

    /// GitHub-flavoured Markdown, pipes in cells escaped.
    public func markdown() -> String {
        func line(_ cells: [String]) -> String {
            "| " + cells.map { $0.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ") }.joined(separator: " | ") + " |"
        }
        return ([line(headers), "|" + String(repeating: "---|", count: headers.count)] + rows.map(line)).joined(separator: "\n") + "\n"
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
