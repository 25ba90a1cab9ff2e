import Foundation
import Testing
import TestSupport

/// report.docx as Word and LibreOffice read it: a zip of XML parts with the summary's
/// headings, tables and maps, Chinese fonts, a title page and page numbers.
@Suite("Word report")
struct WordReportTests {
    /// A tool on PATH, or nil after saying why the test does not run (CI installs them all and
    /// sets GMGEO_REQUIRE_TOOLS=1, which fails instead).
    static func tool(_ name: String, package: String) -> String? {
        if let path = ExternalTool.path([name]) { return path }
        if ExternalTool.required { Issue.record("\(name) is not installed (apt-get install \(package))") }
        print("skipped: \(name) is not installed (apt-get install \(package))")
        return nil
    }

    /// Runs a tool; its standard output and status.
    static func run(_ tool: String, _ arguments: [String], in folder: URL? = nil) throws -> (output: Data, status: Int32) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        if let folder { process.currentDirectoryURL = folder }
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (data, process.terminationStatus)
    }

    static func count(_ text: String, _ pattern: String) -> Int {
        ((try? NSRegularExpression(pattern: pattern))?.numberOfMatches(in: text, range: NSRange(text.startIndex..., in: text))) ?? 0
    }

    @Test("report.docx holds the summary's headings, tables, maps at page width, Chinese text and fonts, title page and page numbers")
    func contents() throws {
        guard WordReportTests.tool("pandoc", package: "pandoc") != nil, let unzip = WordReportTests.tool("unzip", package: "unzip") else { return }
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let report = try CommandRunner.gmgeo(["report", "-o", folder.path("r")])
        try #require(report.status == 0, "\(report.stderr)")
        let docx = folder.path("r/report.docx")
        func part(_ name: String) throws -> String { String(decoding: try WordReportTests.run(unzip, ["-p", docx, name]).output, as: UTF8.self) }
        let document = try part("word/document.xml"), styles = try part("word/styles.xml")
        let summary = try String(contentsOfFile: folder.path("r/summary.md"), encoding: .utf8)
        let lines = summary.split(separator: "\n")

        // Title page: title, date, data sources; then a page break before the body.
        let title = try #require(lines.first.map { String($0.dropFirst(2)) })
        #expect(title == "光明区全域景观提升分析报告")
        let hasTitle = document.contains(">\(title)</w:t>")
        #expect(hasTitle && WordReportTests.count(document, "w:pStyle w:val=\"Title\"") == 1)
        #expect(WordReportTests.count(document, "w:pStyle w:val=\"Date\"") == 1 && WordReportTests.count(document, "[0-9]{4}年[0-9]{1,2}月[0-9]{1,2}日") >= 1)
        let sources = document.contains(">数据来源：©</w:t>") && document.contains("贡献者（ODbL）") && document.contains("示意或虚构要素：景观管控区")
        #expect(sources)
        let pageBreak = document.contains("<w:br w:type=\"page\"/>")
        #expect(pageBreak)
        // Every heading of the summary below the title, one level up (sections are Heading 1).
        for (level, marks) in [(1, "## "), (2, "### ")] {
            let headings = lines.filter { $0.hasPrefix(marks) }
            #expect(WordReportTests.count(document, "w:pStyle w:val=\"Heading\(level)\"") == headings.count, "level \(level)")
            for heading in headings {
                let found = document.contains(">\(heading.dropFirst(marks.count))</w:t>")
                #expect(found, "\(heading)")
            }
        }
        // Tables: one Word table per Markdown table, with its Chinese header.
        let tables = lines.indices.filter { lines[$0].hasPrefix("|") && ($0 == 0 || !lines[$0 - 1].hasPrefix("|")) }.count
        #expect(tables == 7 && WordReportTests.count(document, "<w:tbl>") == tables, "\(tables) tables in summary.md")
        let headers = document.contains(">校核结论</w:t>") && document.contains(">见绿且见园比例</w:t>")
        #expect(headers)
        // The five maps, embedded (not linked) at the text width of A4 with 2.3 cm margins.
        let media = String(decoding: try WordReportTests.run(unzip, ["-Z1", docx]).output, as: UTF8.self).split(separator: "\n").filter { $0.hasPrefix("word/media/") }
        #expect(media.count == 5, "\(media)")
        let textWidthEMU = Double(11906 - 2 * 1304) * 635
        let widths = WordReportTests.matches(document, "<wp:extent cx=\"([0-9]+)\"")
        #expect(widths.count == 5 && widths.allSatisfy { abs($0 - textWidthEMU) / textWidthEMU < 0.01 }, "\(widths) vs \(textWidthEMU)")
        // Chinese fonts in the styles, a PAGE field in the footer, no number on the title page.
        #expect(styles.contains("w:eastAsia=\"SimSun\"") && styles.contains("w:eastAsia=\"SimHei\""))
        let pageNumbers = try part("word/footer1.xml").contains(" PAGE ") && document.contains("<w:titlePg")
        #expect(pageNumbers)
    }

    static func matches(_ text: String, _ pattern: String) -> [Double] {
        guard let regex = try? NSRegularExpression(pattern: pattern) else { return [] }
        return regex.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap { m in
            Range(m.range(at: 1), in: text).flatMap { Double(text[$0]) }
        }
    }

    @Test("LibreOffice turns report.docx into an A4 PDF with the Chinese text in an embedded CJK font and page numbers")
    func pdf() throws {
        guard WordReportTests.tool("pandoc", package: "pandoc") != nil, let soffice = WordReportTests.tool("soffice", package: "libreoffice-writer-nogui"),
              let pdftotext = WordReportTests.tool("pdftotext", package: "poppler-utils"),
              let pdffonts = WordReportTests.tool("pdffonts", package: "poppler-utils") else { return }
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let report = try CommandRunner.gmgeo(["report", "-o", folder.path("r")])
        try #require(report.status == 0, "\(report.stderr)")
        // Its own profile folder: a second LibreOffice (or a desktop one) cannot block it.
        let converted = try WordReportTests.run(soffice, ["-env:UserInstallation=file://\(folder.path("lo-profile"))", "--headless",
                                                          "--convert-to", "pdf", "--outdir", folder.path("pdf"), folder.path("r/report.docx")])
        #expect(converted.status == 0)
        let pdf = folder.path("pdf/report.pdf")
        try #require(FileManager.default.fileExists(atPath: pdf), "LibreOffice wrote no PDF")
        let text = String(decoding: try WordReportTests.run(pdftotext, ["-layout", pdf, "-"]).output, as: UTF8.self)
        let pages = text.split(separator: "\u{0C}", omittingEmptySubsequences: false).filter { !$0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }
        #expect(pages.count >= 6, "\(pages.count) pages")
        #expect(pages.first?.contains("光明区全域景观提升分析报告") == true)
        #expect(text.contains("绿地服务") && text.contains("拟建项目选址校核"))
        // Page numbers: the page after the title page ends with "2".
        #expect(pages.count > 1 && pages[1].trimmingCharacters(in: .whitespacesAndNewlines).hasSuffix("2"), "\(pages.count > 1 ? String(pages[1].suffix(40)) : "")")
        let fonts = String(decoding: try WordReportTests.run(pdffonts, [pdf]).output, as: UTF8.self)
        #expect(fonts.contains("CJK"), "\(fonts)")
    }

    @Test("without pandoc the report completes, says report.docx is left out, and does not list it")
    func withoutPandoc() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let report = try CommandRunner.gmgeo(["report", "-o", folder.path("r")], environment: ["GMGEO_PANDOC": folder.path("no-pandoc")])
        #expect(report.status == 0, "\(report.stderr)")
        #expect(report.stderr.contains("warning: report.docx is left out: pandoc is not installed"), "\(report.stderr)")
        #expect(!FileManager.default.fileExists(atPath: folder.path("r/report.docx")))
        let summary = try String(contentsOfFile: folder.path("r/summary.md"), encoding: .utf8)
        #expect(!summary.contains("report.docx") && summary.contains("`summary.md`"))
    }
}
