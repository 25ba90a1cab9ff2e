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

    /// The worst verdict of the rules that fired, ok when none did.
    public var verdict: Verdict { rules.map(\.verdict).max() ?? .ok }
    /// Every fired rule's reason, joined.
    public var reasons: String { rules.isEmpty ? "no rule applies" : rules.map(\.reason).joined(separator: "; ") }
    /// True when expert committee review is needed before design approval.
    public var needsExpertReview: Bool { rules.contains { $0.code.hasPrefix("review") } }
}

/// The layers a project is checked against, in one metric CRS.
public struct ValidationContext: Sendable {
    /// The district (projects outside it conflict).
    public let district: Geometry
    /// The streets.
    public let streets: [(name: String, geometry: Geometry)]
    /// The upgrade districts.
    public let upgradeDistricts: [(name: String, geometry: Geometry)]
    /// The landscape control zones.
    public let controlZones: [(name: String, geometry: Geometry)]
    /// The green patches.
    public let green: [(name: String, geometry: Geometry)]
    /// Roads, rail and stations.
    public let network: [NetworkFeature]
    /// The corridors built from the network.
    public let corridors: [Corridor]

    /// Creates a context.
    public init(district: Geometry, streets: [(name: String, geometry: Geometry)], upgradeDistricts: [(name: String, geometry: Geometry)],
                controlZones: [(name: String, geometry: Geometry)], green: [(name: String, geometry: Geometry)],
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

/// Checks proposed projects against the plan's rules.
public enum ProjectValidation {
    /// Assesses every project (geometry and kind) against the context and rules; many
    /// projects are split into chunks assessed on every core.
    public static func assess(_ projects: [(geometry: Geometry, kind: String)], context: ValidationContext,
                              rules: PlanningRules) throws -> [ProjectAssessment] {
        try ParallelMap.chunked(projects.count, size: 512) { range in
            try assessChunk(Array(projects[range]), context: context, rules: rules)
        }
    }

    /// One thread's share: its own prepared indexes (they are not shared between threads).
    private static func assessChunk(_ projects: [(geometry: Geometry, kind: String)], context: ValidationContext,
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
            if try !inDistrict.covers(g) {
                fired.append(FiredRule(code: "outside-district", verdict: .conflict,
                                       reason: try inDistrict.intersects(g) ? "extends outside Guangming District" : "lies outside Guangming District"))
            }
            // The street is the one holding most of the project (its point for points).
            let streetHits = try streets.matches(g, .intersects)
            let street = try streetHits.max { try overlap(g, context.streets[$0].geometry) < overlap(g, context.streets[$1].geometry) }
                .map { context.streets[$0].name }
            let zoneNames = try zones.matches(g, .intersects).map { context.controlZones[$0].name }
            let reviewZones = zoneNames.filter { rules.review.zones.contains($0) }
            if rules.review.kindsInZone.contains(project.kind), !reviewZones.isEmpty {
                fired.append(FiredRule(code: "review-zone", verdict: .needsReview,
                                       reason: "a \(project.kind) project inside the landscape control zone \(reviewZones.joined(separator: ", ")) needs expert committee review"))
            }
            if rules.review.kindsAnywhere.contains(project.kind) {
                fired.append(FiredRule(code: "review-kind", verdict: .needsReview,
                                       reason: "\(project.kind) projects need expert committee review wherever they are"))
            }
            for v in buffers[index].violations {
                fired.append(FiredRule(code: "setback", verdict: .conflict, reason: v.summary))
            }
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
            }
            return ProjectAssessment(street: street, upgradeDistricts: try districts.matches(g, .intersects).map { context.upgradeDistricts[$0].name },
                                     controlZones: zoneNames, buffer: buffers[index], greenTaken: taken, greenTouched: touched, rules: fired)
        }
    }

    private static func overlap(_ g: Geometry, _ zone: Geometry) throws -> Double {
        g.type == .point || g.type == .multiPoint ? 1 : try g.intersection(zone).area()
    }
}
