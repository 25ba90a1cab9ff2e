/// How a source is named in messages: a `PG:` connection string without its password.
public func displayName(ofSource path: String) -> String {
    guard path.hasPrefix("PG:") else { return path }
    return path.split(separator: " ").map { $0.lowercased().hasPrefix("password=") ? "password=***" : String($0) }
        .joined(separator: " ")
}
