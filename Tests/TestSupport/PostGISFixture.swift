import Foundation

/// The PostGIS database for the PostGIS tests, named by $GMGEO_TEST_PG (a GDAL `PG:` string).
/// Scripts/test.sh starts one (Scripts/start-postgis.sh) and sets it; without it those tests skip.
/// The server is never started from inside the test process: a daemon started there left the
/// starting shell unreaped by Foundation's Process and hung the whole run.
public enum PostGISFixture {
    /// The GDAL connection string, or nil when no server was provided.
    public static let connection: String? = {
        guard let env = ProcessInfo.processInfo.environment["GMGEO_TEST_PG"], env.hasPrefix("PG:") else { return nil }
        return env
    }()
}
