import Foundation

/// A strict TOML 1.0 reader, written for gmgeo's rules and style files: every malformed input
/// is a `TOMLError` naming its line, never a crash (the C++ library used before aborted the
/// process on "[["). Dates and times are refused; everything else of TOML is read: tables,
/// arrays of tables, dotted and quoted keys, basic, literal and multi-line strings, integers
/// (decimal, hex, octal, binary), floats (inf, nan), booleans, arrays and inline tables.
struct TOMLParser {
    private let bytes: [UInt8]
    private var i = 0
    private var line = 1
    private var root = TOMLTable()
    /// The path of the table that key = value lines go into.
    private var current: [PathStep] = []
    /// Tables defined by a header (no header may define them again, no dotted key extend them).
    private var headers: Set<[String]> = []
    /// Tables made by dotted keys, with the header they were made under (only key lines
    /// under that header may extend them; no header may define them).
    private var dotted: [[String]: [String]] = [:]
    /// Inline tables and arrays are closed: later lines may not add to them.
    private var closed: Set<[String]> = []
    /// Arrays made by [[...]] (only those may be appended to by a header).
    private var tableArrays: Set<[String]> = []

    /// Nesting of arrays and inline tables accepted (the reader recurses once per level).
    static let maximumNesting = 64

    /// A step of a table path: a key, and for arrays of tables the element.
    private struct PathStep: Hashable {
        let key: String
        let element: Int?
    }

    init(_ text: String) {
        bytes = Array(text.utf8)
    }

    mutating func document() throws(TOMLError) -> TOMLTable {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { i = 3 }
        while true {
            skipBlanks()
            guard let b = peek() else { break }
            switch b {
            case 10, 13:
                try newline()
            case 35:
                try comment()
            case 91:
                try header()
            default:
                try keyValue(into: current)
            }
        }
        return root
    }

    // MARK: - Lines

    private mutating func header() throws(TOMLError) {
        i += 1
        let isArray = peek() == 91
        if isArray { i += 1 }
        skipBlanks()
        let keys = try dottedKey()
        skipBlanks()
        guard peek() == 93 else { throw fail("expected ']' to close the table header") }
        i += 1
        if isArray {
            guard peek() == 93 else { throw fail("expected ']]' to close the array-of-tables header") }
            i += 1
        }
        var path: [PathStep] = []
        for (n, key) in keys.enumerated() {
            let last = n == keys.count - 1
            let names = path.map(\.key) + [key]
            let existing = try value(at: path)?[key]
            if last && isArray {
                switch existing {
                case nil:
                    try set(.array([.table(TOMLTable())]), at: path, key: key)
                    tableArrays.insert(names)
                    path.append(PathStep(key: key, element: 0))
                case .array(let a)? where tableArrays.contains(names):
                    try set(.array(a + [.table(TOMLTable())]), at: path, key: key)
                    path.append(PathStep(key: key, element: a.count))
                default:
                    throw fail("[[\(keys.joined(separator: "."))]]: '\(key)' is already a value that is not an array of tables")
                }
            } else {
                switch existing {
                case nil:
                    try set(.table(TOMLTable()), at: path, key: key)
                    path.append(PathStep(key: key, element: nil))
                case .table?:
                    if last, headers.contains(names) || dotted[names] != nil {
                        throw fail("the table [\(keys.joined(separator: "."))] is defined twice")
                    }
                    if closed.contains(names) { throw fail("'\(key)' is an inline table; it cannot be extended") }
                    path.append(PathStep(key: key, element: nil))
                case .array(let a)? where tableArrays.contains(names) && !last:
                    path.append(PathStep(key: key, element: a.count - 1))
                default:
                    throw fail("'\(key)' is already a value, not a table")
                }
            }
        }
        if !isArray { headers.insert(path.map(\.key)) }
        current = path
        try endOfLine()
    }

