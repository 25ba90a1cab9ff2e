import Foundation
import GeoIO
import Planning

/// Prints a table as Markdown on stdout and writes it as CSV when asked.
enum TableOutput {
    /// The tables as Markdown on stdout (unless stdout carries a layer), the first as CSV to `csv`.
    static func emit(_ tables: [Table], csv: String?, toStdout: Bool = true) throws {
        if toStdout { try StandardOutput.write(tables.map { "### \($0.title)\n\n\($0.markdown())" }.joined(separator: "\n")) }
        if let csv, let first = tables.first {
            try AtomicWrite.text(first.csv(), to: csv)
        }
    }
}
