/// A value of a TOML document (TOML 1.0 without dates and times, which no gmgeo file uses).
public enum TOMLValue: Sendable, Equatable {
    case string(String)
    case integer(Int64)
    case float(Double)
    case boolean(Bool)
    case array([TOMLValue])
    case table(TOMLTable)

    /// The text, when this is a string.
    public var string: String? { if case .string(let s) = self { return s } else { return nil } }
    /// The integer, when this is one.
    public var int: Int64? { if case .integer(let i) = self { return i } else { return nil } }
    /// The number, when this is a float (use `number` to accept integers too).
    public var double: Double? { if case .float(let d) = self { return d } else { return nil } }
    /// An integer or a float as a Double.
    public var number: Double? { double ?? int.map(Double.init) }
    /// The truth value, when this is a boolean.
    public var bool: Bool? { if case .boolean(let b) = self { return b } else { return nil } }
    /// The elements, when this is an array.
    public var array: [TOMLValue]? { if case .array(let a) = self { return a } else { return nil } }
    /// The table, when this is one.
    public var table: TOMLTable? { if case .table(let t) = self { return t } else { return nil } }
}

/// A TOML table: keys in the order written, each with its value.
public struct TOMLTable: Sendable, Equatable, Sequence {
    /// The keys, in the order they were first written.
    public private(set) var keys: [String] = []
    private var values: [String: TOMLValue] = [:]

    /// An empty table.
    public init() {}

    /// Parses a TOML document.
    /// - Throws: `TOMLError` with the line and what is wrong.
    public init(string text: String) throws(TOMLError) {
        var parser = TOMLParser(text)
        self = try parser.document()
    }

    /// The value under `key`, or nil.
    public subscript(key: String) -> TOMLValue? {
        get { values[key] }
        set {
            if let newValue {
                if values.updateValue(newValue, forKey: key) == nil { keys.append(key) }
            } else if values.removeValue(forKey: key) != nil {
                keys.removeAll { $0 == key }
            }
        }
    }

    /// True when the table has no keys.
    public var isEmpty: Bool { keys.isEmpty }

    /// The (key, value) pairs in order.
    public func makeIterator() -> AnyIterator<(key: String, value: TOMLValue)> {
        var i = 0
        return AnyIterator {
            guard i < keys.count else { return nil }
            defer { i += 1 }
            let key = keys[i]
            return values[key].map { (key, $0) }
        }
    }
}

/// A TOML document that cannot be read: where, and why.
public struct TOMLError: Error, Sendable, CustomStringConvertible {
    /// The line (1-based).
    public let line: Int
    /// What is wrong.
    public let message: String
    /// "line N: message".
    public var description: String { "line \(line): \(message)" }
}
