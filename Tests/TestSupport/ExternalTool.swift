import Foundation

/// A program the tests drive (chromium, pandoc, LibreOffice, unzip), found on PATH.
public enum ExternalTool {
    /// The first of `names` on PATH, or nil.
    public static func path(_ names: [String]) -> String? {
        let folders = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        for name in names {
            if let hit = folders.map({ "\($0)/\(name)" }).first(where: { FileManager.default.isExecutableFile(atPath: $0) }) { return hit }
        }
        return nil
    }

    /// True where a missing tool fails the test instead of skipping it (CI installs them all
    /// through Scripts/install-deps.sh and sets GMGEO_REQUIRE_TOOLS=1).
    public static var required: Bool { ProcessInfo.processInfo.environment["GMGEO_REQUIRE_TOOLS"] == "1" }
}
