import GeoIO

/// Why a rule fired for a project, or what it was checked against and cleared, as data, so
/// the same finding reads in Chinese or English (the report's --lang).
public enum ProjectReason: Sendable, Equatable {
    /// The project lies (partly) outside the district.
    case outside(district: Place, partly: Bool)
    /// A kind reviewed inside the named control zones.
    case reviewZone(kind: Kind, zones: [String])
    /// A kind reviewed wherever it is.
    case reviewKind(kind: Kind)
    /// A kind the rules do not know.
    case unknownKind(written: String)
    /// Closer to a road or rail line than its setback.
    case setback(BufferFinding.SetbackViolation)
    /// Takes green space (area 0: a point inside it).
    case takesGreen(area: Double, places: [String])
    /// Cleared: inside the district.
    case inside(district: Place)
    /// Cleared: no review needed (in these zones, or in none).
    case noReview(kind: Kind, zones: [String])
    /// Cleared: outside every setback.
    case clearOfSetbacks
    /// Cleared: takes no green space.
    case noGreen

    /// A place with its Chinese and English names (the district).
    public struct Place: Sendable, Equatable {
        /// Chinese name ("光明区").
        public let zh: String
        /// English name ("Guangming District"); the Chinese one where the data has none.
        public let en: String

        /// Creates a place name.
        public init(zh: String, en: String?) {
            self.zh = zh
            self.en = en ?? zh
        }
    }

    /// A project kind: the rules' key and the plan's own word for it (the first of its list).
    public struct Kind: Sendable, Equatable {
        /// The key in the rules ("key").
        public let key: String
        /// The plan's word ("重点项目"), or nil when the rules list none.
        public let word: String?

        /// Creates a kind.
        public init(key: String, word: String?) {
            self.key = key
            self.word = word
        }

        func text(_ language: Language) -> String {
            language == .zh ? (word ?? "“\(key)”类项目") : "a \(key) project"
        }
    }

    /// The finding in words.
    public func text(_ language: Language) -> String {
        language == .zh ? chinese : english
    }

    private var english: String {
        switch self {
        case .outside(let district, let partly): return partly ? "extends outside \(district.en)" : "lies outside \(district.en)"
        case .reviewZone(let kind, let zones):
            return "\(kind.text(.en)) inside the landscape control zone \(zones.joined(separator: ", ")) needs expert committee review"
        case .reviewKind(let kind): return "\(kind.key) projects need expert committee review wherever they are"
        case .unknownKind(let written):
            return "the kind '\(written)' is not one the rules know, so whether it needs expert review was not decided: check it by hand"
        case .setback(let v):
            let place = v.distance == 0 ? "on the line of \(v.name) (\(v.group))" : "\(Format.fixed(v.distance, 1)) m from \(v.name) (\(v.group))"
            return "\(place), inside the \(Format.fixed(v.required, 0)) m setback"
        case .takesGreen(let area, let places):
            return (area > 0 ? "takes \(Format.fixed(area, 0)) m² of green space" : "sits in green space") + " (\(places.joined(separator: ", ")))"
        case .inside(let district): return "inside \(district.en)"
        case .noReview(let kind, let zones):
            return zones.isEmpty ? "in no review zone, and \(kind.text(.en)) needs no review elsewhere"
                : "\(kind.text(.en)) needs no review in \(zones.joined(separator: ", "))"
        case .clearOfSetbacks: return "outside every road and rail setback"
        case .noGreen: return "takes no green space"
        }
    }

    private var chinese: String {
        switch self {
        case .outside(let district, let partly): return partly ? "部分超出\(district.zh)范围" : "位于\(district.zh)范围之外"
        case .reviewZone(let kind, let zones):
            return "\(kind.text(.zh))位于景观管控区\(zones.joined(separator: "、"))内，需经专家委员会评审"
        case .reviewKind(let kind): return "\(kind.text(.zh))无论位于何处均需经专家委员会评审"
        case .unknownKind(let written): return "项目类型“\(written)”不在规则之列，未能判定是否需专家评审，请人工核查"
        case .setback(let v):
            let place = v.distance == 0 ? "压\(v.name)（\(ProjectReason.group(v.group))）线" : "距\(v.name)（\(ProjectReason.group(v.group))）\(Format.fixed(v.distance, 1))米"
            return "\(place)，位于\(Format.fixed(v.required, 0))米退线范围内"
        case .takesGreen(let area, let places):
            let names = places.map { $0.replacingOccurrences(of: GreenPoints.approximateSuffix, with: "（近似：按名录面积所作圆形）") }
            return (area > 0 ? "占用绿地\(Format.fixed(area, 0))平方米" : "位于绿地内") + "（\(names.joined(separator: "、"))）"
        case .inside(let district): return "位于\(district.zh)范围内"
        case .noReview(let kind, let zones):
            return zones.isEmpty ? "不在需评审的管控区内，\(kind.text(.zh))在其他位置无需评审"
                : "\(kind.text(.zh))在\(zones.joined(separator: "、"))内无需评审"
        case .clearOfSetbacks: return "不在任何道路和轨道退线范围内"
        case .noGreen: return "未占用绿地"
        }
    }

    /// A network group in Chinese.
    static func group(_ group: String) -> String {
        ["expressway": "快速路", "arterial": "主干道", "rail": "轨道", "station": "站点"][group] ?? group
    }
}
