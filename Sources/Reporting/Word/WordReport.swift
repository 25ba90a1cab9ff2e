import Foundation
import GeoIO

/// report.docx: summary.md through pandoc (Debian's, found on PATH or at GMGEO_PANDOC) with
/// gmgeo's reference document: a title page (title, date, data sources), then the summary
/// with its maps at page width, real Word tables, Chinese fonts and page numbers.
struct WordReport: Sendable {
    /// The title page.
    let title: String
    let subtitle: String
    /// The report's day (its local midnight).
    let date: Date
    /// Data sources and caveat, under the title (Markdown).
    let sources: String
    let language: Language

    /// The start of the day of `now`, in the machine's time zone: the report's date.
    static func day(of now: Date) -> Date { Calendar(identifier: .gregorian).startOfDay(for: now) }

    /// The pandoc executable, or nil when it is not installed.
    static func pandoc(environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        if let path = environment["GMGEO_PANDOC"] { return FileManager.default.isExecutableFile(atPath: path) ? path : nil }
        let folders = (environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":").map(String.init)
        return folders.map { $0 + "/pandoc" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// The date as the title page prints it.
    var dateText: String {
        let c = Calendar(identifier: .gregorian).dateComponents([.year, .month, .day], from: date)
        let (y, m, d) = (c.year ?? 1970, c.month ?? 1, c.day ?? 1)
        let months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
        return language == .zh ? "\(y)年\(m)月\(d)日" : "\(d) \(months[m - 1]) \(y)"
    }

    /// The Markdown pandoc reads: metadata for the title page, a page break, then the summary
    /// without its first heading (the title page has it) and with maps at page width.
    func markdown(summary: String) throws -> String {
        func yaml(_ s: String) throws -> String { String(decoding: try JSONEncoder().encode(s), as: UTF8.self) }
        var body = summary.split(separator: "\n", omittingEmptySubsequences: false).drop { !$0.hasPrefix("# ") }.dropFirst()
            .joined(separator: "\n")
        for name in Set(body.components(separatedBy: "](").dropFirst().map { String($0.prefix { $0 != ")" }) }) where name.hasSuffix(".png") {
            body = body.replacingOccurrences(of: "](\(name))", with: "](\(name)){width=100%}")
        }
        return """
        ---
        title: \(try yaml(title))
        subtitle: \(try yaml(subtitle))
        date: \(try yaml(dateText))
        abstract: \(try yaml(sources))
        lang: \(language == .zh ? "zh-CN" : "en-GB")
        ---

        ```{=openxml}
        <w:p><w:r><w:br w:type="page"/></w:r></w:p>
        ```
        \(body)
        """
    }

    /// Writes report.docx into `folder`, which holds summary.md's maps.
    /// - Throws: `IOError` with pandoc's own message when it fails.
    func write(summary: String, into folder: URL, pandoc: String) throws {
        let reference = folder.appendingPathComponent(".gmgeo-reference.docx")
        try ReferenceDocument.docx().write(to: reference)
        defer { try? FileManager.default.removeItem(at: reference) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: pandoc)
        process.currentDirectoryURL = folder
        // The summary's sections (##) are the document's first level: the title page has the title.
        process.arguments = ["--from", "markdown", "--to", "docx", "--shift-heading-level-by=-1", "--reference-doc", reference.path, "--resource-path", folder.path,
                             "--output", folder.appendingPathComponent("report.docx").path]
        // The date of the title page is also the document's and its parts' time: a report made
        // twice on one day gives the same file.
        var environment = ProcessInfo.processInfo.environment
        environment["SOURCE_DATE_EPOCH"] = String(Int(date.timeIntervalSince1970))
        process.environment = environment
        let input = Pipe(), errors = Pipe()
        process.standardInput = input
        process.standardOutput = FileHandle.nullDevice
        process.standardError = errors
        do {
            try process.run()
        } catch {
            throw IOError(.write, "cannot run pandoc: \(error.localizedDescription)", location: pandoc)
        }
        input.fileHandleForWriting.write(Data(try markdown(summary: summary).utf8))
        try? input.fileHandleForWriting.close()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw IOError(.write, "pandoc could not make report.docx: \(message.trimmingCharacters(in: .whitespacesAndNewlines))", location: folder.path)
        }
    }
}
