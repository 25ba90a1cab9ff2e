import CPROJ
import Foundation

/// A coordinate reference system: anything PROJ understands ("EPSG:4547", WKT, PROJJSON,
/// a PROJ string), or one of the Chinese web-map systems PROJ lacks ("gcj02", "bd09").
public struct CRS: Hashable, Sendable, CustomStringConvertible {
    /// How the CRS's coordinates are defined.
    public enum Kind: Hashable, Sendable {
        /// A CRS PROJ knows, by its definition string.
        case proj(String)
        /// GCJ-02, the obfuscated WGS 84 of Amap/Gaode, Tencent and DataV files.
        case gcj02
        /// BD-09, Baidu's further offset of GCJ-02.
        case bd09
    }

    /// The definition this CRS was made from.
    public let kind: Kind
    /// PROJ's name for it, e.g. "CGCS2000 / 3-degree Gauss-Kruger CM 114E".
    public let name: String
    /// True for longitude/latitude systems (degrees).
    public let isGeographic: Bool
    /// The unit of the first axis, e.g. "metre" or "degree".
    public let unitName: String
    /// The EPSG code when the CRS has one.
    public let epsgCode: Int?

    /// The text to give PROJ for the underlying lon/lat or projected system.
    var projDefinition: String {
        switch kind {
        case .proj(let definition): return definition
        case .gcj02, .bd09: return "EPSG:4326"
        }
    }

    /// Parses a CRS definition: "EPSG:NNNN", "gcj02", "bd09", WKT, PROJJSON or "+proj=..." text.
    /// - Throws: `CRSError.unknownCRS` with PROJ's reason when PROJ cannot build it.
    public init(_ definition: String) throws(CRSError) {
        let text = definition.trimmingCharacters(in: .whitespacesAndNewlines)
        switch text.lowercased().replacingOccurrences(of: "-", with: "") {
        case "gcj02", "gcj", "mars", "amap", "gaode":
            self = CRS(kind: .gcj02, name: "GCJ-02 (Chinese web-map offset of WGS 84)", isGeographic: true,
                       unitName: "degree", epsgCode: nil)
            return
        case "bd09", "baidu", "bd09ll":
            self = CRS(kind: .bd09, name: "BD-09 (Baidu offset of GCJ-02)", isGeographic: true,
                       unitName: "degree", epsgCode: nil)
            return
        default:
            break
        }
        guard !text.isEmpty else {
            throw CRSError(.unknownCRS, message: "the CRS is empty; name one such as EPSG:4547, EPSG:4326, gcj02 or bd09")
        }
        guard CRS.looksLikeDefinition(text) else {
            // PROJ would look a bare word up by approximate name and may pick an unrelated CRS.
            throw CRSError(.unknownCRS, message: "unknown CRS '\(text)': give an authority code such as EPSG:4547, WKT, PROJJSON, a +proj string, gcj02 or bd09")
        }
        let projText = CRS.normalizedProjString(text)
        // PROJ looks each definition up in its database (SQLite): remember what it said.
        if let known = CRS.known.withLock({ $0[projText] }) {
            self = known
            return
        }
        let context = ProjContext.current
        guard let pj = proj_create(context.handle, projText) else {
            throw CRSError(.unknownCRS, message: "unknown CRS '\(text)': \(context.lastError("PROJ cannot read it")); try EPSG:4547, EPSG:4326, gcj02 or bd09")
        }
        let object = ProjObject(pj, context)
        guard proj_is_crs(pj) != 0 else {
            throw CRSError(.unknownCRS, message: "'\(text)' is not a coordinate reference system (PROJ reads it as an operation)")
        }
        self.kind = .proj(projText)
        self.name = proj_get_name(pj).map { String(cString: $0) } ?? text
        self.isGeographic = CRS.isGeographic(proj_get_type(pj))
        self.unitName = CRS.firstAxisUnit(object) ?? (isGeographic ? "degree" : "metre")
        if let auth = proj_get_id_auth_name(pj, 0), String(cString: auth) == "EPSG",
           let code = proj_get_id_code(pj, 0) {
            self.epsgCode = Int(String(cString: code))
        } else {
            self.epsgCode = nil
        }
        let parsed = self
        CRS.known.withLock { $0[projText] = parsed }
    }

