import CGDAL
import Foundation
import GeoCore

/// Streams the features of one layer, one at a time, so layers larger than memory can be
/// processed. Keeps its source open.
public final class FeatureReader {
    /// The layer's name.
    public let name: String
    /// The CRS of the geometries it returns.
    public let crs: CRS
    /// The layer's fields, in order.
    public let fields: [Field]
    /// Notes for the user so far, e.g. an assumed CRS (kept by the source, so reading more
    /// features may add some).
    public var warnings: [String] { source.warnings }
    private let source: VectorSource
    private let layer: OGRLayerH
    private var index = 0
    private var warnedEncoding = false

    init(source: VectorSource, layer: OGRLayerH) throws {
        self.source = source
        self.layer = layer
        name = OGR_L_GetName(layer).map { String(cString: $0) } ?? "layer"
        let defn = OGR_L_GetLayerDefn(layer)
        fields = (0..<OGR_FD_GetFieldCount(defn)).compactMap { i in
            guard let fd = OGR_FD_GetFieldDefn(defn, i) else { return nil }
            return Field(OGR_Fld_GetNameRef(fd).map { String(cString: $0) } ?? "field\(i)", FeatureReader.type(of: fd))
        }
        let location = "\(displayName(ofSource: source.path)): layer \(name)"
        if let override = source.options.crs {
            crs = override
        } else if let found = try SpatialReference.crs(from: OGR_L_GetSpatialRef(layer)) {
            // GeoJSON is lon/lat by definition, so GDAL says EPSG:4326 even for files in metres
            // (its features are in memory, so the extent costs nothing; elsewhere only if cheap).
            if found.isGeographic, let e = FeatureReader.extent(layer, force: source.driver == "GeoJSON"), !e.isWithin(.lonLatRanges) {
                let message = "the source says \(found.name) (degrees) but its coordinates reach x \(e.minX.rounded().shortDescription)..\(e.maxX.rounded().shortDescription), y \(e.minY.rounded().shortDescription)..\(e.maxY.rounded().shortDescription): not degrees; name the real CRS after the file name, e.g. '\(MissingCRS.fixExample(source.path))', or with --crs for a command's main input"
                guard !source.options.refusesImpossibleCRS else { throw IOError(.noCRS, message, location: location) }
                source.warnings.append("\(location): \(message)")
            }
            crs = found
        } else {
            let assumed = try MissingCRS.assume(lonLat: FeatureReader.extent(layer, force: true)?.isWithin(.lonLatRanges) == true,
                                                location: location, source: source.path)
            crs = assumed.crs
            source.warnings.append(assumed.note)
        }
        // The count before the filter, so "N of M" can say how many there were.
        if source.options.filter != nil { source.featuresBeforeFilter = Int(OGR_L_GetFeatureCount(layer, 1)) }
        GDALEnvironment.resetError()
        let filter = source.options.filter.map { FeatureReader.quotingFieldNames($0, fields) }
        if OGR_L_SetAttributeFilter(layer, filter) != OGRERR_NONE {
            throw IOError(.unknownField, "bad --where '\(source.options.filter ?? "")': \(GDALEnvironment.lastError("OGR cannot parse it")); fields: \(fields.map(\.name).joined(separator: ", "))",
                          location: location)
        }
        OGR_L_ResetReading(layer)
    }

    /// The layer's extent, or nil when it has none (or, without `force`, when it is not cheap).
    private static func extent(_ layer: OGRLayerH, force: Bool) -> Envelope? {
        var e = OGREnvelope()
        guard OGR_L_GetExtent(layer, &e, force ? 1 : 0) == OGRERR_NONE else { return nil }
        return Envelope(minX: e.MinX, minY: e.MinY, maxX: e.MaxX, maxY: e.MaxY)
    }

    /// The next feature, or nil at the end.
    /// - Throws: `IOError.geometry` naming the feature when its geometry cannot be read.
    public func next() throws -> Feature? {
        GDALEnvironment.resetError()
        let next = source.options.filter == nil ? OGR_L_GetNextFeature(layer)
            : QueryWatchdog.guarding("\(displayName(ofSource: source.path)): the --where condition") { OGR_L_GetNextFeature(layer) }
        guard let f = next else {
            if CPLGetLastErrorType() == CE_Failure {
                throw IOError(.open, "reading stopped: \(GDALEnvironment.lastError("GDAL read error"))",
                              location: "\(displayName(ofSource: source.path)): layer \(name): after feature \(index)")
            }
            return nil
        }
        defer { OGR_F_Destroy(f) }
        let fid = OGR_F_GetFID(f)
        let id: Int64? = fid == OGRNullFID ? nil : Int64(fid)
        index += 1
        var geometry: Geometry?
        let readProblem = CPLGetLastErrorType() != CE_None ? GDALEnvironment.lastError("GDAL could not read it") : nil
        if OGR_F_GetGeometryRef(f) == nil, let readProblem {
            // A broken record (e.g. a Shapefile record claiming more points than the file
            // holds) comes back without geometry: say so rather than pass it on as empty.
            try refuseOrNote(IOError(.geometry, "the geometry cannot be read (\(readProblem)); the file is damaged: repair it in QGIS or re-export it",
                                     location: place(id.map(String.init) ?? String(index))))
        }
        if let g = OGR_F_GetGeometryRef(f) {
            do {
                geometry = try OGRGeometry.geometry(from: g)
            } catch {
                throw IOError(.geometry, "\(error)", location: place(id.map(String.init) ?? String(index)))
            }
        }
        var properties: [String: FieldValue] = [:]
        for (i, field) in fields.enumerated() {
            properties[field.name] = try value(f, Int32(i), field, feature: id.map(String.init) ?? String(index))
        }
        return Feature(id: id, geometry: geometry, properties: properties)
    }

