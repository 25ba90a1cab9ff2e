import GeoCore
import GeoIO

/// The verdict on one proposed project.
public enum Verdict: String, Sendable, Comparable {
    case ok, needsReview = "needs-review", conflict

    /// ok < needs-review < conflict.
    public static func < (a: Verdict, b: Verdict) -> Bool {
        let order: [Verdict] = [.ok, .needsReview, .conflict]
        return order.firstIndex(of: a) ?? 0 < order.firstIndex(of: b) ?? 0
    }
}

/// A rule that fired for a project.
public struct FiredRule: Sendable, Equatable {
    /// A stable code: "outside-district", "review-zone", "review-kind", "unknown-kind", "setback", "takes-green".
    public let code: String
    /// What the rule does to the verdict.
    public let verdict: Verdict
    /// Why, as data (words in either language).
    public let why: ProjectReason

    /// Why, for a planner, in English.
    public var reason: String { why.text(.en) }
}

/// What validation found for one project.
public struct ProjectAssessment: Sendable {
    /// The street holding most of the project.
    public let street: String?
    /// The upgrade districts it touches.
    public let upgradeDistricts: [String]
    /// The control zones it touches.
    public let controlZones: [String]
    /// Corridors, nearest roads and rail, setback violations.
    public let buffer: BufferFinding
    /// Green space taken, m² (0 for points outside green), and the patches touched.
    public let greenTaken: Double
    /// The green patches it touches.
    public let greenTouched: [String]
    /// Every rule that fired.
    public let rules: [FiredRule]
    /// What was checked and found clear (the reason of an ok verdict).
    public let cleared: [ProjectReason]

    /// The worst verdict of the rules that fired, ok when none did.
    public var verdict: Verdict { rules.map(\.verdict).max() ?? .ok }
    /// Every fired rule's reason, joined; for an ok project, what it passed; in English.
    public var reasons: String { reasons(.en) }

    /// Every fired rule's reason in `language`, joined ("; ", or "；" in Chinese); for an ok
    /// project, what it passed.
    public func reasons(_ language: Language) -> String {
        let separator = language.listSeparator
        guard rules.isEmpty else { return rules.map { $0.why.text(language) }.joined(separator: separator) }
        return (language == .zh ? "通过全部校核：" : "passed every check: ") + cleared.map { $0.text(language) }.joined(separator: separator)
    }
    /// True when expert committee review is needed before design approval.
    public var needsExpertReview: Bool { rules.contains { $0.code.hasPrefix("review") } }
}

/// The layers a project is checked against, in one metric CRS.
public struct ValidationContext: Sendable {
    /// The district (projects outside it conflict).
    public let district: Geometry
    /// The district's names, as reasons print them.
    public let districtName: ProjectReason.Place
    /// The streets.
    public let streets: [Zone]
    /// The upgrade districts.
    public let upgradeDistricts: [Zone]
    /// The landscape control zones.
    public let controlZones: [Zone]
    /// The green patches.
    public let green: [Zone]
    /// Roads, rail and stations.
    public let network: [NetworkFeature]
    /// The corridors built from the network.
    public let corridors: [Corridor]

    /// Creates a context.
    public init(district: Geometry, districtName: ProjectReason.Place, streets: [Zone], upgradeDistricts: [Zone],
                controlZones: [Zone], green: [Zone],
                network: [NetworkFeature], corridors: [Corridor]) {
        self.district = district
        self.districtName = districtName
        self.streets = streets
        self.upgradeDistricts = upgradeDistricts
        self.controlZones = controlZones
        self.green = green
        self.network = network
        self.corridors = corridors
    }
}

/// One project to check: where it is and its kind (a key of the rules' [project_kinds],
/// or nil when what was written is not one).
public struct ProjectToCheck: Sendable {
    /// Its point or footprint, in the working CRS.
    public let geometry: Geometry
    /// The kind's key, or nil when the value written is not a known kind.
    public let kind: String?
    /// The kind as written in the file.
    public let written: String

    /// A project of a known kind (or of an unknown one, `kind` nil).
    public init(geometry: Geometry, kind: String?, written: String? = nil) {
        self.geometry = geometry
        self.kind = kind
        self.written = written ?? kind ?? ""
    }
}