    private mutating func keyValue(into base: [PathStep]) throws(TOMLError) {
        let keys = try dottedKey()
        skipBlanks()
        guard peek() == 61 else { throw fail("expected '=' after the key '\(keys.joined(separator: "."))'") }
        i += 1
        skipBlanks()
        let v = try value(depth: 0)
        try assign(v, keys: keys, under: base)
        try endOfLine()
    }

    /// Puts `v` at `keys` (dotted keys make tables on the way) under `base`.
    private mutating func assign(_ v: TOMLValue, keys: [String], under base: [PathStep]) throws(TOMLError) {
        var path = base
        for key in keys.dropLast() {
            let names = path.map(\.key) + [key]
            switch try value(at: path)?[key] {
            case nil:
                try set(.table(TOMLTable()), at: path, key: key)
            case .table?:
                if closed.contains(names) || headers.contains(names) || dotted[names].map({ $0 != base.map(\.key) }) ?? true {
                    throw fail("'\(key)' is a table defined elsewhere; its keys cannot be added here")
                }
            default:
                throw fail("'\(key)' is already a value, not a table")
            }
            dotted[names] = base.map(\.key)
            path.append(PathStep(key: key, element: nil))
        }
        guard let key = keys.last else { throw fail("a key is missing") }
        if try value(at: path)?[key] != nil { throw fail("the key '\(keys.joined(separator: "."))' is defined twice") }
        try set(v, at: path, key: key)
        if case .table = v { closed.insert(path.map(\.key) + [key]) }
        if case .array = v { closed.insert(path.map(\.key) + [key]) }
    }

    // MARK: - The tree

    /// The table at `path`, or nil when it does not exist.
    private func value(at path: [PathStep]) throws(TOMLError) -> TOMLTable? {
        var table = root
        for step in path {
            guard let next = table[step.key] else { return nil }
            switch (next, step.element) {
            case (.table(let t), nil): table = t
            case (.array(let a), let e?) where e < a.count:
                guard case .table(let t) = a[e] else { throw fail("'\(step.key)' is not an array of tables") }
                table = t
            default: throw fail("'\(step.key)' is not a table")
            }
        }
        return table
    }

    /// Sets `key` = `v` in the table at `path` (copy on the way down, write back up).
    private mutating func set(_ v: TOMLValue, at path: [PathStep], key: String) throws(TOMLError) {
        root = try TOMLParser.setting(v, in: root, path: path[...], key: key, line: line)
    }

    private static func setting(_ v: TOMLValue, in table: TOMLTable, path: ArraySlice<PathStep>, key: String,
                                line: Int) throws(TOMLError) -> TOMLTable {
        var copy = table
        guard let step = path.first else {
            copy[key] = v
            return copy
        }
        switch (table[step.key], step.element) {
        case (.table(let t)?, nil):
            copy[step.key] = .table(try setting(v, in: t, path: path.dropFirst(), key: key, line: line))
        case (.array(var a)?, let e?) where e < a.count:
            guard case .table(let t) = a[e] else { throw TOMLError(line: line, message: "'\(step.key)' is not an array of tables") }
            a[e] = .table(try setting(v, in: t, path: path.dropFirst(), key: key, line: line))
            copy[step.key] = .array(a)
        default:
            throw TOMLError(line: line, message: "'\(step.key)' is not a table")
        }
        return copy
    }

    // MARK: - Keys

    private mutating func dottedKey() throws(TOMLError) -> [String] {
        var keys = [try simpleKey()]
        while true {
            skipBlanks()
            guard peek() == 46 else { return keys }
            i += 1
            skipBlanks()
            keys.append(try simpleKey())
        }
    }

    private mutating func simpleKey() throws(TOMLError) -> String {
        guard let b = peek() else { throw fail("a key is missing at the end of the file") }
        if b == 34 { return try basicString() }
        if b == 39 { return try literalString() }
        let start = i
        while let c = peek(), TOMLParser.isBareKey(c) { i += 1 }
        guard i > start else { throw fail("expected a key, found \(TOMLParser.quoted(b))") }
        return String(decoding: bytes[start..<i], as: UTF8.self)
    }

