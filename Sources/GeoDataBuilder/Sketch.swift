/// Schematic geometry drawn by hand from public descriptions of Guangming District:
/// positions are approximate (hundreds of metres), never surveyed. Coordinates are WGS 84
/// lon/lat. GeoData/guangming/README.md says so for every layer built from these.
enum Sketch {
    typealias Line = [(Double, Double)]

    /// A road sketch: names, class, structure (which of 三横三纵 / 八横八纵), and its line.
    struct Road {
        let nameZh: String, nameEn: String, roadClass: String, structure: String
        let line: Line
    }

    /// 三横三纵: three east-west and three north-south expressways and express roads.
    static let expressways: [Road] = [
        Road(nameZh: "外环高速", nameEn: "Outer Ring Expressway", roadClass: "expressway", structure: "三横",
             line: [(113.845, 22.808), (113.900, 22.804), (113.950, 22.797), (114.012, 22.786)]),
        Road(nameZh: "公常路", nameEn: "Gongchang Road", roadClass: "expressway", structure: "三横",
             line: [(113.845, 22.774), (113.900, 22.772), (113.960, 22.770), (114.012, 22.772)]),
        Road(nameZh: "观光路", nameEn: "Guanguang Road", roadClass: "expressway", structure: "三横",
             line: [(113.880, 22.716), (113.930, 22.720), (113.970, 22.728), (114.012, 22.736)]),
        Road(nameZh: "南光高速", nameEn: "Nanguang Expressway", roadClass: "expressway", structure: "三纵",
             line: [(113.957, 22.680), (113.953, 22.740), (113.961, 22.790), (113.968, 22.845)]),
        Road(nameZh: "龙大高速", nameEn: "Longda Expressway", roadClass: "expressway", structure: "三纵",
             // West of 光明中心区, which it bounds (guangming_places.md); enters from the south-east.
             line: [(113.990, 22.680), (113.945, 22.730), (113.927, 22.765), (113.905, 22.810), (113.890, 22.845)]),
        Road(nameZh: "光明大道", nameEn: "Guangming Avenue", roadClass: "expressway", structure: "三纵",
             line: [(113.934, 22.680), (113.937, 22.760), (113.933, 22.845)]),
    ]

    /// 八横八纵 arterials. Names are real where the road's rough course is publicly known;
    /// the others are placeholders "八横之n（示意）" until the plan's list is transcribed.
    static let arterials: [Road] = {
        let across: [(String, String, Double)] = [
            ("八横之一（示意）", "Arterial E-W 1 (schematic)", 22.700), ("八横之二（示意）", "Arterial E-W 2 (schematic)", 22.728),
            ("八横之三（示意）", "Arterial E-W 3 (schematic)", 22.742), ("华夏路", "Huaxia Road", 22.760),
            ("南环大道", "Nanhuan Avenue", 22.766), ("北环大道", "Beihuan Avenue", 22.784),
            ("八横之七（示意）", "Arterial E-W 7 (schematic)", 22.792), ("八横之八（示意）", "Arterial E-W 8 (schematic)", 22.818),
        ]
        let along: [(String, String, Double)] = [
            ("松白路", "Songbai Road", 113.868), ("八纵之二（示意）", "Arterial N-S 2 (schematic)", 113.881),
            ("八纵之三（示意）", "Arterial N-S 3 (schematic)", 113.895), ("八纵之四（示意）", "Arterial N-S 4 (schematic)", 113.910),
            ("八纵之五（示意）", "Arterial N-S 5 (schematic)", 113.922), ("光侨路", "Guangqiao Road", 113.946),
            ("八纵之七（示意）", "Arterial N-S 7 (schematic)", 113.970), ("东长路", "Dongchang Road", 113.986),
        ]
        // Slight tilt so the network is not a perfect grid.
        let horizontal = across.map { Road(nameZh: $0.0, nameEn: $0.1, roadClass: "arterial", structure: "八横",
                                           line: [(113.845, $0.2 - 0.002), (113.925, $0.2), (114.012, $0.2 + 0.003)]) }
        let vertical = along.map { Road(nameZh: $0.0, nameEn: $0.1, roadClass: "arterial", structure: "八纵",
                                        line: [($0.2 + 0.002, 22.680), ($0.2, 22.760), ($0.2 - 0.002, 22.845)]) }
        return horizontal + vertical
    }()

    /// Rail lines other than metro Line 6 and its branch (which follow their real stations).
    /// 2+2+7: two national/intercity railways, two more intercity lines, seven metro lines.
    static let railLines: [(nameZh: String, nameEn: String, railClass: String, line: Line)] = [
        ("赣深高铁", "Ganzhou-Shenzhen High-Speed Railway", "national", [(113.975, 22.845), (113.958, 22.790), (113.9487, 22.7357), (113.945, 22.680)]),
        ("穗莞深城际", "Guangzhou-Dongguan-Shenzhen Intercity", "intercity", [(113.845, 22.760), (113.900, 22.748), (113.9487, 22.7357), (114.012, 22.722)]),
        ("深莞增城际（规划）", "Shenzhen-Dongguan-Zengcheng Intercity (planned)", "intercity", [(113.900, 22.845), (113.915, 22.790), (113.9487, 22.7357)]),
        ("深大城际（规划）", "Shenzhen-Dayawan Intercity (planned)", "intercity", [(113.9487, 22.7357), (113.980, 22.760), (114.012, 22.770)]),
        ("地铁13号线（北延）", "Metro Line 13 (north extension)", "metro", [(113.952, 22.680), (113.9487, 22.7357), (113.940, 22.775), (113.930, 22.800)]),
        ("地铁18号线（规划）", "Metro Line 18 (planned)", "metro", [(113.845, 22.790), (113.888, 22.7794), (113.940, 22.775), (114.012, 22.780)]),
        ("地铁11号线（延长线，规划）", "Metro Line 11 extension (planned)", "metro", [(113.880, 22.690), (113.900, 22.730), (113.9261, 22.7293)]),
        ("地铁19号线（规划）", "Metro Line 19 (planned)", "metro", [(114.012, 22.745), (113.970, 22.750), (113.9453, 22.7532)]),
        ("地铁6号线支线南延（规划）", "Metro Line 6 Branch south extension (planned)", "metro", [(113.9487, 22.7357), (113.955, 22.700), (113.960, 22.680)]),
    ]