    /// Definitions already read, so repeated names cost no database lookup.
    private static let known = Locked<[String: CRS]>([:])

    private init(kind: Kind, name: String, isGeographic: Bool, unitName: String, epsgCode: Int?) {
        self.kind = kind
        self.name = name
        self.isGeographic = isGeographic
        self.unitName = unitName
        self.epsgCode = epsgCode
    }

    /// WGS 84 longitude/latitude (EPSG:4326), the CRS of RFC 7946 GeoJSON.
    public static let wgs84 = CRS(kind: .proj("EPSG:4326"), name: "WGS 84", isGeographic: true, unitName: "degree", epsgCode: 4326)
    /// CGCS2000 / 3-degree Gauss-Kruger CM 114E (EPSG:4547): gmgeo's metric working CRS for Guangming.
    public static let guangmingWorking = CRS(kind: .proj("EPSG:4547"), name: "CGCS2000 / 3-degree Gauss-Kruger CM 114E",
                                             isGeographic: false, unitName: "metre", epsgCode: 4547)
    /// GCJ-02 longitude/latitude.
    public static let gcj02 = CRS(kind: .gcj02, name: "GCJ-02 (Chinese web-map offset of WGS 84)", isGeographic: true,
                                  unitName: "degree", epsgCode: nil)
    /// BD-09 longitude/latitude.
    public static let bd09 = CRS(kind: .bd09, name: "BD-09 (Baidu offset of GCJ-02)", isGeographic: true,
                                 unitName: "degree", epsgCode: nil)

    /// True for GCJ-02 and BD-09, which no file format can label.
    public var isChineseOffset: Bool { kind == .gcj02 || kind == .bd09 }

    /// A short label: "EPSG:4547", "gcj02", or the name.
    public var description: String {
        switch kind {
        case .gcj02: return "gcj02"
        case .bd09: return "bd09"
        case .proj: return epsgCode.map { "EPSG:\($0)" } ?? name
        }
    }

    /// True for authority codes, WKT, PROJJSON, PROJ strings and OGC URNs.
    private static func looksLikeDefinition(_ text: String) -> Bool {
        if text.hasPrefix("+") || text.hasPrefix("{") || text.lowercased().hasPrefix("urn:ogc:def:") { return true }
        if text.contains("[") { return true }  // WKT
        let parts = text.split(separator: ":")
        return parts.count == 2 && parts[0].allSatisfy { $0.isLetter || $0 == "_" } && !parts[1].isEmpty
            && parts[1].allSatisfy { $0.isNumber || $0.isLetter }
    }

    /// A PROJ string without "+type=crs" would build an operation, not a CRS.
    private static func normalizedProjString(_ text: String) -> String {
        if text.hasPrefix("+"), !text.contains("+type=crs") { return text + " +type=crs" }
        return text
    }

    private static func isGeographic(_ type: PJ_TYPE) -> Bool {
        type == PJ_TYPE_GEOGRAPHIC_2D_CRS || type == PJ_TYPE_GEOGRAPHIC_3D_CRS || type == PJ_TYPE_GEOGRAPHIC_CRS
    }

    private static func firstAxisUnit(_ crs: ProjObject) -> String? {
        let ctx = crs.context.handle
        var base = crs.pj
        var boundSource: ProjObject?
        if proj_get_type(crs.pj) == PJ_TYPE_BOUND_CRS, let source = proj_get_source_crs(ctx, crs.pj) {
            boundSource = ProjObject(source, crs.context)
            base = source
        }
        defer { withExtendedLifetime(boundSource) {} }
        guard let cs = proj_crs_get_coordinate_system(ctx, base) else { return nil }
        let csObject = ProjObject(cs, crs.context)
        var unit: UnsafePointer<CChar>?
        guard proj_cs_get_axis_info(ctx, csObject.pj, 0, nil, nil, nil, nil, &unit, nil, nil) != 0, let unit else { return nil }
        return String(cString: unit)
    }
}