/// Checks proposed projects against the plan's rules.
public enum ProjectValidation {
    /// Assesses every project (geometry and kind) against the context and rules; many
    /// projects are split into chunks assessed on every core.
    public static func assess(_ projects: [ProjectToCheck], context: ValidationContext,
                              rules: PlanningRules) throws -> [ProjectAssessment] {
        try ParallelMap.chunked(projects.count, size: 512) { range in
            try assessChunk(Array(projects[range]), context: context, rules: rules)
        }
    }

    /// One thread's share: its own prepared indexes (they are not shared between threads).
    private static func assessChunk(_ projects: [ProjectToCheck], context: ValidationContext,
                                    rules: PlanningRules) throws -> [ProjectAssessment] {
        let streets = try PreparedIndex(context.streets.map(\.geometry))
        let districts = try PreparedIndex(context.upgradeDistricts.map(\.geometry))
        let zones = try PreparedIndex(context.controlZones.map(\.geometry))
        let green = try PreparedIndex(context.green.map(\.geometry))
        let inDistrict = try PreparedGeometry(context.district)
        let buffers = try BufferCheck.run(projects.map(\.geometry), network: context.network, corridors: context.corridors, rules: rules)
        return try projects.enumerated().map { index, project in
            let g = project.geometry
            var fired: [FiredRule] = []
            var cleared: [ProjectReason] = []
            if try !inDistrict.covers(g) {
                fired.append(FiredRule(code: "outside-district", verdict: .conflict,
                                       why: .outside(district: context.districtName, partly: try inDistrict.intersects(g))))
            } else {
                cleared.append(.inside(district: context.districtName))
            }
            // The street is the one holding most of the project (its point for points).
            let streetHits = try streets.matches(g, .intersects)
            let street = try streetHits.max { try overlap(g, context.streets[$0].geometry) < overlap(g, context.streets[$1].geometry) }
                .map { context.streets[$0].name }
            let zoneNames = try zones.matches(g, .intersects).map { context.controlZones[$0].name }
            let reviewZones = zoneNames.filter { rules.review.zones.contains($0) }
            if let key = project.kind {
                let kind = ProjectReason.Kind(key: key, word: rules.kinds.words[key]?.first)
                if rules.review.kindsInZone.contains(key), !reviewZones.isEmpty {
                    fired.append(FiredRule(code: "review-zone", verdict: .needsReview, why: .reviewZone(kind: kind, zones: reviewZones)))
                }
                if rules.review.kindsAnywhere.contains(key) {
                    fired.append(FiredRule(code: "review-kind", verdict: .needsReview, why: .reviewKind(kind: kind)))
                }
                if !fired.contains(where: { $0.code.hasPrefix("review") }) {
                    cleared.append(.noReview(kind: kind, zones: reviewZones))
                }
            } else {
                fired.append(FiredRule(code: "unknown-kind", verdict: .needsReview, why: .unknownKind(written: project.written)))
            }
            for v in buffers[index].violations {
                fired.append(FiredRule(code: "setback", verdict: .conflict, why: .setback(v)))
            }
            if buffers[index].violations.isEmpty { cleared.append(.clearOfSetbacks) }
            var taken = 0.0
            var touched: [String] = []
            for i in try green.matches(g, .intersects) {
                let area = try g.intersection(context.green[i].geometry).area()
                taken += area
                touched.append(context.green[i].name)
            }
            if !touched.isEmpty {
                fired.append(FiredRule(code: "takes-green", verdict: .conflict, why: .takesGreen(area: taken, places: touched)))
            } else {
                cleared.append(.noGreen)
            }
            return ProjectAssessment(street: street, upgradeDistricts: try districts.matches(g, .intersects).map { context.upgradeDistricts[$0].name },
                                     controlZones: zoneNames, buffer: buffers[index], greenTaken: taken, greenTouched: touched, rules: fired,
                                     cleared: cleared)
        }
    }

    private static func overlap(_ g: Geometry, _ zone: Geometry) throws -> Double {
        g.type == .point || g.type == .multiPoint ? 1 : try g.intersection(zone).area()
    }
}
