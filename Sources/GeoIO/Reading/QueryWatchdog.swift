import Foundation
import GeoCore
import Synchronization

/// A time limit on SQL a user wrote (--where on a GeoPackage or PostGIS layer). GDAL cannot
/// interrupt SQLite, so a query that runs past the limit (a recursive expression never ends)
/// ends the process with a clear one-line error instead of hanging; PostGIS is also given
/// the limit as its statement_timeout.
public enum QueryWatchdog {
    /// Seconds one step of a filtered read may take: $GMGEO_SQL_TIMEOUT, else 60.
    public static var limit: Double {
        ProcessInfo.processInfo.environment["GMGEO_SQL_TIMEOUT"].flatMap(Double.init).flatMap { $0 > 0 ? $0 : nil } ?? 60
    }

    private struct Watch { var deadline: Date; var message: String }
    private static let armed = Locked<[UInt64: Watch]>([:])
    private static let counter = Atomic<UInt64>(0)
    private static let started: Bool = {
        Thread.detachNewThread {
            while true {
                Thread.sleep(forTimeInterval: 0.2)
                let now = Date()
                if let late = armed.withLock({ $0.values.first { $0.deadline < now } }) {
                    FileHandle.standardError.write(Data("gmgeo: \(late.message)\n".utf8))
                    _exit(2)
                }
            }
        }
        return true
    }()

    /// Runs `body` under the limit; past it, prints `message` (plus the way to raise the
    /// limit) and exits with status 2.
    static func guarding<T>(_ message: @autoclosure () -> String, _ body: () throws -> T) rethrows -> T {
        _ = started
        let id = counter.add(1, ordering: .relaxed).newValue
        let seconds = limit
        let text = "\(message()) ran for more than \(seconds.shortDescription) s; simplify the condition, or allow more time with GMGEO_SQL_TIMEOUT=SECONDS"
        armed.withLock { $0[id] = Watch(deadline: Date().addingTimeInterval(seconds), message: text) }
        defer { _ = armed.withLock { $0.removeValue(forKey: id) } }
        return try body()
    }

    /// A PostgreSQL connection string with the limit as statement_timeout (unless it sets options).
    static func limited(connection: String) -> String {
        guard connection.hasPrefix("PG:"), !connection.contains("options=") else { return connection }
        let ms = Int(limit * 1000)
        if connection.contains("://") {
            return connection + (connection.contains("?") ? "&" : "?") + "options=-c%20statement_timeout%3D\(ms)"
        }
        return connection + " options='-c statement_timeout=\(ms)'"
    }
}
