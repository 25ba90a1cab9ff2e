import Foundation
import GeoCore

/// Paths to the project and to the read-only ../shared material present on developer and CI
/// machines (not on a user's: tests that need it skip with a message).
public enum SharedFixtures {
    /// The package root (the folder holding Package.swift).
    public static let packageRoot: URL = {
        var url = URL(fileURLWithPath: #filePath)
        while url.path != "/" {
            url.deleteLastPathComponent()
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url }
        }
        return URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
    }()

    /// ../shared beside the package, or GMGEO_SHARED when set; nil when absent.
    public static let sharedRoot: URL? = {
        let candidates = [ProcessInfo.processInfo.environment["GMGEO_SHARED"].map { URL(fileURLWithPath: $0) },
                          packageRoot.deletingLastPathComponent().appendingPathComponent("shared")].compactMap { $0 }
        return candidates.first { FileManager.default.fileExists(atPath: $0.appendingPathComponent("peer-tests").path) }
    }()

    /// A file under ../shared/peer-tests, or nil when ../shared is absent.
    public static func peerTest(_ relativePath: String) -> URL? {
        guard let url = sharedRoot?.appendingPathComponent("peer-tests").appendingPathComponent(relativePath),
              FileManager.default.fileExists(atPath: url.path) else { return nil }
        return url
    }

    /// A file under ../shared/data (the real public geodata), or nil when absent.
    public static func sharedData(_ name: String) -> URL? {
        guard let url = sharedRoot?.appendingPathComponent("data").appendingPathComponent(name),
              FileManager.default.fileExists(atPath: url.path) else { return nil }
        return url
    }

    /// True when ../shared/peer-tests is here; tests use it in `.enabled(if:)`.
    public static var hasPeerTests: Bool { sharedRoot != nil }

    /// True where the peer tests must run (CI sets GMGEO_REQUIRE_SHARED=1): skipping them
    /// there is a failure, not a pass.
    public static var peerTestsRequired: Bool { ProcessInfo.processInfo.environment["GMGEO_REQUIRE_SHARED"] == "1" }

    /// Reads a text file as UTF-8.
    public static func text(_ url: URL) throws -> String {
        try String(contentsOf: url, encoding: .utf8)
    }
}

/// Snapshot of the C handles the calling thread has created and not freed, to prove a piece
/// of synchronous work frees everything it creates (other tests' threads do not count).
public struct HandleSnapshot: Equatable, CustomStringConvertible {
    public let geometries: Int, prepared: Int, trees: Int, proj: Int

    /// The counts right now, on this thread.
    public static func now() -> HandleSnapshot {
        let c = LiveHandles.onThisThread
        return HandleSnapshot(geometries: c[0], prepared: c[1], trees: c[2], proj: c[3])
    }

    public var description: String { "geometries \(geometries), prepared \(prepared), trees \(trees), proj \(proj)" }
}

/// Parses simple CSV with a header row and double-quoted fields (no embedded newlines).
public enum SimpleCSV {
    /// Rows as dictionaries keyed by the header.
    public static func rows(_ text: String) -> [[String: String]] {
        let lines = text.split(whereSeparator: \.isNewline).map(String.init)
        guard let header = lines.first.map(fields) else { return [] }
        return lines.dropFirst().map { line in
            Dictionary(uniqueKeysWithValues: zip(header, fields(line) + Array(repeating: "", count: max(0, header.count - fields(line).count))))
        }
    }

    static func fields(_ line: String) -> [String] {
        var result: [String] = []
        var current = ""
        var quoted = false
        var iterator = line.makeIterator()
        while let c = iterator.next() {
            switch c {
            case "\"" where quoted:
                quoted = false
            case "\"" where current.isEmpty:
                quoted = true
            case "," where !quoted:
                result.append(current)
                current = ""
            default:
                current.append(c)
            }
        }
        result.append(current)
        return result
    }
}