    /// OGR SQL reads only ASCII names bare; quote the layer's other field names (e.g. 类别)
    /// where the user wrote them bare, so `类别 = 'rail'` works as a planner expects. Quoting
    /// follows SQL's rules: "name" with inner quotes doubled; string literals ('...') and
    /// names already quoted are left as written, and only whole names are matched.
    static func quotingFieldNames(_ filter: String, _ fields: [Field]) -> String {
        let names = fields.map(\.name).filter { !$0.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") } }
            .sorted { $0.count > $1.count }
        guard !names.isEmpty else { return filter }
        let chars = Array(filter)
        func isNamePart(_ c: Character) -> Bool { c.isLetter || c.isNumber || c == "_" }
        var out = ""
        var i = 0
        while i < chars.count {
            let c = chars[i]
            if c == "'" || c == "\"" {
                // A literal or a quoted name: copied through its closing quote (doubled quotes stay inside).
                var j = i + 1
                while j < chars.count {
                    if chars[j] == c {
                        if j + 1 < chars.count, chars[j + 1] == c { j += 2; continue }
                        break
                    }
                    j += 1
                }
                out += String(chars[i..<min(j + 1, chars.count)])
                i = j + 1
                continue
            }
            if i == 0 || !isNamePart(chars[i - 1]),
               let name = names.first(where: { name in
                   let n = Array(name)
                   return i + n.count <= chars.count && Array(chars[i..<(i + n.count)]) == n
                       && (i + n.count == chars.count || !isNamePart(chars[i + n.count]))
               }) {
                out += "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\""
                i += name.count
                continue
            }
            out.append(c)
            i += 1
        }
        return out
    }

    /// "file: layer name: feature N", how messages name a feature.
    private func place(_ feature: String) -> String {
        "\(displayName(ofSource: source.path)): layer \(name): feature \(feature)"
    }

    /// Throws `error` when the source is being used; notes it when it is only described.
    private func refuseOrNote(_ error: IOError) throws {
        guard !source.options.refusesImpossibleCRS else { throw error }
        source.warnings.append(error.description)
    }

    private static func type(of fd: OGRFieldDefnH) -> FieldType {
        switch OGR_Fld_GetType(fd) {
        case OFTInteger where OGR_Fld_GetSubType(fd) == OFSTBoolean: return .boolean
        case OFTInteger, OFTInteger64: return .integer
        case OFTReal: return .real
        case OFTDate: return .date
        case OFTTime: return .time
        case OFTDateTime: return .dateTime
        default: return .string
        }
    }

    private func value(_ f: OGRFeatureH, _ i: Int32, _ field: Field, feature: String) throws -> FieldValue {
        guard OGR_F_IsFieldSetAndNotNull(f, i) != 0 else { return .null }
        switch field.type {
        case .integer: return .integer(Int64(OGR_F_GetFieldAsInteger64(f, i)))
        case .real: return .real(OGR_F_GetFieldAsDouble(f, i))
        case .boolean: return .boolean(OGR_F_GetFieldAsInteger(f, i) != 0)
        case .string, .date, .time, .dateTime:
            guard let pointer = OGR_F_GetFieldAsString(f, i) else { return .string("") }
            return .string(try text(Array(UnsafeBufferPointer(start: UnsafeRawPointer(pointer).assumingMemoryBound(to: UInt8.self),
                                                              count: strlen(pointer))), field: field.name, feature: feature))
        }
    }

    /// Attribute bytes as text: UTF-8, or decoded from the declared --encoding where GDAL
    /// passes bytes through (GeoJSON, KML, ...). Bytes that are neither are refused naming
    /// the feature (or, when only describing the source, reported once): never written as
    /// replacement characters.
    private func text(_ bytes: [UInt8], field: String, feature: String) throws -> String {
        if let valid = String(validating: bytes, as: UTF8.self) { return valid }
        let declared = source.options.encoding
        let isShapefile = source.driver == "ESRI Shapefile"
        if !isShapefile, !TextEncoding.isUTF8(declared),
           let decoded = try? TextEncoding.utf8Bytes(bytes, from: declared), let text = String(validating: decoded, as: UTF8.self) {
            return text
        }
        // Describing a source reports the first such field once; reading it refuses.
        if !warnedEncoding {
            warnedEncoding = true
            let sample = bytes.prefix(6).map { String(format: "%02X", $0) }.joined(separator: " ")
            let hint = declared.map { "the text is not valid \($0) either; check --encoding" }
                ?? (isShapefile ? "the Shapefile has no .cpg naming its encoding; files from Chinese survey institutes are usually GBK: add --encoding GBK (or 'FILE#encoding=GBK')"
                    : "add --encoding GBK (or the file's encoding)")
            try refuseOrNote(IOError(.format, "field \(field) is not valid UTF-8 text (bytes \(sample) ...); \(hint)", location: place(feature)))
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
