import GeoIO
import Planning

/// The Chinese words of the analyses' tables (headers, row labels, titles, coded values) for
/// the report's text. The analyses write English, stable for scripts (the CSV files keep it);
/// the summary and the Word report show these. A phrase is looked up with its numbers taken
/// out ("links (<= 300 m ...)" as "links (<= # m ...)"), so words follow the rules' numbers.
public enum ReportWords {
    /// English phrase (numbers as #) -> Chinese (numbers as #, in the same order).
    static let chinese: [String: String] = [
        // green-space service
        "zone": "街道", "area_km2": "面积（平方千米）", "green_share": "见绿比例", "park_share": "见园比例",
        "both_share": "见绿且见园比例", "target": "目标", "meets_target": "是否达标",
        "Green-space service (# m to green >= # ha, # m to a park >= # ha)": "绿地服务覆盖（#米内有#公顷以上绿地，#米内有#公顷以上公园）",
        // corridors and belts
        "corridor": "控制带", "width each side, m": "单侧宽度（米）", "area, ha": "面积（公顷）",
        "Road landscape belts per upgrade district": "各提升片区的道路景观带", "upgrade district": "提升片区", "area_ha": "面积（公顷）",
        "in road belts_ha": "道路景观带内（公顷）", "share": "比例",
        // green network
        "patch": "斑块", "component": "连通组分", "dIIC_%": "dIIC（%）", "dPC_%": "dPC（%）", "dPC_intra_%": "dPC 斑块内（%）",
        "dPC_flux_%": "dPC 流量（%）", "dPC_connector_%": "dPC 连接（%）",
        "Green patches by importance to connectivity (dPC)": "按连通重要性（dPC）排序的绿地斑块",
        "Green patches (importance not computed: more than # patches; gmgeo network --importance computes it, in minutes)":
            "绿地斑块（斑块超过#个，未计算重要性；gmgeo network --importance 可计算，需数分钟）",
        "Green network connectivity": "绿色网络连通性", "measure": "指标", "value": "数值", "patches": "斑块数",
        "links (<= # m or joined by a greenway)": "连接数（相距不超过#米或由绿道相连）", "components": "连通组分数",
        "mean nearest-neighbour distance, m": "平均最近邻距离（米）", "largest component share of green area": "最大连通组分占绿地面积比例",
        "IIC": "整体连通性指数 IIC", "PC (p = # at # m)": "可能连通性指数 PC（p = #，距离#米）", "EC(PC), ha": "等效连通面积 EC(PC)（公顷）",
        "landscape area A_L, ha": "景观总面积 A_L（公顷）",
        "Gap links: where a new greenway would join the network (ranked by PC gain)": "待建连接：新建绿道可连通网络之处（按 PC 提升排序）",
        "rank": "排序", "from": "起点斑块", "to": "终点斑块", "length_m": "长度（米）", "pc_gain_%": "PC 提升（%）",
        // projects
        "project": "编号", "name": "名称", "kind": "项目类型", "kind_key": "规则类型", "street": "街道", "control zones": "景观管控区",
        "verdict": "校核结论", "reasons": "原因", "lon": "经度", "lat": "纬度", "Project validation": "项目选址校核",
        // citizen reports
        "Cases per street and category": "各街道、各类别案件数", "Cases per upgrade district": "各提升片区案件数",
        "Cases per month and category": "各月份、各类别案件数", "Cases per department": "各责任部门案件数",
        "Monthly trend of cases (Mann-Kendall, two-sided, #%)": "案件月度趋势（Mann-Kendall 检验，双侧，#%）",
        "Hot and cold spots (Gi*, FDR-corrected)": "热点与冷点（Gi*，错误发现率校正）",
        "total": "合计", "per km²": "每平方千米", "cases": "案件数", "S": "S", "z": "z", "p": "p", "top category": "最多的类别", "month": "月份", "department": "责任部门",
        "categories": "类别", "area": "区域", "months": "月数", "trend": "趋势", "band": "等级", "cells": "单元数",
    ]

    /// Coded values of some columns, in words.
    static let values: [String: [String: String]] = [
        "verdict": ["ok": "通过", "needs-review": "需专家评审", "conflict": "冲突"],
        "meets_target": ["yes": "是", "no": "否"],
        "trend": ["increasing": "上升", "decreasing": "下降", "no trend": "无显著趋势"],
        "kind": ["street": "街道", "upgrade district": "提升片区", "district": "全区"],
        "department": ["(unmapped)": "（未对应）"],
        "area": ["all": "全区"],
        "band": ["hot99": "热点 99%", "hot95": "热点 95%", "hot90": "热点 90%", "ns": "不显著", "cold90": "冷点 90%", "cold95": "冷点 95%",
                 "cold99": "冷点 99%"],
    ]

    /// The verdict in words.
    static func verdict(_ v: Verdict, _ language: Language) -> String {
        language == .zh ? values["verdict"]?[v.rawValue] ?? v.rawValue : v.rawValue
    }

    /// `english` in `language`: itself in English, its Chinese where known (numbers kept),
    /// else itself.
    static func phrase(_ english: String, _ language: Language) -> String {
        guard language == .zh else { return english }
        var numbers: [Substring] = []
        var template = ""
        var rest = Substring(english)
        while let start = rest.firstIndex(where: \.isNumber) {
            template += rest[..<start] + "#"
            var end = start
            while end < rest.endIndex, rest[end].isNumber || (rest[end] == "." && rest.index(after: end) < rest.endIndex && rest[rest.index(after: end)].isNumber) {
                end = rest.index(after: end)
            }
            numbers.append(rest[start..<end])
            rest = rest[end...]
        }
        template += rest
        // "area_km2" holds a digit but is a name: looked up whole when its template is unknown.
        guard let words = chinese[template] else { return chinese[english] ?? english }
        var out = "", k = 0
        for ch in words {
            if ch == "#", k < numbers.count {
                out += numbers[k]
                k += 1
            } else {
                out.append(ch)
            }
        }
        return out
    }

    /// A table in `language`: title, headers, the first column of a measure table and coded
    /// values (verdicts, yes/no).
    public static func table(_ t: Table, _ language: Language) -> Table {
        guard language == .zh else { return t }
        let coded = t.headers.map { values[$0] }
        let rows = t.rows.map { row in
            row.enumerated().map { i, cell in
                if i < coded.count, let words = coded[i] { return words[cell] ?? cell }
                return i == 0 && t.headers.first == "measure" ? phrase(cell, language) : cell
            }
        }
        return Table(title: phrase(t.title, language), headers: t.headers.map { phrase($0, language) }, rows: rows)
    }

    /// One side of a "中文 / English" name.
    static func side(_ bilingual: String, _ language: Language) -> String {
        let parts = bilingual.components(separatedBy: " / ")
        guard parts.count == 2 else { return bilingual }
        return language == .zh ? parts[0] : parts[1]
    }
}
