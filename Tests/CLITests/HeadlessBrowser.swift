import Foundation
import TestSupport

/// Chromium (Debian's `chromium`, run headless) driving a page from file://, for the web map
/// tests. Found on PATH or at GMGEO_CHROMIUM; tests skip with a message where there is none,
/// and fail where GMGEO_REQUIRE_TOOLS=1 (CI installs it).
struct HeadlessBrowser {
    let executable: String
    /// The page's viewport: the same in --dump-dom and --screenshot runs, so positions the
    /// page reports in one run are the pixels of the other's screenshot.
    static let window = (width: 1400, height: 900)

    /// The installed browser (GMGEO_CHROMIUM, else on PATH), or nil.
    static func find() -> HeadlessBrowser? {
        if let path = ProcessInfo.processInfo.environment["GMGEO_CHROMIUM"] { return HeadlessBrowser(executable: path) }
        return ExternalTool.path(["chromium", "chromium-browser", "google-chrome"]).map(HeadlessBrowser.init)
    }

    /// The page's DOM after it ran (timers advanced up to `budget` ms of virtual time), and
    /// the URLs of every network request the page made (from Chromium's net log).
    func dumpDOM(_ page: URL, budget: Int = 10_000, scratch: URL) throws -> (dom: String, networkRequests: [String]) {
        let netLog = scratch.appendingPathComponent("net-\(UUID().uuidString).json")
        let dom = try run(["--virtual-time-budget=\(budget)", "--log-net-log=\(netLog.path)", "--dump-dom", page.absoluteString])
        return (dom, try HeadlessBrowser.pageRequests(netLog))
    }

    /// A PNG screenshot of the page as it first shows.
    func screenshot(_ page: URL, to png: URL) throws {
        _ = try run(["--virtual-time-budget=5000", "--screenshot=\(png.path)", page.absoluteString])
    }

    private func run(_ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        // No sandbox: tests run as root in CI; no names resolve, so nothing could reach the
        // network even by mistake (the net log still records any attempt).
        process.arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--disable-background-networking",
                             "--disable-component-update", "--host-resolver-rules=MAP * ~NOTFOUND",
                             "--window-size=\(HeadlessBrowser.window.width),\(HeadlessBrowser.window.height)"] + arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let timer = DispatchWorkItem { process.terminate() }
        DispatchQueue.global().asyncAfter(deadline: .now() + 90, execute: timer)
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        timer.cancel()
        return String(decoding: data, as: UTF8.self)
    }

    /// The URLs of the requests a file:// page started: URL_REQUEST_START_JOB events in the
    /// page's (file://) network partition. The browser's own traffic (updates, accounts) is
    /// in other partitions and not the page's doing.
    static func pageRequests(_ netLog: URL) throws -> [String] {
        let data = try Data(contentsOf: netLog)
        guard let log = try JSONSerialization.jsonObject(with: data) as? [String: Any],
              let constants = log["constants"] as? [String: Any], let types = constants["logEventTypes"] as? [String: Int],
              let start = types["URL_REQUEST_START_JOB"], let events = log["events"] as? [[String: Any]] else {
            throw CocoaError(.fileReadCorruptFile)
        }
        return events.compactMap { event in
            guard event["type"] as? Int == start, let params = event["params"] as? [String: Any],
                  (params["network_isolation_key"] as? String)?.hasPrefix("file://") == true else { return nil }
            return params["url"] as? String
        }
    }
}
