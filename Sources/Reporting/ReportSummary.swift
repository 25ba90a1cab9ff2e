import Foundation
import GeoIO
import MapRender
import Planning

/// summary.md: the report a planner reads top to bottom. No dates or timings, so running the
/// report twice gives the same file.
struct ReportSummary {
    private var sections: [String] = []
    /// One line per analysis for the "At a glance" list at the top.
    private var glance: [String] = []
    private let data: PlanningData
    /// The language of every word (numbers and names are the same in both).
    let language: Language
    /// The validated projects, for the report's map.
    var validatedLayer: Layer?

    init(data: PlanningData, language: Language) {
        self.data = data
        self.language = language
    }

    /// The Chinese or the English text.
    private func say(_ zh: String, _ en: String) -> String { language == .zh ? zh : en }

    private func table(_ t: Table) -> String { ReportWords.table(t, language).markdown(proportional: true) }

    mutating func greenService(_ r: GreenServiceResult) {
        let meeting = r.rows.filter(\.meetsTarget)
        let worst = r.rows.min { $0.bothShare < $1.bothShare }
        let (green, park) = (Format.fixed(r.rules.greenRadius, 0), Format.fixed(r.rules.parkRadius, 0))
        let target = Format.percent(r.rules.targetShare)
        glance.append(say("绿地服务：\(r.rows.count)个街道中\(meeting.count)个达到\(target)" + (worst.map { "；服务最弱的是\($0.name)（\(Format.percent($0.bothShare))）" } ?? "") + "。",
                          "Green-space service: \(meeting.count) of \(r.rows.count) streets reach \(target)" + (worst.map { "; least served \($0.name) (\(Format.percent($0.bothShare)))" } ?? "") + "."))
        let (greenArea, parkArea) = (Format.fixed(r.rules.greenMinArea / 10_000, 1), Format.fixed(r.rules.parkMinArea / 10_000, 1))
        sections.append("""
        ## \(say("1. 绿地服务（\(green)米见绿、\(park)米见园）", "1. Green-space service (\(green) m to green, \(park) m to a park)"))

        \(say("\(r.rows.count)个街道中有\(meeting.count)个达到目标：街道面积的\(target)位于\(greenArea)公顷以上绿地\(green)米范围内、且位于\(parkArea)公顷以上公园\(park)米范围内（计入绿地\(r.greenCount)处、公园\(r.parkCount)处）。",
               "\(meeting.count) of \(r.rows.count) streets reach the target of \(target) of their area within \(green) m of a green space of at least \(greenArea) ha and within \(park) m of a park of at least \(parkArea) ha (\(r.greenCount) green spaces, \(r.parkCount) parks counted)."))\(worst.map { say("服务最弱的是\($0.name)（\(Format.percent($0.bothShare))）。", " The least served is \($0.name) (\(Format.percent($0.bothShare))).") } ?? "")\(say("新增绿地最能见效之处见 `green-service-gaps.geojson`。", " Where new green would help most: `green-service-gaps.geojson`."))

        ![\(say("绿地服务覆盖", "Green-space service"))](map-green-service.png)

        \(table(r.table()))
        """)
    }

    mutating func corridors(_ corridors: [Corridor], _ belts: Table) {
        let total = corridors.reduce(0.0) { $0 + ((try? $1.geometry.area()) ?? 0) } / 10_000
        glance.append(say("景观控制带：\(corridors.count)类，共\(Format.fixed(total, 0))公顷（各类分别计算，重叠部分重复计入）。",
                          "Landscape corridors: \(corridors.count) kinds, \(Format.fixed(total, 0)) ha in all (overlaps counted per kind)."))
        // The corridor table's rows, under the summary's own column names, names in one language.
        let rows = ((try? Corridors.table(corridors).rows) ?? []).map { [ReportWords.side($0[0], language)] + $0.dropFirst() }
        let corridorTable = Table(title: "", headers: ["corridor", "width each side, m", "area, ha"], rows: rows)
        sections.append("""
        ## \(say("2. 景观控制带", "2. Landscape corridors"))

        \(say("快速路和主干道两侧、轨道沿线及站点周边的控制带，宽度取自规则文件（`corridors.geojson`）。", "Both sides of expressways and arterials, along rail lines and around stations, with the widths of the rules file (`corridors.geojson`)."))

        ![\(say("景观控制带", "Corridors"))](map-corridors.png)

        \(table(corridorTable).dropLast())

        ### \(ReportWords.phrase(belts.title, language))

        \(table(belts))
        """)
    }