    private static func isBareKey(_ b: UInt8) -> Bool {
        (b >= 65 && b <= 90) || (b >= 97 && b <= 122) || (b >= 48 && b <= 57) || b == 95 || b == 45
    }

    // MARK: - Values

    private mutating func value(depth: Int) throws(TOMLError) -> TOMLValue {
        guard depth <= TOMLParser.maximumNesting else {
            throw fail("arrays and inline tables nest more than \(TOMLParser.maximumNesting) levels deep")
        }
        guard let b = peek() else { throw fail("a value is missing at the end of the file") }
        switch b {
        case 34:
            if starts(with: "\"\"\"") { return .string(try multilineBasicString()) }
            return .string(try basicString())
        case 39:
            if starts(with: "'''") { return .string(try multilineLiteralString()) }
            return .string(try literalString())
        case 91: return try array(depth: depth)
        case 123: return try inlineTable(depth: depth)
        case 116, 102:
            if starts(with: "true") { i += 4; return .boolean(true) }
            if starts(with: "false") { i += 5; return .boolean(false) }
            throw fail("expected a value, found '\(word())'")
        default:
            return try number()
        }
    }

    private mutating func array(depth: Int) throws(TOMLError) -> TOMLValue {
        i += 1
        var items: [TOMLValue] = []
        while true {
            try skipBlanksCommentsAndNewlines()
            guard let b = peek() else { throw fail("the array is never closed with ']'") }
            if b == 93 {
                i += 1
                return .array(items)
            }
            items.append(try value(depth: depth + 1))
            try skipBlanksCommentsAndNewlines()
            guard let next = peek() else { throw fail("the array is never closed with ']'") }
            if next == 44 {
                i += 1
            } else if next != 93 {
                throw fail("expected ',' or ']' in an array, found \(TOMLParser.quoted(next))")
            }
        }
    }

    private mutating func inlineTable(depth: Int) throws(TOMLError) -> TOMLValue {
        i += 1
        // Parsed into a scratch document so dotted keys and duplicates follow the same rules.
        var inner = TOMLParser(bytes: bytes, at: i, line: line)
        inner.skipBlanks()
        if inner.peek() == 125 {
            i = inner.i + 1
            return .table(TOMLTable())
        }
        while true {
            inner.skipBlanks()
            let keys = try inner.dottedKey()
            inner.skipBlanks()
            guard inner.peek() == 61 else { throw inner.fail("expected '=' in an inline table") }
            inner.i += 1
            inner.skipBlanks()
            let v = try inner.value(depth: depth + 1)
            try inner.assign(v, keys: keys, under: [])
            inner.skipBlanks()
            guard let b = inner.peek() else { throw inner.fail("the inline table is never closed with '}'") }
            inner.i += 1
            if b == 125 { break }
            guard b == 44 else { throw inner.fail("expected ',' or '}' in an inline table (on one line), found \(TOMLParser.quoted(b))") }
        }
        i = inner.i
        return .table(inner.root)
    }

    private init(bytes: [UInt8], at offset: Int, line: Int) {
        self.bytes = bytes
        i = offset
        self.line = line
    }

