import GeoCore

/// The type of an attribute field, as gmgeo keeps it.
public enum FieldType: String, Sendable, CaseIterable {
    case integer, real, string, boolean, date, time, dateTime
}

/// An attribute field: its name and type.
public struct Field: Hashable, Sendable {
    /// The field's name.
    public let name: String
    /// The field's type.
    public let type: FieldType

    /// Creates a field.
    public init(_ name: String, _ type: FieldType) {
        self.name = name
        self.type = type
    }
}

/// One attribute value.
public enum FieldValue: Hashable, Sendable, CustomStringConvertible {
    case null
    case integer(Int64)
    case real(Double)
    case string(String)
    case boolean(Bool)

    /// The value as text ("" for null), as a table or a label shows it.
    public var description: String {
        switch self {
        case .null: return ""
        case .integer(let v): return String(v)
        case .real(let v): return v.shortDescription
        case .string(let v): return v
        case .boolean(let v): return v ? "true" : "false"
        }
    }

    /// The value as a number, when it is one (or a string holding one).
    public var number: Double? {
        switch self {
        case .integer(let v): return Double(v)
        case .real(let v): return v
        case .string(let v): return Double(v)
        case .boolean(let v): return v ? 1 : 0
        case .null: return nil
        }
    }

    /// True for `.null`.
    public var isNull: Bool { self == .null }
}
