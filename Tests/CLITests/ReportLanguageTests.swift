import Foundation
import Testing
import TestSupport

/// summary.md in Chinese (the default) and in English: the same sections, numbers and names,
/// every map embedded, and no English sentence left in the Chinese one.
@Suite("report language")
struct ReportLanguageTests {
    /// Runs of three or more Latin words in `text` outside code spans and link targets: what
    /// an English sentence leaves in a Chinese text (names like "OSM way 1234" have two).
    static func englishRuns(_ text: String) -> [String] {
        var plain = text
        for pattern in ["`[^`]*`", "\\]\\([^)]*\\)"] {
            plain = plain.replacingOccurrences(of: pattern, with: " ", options: .regularExpression)
        }
        var runs: [String] = [], current: [Substring] = []
        for token in plain.split(whereSeparator: { !$0.isASCII || $0 == "|" || $0 == "\n" }) {
            let words = token.split(separator: " ").filter { $0.contains { $0.isLetter } }
            for word in words {
                current.append(word)
            }
            // A non-Latin character ends a run.
            if current.count >= 3 { runs.append(current.joined(separator: " ")) }
            current = []
        }
        return runs
    }

    /// Every number of a text, sorted (digits inside names such as area_km2 are not numbers).
    static func numbers(_ text: String) -> [String] {
        let regex = try? NSRegularExpression(pattern: "(?<![A-Za-z_])[0-9]+(\\.[0-9]+)?")
        let range = NSRange(text.startIndex..., in: text)
        return (regex?.matches(in: text, range: range) ?? []).compactMap { Range($0.range, in: text).map { String(text[$0]) } }.sorted()
    }

    @Test("Chinese by default, English with --lang en: same sections, numbers and names; maps embedded; no English sentence in zh")
    func languages() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let zhRun = try CommandRunner.gmgeo(["report", "-o", folder.path("zh")])
        let enRun = try CommandRunner.gmgeo(["report", "-o", folder.path("en"), "--lang", "en"])
        try #require(zhRun.status == 0 && enRun.status == 0, "\(zhRun.stderr)\(enRun.stderr)")
        let zh = try String(contentsOfFile: folder.path("zh/summary.md"), encoding: .utf8)
        let en = try String(contentsOfFile: folder.path("en/summary.md"), encoding: .utf8)

        let zhHeadings = zh.split(separator: "\n").filter { $0.hasPrefix("#") }
        #expect(zhHeadings.prefix(5) == ["# 光明区全域景观提升分析报告", "## 1. 绿地服务（300米见绿、500米见园）", "## 2. 景观控制带",
                                         "### 各提升片区的道路景观带", "## 3. 绿色景观网络"], "\(zhHeadings)")
        #expect(zhHeadings.contains("## 4. 拟建项目选址校核") && zhHeadings.last == "## 文件")
        let enHeadings = en.split(separator: "\n").filter { $0.hasPrefix("#") }
        #expect(enHeadings.count == zhHeadings.count)
        #expect(enHeadings.first == "# Landscape upgrade report: Guangming District" && enHeadings.contains("## 1. Green-space service (300 m to green, 500 m to a park)"))

        let englishLeft = ReportLanguageTests.englishRuns(zh)
        #expect(englishLeft.isEmpty, "English left in the Chinese summary: \(englishLeft)")
        // The check finds English: the English summary is full of it.
        #expect(ReportLanguageTests.englishRuns(en).count > 20)
        #expect(ReportLanguageTests.numbers(zh) == ReportLanguageTests.numbers(en))
        for name in ["新湖街道", "光明森林公园", "明湖城市公园", "光明城站站前广场（示例）", "茅洲河碧道"] {
            #expect(zh.components(separatedBy: name).count == en.components(separatedBy: name).count, "\(name)")
        }
        // Every map of the folder is embedded (as its PNG), in both.
        let maps = try FileManager.default.contentsOfDirectory(atPath: folder.path("zh")).filter { $0.hasPrefix("map-") && $0.hasSuffix(".png") }
        #expect(maps.count == 5)
        for map in maps {
            #expect(zh.contains("](\(map))") && en.contains("](\(map))"), "\(map) not embedded")
        }
        // Verdicts and reasons in the report's language, in the summary and the GeoJSON.
        #expect(zh.contains("| 冲突 |") && zh.contains("通过全部校核：位于光明区范围内") && !zh.contains("| conflict |"))
        #expect(en.contains("| conflict |") && en.contains("passed every check: inside Guangming District"))
        let geojson = try String(contentsOfFile: folder.path("zh/projects-validated.geojson"), encoding: .utf8)
        #expect(geojson.contains("需经专家委员会评审") && geojson.contains("\"verdict\": \"needs-review\""))
    }

    @Test("validate --lang zh: reasons and the printed table in Chinese, CSV headers and field names English")
    func validateInChinese() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let out = try CommandRunner.gmgeo(["validate", "projects-sample", "--lang", "zh", "--csv", folder.path("v.csv"), "-o", folder.path("v.geojson")])
        #expect(out.status == 1, "\(out.stderr)")
        #expect(out.stdout.contains("### 项目选址校核") && out.stdout.contains("| 编号 | 名称 |") && out.stdout.contains("| 冲突 |"))
        #expect(ReportLanguageTests.englishRuns(out.stdout).isEmpty, "\(ReportLanguageTests.englishRuns(out.stdout))")
        let csv = try String(contentsOfFile: folder.path("v.csv"), encoding: .utf8)
        #expect(csv.contains("project,name,kind,kind_key") && csv.contains("需经专家委员会评审") && csv.contains(",needs-review,"))
        let geojson = try String(contentsOfFile: folder.path("v.geojson"), encoding: .utf8)
        #expect(geojson.contains("\"reasons\": \"重点项目位于景观管控区"))
        // English stays the default for the command line.
        let en = try CommandRunner.gmgeo(["validate", "projects-sample"])
        #expect(en.stdout.contains("### Project validation") && en.stdout.contains("passed every check"))
    }
}