    mutating func network(_ r: GreenNetworkResult, rules: PlanningRules.GreenNetwork) {
        if let best = r.gaps.first {
            let (from, to) = (r.patches[best.fromPatch].name, r.patches[best.toPatch].name)
            let (length, gain) = (Format.fixed(best.length, 0), Format.fixed(best.pcGain, 1))
            glance.append(say("绿色网络：分为\(r.componentAreas.count)个互不连通的部分；最佳新建绿道连接\(from)与\(to)（\(length)米，PC 提升\(gain)%）。",
                              "Green network: \(r.componentAreas.count) separate part(s); the best new greenway joins \(from) and \(to) (\(length) m, PC +\(gain)%)."))
        } else {
            glance.append(say("绿色网络：\(r.patches.count)个斑块连成一个整体。", "Green network: one connected network of \(r.patches.count) patches."))
        }
        let top = r.patchTable()
        let shortTop = Table(title: top.title, headers: top.headers, rows: Array(top.rows.prefix(5)))
        let summary = r.summaryTable(rules: rules), gaps = r.gapTable()
        let parts = r.componentAreas.count
        sections.append("""
        ## \(say("3. 绿色景观网络", "3. Green landscape network"))

        \(say("\(r.patches.count)个斑块构成\(parts)个连通部分，最大部分占绿地面积的\(Format.percent(r.largestShare))。PC = \(String(format: "%.6f", r.indices.pc))，EC(PC) = \(Format.fixed(r.indices.ecPC, 1))公顷。对连通性最重要的斑块（`green-patches.geojson`，全部见 `green-patches.csv`）：",
               "\(r.patches.count) patches form \(parts) connected part\(parts == 1 ? "" : "s"); the largest holds \(Format.percent(r.largestShare)) of the green area. PC = \(String(format: "%.6f", r.indices.pc)), EC(PC) = \(Format.fixed(r.indices.ecPC, 1)) ha. The most important patches for connectivity (`green-patches.geojson`, all in `green-patches.csv`):"))

        \(table(shortTop))
        ![\(say("绿色景观网络", "Green network"))](map-green-network.png)

        ### \(ReportWords.phrase(summary.title, language))

        \(table(summary))
        ### \(ReportWords.phrase(gaps.title, language))

        \(r.gaps.isEmpty ? say("网络已连成一体，无需弥合的缺口。\n", "The network is one connected part: no gaps to bridge.\n") : table(gaps))
        """)
    }

    mutating func validation(_ assessments: [ProjectAssessment], _ table: Table) {
        let counts = Dictionary(grouping: assessments, by: \.verdict).mapValues(\.count)
        let review = assessments.filter(\.needsExpertReview).count
        let (ok, reviewed, conflict) = (counts[.ok] ?? 0, counts[.needsReview] ?? 0, counts[.conflict] ?? 0)
        glance.append(say("项目：\(ok)个通过，\(reviewed)个需专家评审，\(conflict)个存在冲突；其中\(review)个须经专家委员会评审。",
                          "Projects: \(ok) ok, \(reviewed) need review, \(conflict) in conflict; \(review) need expert committee review."))
        sections.append("""
        ## \(say("4. 拟建项目选址校核", "4. Proposed projects"))

        ![\(say("项目选址校核", "Projects"))](map-projects.png)

        \(say("共\(assessments.count)个项目：\(ok)个通过，\(reviewed)个需专家评审，\(conflict)个存在冲突；\(review)个须在设计审批前经专家委员会评审（`projects-validated.geojson`）。",
               "\(assessments.count) projects: \(ok) ok, \(reviewed) need review, \(conflict) in conflict; \(review) need expert committee review before design approval (`projects-validated.geojson`)."))

        \(self.table(ReportSummary.columns(table, dropping: ["kind_key", "lon", "lat"])))
        """)
    }

