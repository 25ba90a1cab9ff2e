import Foundation

/// Matching park names between OpenStreetMap and the official list, which write the same
/// park differently: full-width or half-width brackets holding another name
/// ("田新社区公园（田新公园）"), "·" joining two names ("麒麟山公园·百花园"), and the suffixes
/// 公园 / 湿地公园 / 城市公园 present in one source and not the other.
enum ParkNames {
    static let suffixes = ["湿地公园", "城市公园", "公园"]

    /// Every form a name can be matched by: each bracketed or "·"-joined name, with and
    /// without each suffix, full-width characters folded and blanks removed.
    static func keys(_ name: String) -> Set<String> {
        let folded = name.precomposedStringWithCompatibilityMapping.filter { !$0.isWhitespace }
        var names: [String] = []
        var outside = "", inside = "", depth = 0
        for c in folded {
            switch c {
            case "(": depth += 1
            case ")": depth = max(0, depth - 1); if depth == 0 { names.append(inside); inside = "" }
            default: if depth > 0 { inside.append(c) } else { outside.append(c) }
            }
        }
        names.append(outside)
        var keys = Set<String>()
        for n in names.flatMap({ $0.split(separator: "·").map(String.init) }) where !n.isEmpty {
            keys.insert(n)
            for suffix in suffixes where n.hasSuffix(suffix) && n.count > suffix.count { keys.insert(String(n.dropLast(suffix.count))) }
        }
        return keys
    }

    /// Whether two names name the same park.
    static func same(_ a: String, _ b: String) -> Bool { !keys(a).isDisjoint(with: keys(b)) }
}
