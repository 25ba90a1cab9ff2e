import Foundation
import GeoCore

/// How a source is named in messages: a `PG:` connection string without its password, in
/// either form (`password=...` or `postgresql://user:password@host/db`). The password is also
/// remembered, so `Secrets.scrub` removes it from any message (GDAL's own included).
public func displayName(ofSource path: String) -> String {
    guard path.hasPrefix("PG:") else { return path }
    return Secrets.scrub(path)
}

/// Passwords seen in connection strings, kept out of every message gmgeo prints.
public enum Secrets {
    private static let known = Locked<Set<String>>([])

    /// The passwords a connection string holds (key=value and URI forms).
    static func passwords(in connection: String) -> [String] {
        var found: [String] = []
        for part in connection.split(separator: " ") {
            let lower = part.lowercased()
            if lower.hasPrefix("password=") || lower.hasPrefix("pg:password=") {
                let value = part[part.index(after: part.firstIndex(of: "=") ?? part.startIndex)...]
                found.append(String(value).trimmingCharacters(in: CharacterSet(charactersIn: "'\"")))
            }
        }
        // URI: scheme://user:password@host...
        if let scheme = connection.range(of: "://"), let at = connection[scheme.upperBound...].firstIndex(of: "@") {
            let userInfo = connection[scheme.upperBound..<at]
            if let colon = userInfo.firstIndex(of: ":") {
                found.append(String(userInfo[userInfo.index(after: colon)...]))
            }
        }
        return found.filter { !$0.isEmpty }
    }

    /// Remembers a secret to remove from messages.
    public static func register(_ secret: String) {
        known.withLock { _ = $0.insert(secret) }
    }

    /// `text` with every known password (and any password= value) replaced by ***.
    public static func scrub(_ text: String) -> String {
        // In connection strings the password's place is known, whatever its length.
        var out = text.split(separator: " ", omittingEmptySubsequences: false).map { part -> String in
            let lower = part.lowercased()
            guard lower.hasPrefix("password=") || lower.hasPrefix("pg:password="), let eq = part.firstIndex(of: "=") else { return String(part) }
            return part[...eq] + "***"
        }.joined(separator: " ")
        for secret in passwords(in: text) {
            register(secret)
            out = out.replacingOccurrences(of: ":\(secret)@", with: ":***@")
        }
        // Elsewhere (GDAL's messages), a remembered password long enough to be unmistakable.
        for secret in known.withLock({ $0 }) where secret.count >= 4 {
            out = out.replacingOccurrences(of: secret, with: "***")
        }
        return out
    }
}
