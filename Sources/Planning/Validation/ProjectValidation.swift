import GeoCore

/// The verdict on one proposed project.
public enum Verdict: String, Sendable, Comparable {
    case ok, needsReview = "needs-review", conflict

    /// ok < needs-review < conflict.
    public static func < (a: Verdict, b: Verdict) -> Bool {
        let order: [Verdict] = [.ok, .needsReview, .conflict]
        return order.firstIndex(of: a) ?? 0 < order.firstIndex(of: b) ?? 0
    }
}

/// A rule that fired for a project, in plain words.
public struct FiredRule: Sendable, Equatable {
    /// A stable code: "outside-district", "review-zone", "review-kind", "setback", "takes-green".
    public let code: String
    /// What the rule does to the verdict.
    public let verdict: Verdict
    /// Why, for a planner.
    public let reason: String
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
    /// What was checked and found clear, in plain words (the reason of an ok verdict).
    public let cleared: [String]

    /// The worst verdict of the rules that fired, ok when none did.
    public var verdict: Verdict { rules.map(\.verdict).max() ?? .ok }
    /// Every fired rule's reason, joined; for an ok project, what it passed.
    public var reasons: String {
        rules.isEmpty ? "passed every check: " + cleared.joined(separator: "; ") : rules.map(\.reason).joined(separator: "; ")
    }
    /// True when expert committee review is needed before design approval.
    public var needsExpertReview: Bool { rules.contains { $0.code.hasPrefix("review") } }
}

/// The layers a project is checked against, in one metric CRS.
public struct ValidationContext: Sendable {
    /// The district (projects outside it conflict).
    public let district: Geometry
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
    public init(district: Geometry, streets: [Zone], upgradeDistricts: [Zone],
                controlZones: [Zone], green: [Zone],
                network: [NetworkFeature], corridors: [Corridor]) {
        self.district = district
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
            var cleared: [String] = []
            if try !inDistrict.covers(g) {
                fired.append(FiredRule(code: "outside-district", verdict: .conflict,
                                       reason: try inDistrict.intersects(g) ? "extends outside Guangming District" : "lies outside Guangming District"))
            } else {
                cleared.append("inside Guangming District")
            }
            // The street is the one holding most of the project (its point for points).
            let streetHits = try streets.matches(g, .intersects)
            let street = try streetHits.max { try overlap(g, context.streets[$0].geometry) < overlap(g, context.streets[$1].geometry) }
                .map { context.streets[$0].name }
            let zoneNames = try zones.matches(g, .intersects).map { context.controlZones[$0].name }
            let reviewZones = zoneNames.filter { rules.review.zones.contains($0) }
            if let kind = project.kind {
                if rules.review.kindsInZone.contains(kind), !reviewZones.isEmpty {
                    fired.append(FiredRule(code: "review-zone", verdict: .needsReview,
                                           reason: "a \(kind) project inside the landscape control zone \(reviewZones.joined(separator: ", ")) needs expert committee review"))
                }
                if rules.review.kindsAnywhere.contains(kind) {
                    fired.append(FiredRule(code: "review-kind", verdict: .needsReview,
                                           reason: "\(kind) projects need expert committee review wherever they are"))
                }
                if !fired.contains(where: { $0.code.hasPrefix("review") }) {
                    cleared.append(reviewZones.isEmpty ? "in no review zone, and a \(kind) project needs no review elsewhere"
                                   : "a \(kind) project needs no review in \(reviewZones.joined(separator: ", "))")
                }
            } else {
                fired.append(FiredRule(code: "unknown-kind", verdict: .needsReview,
                                       reason: "the kind '\(project.written)' is not one the rules know, so whether it needs expert review was not decided: check it by hand"))
            }
            for v in buffers[index].violations {
                fired.append(FiredRule(code: "setback", verdict: .conflict, reason: v.summary))
            }
            if buffers[index].violations.isEmpty { cleared.append("outside every road and rail setback") }
            var taken = 0.0
            var touched: [String] = []
            for i in try green.matches(g, .intersects) {
                let area = try g.intersection(context.green[i].geometry).area()
                taken += area
                touched.append(context.green[i].name)
            }
            if !touched.isEmpty {
                let amount = taken > 0 ? "takes \(Format.fixed(taken, 0)) m² of green space" : "sits in green space"
                fired.append(FiredRule(code: "takes-green", verdict: .conflict, reason: "\(amount) (\(touched.joined(separator: ", ")))"))
            } else {
                cleared.append("takes no green space")
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
