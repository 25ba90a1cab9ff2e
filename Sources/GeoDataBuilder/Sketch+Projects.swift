extension Sketch {
    /// A sample proposed project (fictional): kind as the plan names them, a point or a
    /// rectangular footprint (width x depth in metres, rotated by `angle` degrees).
    struct Project {
        let id: String, nameZh: String, nameEn: String, kind: String
        let centre: (Double, Double)
        let footprint: (width: Double, depth: Double, angle: Double)?
    }

    /// Fictional sample projects of the kinds the plan names, placed to exercise validation:
    /// inside and outside control zones, near roads, on green space, and plainly clear.
    static let projects: [Project] = [
        Project(id: "P01", nameZh: "光明中心区文化综合体（示例）", nameEn: "Central District Cultural Complex (sample)", kind: "key", centre: (113.9405, 22.7645), footprint: (180, 120, 10)),
        Project(id: "P02", nameZh: "科学城大装置配套楼（示例）", nameEn: "Science Facility Support Building (sample)", kind: "key", centre: (113.9275, 22.8055), footprint: (150, 90, 0)),
        Project(id: "P03", nameZh: "光明城站站前广场（示例）", nameEn: "Guangmingcheng Station Plaza (sample)", kind: "key", centre: (113.9505, 22.7345), footprint: (200, 140, 25)),
        Project(id: "P04", nameZh: "茅洲河滨水驿站（示例）", nameEn: "Maozhou Riverside Stop (sample)", kind: "key", centre: (113.9035, 22.7555), footprint: nil),
        Project(id: "P05", nameZh: "玉塘重点片区办公楼（示例）", nameEn: "Yutang Office Building (sample)", kind: "key", centre: (113.9130, 22.7245), footprint: (90, 60, 0)),
        Project(id: "P06", nameZh: "新湖重点项目（示例）", nameEn: "Xinhu Key Project (sample)", kind: "key", centre: (113.9010, 22.8160), footprint: (100, 70, 15)),
        Project(id: "P07", nameZh: "生物医药产业园（示例）", nameEn: "Biomedicine Industrial Park (sample)", kind: "major-industrial", centre: (113.8780, 22.7310), footprint: (400, 260, 0)),
        Project(id: "P08", nameZh: "智能制造基地（示例）", nameEn: "Smart Manufacturing Base (sample)", kind: "major-industrial", centre: (113.9750, 22.7950), footprint: (350, 220, 30)),
        Project(id: "P09", nameZh: "新材料产业园（示例）", nameEn: "New Materials Industrial Park (sample)", kind: "major-industrial", centre: (113.8820, 22.7690), footprint: (300, 200, 0)),
        Project(id: "P10", nameZh: "光明区人民医院新院（示例）", nameEn: "District Hospital New Campus (sample)", kind: "public-facility", centre: (113.9290, 22.7420), footprint: (220, 160, 0)),
        Project(id: "P11", nameZh: "公明体育中心（示例）", nameEn: "Gongming Sports Centre (sample)", kind: "public-facility", centre: (113.8920, 22.7620), footprint: (260, 180, 5)),
        Project(id: "P12", nameZh: "马田九年一贯制学校（示例）", nameEn: "Matian School (sample)", kind: "public-facility", centre: (113.8880, 22.7480), footprint: (160, 120, 0)),
        Project(id: "P13", nameZh: "凤凰社区图书馆（示例）", nameEn: "Fenghuang Community Library (sample)", kind: "public-facility", centre: (113.9600, 22.7300), footprint: nil),
        Project(id: "P14", nameZh: "楼村北片区统筹更新（示例）", nameEn: "Loucun North Area-wide Renewal (sample)", kind: "area-wide", centre: (113.9170, 22.7925), footprint: (600, 450, 0)),
        Project(id: "P15", nameZh: "长圳片区综合开发（示例）", nameEn: "Changzhen Area-wide Development (sample)", kind: "area-wide", centre: (113.9240, 22.7280), footprint: (700, 500, 10)),
        Project(id: "P16", nameZh: "合水口旧村改造（示例）", nameEn: "Heshuikou Village Redevelopment (sample)", kind: "area-wide", centre: (113.8760, 22.7880), footprint: (500, 350, 0)),
        Project(id: "P17", nameZh: "南光高速旁仓储楼（示例）", nameEn: "Warehouse beside Nanguang Expressway (sample)", kind: "general", centre: (113.9553, 22.7520), footprint: (80, 50, 0)),
        Project(id: "P18", nameZh: "外环高速旁厂房（示例）", nameEn: "Workshop beside Outer Ring Expressway (sample)", kind: "general", centre: (113.9200, 22.8008), footprint: (70, 40, 0)),
        Project(id: "P19", nameZh: "华夏路沿街商业（示例）", nameEn: "Huaxia Road Street Retail (sample)", kind: "general", centre: (113.9600, 22.7605), footprint: (60, 30, 0)),
        Project(id: "P20", nameZh: "虹桥公园内咖啡馆（示例）", nameEn: "Cafe inside Hongqiao Park (sample)", kind: "general", centre: (113.9465, 22.7520), footprint: (40, 25, 0)),
        Project(id: "P21", nameZh: "大顶岭登山驿站（示例）", nameEn: "Dadingling Trail Stop (sample)", kind: "general", centre: (113.9225, 22.7665), footprint: nil),
        Project(id: "P22", nameZh: "光明森林公园管理用房（示例）", nameEn: "Forest Park Management Building (sample)", kind: "public-facility", centre: (113.9880, 22.7760), footprint: (50, 30, 0)),
        Project(id: "P23", nameZh: "玉塘社区便民中心（示例）", nameEn: "Yutang Community Service Centre (sample)", kind: "general", centre: (113.9050, 22.7280), footprint: (40, 30, 0)),
        Project(id: "P24", nameZh: "马田小型住宅（示例）", nameEn: "Matian Small Housing (sample)", kind: "general", centre: (113.8810, 22.7575), footprint: (45, 30, 20)),
        Project(id: "P25", nameZh: "公明街边口袋公园（示例）", nameEn: "Gongming Pocket Park (sample)", kind: "general", centre: (113.8935, 22.7800), footprint: nil),
        Project(id: "P26", nameZh: "凤凰城住宅（示例）", nameEn: "Fenghuang Housing (sample)", kind: "general", centre: (113.9390, 22.7460), footprint: (90, 40, 0)),
        Project(id: "P27", nameZh: "光侨路加油站（示例）", nameEn: "Guangqiao Road Filling Station (sample)", kind: "general", centre: (113.9466, 22.7205), footprint: (50, 40, 0)),
        Project(id: "P28", nameZh: "新湖社区菜市场（示例）", nameEn: "Xinhu Community Market (sample)", kind: "general", centre: (113.9080, 22.7780), footprint: (50, 35, 0)),
        Project(id: "P29", nameZh: "东长路物流点（示例）", nameEn: "Dongchang Road Logistics Point (sample)", kind: "general", centre: (113.9985, 22.7480), footprint: nil),
        Project(id: "P30", nameZh: "科学城人才公寓（示例）", nameEn: "Science City Talent Apartments (sample)", kind: "key", centre: (113.9560, 22.8110), footprint: (120, 60, 0)),
    ]
}