    private mutating func number() throws(TOMLError) -> TOMLValue {
        if let b = peek(), !(b >= 48 && b <= 57) && b != 43 && b != 45 && b != 105 && b != 110 {
            throw fail("expected a value, found \(TOMLParser.quoted(b))")
        }
        let text = word()
        let plain = text.filter { $0 != "_" }
        guard !text.isEmpty else { throw fail("expected a value, found '\(peek().map(TOMLParser.show) ?? "")'") }
        if text.hasPrefix("_") || text.hasSuffix("_") || text.contains("__") {
            throw fail("'\(text)': underscores must sit between digits")
        }
        if text.count >= 10, text.dropFirst(4).first == "-", text.prefix(4).allSatisfy(\.isNumber) {
            throw fail("'\(text)': dates and times are not used in gmgeo's files")
        }
        for (prefix, radix) in [("0x", 16), ("0o", 8), ("0b", 2)] where plain.hasPrefix(prefix) {
            guard let v = Int64(plain.dropFirst(2), radix: radix) else { throw fail("'\(text)' is not a valid number") }
            return .integer(v)
        }
        let unsigned = plain.hasPrefix("+") || plain.hasPrefix("-") ? String(plain.dropFirst()) : plain
        if unsigned == "inf" || unsigned == "nan" {
            let magnitude = unsigned == "inf" ? Double.infinity : Double.nan
            return .float(plain.hasPrefix("-") ? -magnitude : magnitude)
        }
        if unsigned.count > 1, unsigned.hasPrefix("0"), !unsigned.hasPrefix("0.") && !unsigned.hasPrefix("0e") && !unsigned.hasPrefix("0E") {
            throw fail("'\(text)': leading zeros are not allowed")
        }
        if let v = Int64(plain), !plain.contains(where: { $0 == "." || $0 == "e" || $0 == "E" }) { return .integer(v) }
        let isFloat = unsigned.first?.isNumber == true && unsigned.last?.isNumber == true && !unsigned.contains(".e") && !unsigned.contains(".E")
        guard isFloat, let v = Double(plain) else { throw fail("'\(text)' is not a valid value") }
        return .float(v)
    }

    /// The run of characters up to a delimiter (for numbers and error messages).
    private mutating func word() -> String {
        let start = i
        while let b = peek(), !(b == 32 || b == 9 || b == 10 || b == 13 || b == 44 || b == 93 || b == 125 || b == 35) { i += 1 }
        return String(decoding: bytes[start..<i], as: UTF8.self)
    }

    // MARK: - Strings

    private mutating func basicString() throws(TOMLError) -> String {
        i += 1
        var out: [UInt8] = []
        while true {
            guard let b = peek() else { throw fail("the string is never closed with '\"'") }
            i += 1
            switch b {
            case 34: return String(decoding: out, as: UTF8.self)
            case 92: try escape(into: &out)
            case 10, 13: throw fail("a \"...\" string must end on its line (use \"\"\" for several lines)")
            default:
                if b < 32 && b != 9 || b == 127 { throw fail("control character in a string") }
                out.append(b)
            }
        }
    }

    private mutating func multilineBasicString() throws(TOMLError) -> String {
        i += 3
        if peek() == 10 { i += 1; line += 1 } else if starts(with: "\r\n") { i += 2; line += 1 }
        var out: [UInt8] = []
        while true {
            guard let b = peek() else { throw fail("the string is never closed with '\"\"\"'") }
            if starts(with: "\"\"\"") {
                i += 3
                // Up to two more quotes belong to the string.
                var extra = 0
                while peek() == 34 && extra < 2 { out.append(34); i += 1; extra += 1 }
                return String(decoding: out, as: UTF8.self)
            }
            i += 1
            if b == 92 {
                // A backslash at the end of a line trims the line break and leading blanks.
                var j = i
                while j < bytes.count, bytes[j] == 32 || bytes[j] == 9 { j += 1 }
                if j < bytes.count, bytes[j] == 10 || bytes[j] == 13 {
                    i = j
                    while let c = peek(), c == 32 || c == 9 || c == 10 || c == 13 { if c == 10 { line += 1 }; i += 1 }
                    continue
                }
                try escape(into: &out)
                continue
            }
            if b == 10 { line += 1 }
            if b < 32 && b != 9 && b != 10 && b != 13 || b == 127 { throw fail("control character in a string") }
            out.append(b)
        }
    }