    /// The table without some columns (positions and keys stay in the CSV and GeoJSON; a page
    /// of the report has room for the reasons).
    static func columns(_ t: Table, dropping: Set<String>) -> Table {
        let keep = t.headers.indices.filter { !dropping.contains(t.headers[$0]) }
        return Table(title: t.title, headers: keep.map { t.headers[$0] }, rows: t.rows.map { row in keep.map { $0 < row.count ? row[$0] : "" } })
    }

    mutating func citizenReports(_ r: HotspotResult, rules: CitizenReportRules, source: String) {
        let hot = r.cells.features.filter { $0["band"].description.hasPrefix("hot") }.count
        let cold = r.cells.features.filter { $0["band"].description.hasPrefix("cold") }.count
        let trend = r.tables.first { $0.name == "trends" }?.table.rows.last?.last ?? "no trend"
        let trendWords = ["increasing": "上升", "decreasing": "下降", "no trend": "无显著趋势"][trend] ?? trend
        glance.append(say("市民随手拍：\(r.reports)条上报合并为\(r.cases.count)件，热点单元\(hot)个、冷点\(cold)个；全区月度趋势：\(trendWords)。",
                          "Citizen reports: \(r.reports) reports, \(r.cases.count) cases, \(hot) hot and \(cold) cold cells; district-wide monthly trend: \(trend)."))
        let unknown = r.unknownCategories.map { "\($0.category)（\($0.cases)）" }.joined(separator: "、")
        let tables = Dictionary(uniqueKeysWithValues: r.tables.map { ($0.name, $0.table) })
        let shown = ["streets", "upgrade-districts", "departments", "trends", "hotspots"].compactMap { name in
            tables[name].map { "### \(ReportWords.phrase($0.title, language))\n\n" + table($0) }
        }
        let cell = Format.fixed(rules.cellSize, 0)
        sections.append("""
        ## \(say("5. 市民随手拍", "5. Citizen reports"))

        \(say("`\(source)`：共\(r.reports)条上报，其中\(r.outside)条位于辖区外（已标记），\(r.merged)条为重复上报（同类、\(Format.fixed(rules.duplicateDistance, 0))米、\(Format.fixed(rules.duplicateHours, 0))小时内）并入既有案件，合计\(r.cases.count)件。热点分析：\(cell)米六边形网格上的 Getis-Ord Gi*，经错误发现率校正，热点单元\(hot)个、冷点\(cold)个（`hotspot-cells.geojson`，案件见 `citizen-cases.geojson`）。",
               "`\(source)`: \(r.reports) reports, \(r.outside) outside the district (flagged), \(r.merged) duplicates (same category within \(Format.fixed(rules.duplicateDistance, 0)) m and \(Format.fixed(rules.duplicateHours, 0)) h) merged, \(r.cases.count) cases. Hot spots: Getis-Ord Gi* on hexagons \(cell) m apart with False Discovery Rate correction: \(hot) hot and \(cold) cold cells (`hotspot-cells.geojson`; cases in `citizen-cases.geojson`)."))\(unknown.isEmpty ? "" : say("规则未对应责任部门的类别：\(unknown)。", " Categories the rules map to no department: \(unknown)."))

        ![\(say("市民随手拍热点", "Citizen-report hot spots"))](map-hotspots.png)

        \(shown.joined(separator: "\n"))
        """)
    }