    /// 光明中心区 lies "北至公常路、东至光侨路、南至华夏路、西至龙大高速" (hkcd.com, 2019-04-12):
    /// the zone is the area these four roads of the roads layer enclose around this point.
    static let centralDistrict = (nameZh: "光明中心区", nameEn: "Guangming Central District", inside: (113.938, 22.765),
                                  roads: ["公常路", "光侨路", "华夏路", "龙大高速"])

    /// Landscape control zones drawn by hand (the rail and road strips are derived instead).
    static let controlZones: [(nameZh: String, nameEn: String, centre: (Double, Double), radii: (Double, Double))] = [
        ("大科学装置核心区", "Big Science Facilities Core Area", (113.930, 22.806), (1100, 700)),
        ("光明城站枢纽片区", "Guangmingcheng Station Hub Area", (113.9487, 22.7357), (650, 550)),
    ]

    /// 茅洲河 through Guangming: its course, drawn from public maps (schematic).
    static let maozhouRiver: Line = [(113.936, 22.688), (113.925, 22.712), (113.908, 22.740), (113.902, 22.762),
                                     (113.897, 22.782), (113.884, 22.800), (113.866, 22.814), (113.848, 22.822)]

    /// The 11 landscape-upgrade districts: 楼村北 is named in the plan; the other ten are
    /// placeholders named after nearby places until the plan's list is transcribed.
    static let upgradeDistricts: [(nameZh: String, nameEn: String, centre: (Double, Double))] = [
        ("楼村北", "Loucun North", (113.917, 22.792)), ("光明中心（示意）", "Guangming Centre (placeholder)", (113.936, 22.765)),
        ("凤凰城（示意）", "Fenghuang City (placeholder)", (113.926, 22.749)), ("长圳（示意）", "Changzhen (placeholder)", (113.925, 22.728)),
        ("光明城站（示意）", "Guangmingcheng Station (placeholder)", (113.952, 22.738)), ("公明中心（示意）", "Gongming Centre (placeholder)", (113.889, 22.776)),
        ("合水口（示意）", "Heshuikou (placeholder)", (113.876, 22.788)), ("薯田埔（示意）", "Shutianpu (placeholder)", (113.862, 22.780)),
        ("圳美（示意）", "Zhenmei (placeholder)", (113.946, 22.791)), ("碧眼（示意）", "Biyan (placeholder)", (113.952, 22.762)),
        ("科学城中大（示意）", "Science City SYSU (placeholder)", (113.950, 22.802)),
    ]

    /// Green patches: name, class, centre, radius in metres, and how many sides (shape).
    static let green: [(nameZh: String, nameEn: String, greenClass: String, centre: (Double, Double), radius: Double)] = [
        ("虹桥公园", "Hongqiao Park", "park", (113.9465, 22.7525), 320),
        ("大顶岭山地公园", "Dadingling Mountain Park", "forest", (113.922, 22.766), 520),
        ("光明森林公园", "Guangming Forest Park", "forest", (113.987, 22.776), 950),
        ("新城公园", "Xincheng Park", "park", (113.9345, 22.7545), 380),
        ("科学公园", "Science Park", "park", (113.930, 22.788), 400),
        ("红花山公园", "Honghuashan Park", "park", (113.899, 22.789), 330),
        ("楼村湿地公园", "Loucun Wetland Park", "park", (113.910, 22.799), 260),
        ("公明公园", "Gongming Park", "park", (113.884, 22.771), 180),
        ("鹅颈水湿地", "Ejingshui Wetland", "wetland", (113.903, 22.822), 240),
        ("凤凰山", "Fenghuang Hill", "forest", (113.914, 22.735), 450),
        ("迳口社区公园", "Jingkou Community Park", "pocket-park", (113.958, 22.756), 70),
        ("东周社区公园", "Dongzhou Community Park", "pocket-park", (113.926, 22.776), 55),
        ("塘家社区公园", "Tangjia Community Park", "pocket-park", (113.958, 22.785), 60),
        ("玉律社区绿地", "Yulü Community Green", "pocket-park", (113.905, 22.712), 30),
        ("马山头社区绿地", "Mashantou Community Green", "pocket-park", (113.868, 22.790), 32),
    ]

    /// The six streets (街道): Chinese names as OpenStreetMap has them, English names.
    static let streets: [(nameZh: String, nameEn: String)] = [
        ("公明街道", "Gongming Subdistrict"), ("马田街道", "Matian Subdistrict"), ("玉塘街道", "Yutang Subdistrict"),
        ("凤凰街道", "Fenghuang Subdistrict"), ("光明街道", "Guangming Subdistrict"), ("新湖街道", "Xinhu Subdistrict"),
    ]
}
