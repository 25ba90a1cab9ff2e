import GeoIO

/// What the web map's popups and search show of each result layer, and the words for its
/// fields and values in each language. Unknown layers and fields show as they are named.
enum WebFields {
    /// The fields a layer's popup lists first, those present, in this order; the rest of the
    /// feature's fields follow under "more".
    static func keyFields(layer: String, fields: [String]) -> [String] {
        let wanted: [String]
        switch layer {
        case "projects-validated", "projects-sample":
            wanted = ["project_id", "name_zh", "name_en", "kind", "verdict", "reasons", "expert_review", "street", "upgrade_district",
                      "control_zones", "corridors", "green_taken_m2"]
        case "green-patches": wanted = ["name_zh", "area_ha", "dPC", "dPC_intra", "dPC_flux", "dPC_connector", "dIIC", "component", "nearest_m"]
        case "green-service": wanted = ["name_zh", "share", "green_share", "park_share", "meets_target", "area_m2", "covered_m2"]
        case "green-service-gaps": wanted = ["name_zh", "area_m2"]
        case "green-gap-links": wanted = ["rank", "from", "to", "length_m", "pc_gain_pct"]
        case "green-links": wanted = ["from", "to", "distance_m", "probability"]
        case "road-belts": wanted = ["name_zh", "share", "covered_m2", "area_m2"]
        case "corridors": wanted = ["name_zh", "name_en", "class", "width_m"]
        case "green": wanted = ["name_zh", "class", "category", "area_ha", "listed_area_ha", "outline", "source"]
        default: return fields.filter { $0 != "source" } + (fields.contains("source") ? ["source"] : [])
        }
        return wanted.filter(fields.contains)
    }

    /// The fields searched by name: a feature is found by any of them.
    static let searchFields = ["project_id", "name_zh", "name_en", "name", "NAME", "名称", "项目名称", "id"]

    /// Field names in words, per language (zh, en).
    static let labels: [String: (zh: String, en: String)] = [
        "project_id": ("编号", "Id"), "name_zh": ("名称", "Name"), "name_en": ("英文名", "English name"), "name": ("名称", "Name"),
        "kind": ("项目类型", "Kind"), "verdict": ("校核结论", "Verdict"), "reasons": ("原因", "Reasons"),
        "expert_review": ("需专家论证", "Expert review"), "street": ("街道", "Street"), "upgrade_district": ("提升片区", "Upgrade district"),
        "control_zones": ("景观管控区", "Control zones"), "corridors": ("控制带", "Corridors"), "green_taken_m2": ("占用绿地（平方米）", "Green taken, m²"),
        "area_ha": ("面积（公顷）", "Area, ha"), "dPC": ("重要性 dPC（%）", "Importance dPC, %"), "dPC_intra": ("dPC 斑块内（%）", "dPC intra, %"),
        "dPC_flux": ("dPC 流量（%）", "dPC flux, %"), "dPC_connector": ("dPC 连接（%）", "dPC connector, %"), "dIIC": ("dIIC（%）", "dIIC, %"),
        "component": ("连通组分", "Component"), "nearest_m": ("最近斑块距离（米）", "Nearest patch, m"),
        "share": ("300米见绿且500米见园比例", "Share served by both"), "green_share": ("见绿比例", "Share near green"),
        "park_share": ("见园比例", "Share near a park"), "meets_target": ("达标", "Meets target"), "area_m2": ("面积（平方米）", "Area, m²"),
        "covered_m2": ("覆盖面积（平方米）", "Covered, m²"), "rank": ("排序", "Rank"), "from": ("起点", "From"), "to": ("终点", "To"),
        "length_m": ("长度（米）", "Length, m"), "pc_gain_pct": ("PC 提升（%）", "PC gain, %"), "distance_m": ("距离（米）", "Distance, m"),
        "probability": ("连通概率", "Probability"), "class": ("类别", "Class"), "width_m": ("单侧宽度（米）", "Width each side, m"),
        "category": ("公园类别", "Park category"), "listed_area_ha": ("名录面积（公顷）", "Listed area, ha"), "outline": ("轮廓", "Outline"),
        "source": ("来源", "Source"), "kind_key": ("规则中的项目类型", "Kind in the rules"),
        "setback_violations": ("退线冲突", "Setback violations"),
        "nearest_expressway": ("最近快速路", "Nearest expressway"), "nearest_expressway_m": ("距最近快速路（米）", "To the expressway, m"),
        "nearest_arterial": ("最近主干道", "Nearest arterial"), "nearest_arterial_m": ("距最近主干道（米）", "To the arterial, m"),
        "nearest_rail": ("最近轨道", "Nearest rail line"), "nearest_rail_m": ("距最近轨道（米）", "To the rail line, m"),
        "nearest_station": ("最近站点", "Nearest station"), "nearest_station_m": ("距最近站点（米）", "To the station, m"),
    ]

    /// Field values in words (a project's verdict), per language.
    static let values: [String: [String: (zh: String, en: String)]] = [
        "verdict": ["ok": ("通过", "ok"), "needs-review": ("需专家评审", "needs review"), "conflict": ("冲突", "conflict")],
        "meets_target": ["true": ("是", "yes"), "false": ("否", "no")],
        "expert_review": ["true": ("是", "yes"), "false": ("否", "no")],
    ]

    /// Share fields (0 to 1) shown as percentages.
    static let shareFields: Set<String> = ["share", "green_share", "park_share"]

    /// The words of the page itself, per language.
    static func pageText(_ language: Language) -> [String: String] {
        let zh = language == .zh
        return [
            "layers": zh ? "图层" : "Layers", "legend": zh ? "图例" : "Legend", "search": zh ? "搜索名称或项目编号" : "Search a name or project id",
            "noMatch": zh ? "没有找到：" : "Nothing found: ", "more": zh ? "更多属性" : "More fields", "matches": zh ? "个结果" : "matches",
        ]
    }

    /// Field and value words of one language, as the page reads them.
    static func dictionary(_ language: Language) -> (fields: [String: String], values: [String: [String: String]]) {
        let pick = { (pair: (zh: String, en: String)) in language == .zh ? pair.zh : pair.en }
        return (labels.mapValues(pick), values.mapValues { $0.mapValues(pick) })
    }
}