    /// Which input layers are real and which schematic, by feature count, from each feature's
    /// `source` ("real: ...", "schematic: ...", "derived: ..."; none: the user's own data).
    static func caveat(_ layers: [Layer], language: Language) -> String {
        let zh = language == .zh
        let kinds = ["real", "schematic", "derived"]
        func kind(_ f: Feature) -> String {
            let s = f["source"].description
            if s.hasPrefix("fictional") { return "schematic" }
            return kinds.first { s.hasPrefix($0) } ?? "own"
        }
        let total = layers.reduce(0) { $0 + $1.features.count }
        let parts = (kinds + ["own"]).compactMap { k -> String? in
            let per = layers.compactMap { layer -> String? in
                let n = layer.features.filter { kind($0) == k }.count
                return n == 0 ? nil : "\(SourceLine.layerName(layer.name, language)) \(n)/\(layer.features.count)"
            }
            let n = layers.reduce(0) { sum, layer in sum + layer.features.filter { kind($0) == k }.count }
            let label = zh ? ["real": "个为真实数据", "schematic": "个为依据公开资料绘制的示意数据、未经测量", "derived": "个由其他图层推导",
                              "own": "个来自数据文件夹自身的来源"][k] ?? k
                : ["real": "real", "schematic": "schematic, drawn from public descriptions and not surveyed",
                   "derived": "derived from other layers", "own": "from the data folder's own sources"][k] ?? k
            return n == 0 ? nil : zh ? "\(n)\(label)（\(per.joined(separator: "，"))）" : "\(n) \(label) (\(per.joined(separator: ", ")))"
        }
        let schematic = layers.reduce(0) { sum, layer in sum + layer.features.filter { kind($0) == "schematic" }.count }
        if zh {
            let lead = schematic > 0 ? "**数据说明：**输入要素共\(total)个，其中" : "输入要素共\(total)个，其中"
            return lead + parts.joined(separator: "；") + (schematic > 0 ? "。据此作决策前请先阅读数据文件夹的 README。" : "。")
        }
        let lead = schematic > 0 ? "**Data caveat:** of \(total) input features, " : "Of \(total) input features, "
        let tail = schematic > 0 ? ". See the data folder's README before using these figures for decisions." : "."
        return lead + parts.joined(separator: "; ") + tail
    }

    /// The report's title: the district's name from its boundary feature.
    var title: String {
        say("\(data.districtNames.zh)全域景观提升分析报告", "Landscape upgrade report: \(data.districtNames.en)")
    }

    func markdown(files: [String]) -> String {
        let caveat = ReportSummary.caveat([data.boundary, data.roads, data.rail, data.stations, data.controlZones, data.upgradeDistricts, data.green],
                                          language: language)
        let folder = data.folder.lastPathComponent
        let maps = [("map-overview", "总图", "overview"), ("map-green-service", "绿地服务覆盖", "green-space service"),
                    ("map-corridors", "景观控制带", "corridors"), ("map-green-network", "绿色景观网络", "green network")]
            + (validatedLayer == nil ? [] : [("map-projects", "项目选址校核", "projects")])
            + (files.contains("map-hotspots.png") ? [("map-hotspots", "市民随手拍热点", "citizen-report hot spots")] : [])
        let mapLinks = maps.map { "[\(say($0.1, $0.2))](\($0.0).pdf)" }.joined(separator: say("、", ", "))
        let web = files.contains("map/index.html")
        return """
        # \(title)

        \(say("由 gmgeo 依据数据文件夹 `\(folder)` 及其规则文件生成。面积与距离以米为单位，在 \(data.rules.workingCRS) 中量算；GeoJSON 文件为 WGS 84 经纬度（RFC 7946），可直接在 QGIS 中打开。",
               "Made by gmgeo from `\(folder)` with its rules file. Areas and distances in metres in \(data.rules.workingCRS); GeoJSON files are WGS 84 lon/lat (RFC 7946) and open in QGIS."))

        \(caveat)

        **\(say("要点", "At a glance"))**

        \(glance.map { "- " + $0 }.joined(separator: "\n"))

        ![\(say("总图", "Overview"))](map-overview.png)

        \(say("地图（PNG 供 Word 使用，PDF 供打印）：", "Maps (PNG for Word, PDF for print): "))\(mapLinks)\(say("。", "."))\(web ? say("交互式地图：[map/index.html](map/index.html)（双击即可在浏览器中打开，无需联网：全部成果图层、点击查看属性、按名称搜索）。", " Interactive map: [map/index.html](map/index.html) (opens in a browser by double-click, with no network: every result layer, popups, search by name).") : "")

        \(sections.joined(separator: "\n"))
        ## \(say("文件", "Files"))

        \(files.sorted().map { "- `\($0)`" }.joined(separator: "\n"))

        """
    }
}