    private mutating func literalString() throws(TOMLError) -> String {
        i += 1
        let start = i
        while let b = peek(), b != 39 {
            if b == 10 || b == 13 { throw fail("a '...' string must end on its line") }
            i += 1
        }
        guard peek() == 39 else { throw fail("the string is never closed with \"'\"") }
        defer { i += 1 }
        return String(decoding: bytes[start..<i], as: UTF8.self)
    }

    private mutating func multilineLiteralString() throws(TOMLError) -> String {
        i += 3
        if peek() == 10 { i += 1; line += 1 } else if starts(with: "\r\n") { i += 2; line += 1 }
        let start = i
        while i < bytes.count, !starts(with: "'''") {
            if bytes[i] == 10 { line += 1 }
            i += 1
        }
        guard starts(with: "'''") else { throw fail("the string is never closed with \"'''\"") }
        var end = i
        i += 3
        while peek() == 39 && end - i < 2 { i += 1; end += 1 }
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }

    private mutating func escape(into out: inout [UInt8]) throws(TOMLError) {
        guard let e = peek() else { throw fail("the string ends in a backslash") }
        i += 1
        switch e {
        case 98: out.append(8)
        case 116: out.append(9)
        case 110: out.append(10)
        case 102: out.append(12)
        case 114: out.append(13)
        case 34: out.append(34)
        case 92: out.append(92)
        case 117, 85:
            let n = e == 117 ? 4 : 8
            guard i + n <= bytes.count, let code = UInt32(String(decoding: bytes[i..<(i + n)], as: UTF8.self), radix: 16),
                  let scalar = Unicode.Scalar(code) else { throw fail("a \\u escape must be a Unicode scalar in hex") }
            i += n
            out.append(contentsOf: Array(String(Character(scalar)).utf8))
        default:
            throw fail("unknown escape '\\\(TOMLParser.show(e))' in a string")
        }
    }

    // MARK: - Blanks, comments, line ends

    private func peek() -> UInt8? { i < bytes.count ? bytes[i] : nil }

    private func starts(with text: String) -> Bool {
        let t = Array(text.utf8)
        return i + t.count <= bytes.count && Array(bytes[i..<(i + t.count)]) == t
    }

    private mutating func skipBlanks() {
        while let b = peek(), b == 32 || b == 9 { i += 1 }
    }

    private mutating func comment() throws(TOMLError) {
        while let b = peek(), b != 10 {
            if b < 32 && b != 9 && b != 13 || b == 127 { throw fail("control character in a comment") }
            i += 1
        }
    }

    private mutating func newline() throws(TOMLError) {
        if peek() == 13 {
            i += 1
            guard peek() == 10 else { throw fail("a carriage return must be followed by a line feed") }
        }
        i += 1
        line += 1
    }

    private mutating func skipBlanksCommentsAndNewlines() throws(TOMLError) {
        while true {
            skipBlanks()
            guard let b = peek() else { return }
            if b == 35 { try comment() } else if b == 10 || b == 13 { try newline() } else { return }
        }
    }

    private mutating func endOfLine() throws(TOMLError) {
        skipBlanks()
        if peek() == 35 { try comment() }
        guard let b = peek() else { return }
        guard b == 10 || b == 13 else { throw fail("unexpected '\(TOMLParser.show(b))' after the value; one key = value per line") }
        try newline()
    }

    private func fail(_ message: String) -> TOMLError { TOMLError(line: line, message: message) }

    private static func show(_ b: UInt8) -> String {
        if b == 10 || b == 13 { return "the end of the line" }
        return b >= 32 && b < 127 ? String(UnicodeScalar(b)) : String(format: "0x%02X", b)
    }
}

extension TOMLParser {
    /// A character for a message: 'x', or a description of an invisible one.
    fileprivate static func quoted(_ b: UInt8) -> String {
        b == 10 || b == 13 ? "the end of the line" : "'\(show(b))'"
    }
}
