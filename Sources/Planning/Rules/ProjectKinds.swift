/// The project kinds validation knows, each with the words planners write for it (the
/// plan's own Chinese terms, from rules.toml's [project_kinds]), so "重点项目" and "key"
/// are the same kind and anything else is caught instead of passing unchecked.
public struct ProjectKinds: Sendable, Equatable {
    /// The kinds' keys in the rules' order, e.g. "key", "major-industrial", "general".
    public let keys: [String]
    /// The words accepted for each key (the key itself always is).
    public let words: [String: [String]]
    private let lookup: [String: String]

    /// Kinds with their words.
    public init(_ kinds: [(key: String, words: [String])]) {
        keys = kinds.map(\.key)
        var words: [String: [String]] = [:]
        var lookup: [String: String] = [:]
        for (key, list) in kinds {
            words[key] = list
            for word in [key] + list { lookup[ProjectKinds.normalized(word)] = key }
        }
        self.words = words
        self.lookup = lookup
    }

    /// The key for a value as written ("重点项目", " Key ", "major industrial"), or nil.
    public func key(for value: String) -> String? {
        lookup[ProjectKinds.normalized(value)]
    }

    /// The accepted values, for an error message: "key (重点项目, ...), general (一般项目)".
    public var accepted: String {
        keys.map { key in
            let list = words[key] ?? []
            return list.isEmpty ? key : "\(key) (\(list.joined(separator: ", ")))"
        }.joined(separator: "; ")
    }

    /// Case, blanks, "-" and "_" and full-width letters do not matter.
    static func normalized(_ word: String) -> String {
        String(word.precomposedStringWithCompatibilityMapping.lowercased().filter { !$0.isWhitespace && $0 != "-" && $0 != "_" })
    }
}
